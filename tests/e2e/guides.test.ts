/**
 * The guides in a real browser: code tabs, the signature checker (computed in the page, nothing sent), the
 * "Was this helpful?" form with and without JavaScript, the changelog feed, and the JavaScript budget.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { signatureHeader } from '@/lib/webhooks/signature';
import { launch, watch } from '../helpers/browser';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('quickstart', () => {
  it('switches every code sample to PHP with one click (no JavaScript needed), and shows the last-updated date and next link', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${baseURL}/guides/quickstart`, { waitUntil: 'networkidle' });
    const visible = (lang: string) => page.locator(`[data-code-tabs] > [data-panel="${lang}"]:visible`);
    await expect(visible('typescript').count()).resolves.toBe(6);
    await expect(visible('php').count()).resolves.toBe(0);
    await page.locator('[data-code-tabs] label[data-lang="php"]').first().click();
    await expect.poll(() => visible('php').count()).toBe(6);
    await expect(visible('typescript').count()).resolves.toBe(0);
    await expect(visible('php').first().textContent()).resolves.toContain('FactuareaClient::create');
    const weight = (i: number) =>
      page
        .locator('[data-code-tabs] label[data-lang="php"]')
        .nth(i)
        .evaluate((el) => getComputedStyle(el).fontWeight);
    await expect(weight(5)).resolves.toBe('500');
    await expect(page.locator('footer time').count()).resolves.toBe(1);
    await expect(page.locator('a[rel="next"]').getAttribute('href')).resolves.toBe('/guides/request-beta-access');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('signature checker', () => {
  it('verifies in the browser and explains why a signature fails, without any request', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${baseURL}/guides/webhooks`, { waitUntil: 'networkidle' });
    // Only the checker's own code may load; nothing the reader typed goes anywhere.
    const requests: string[] = [];
    page.on('request', (r) => {
      const { pathname } = new URL(r.url());
      // The browser may fetch the favicon late on its own; it carries nothing the reader typed.
      if (!pathname.startsWith('/_next/static/') && !['/icon.svg', '/favicon.ico', '/apple-icon.png'].includes(pathname))
        requests.push(r.url());
    });

    const payload = '{"id":"019d4d42-8f88-72a1-b304-3f0173edccf5","type":"invoice.paid"}';
    const secret = 'whsec_9fK2mQ7xL4vB8nR1tY6pW3sZ0cD5hJ2a';
    const header = await signatureHeader(payload, Math.floor(Date.now() / 1000), [secret]);
    const form = page.locator('[data-signature-checker]');
    await form.locator('textarea[name="payload"]').fill(payload);
    await form.locator('input[name="header"]').fill(header);
    await form.locator('input[name="secret"]').fill(secret);
    await form.getByRole('button', { name: 'Check the signature' }).click();
    await expect.poll(() => form.locator('[role="status"]').getAttribute('data-verdict')).toBe('valid');

    await form.locator('input[name="secret"]').fill('whsec_7hW1nC5vR9kT2xB6mQ0pL3zF8dJ4sY1e');
    await form.getByRole('button', { name: 'Check the signature' }).click();
    await expect.poll(() => form.locator('[role="status"]').getAttribute('data-verdict')).toBe('no_matching_signature');

    await form.locator('input[name="header"]').fill('v1=abc');
    await form.getByRole('button', { name: 'Check the signature' }).click();
    await expect.poll(() => form.locator('[role="status"]').getAttribute('data-verdict')).toBe('malformed_header');

    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('was this helpful?', () => {
  it('records an answer from the island and thanks the reader in place', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${baseURL}/guides/errors`, { waitUntil: 'networkidle' });
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await page.locator('#feedback textarea').fill('Clear, thanks.');
    await page.locator('#feedback').getByRole('button', { name: 'Yes' }).click();
    expect((await answer).status()).toBe(201);
    await expect.poll(() => page.locator('#feedback [data-feedback-thanks]').isVisible()).toBe(true);
    await expect(page.locator('#feedback [data-feedback-fields]').isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works without JavaScript: a plain form post lands on the thank-you page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/guides/idempotency`);
    await page.locator('#feedback').getByRole('button', { name: 'No' }).click();
    await page.waitForURL(/\/feedback\/thanks\?page=%2Fguides%2Fidempotency/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Thank you');
    await context.close();
  });

  it('rejects answers for pages outside the site with the API error envelope', async () => {
    const res = await fetch(`${baseURL}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ page: 'https://example.com/', helpful: true }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { type: string; code: string; param: string; request_id: string } };
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_invalid', param: 'page' });
    expect(body.error.request_id).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});

describe('changelog', () => {
  it('publishes an RSS feed whose items link to the changelog', async () => {
    const res = await fetch(`${baseURL}/changelog/rss.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('xml');
    const xml = await res.text();
    expect(xml).toContain('<rss version="2.0"');
    expect((xml.match(/<item>/g) ?? []).length).toBeGreaterThan(2);
    expect(xml).toMatch(/<link>https?:\/\/[^<]+\/changelog#[a-z0-9-]+<\/link>/);
  });
});

describe('page weight', () => {
  it('keeps the guides with islands within the 155 KB JavaScript budget', async () => {
    const { pageWeight } = await import('../../scripts/page-weight.mjs');
    for (const path of ['/guides/webhooks', '/guides/quickstart', '/guides/errors']) {
      const { jsKB } = await pageWeight(browser, `${baseURL}${path}`);
      expect(jsKB, path).toBeLessThanOrEqual(155);
    }
  });
});
