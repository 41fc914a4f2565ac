/** /llms.txt: an index of the docs for language models, with links to each page's Markdown. */
import { llmsIndex } from '@/lib/markdown/pages';

export const dynamic = 'force-static';

export function GET() {
  return new Response(llmsIndex(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
