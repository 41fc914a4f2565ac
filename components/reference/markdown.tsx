/** Markdown from the OpenAPI document, rendered on the server (no Markdown parser in the browser). */
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { ComponentProps } from 'react';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';

const processor = remark().use(remarkGfm).use(remarkRehype);

/** Plain links, so the Markdown can go into static HTML; page links navigate client-side (SiteNavigation). */
function A({ href = '', ...props }: ComponentProps<'a'>) {
  return <a href={href} {...(href.startsWith('/') || href.startsWith('#') ? {} : { rel: 'noreferrer noopener' })} {...props} />;
}

export function Markdown({ text, inline = false }: { text?: string; inline?: boolean }) {
  if (!text) return null;
  const tree = processor.runSync(processor.parse(text));
  const content = toJsxRuntime(tree, { Fragment, jsx, jsxs, components: { a: A, ...(inline ? { p: Fragment } : {}) } });
  return inline ? (
    content
  ) : (
    <div className="prose-sm max-w-none [&_code]:rounded [&_code]:bg-fd-muted [&_code]:px-1 [&_p]:my-1.5">{content}</div>
  );
}
