/** The changelog as an RSS 2.0 feed. */
import { changelog, type ChangelogEntry } from './entries';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Markdown links become absolute so they work in feed readers. */
const absolute = (markdown: string, site: string) => markdown.replace(/\]\((\/[^)]*)\)/g, `](${site}$1)`);

export function changelogRss(site: string, entries: ChangelogEntry[] = changelog): string {
  const items = entries
    .map(
      (e) => `    <item>
      <title>${escape(e.title)}</title>
      <link>${site}/changelog#${e.id}</link>
      <guid isPermaLink="false">factuarea-changelog-${e.id}</guid>
      <pubDate>${new Date(`${e.date}T00:00:00Z`).toUTCString()}</pubDate>
      <category>${e.kind}</category>
      <description>${escape(absolute(e.body, site))}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Factuarea API changelog</title>
    <link>${site}/changelog</link>
    <atom:link href="${site}/changelog/rss.xml" rel="self" type="application/rss+xml" />
    <description>Changes to the Factuarea API, its SDKs and its documentation.</description>
    <language>en</language>
${items}
  </channel>
</rss>
`;
}
