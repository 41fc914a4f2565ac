/**
 * The static sidebar and content (HTML that React never hydrates) still behave like an app: the current
 * page is marked, page links navigate without a reload, and the start-up scripts carry V8's compile hint.
 */
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

const current = (page: import('playwright-core').Page) =>
  page.evaluate(() => [...document.querySelectorAll('nav[data-sidebar] a[aria-current="page"]')].map((a) => a.getAttribute('href')));

describe('static navigation', () => {
  it('marks the current page, opens its folder, and navigates client-side from the sidebar and the content', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    const create = '/api-reference/invoices/public-api.v1.invoices.create';
    await page.goto(`${baseURL}${create}`, { waitUntil: 'networkidle' });
    await expect(current(page)).resolves.toEqual([create]);
    const link = page.locator(`nav[data-sidebar] a[href="${create}"]`);
    await expect(link.isVisible()).resolves.toBe(true); // its (closed by default) tag folder was opened
    // The page's content comes before the sidebar in the HTML, and the sidebar is still drawn on the left.
    const [mainBox, navBox] = await Promise.all([page.locator('main').boundingBox(), page.locator('nav[data-sidebar]').boundingBox()]);
    expect(navBox!.x).toBeLessThan(mainBox!.x);

    // A marker on window survives only a client-side navigation, not a reload.
    await page.evaluate(() => ((window as unknown as { __kept: boolean }).__kept = true));
    const list = '/api-reference/invoices/public-api.v1.invoices.list'; // in the folder the inline script opened
    await page.locator(`nav[data-sidebar] a[href="${list}"]`).click();
    await page.waitForURL(`**${list}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('List all invoices');
    await expect.poll(() => current(page)).toEqual([list]);
    await expect(page.evaluate(() => (window as unknown as { __kept?: boolean }).__kept)).resolves.toBe(true);

    // A link inside the static reference content (an error code) navigates client-side too, to its anchor.
    await page.locator('main a[href^="/guides/errors#"]').first().click();
    await page.waitForURL(/\/guides\/errors#/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Errors');
    await expect(page.evaluate(() => (window as unknown as { __kept?: boolean }).__kept)).resolves.toBe(true);
    await expect.poll(() => current(page)).toEqual(['/guides/errors']);

    // Back returns to the list page, still without a reload.
    await page.goBack();
    await page.waitForURL(`**${list}`);
    await expect.poll(() => current(page)).toEqual([list]);
    await expect(page.evaluate(() => (window as unknown as { __kept?: boolean }).__kept)).resolves.toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('leaves links to files and API routes to the browser', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/guides/quickstart`, { waitUntil: 'networkidle' });
    await page.evaluate(() => ((window as unknown as { __kept: boolean }).__kept = true));
    // A link to a file under [data-soft-nav] (made here, as an author would write it) is a plain navigation.
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '/llms.txt';
      a.id = 'file-link';
      a.textContent = 'llms.txt';
      document.querySelector('main')!.prepend(a);
    });
    await Promise.all([page.waitForURL('**/llms.txt'), page.locator('#file-link').click()]);
    await expect(page.evaluate(() => (window as unknown as { __kept?: boolean }).__kept)).resolves.toBeUndefined();
    await page.close();
  });

  it('serves every start-up script with the compile hint', async () => {
    const html = await (await fetch(`${baseURL}/guides/quickstart`)).text();
    const scripts = [...html.matchAll(/<script src="(\/_next\/static\/chunks\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(3);
    for (const src of scripts) {
      const code = await (await fetch(`${baseURL}${src}`)).text();
      expect(code.startsWith('//# allFunctionsCalledOnLoad\n'), src).toBe(true);
    }
  });
});
