/** `<page>.md`: one page as Markdown (reached through a rewrite in next.config.mjs). */
import { notFound } from 'next/navigation';
import { allPages, pageMarkdown } from '@/lib/markdown/pages';
import { source } from '@/lib/source';

export const dynamic = 'force-static';
export const dynamicParams = false;

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string[] }> }) {
  const { slug } = await params;
  const page = source.getPage(slug);
  if (!page) notFound();
  return new Response(await pageMarkdown(page), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
}

export function generateStaticParams() {
  return allPages().map((p) => ({ slug: p.slugs }));
}
