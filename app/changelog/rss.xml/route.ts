/** /changelog/rss.xml: the changelog as an RSS feed, built once at build time. */
import { changelogRss } from '@/lib/changelog/rss';
import { siteUrl } from '@/lib/site';

export const dynamic = 'force-static';

export function GET() {
  return new Response(changelogRss(siteUrl), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
