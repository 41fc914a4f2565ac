/** The foundation in a real browser: landing, ⌘K search to the FAQ, dark mode, 404, security headers. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watch } from '../helpers/browser';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('landing page', () => {
  it('searches with ⌘K to reach the FAQ, toggles dark mode, and logs no error on the way', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${baseURL}/`, { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Spanish invoicing');
    await expect(page.getByText('https://api.factuarea.com/v1').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Request beta access' }).first().getAttribute('href')).resolves.toBe('/beta-access');

    // ⌘K opens the search dialog; its code loads only now.
    await page.keyboard.press('Control+k');
    const input = page.getByPlaceholder(/search/i).last();
    await input.waitFor({ state: 'visible' });
    await input.fill('Idempotency-Key twice');
    const result = page
      .locator('[role="dialog"] a[href^="/faq"], [role="dialog"] [data-search-item] , [role="dialog"] button')
      .filter({ hasText: /Idempotency-Key/i })
      .first();
    await result.waitFor({ state: 'visible', timeout: 15_000 });
    await result.click();
    await page.waitForURL(/\/faq/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('FAQ');

    // Dark mode: the toggle flips the class on <html> and the choice survives a reload.
    const before = await page.evaluate(() => document.documentElement.classList.contains('dark'));
    await page.locator('[data-theme-toggle]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(!before);
    await page.reload({ waitUntil: 'networkidle' });
    await expect(page.evaluate(() => document.documentElement.classList.contains('dark'))).resolves.toBe(!before);

    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('404 page', () => {
  it('answers 404 with a search box and links', async () => {
    const page = await browser.newPage();
    const problems = watch(page, { allowStatus: ['/no-such-page'] });
    const res = await page.goto(`${baseURL}/no-such-page`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('does not exist');
    await expect(page.locator('main [data-search-trigger]').count()).resolves.toBe(1);
    await expect(page.locator('main a[href="/faq"]').count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('HTTP', () => {
  it('sends the security headers on pages and API routes', async () => {
    for (const path of ['/', '/faq', '/api/openapi', '/no-such-page']) {
      const res = await fetch(`${baseURL}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
    }
  });

  it('serves the FAQ and the bundled OpenAPI document', async () => {
    const faq = await fetch(`${baseURL}/faq`);
    expect(faq.status).toBe(200);
    expect(await faq.text()).toContain('Idempotency-Key');
    const doc = (await (await fetch(`${baseURL}/api/openapi`)).json()) as { openapi: string; paths: Record<string, object> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(200);
  });

  it('answers search queries from /api/search', async () => {
    const res = await fetch(`${baseURL}/api/search?query=${encodeURIComponent('rate limit')}`);
    const hits = (await res.json()) as { url: string }[];
    expect(hits.some((h) => h.url.startsWith('/faq'))).toBe(true);
  });
});

describe('health', () => {
  it('reports the database it uses and answers 200 while it answers', async () => {
    const res = await fetch(`${baseURL}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const body = (await res.json()) as { status: string; database: { ok: boolean; kind: string }; redis: { ok: boolean } };
    expect(body.status).toBe('ok');
    expect(body.database.ok).toBe(true);
    expect(['pglite', 'postgresql']).toContain(body.database.kind);
  });
});
