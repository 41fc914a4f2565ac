/**
 * The site as a reader walks it: a crawl from / that follows every internal link, expecting 200 for each one
 * and every #anchor to exist on its target page; every content page reachable from the sidebar; every error
 * code of the document's catalogue with its anchor in the errors guide.
 */
import { describe, expect, inject, it } from 'vitest';
import { errorCodes } from '@/lib/guides/catalogue';
import { mdxFiles } from '@/lib/guides/snippets';
import { openapiDocument } from '@/lib/openapi/document';

const baseURL = inject('baseURL');

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"');
const hrefs = (html: string) => [...html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)].map((m) => decode(m[1]));
const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1])));

interface Page {
  status: number;
  html?: string;
  ids?: Set<string>;
}

async function crawl() {
  const pages = new Map<string, Page>();
  const links: { from: string; to: string }[] = [];
  const queue = ['/'];
  const seen = new Set(queue);
  while (queue.length) {
    const batch = queue.splice(0, 6);
    await Promise.all(
      batch.map(async (path) => {
        const res = await fetch(`${baseURL}${path}`, { redirect: 'manual' });
        const type = res.headers.get('content-type') ?? '';
        const page: Page = { status: res.status };
        if (type.includes('text/html')) {
          page.html = await res.text();
          page.ids = ids(page.html);
          for (const href of hrefs(page.html)) {
            const url = new URL(href, `${baseURL}${path}`);
            if (url.origin !== baseURL) continue;
            const to = url.pathname + url.search + url.hash;
            links.push({ from: path, to });
            const target = url.pathname + url.search;
            if (!seen.has(target)) {
              seen.add(target);
              queue.push(target);
            }
          }
        } else await res.arrayBuffer();
        pages.set(path, page);
      }),
    );
  }
  return { pages, links };
}

let site: Awaited<ReturnType<typeof crawl>> | undefined;
const getSite = async () => (site ??= await crawl());

describe('internal links', () => {
  it('answer 200 for every page reached from /', async () => {
    const { pages } = await getSite();
    const broken = [...pages].filter(([, p]) => p.status !== 200).map(([path, p]) => `${p.status} ${path}`);
    expect(broken).toEqual([]);
    expect(pages.size).toBeGreaterThan(250);
  }, 600_000);

  it('point at anchors that exist on their target page', async () => {
    const { pages, links } = await getSite();
    const missing = new Set<string>();
    for (const { from, to } of links) {
      const hash = to.indexOf('#');
      if (hash === -1 || hash === to.length - 1) continue;
      const path = to.slice(0, hash);
      const anchor = decodeURIComponent(to.slice(hash + 1));
      const target = pages.get(path || from);
      if (target?.ids && !target.ids.has(anchor)) missing.add(`${from} → ${to}`);
    }
    expect([...missing]).toEqual([]);
  }, 600_000);
});

describe('navigation', () => {
  it('reaches every content page and the event catalogue from the sidebar', async () => {
    const html = await (await fetch(`${baseURL}/faq`)).text();
    const nav = /<nav aria-label="Documentation"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const inNav = new Set(hrefs(nav));
    const expected = mdxFiles('content').map((f) => `/${f.replace(/\.mdx$/, '').replace(/(^|\/)index$/, '')}`.replace(/\/$/, '') || '/');
    const missing = [...expected, '/guides/webhooks/events'].filter((url) => !inNav.has(url));
    expect(missing).toEqual([]);
  });
});

describe('errors guide', () => {
  it('has an anchor for every error code of the document’s catalogue', async () => {
    const html = await (await fetch(`${baseURL}/guides/errors`)).text();
    const anchors = ids(html);
    const codes = errorCodes(openapiDocument()).map((c) => c.code);
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((c) => !anchors.has(c))).toEqual([]);
  });
});
