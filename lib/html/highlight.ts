/**
 * Code highlighted on the server with shiki, in both themes at once (CSS picks one), as an HTML string.
 * Tokens drawn in the block's own default colours lose their <span>: they inherit the colour from the
 * <pre>, and a JSON example keeps about 60 % of its spans, so the browser parses and lays out less.
 */
import { codeToHtml } from 'shiki';

const TOKEN = /<span style="([^"]*)">([^<]*)<\/span>/g;

export function dropDefaultColourSpans(html: string): string {
  const pre = /<pre[^>]*style="--shiki-light:(#[0-9a-f]+);--shiki-dark:(#[0-9a-f]+)/i.exec(html);
  if (!pre) return html;
  const plain = `--shiki-light:${pre[1]};--shiki-dark:${pre[2]}`.toLowerCase();
  return html.replace(TOKEN, (span, style: string, text: string) => (style.toLowerCase() === plain ? text : span));
}

export async function highlightToHtml(code: string, lang: string): Promise<string> {
  const html = await codeToHtml(code, { lang, themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false });
  return dropDefaultColourSpans(html);
}
