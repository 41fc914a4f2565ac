/** A server-rendered code block (already highlighted by shiki at build time) with a copy island. */
import type { ComponentProps } from 'react';
import { CopyButton } from './copy-button';

export function Pre({ className, title, ...props }: ComponentProps<'pre'> & { title?: string }) {
  return (
    <figure className="not-prose relative my-4 overflow-hidden rounded-xl border bg-fd-secondary/50 text-sm">
      {title ? <figcaption className="border-b px-4 py-2 font-mono text-xs text-fd-muted-foreground">{title}</figcaption> : null}
      <CopyButton />
      <pre {...props} className={`${className ?? ''} overflow-auto p-4 pe-16 leading-relaxed`} />
    </figure>
  );
}
