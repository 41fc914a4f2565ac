/**
 * The try-it console in Chromium against the production build, through /api/proxy to the sandbox (the embedded
 * one, or the stand-in the global setup starts while the build has none): create a client and find it in the
 * list, idempotent replays, the visitor's own key, live-key refusal, "Reset my sandbox", copy as cURL/TS/PHP,
 * the history — and the on-demand weight of the console's code.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { deriveVisitorKey } from '@/lib/proxy/keys';
import { verifyCookieValue } from '@/lib/proxy/visitor';
import { launch, watch } from '../helpers/browser';
import { E2E_PROXY_SECRET } from '../helpers/global-setup';
import { cif } from '../helpers/beta';

const baseURL = inject('baseURL');
const PAGES = {
  createClient: '/api-reference/clients/public-api.v1.clients.create',
  listClients: '/api-reference/clients/public-api.v1.clients.list',
  account: '/api-reference/account/public-api.v1.account.show',
};
const SECRET = Buffer.from(E2E_PROXY_SECRET, 'utf8');
/** A client body the sandbox accepts: a unique name and a valid, unused CIF. */
const client = (name: string) => ({ name, tax_id: cif(Math.floor(Math.random() * 8_999_999)) });
const unique = (what: string) => `${what} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Every /api/proxy response body the page received, to check that no server-held key is ever among them. */
function recordProxyBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (r: Response) => {
    if (new URL(r.url()).pathname.startsWith('/api/proxy'))
      void r
        .text()
        .then((t) => bodies.push(`${JSON.stringify(r.headers())}\n${t}`))
        .catch(() => {});
  });
  return bodies;
}

async function openConsole(page: Page, path: string) {
  await page.goto(`${baseURL}${path}`, { waitUntil: 'networkidle' });
  await page.locator('[data-try-it]').click();
  await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: 30_000 });
}

async function setJsonBody(page: Page, body: unknown) {
  await page.locator('#console-body').fill(JSON.stringify(body, null, 2));
}

/** Presses Send and waits for a new result panel; returns it. */
/** Sends, and returns the result of this request: not the previous one, which stays shown until React re-renders. */
async function send(page: Page) {
  const result = page.locator('form [data-console-result]').first();
  const previous = (await result.count()) ? await result.getAttribute('data-entry') : null;
  const sent = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/proxy');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await sent;
  await expect.poll(async () => ((await result.count()) ? await result.getAttribute('data-entry') : null)).not.toBe(previous);
  const entry = await result.getAttribute('data-entry');
  return page.locator(`form [data-console-result][data-entry="${entry}"]`);
}

async function visitorKey(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'fa_console');
  expect(cookie, 'the visitor cookie').toBeTruthy();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe('Strict');
  const id = verifyCookieValue(SECRET, cookie!.value);
  expect(id).toBeTruthy();
  return deriveVisitorKey(SECRET, id!);
}

describe('the console', () => {
  it('creates a client from its reference page, then finds it in the list on the list page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    const bodies = recordProxyBodies(page);
    const name = unique('Cliente de prueba');

    await openConsole(page, PAGES.createClient);
    await expect(page.locator('[data-key-in-use]').textContent()).resolves.toBe('Your sandbox (key held by this site)');
    const idem = await page.locator('#console-idempotency-key').inputValue();
    expect(idem).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await setJsonBody(page, client(name));
    const created = await send(page);
    await expect.poll(() => created.getAttribute('data-status')).toBe('201');
    await expect(created.locator('[data-result-body]').textContent()).resolves.toContain(name);
    await expect(created.locator('[data-result-time]').textContent()).resolves.toMatch(/^\d+ ms$/);
    const keyHeaders = await created.locator('[data-key-headers]').textContent();
    for (const h of ['x-request-id', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) expect(keyHeaders).toContain(h);

    await openConsole(page, PAGES.listClients);
    const listed = await send(page);
    await expect.poll(() => listed.getAttribute('data-status')).toBe('200');
    await expect(listed.locator('[data-result-body]').textContent()).resolves.toContain(name);

    // The account call: with the stand-in sandbox, which echoes the key it got, the proxy masks it.
    await openConsole(page, PAGES.account);
    const account = await send(page);
    await expect.poll(() => account.getAttribute('data-status')).toBe('200');
    if (inject('sandbox') === 'stub')
      await expect(account.locator('[data-result-body]').textContent()).resolves.toContain('"echoed": "fact_test_…');

    // The history of this visit spans all three pages.
    const history = page.locator('[data-console-history] [data-history-entry]');
    await expect.poll(() => history.count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator('[data-console-history]').textContent()).resolves.toContain('POST /clients');

    // The key the site holds for this visitor appears nowhere: not in responses, storage or the page.
    const key = await visitorKey(context);
    await page.waitForTimeout(200);
    expect(bodies.length).toBeGreaterThanOrEqual(4);
    for (const b of bodies) expect(b).not.toContain(key);
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(storage).not.toContain(key);
    expect(storage).not.toMatch(/fact_test_[A-Za-z0-9]{24}/);
    expect(await page.content()).not.toContain(key);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('replays an idempotent create: the same key gives the first response again, marked Idempotent-Replayed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await openConsole(page, PAGES.createClient);
    await setJsonBody(page, client(unique('Idempotente')));
    const first = await send(page);
    await expect.poll(() => first.getAttribute('data-status')).toBe('201');
    expect(await first.locator('[data-replayed]').count()).toBe(0);
    const firstBody = await first.locator('[data-result-body]').textContent();

    // Send again from the form, same Idempotency-Key.
    const again = await send(page);
    await expect.poll(() => again.locator('[data-replayed]').count()).toBe(1);
    await expect(again.locator('[data-key-headers]').textContent()).resolves.toContain('idempotent-replayed');
    await expect(again.locator('[data-result-body]').textContent()).resolves.toBe(firstBody);

    // Replay from the history, exactly as sent.
    const entries = page.locator('[data-console-history] [data-history-entry]');
    await expect.poll(() => entries.count()).toBe(2);
    await entries.last().locator('[data-replay]').click();
    await expect.poll(() => entries.count()).toBe(3);
    const detail = page.locator('[data-history-detail] [data-console-result]');
    await expect.poll(() => detail.locator('[data-replayed]').count()).toBe(1);
    await expect(detail.locator('[data-result-body]').textContent()).resolves.toBe(firstBody);

    // A new key is a new request.
    await page.getByRole('button', { name: 'New key' }).click();
    // A new key is a new request: it creates another client, so it needs a tax id of its own.
    await setJsonBody(page, client(unique('Idempotente nuevo')));
    const fresh = await send(page);
    await expect.poll(() => fresh.getAttribute('data-status')).toBe('201');
    await expect.poll(() => fresh.locator('[data-replayed]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses a pasted fact_live_ key without sending it, and uses a pasted fact_test_ key from sessionStorage only', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page, { allowStatus: ['/api/proxy?'] });
    const proxied: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/proxy') proxied.push(JSON.stringify(r.headers()) + (r.postData() ?? '') + r.url());
    });
    await openConsole(page, PAGES.account);
    const live = 'fact_live_8KqW3pXnR2VbY7TcA9eFmN5z';
    await page.getByRole('button', { name: 'Use my own key' }).click();
    await page.locator('#console-own-key').fill(live);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await expect(page.locator('[data-key-message]').textContent()).resolves.toContain('Live keys (fact_live_…) are refused');
    await expect(page.locator('[data-key-in-use]').textContent()).resolves.toBe('Your sandbox (key held by this site)');

    // A live key typed anywhere else is refused by the proxy, in the API's envelope.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await openConsole(page, PAGES.createClient);
    await setJsonBody(page, { name: 'x', notes: live });
    const refused = await send(page);
    await expect.poll(() => refused.getAttribute('data-status')).toBe('403');
    await expect(refused.locator('[data-error-code]').getAttribute('data-error-code')).resolves.toBe('live_key_refused');
    await expect(refused.textContent()).resolves.toContain('Refused by this site’s console proxy');
    // Nothing the console keeps holds the live key.
    const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(kept).not.toContain(live);

    // The visitor's own test key: kept in sessionStorage, shown masked, sent as the bearer.
    const own = 'fact_test_OwnKeyOfTheReader0000Xa1';
    await page.getByRole('button', { name: 'Use my own key' }).click();
    await page.locator('#console-own-key').fill(own);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await expect(page.locator('[data-key-in-use]').textContent()).resolves.toBe('Your key fact_test_…Xa1');
    expect(await page.evaluate(() => sessionStorage.getItem('factuarea:console-key'))).toBe(own);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(own);
    await setJsonBody(page, client(unique('Con mi clave')));
    await page.getByRole('button', { name: 'New key' }).click();
    const mine = await send(page);
    await expect.poll(() => mine.getAttribute('data-status')).toBe('201');
    await expect(mine.textContent()).resolves.toContain('Sent with your key fact_test_…Xa1');
    expect(proxied.at(-1)).toContain(own);
    // Copy as cURL: the exact request, key not written out.
    await mine.locator('[data-copy-lang="curl"]').click();
    const curl = (await mine.locator('[data-snippet="curl"]').textContent()) ?? '';
    expect(curl).toContain(`curl -X POST '${baseURL}/sandbox/v1/clients'`);
    expect(curl).toContain('Authorization: Bearer $FACTUAREA_API_KEY');
    expect(curl).toContain('your key fact_test_…Xa1');
    expect(curl).toContain("'Idempotency-Key: ");
    expect(curl).not.toContain(own);
    for (const lang of ['typescript', 'php']) {
      await mine.locator(`[data-copy-lang="${lang}"]`).click();
      const code = (await mine.locator(`[data-snippet="${lang}"]`).textContent()) ?? '';
      expect(code).toContain(`${baseURL}/sandbox/v1/clients`);
      expect(code).toContain('FACTUAREA_API_KEY');
      expect(code).not.toContain(own);
    }
    await page.getByRole('button', { name: 'Forget my key' }).click();
    await expect(page.locator('[data-key-in-use]').textContent()).resolves.toBe('Your sandbox (key held by this site)');
    expect(await page.evaluate(() => sessionStorage.getItem('factuarea:console-key'))).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('"Reset my sandbox" starts a fresh sandbox company: what was created before is gone', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    const name = unique('Antes del reinicio');
    await openConsole(page, PAGES.createClient);
    await setJsonBody(page, client(name));
    const created = await send(page);
    await expect.poll(() => created.getAttribute('data-status')).toBe('201');
    const keyBefore = await visitorKey(context);

    await openConsole(page, PAGES.listClients);
    let listed = await send(page);
    await expect(listed.locator('[data-result-body]').textContent()).resolves.toContain(name);

    await page.locator('[data-reset-sandbox]').click();
    await expect(page.locator('[data-key-message]').textContent()).resolves.toContain('fresh sandbox company');
    const keyAfter = await visitorKey(context);
    expect(keyAfter).not.toBe(keyBefore);

    listed = await send(page);
    await expect.poll(() => listed.getAttribute('data-status')).toBe('200');
    const body = (await listed.locator('[data-result-body]').textContent()) ?? '';
    expect(body).not.toContain(name);
    expect(body).toContain('"data"');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('costs at most 190 KB of JavaScript (gzip), loaded only when "Try it" is pressed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const types = new Map<string, string>();
    const bytes = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
    await page.goto(`${baseURL}${PAGES.createClient}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const before = new Set(bytes.keys());
    await page.locator('[data-try-it]').click();
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    let js = 0;
    for (const [id, n] of bytes) if (!before.has(id) && types.get(id) === 'Script') js += n;
    console.log(`console on demand: ${(js / 1024).toFixed(1)} KB of JavaScript`);
    expect(js).toBeGreaterThan(3 * 1024);
    expect(js).toBeLessThanOrEqual(190 * 1024);
    await context.close();
  });
});
