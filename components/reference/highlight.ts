/** Server-side highlighting for reference pages, with the production base URL marked so the reader can switch it. */
import { highlightToHtml } from '@/lib/html/highlight';
import { PRODUCTION_BASE } from '@/lib/openapi/samples';

export async function highlight(code: string, lang: string): Promise<string> {
  const html = await highlightToHtml(code, lang);
  return html.split(PRODUCTION_BASE).join(`<span data-base-url="">${PRODUCTION_BASE}</span>`);
}
