/** Highlights a snippet on the server with shiki (both themes in one pass); no highlighter reaches the browser. */
import { highlightToHtml } from '@/lib/html/highlight';
import { CopyButton } from './lean/copy-button';

export async function Code({ code, lang, title }: { code: string; lang: string; title?: string }) {
  const html = await highlightToHtml(code, lang);
  return (
    <figure className="not-prose relative my-4 overflow-hidden rounded-xl border bg-fd-secondary/50 text-sm">
      {title ? <figcaption className="border-b px-4 py-2 font-mono text-xs text-fd-muted-foreground">{title}</figcaption> : null}
      <CopyButton />
      <div className="[&_pre]:overflow-auto [&_pre]:p-4 [&_pre]:pe-16 [&_pre]:leading-relaxed" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
