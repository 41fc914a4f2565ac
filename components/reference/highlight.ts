/** Server-side highlighting for reference pages, with the production base URL marked so the reader can switch it. */
import { codeToHtml } from 'shiki';
import { PRODUCTION_BASE } from '@/lib/openapi/samples';

export async function highlight(code: string, lang: string): Promise<string> {
  const html = await codeToHtml(code, { lang, themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false });
  return html.split(PRODUCTION_BASE).join(`<span data-base-url="">${PRODUCTION_BASE}</span>`);
}
