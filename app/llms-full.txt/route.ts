/** /llms-full.txt: every guide and every operation in one Markdown file. */
import { allPages, pageMarkdown } from '@/lib/markdown/pages';

export const dynamic = 'force-static';

export async function GET() {
  const parts = await Promise.all(allPages().map(pageMarkdown));
  return new Response(parts.join('\n\n---\n\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
