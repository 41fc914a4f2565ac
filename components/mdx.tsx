/** The components MDX content renders with: server-side, with small client islands (copy button, code tabs, signature checker). */
import type { ComponentProps, ReactNode } from 'react';
import { Pre } from './lean/pre';
import { CodeTabs } from './guides/code-tabs';
import {
  ErrorCodeCatalogue,
  ErrorTypeTable,
  EventCatalogue,
  EventCount,
  IrreversibleCount,
  IrreversibleTable,
  ScopeCount,
  ScopeTable,
} from './guides/catalogue';
import { SignatureChecker } from './guides/signature-checker';
import { ChangelogEntries } from './guides/changelog';

function Heading({ as: Tag, id, children, ...props }: ComponentProps<'h2'> & { as: 'h2' | 'h3' | 'h4' }) {
  return (
    <Tag id={id} {...props} className="group scroll-mt-20">
      {children}
      {id ? (
        <a
          href={`#${id}`}
          aria-label="Link to this section"
          className="ms-2 text-fd-muted-foreground no-underline opacity-0 group-hover:opacity-100"
        >
          #
        </a>
      ) : null}
    </Tag>
  );
}

function A({ href = '', ...props }: ComponentProps<'a'>) {
  return <a href={href} {...props} {...(href.startsWith('http') ? { rel: 'noreferrer noopener' } : {})} />;
}

export function Callout({
  type = 'info',
  title,
  children,
}: {
  type?: 'info' | 'warn' | 'error' | 'success';
  title?: ReactNode;
  children: ReactNode;
}) {
  const tone = {
    info: 'border-fd-primary/40 bg-fd-primary/5',
    warn: 'border-amber-500/50 bg-amber-500/10',
    error: 'border-red-500/50 bg-red-500/10',
    success: 'border-emerald-500/50 bg-emerald-500/10',
  }[type];
  return (
    <div role="note" className={`not-prose my-5 rounded-xl border-s-4 border p-4 text-sm ${tone}`}>
      {title ? <p className="mb-1 font-semibold">{title}</p> : null}
      <div className="[&_p]:my-1 [&_code]:rounded [&_code]:bg-fd-muted [&_code]:px-1">{children}</div>
    </div>
  );
}

export const mdxComponents = {
  pre: Pre,
  a: A,
  h2: (p: ComponentProps<'h2'>) => <Heading as="h2" {...p} />,
  h3: (p: ComponentProps<'h3'>) => <Heading as="h3" {...p} />,
  h4: (p: ComponentProps<'h4'>) => <Heading as="h4" {...p} />,
  Callout,
  CodeTabs,
  ScopeTable,
  ScopeCount,
  IrreversibleTable,
  IrreversibleCount,
  ErrorTypeTable,
  ErrorCodeCatalogue,
  EventCatalogue,
  EventCount,
  SignatureChecker,
  ChangelogEntries,
};
