/** The API reference on a production build: every operation's page and Markdown, and the pages in Chromium. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { listOperations } from '@/lib/openapi/operations';
import { referenceUrl } from '@/lib/openapi/reference';
import type { JsonObject } from '@/lib/openapi/bundle';
import { launch, watch } from '../helpers/browser';

const baseURL = inject('baseURL');
const doc = JSON.parse(readFileSync('openapi/dist/openapi.json', 'utf8')) as JsonObject;
const operations = listOperations(doc);
const LANGS = ['cURL', 'TypeScript', 'PHP', 'Python', 'fetch'];

const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

describe('every operation', () => {
  it(`has a page with its path, scope and five sample languages (${operations.length} operations)`, async () => {
    expect(operations.length).toBe(262);
    const failures: string[] = [];
    await inBatches(operations, 8, async (op) => {
      const res = await fetch(`${baseURL}${referenceUrl(op)}`);
      const html = decode(await res.text());
      const missing = [
        res.status !== 200 && `status ${res.status}`,
        !html.includes(op.path) && 'path',
        op.scope && !html.includes(`data-scope="${op.scope}"`) && 'scope',
        ...LANGS.filter((l) => !html.includes(`>${l}</button>`)).map((l) => `sample ${l}`),
        op.irreversible && !html.includes('data-irreversible') && 'irreversible warning',
      ].filter(Boolean);
      if (missing.length) failures.push(`${referenceUrl(op)}: ${missing.join(', ')}`);
    });
    expect(failures).toEqual([]);
  });

  it('has a Markdown version with the path, the parameters and an example', async () => {
    const failures: string[] = [];
    await inBatches(operations, 8, async (op) => {
      const res = await fetch(`${baseURL}${referenceUrl(op)}.md`);
      const md = await res.text();
      const missing = [
        res.status !== 200 && `status ${res.status}`,
        !(res.headers.get('content-type') ?? '').includes('markdown') && 'content type',
        !md.includes(`${op.method.toUpperCase()} ${op.path}`) && 'path',
        ...op.parameters.filter((p) => !md.includes(`\`${p.name}\``)).map((p) => `parameter ${p.name}`),
        !md.includes('```') && 'example',
        /<[A-Z][a-zA-Z]+[\s/>]/.test(md.replace(/```[\s\S]*?```/g, '')) && 'component markup',
      ].filter(Boolean);
      if (missing.length) failures.push(`${referenceUrl(op)}.md: ${missing.join(', ')}`);
    });
    expect(failures).toEqual([]);
  });

  it('lists every page in /llms.txt and puts everything in /llms-full.txt', async () => {
    const index = await (await fetch(`${baseURL}/llms.txt`)).text();
    for (const op of operations) expect(index).toContain(`${referenceUrl(op)}.md`);
    expect(index).toContain('/faq.md');
    const full = await (await fetch(`${baseURL}/llms-full.txt`)).text();
    expect(full).toContain('# FAQ');
    expect(full).toContain('`POST /invoices/{invoice}/mark-paid`');
  });
});

describe('search', () => {
  const search = async (q: string) =>
    (await (await fetch(`${baseURL}/api/search?query=${encodeURIComponent(q)}`)).json()) as {
      url: string;
      content: string;
      type: string;
    }[];

  it('finds an operation by its summary words', async () => {
    // Guides match too (the quickstart has a "Mark it paid" step): look at the pages found, as the dialog groups them.
    const hits = (await search('mark paid')).filter((h) => h.type === 'page');
    expect(hits.slice(0, 5).map((h) => h.url)).toContain('/api-reference/invoices/public-api.v1.invoices.mark_paid');
  });

  it('finds an operation by method and path', async () => {
    const hits = await search('POST /invoices');
    expect(hits.slice(0, 5).map((h) => h.url)).toContain('/api-reference/invoices/public-api.v1.invoices.create');
  });

  it('finds an operation by operationId', async () => {
    const hits = await search('public-api.v1.webhook_endpoints.rotate_secret');
    expect(hits.slice(0, 5).map((h) => h.url.split('#')[0])).toContain(
      '/api-reference/webhooks/public-api.v1.webhook_endpoints.rotate_secret',
    );
  });
});

describe('reference pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pages = {
    list: '/api-reference/invoices/public-api.v1.invoices.list',
    create: '/api-reference/clients/public-api.v1.clients.create',
    irreversible: '/api-reference/invoices/public-api.v1.invoices.void',
    binary: '/api-reference/invoices/public-api.v1.invoices.pdf',
  };

  for (const [kind, path] of Object.entries(pages)) {
    it(`renders the ${kind} page without console errors, and its sample tabs switch`, async () => {
      const page = await browser.newPage();
      const problems = watch(page);
      await page.goto(`${baseURL}${path}`, { waitUntil: 'networkidle' });
      const tablist = page.getByRole('tablist', { name: 'Code sample language' });
      for (const [label, text] of [
        ['PHP', 'FactuareaClient::create'],
        ['Python', 'import requests'],
        ['fetch', 'await fetch('],
        ['TypeScript', '@factuarea/sdk'],
        ['cURL', 'curl'],
      ]) {
        await tablist.getByRole('tab', { name: label, exact: true }).click();
        const panel = page.locator('[role="tabpanel"][data-panel]:not([hidden])').first();
        await expect(panel.textContent()).resolves.toContain(text);
      }
      if (kind === 'irreversible') await expect(page.locator('[data-irreversible]').isVisible()).resolves.toBe(true);
      if (kind === 'binary') await expect(page.getByText('application/pdf').first().isVisible()).resolves.toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('remembers the sample language across pages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${baseURL}${pages.list}`, { waitUntil: 'networkidle' });
    await page.getByRole('tablist', { name: 'Code sample language' }).getByRole('tab', { name: 'Python', exact: true }).click();
    await page.goto(`${baseURL}${pages.create}`, { waitUntil: 'networkidle' });
    const selected = page.getByRole('tablist', { name: 'Code sample language' }).getByRole('tab', { selected: true });
    await expect.poll(() => selected.textContent()).toBe('Python');
    // Client-side navigation through the sidebar (the current page's folder is open) keeps it too.
    const sibling = '/api-reference/clients/public-api.v1.clients.list';
    await page.locator(`aside a[href="${sibling}"]`).click();
    await page.waitForURL(`**${sibling}`);
    await expect
      .poll(() => page.getByRole('tablist', { name: 'Code sample language' }).getByRole('tab', { selected: true }).textContent())
      .toBe('Python');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('loads the request console only when the reader opens "Try it"', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${baseURL}${pages.create}`, { waitUntil: 'networkidle' });
    const before = scripts.length;
    await expect(page.locator('[data-try-it-console]').count()).resolves.toBe(0);
    await page.locator('[data-try-it]').click();
    await page.locator('[data-try-it-console]').waitFor();
    await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 20_000 });
    expect(scripts.length).toBeGreaterThan(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches the samples between the production and the sandbox base URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}${pages.list}`, { waitUntil: 'networkidle' });
    const curl = page.locator('[role="tabpanel"][data-panel="curl"]');
    await page.getByRole('tablist', { name: 'Code sample language' }).getByRole('tab', { name: 'cURL', exact: true }).click();
    await expect(curl.textContent()).resolves.toContain('https://api.factuarea.com/v1/invoices');
    await page.locator('[data-base-switch]').selectOption('sandbox');
    await expect(curl.textContent()).resolves.toContain(`${baseURL}/sandbox/v1/invoices`);
    await page.close();
  });
});
