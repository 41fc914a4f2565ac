/**
 * The beta-access form in Chromium, on the default embedded database (PGlite in DATA_DIR, no DATABASE_URL):
 * submit and see the reference, find the row on disk, restart the server, see the status; without JavaScript;
 * with the keyboard only; errors announced and tied to their fields.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '@/lib/db';
import { REFERENCE_PATTERN } from '@/lib/beta/reference';
import { launch, watch } from '../helpers/browser';
import { checkOneReferencePerCompany, cif, concurrentSubmissions } from '../helpers/beta';
import { startNext, type NextServer } from '../helpers/next-server';

let browser: Browser;
let server: NextServer;
let dataDir: string;
const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: undefined, ADMIN_TOKEN: undefined, REDIS_URL: undefined, SMTP_URL: undefined });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'factuarea-e2e-pglite-'));
  [browser, server] = await Promise.all([launch(), startNext(env())]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function fill(page: Page, n: number, patch: Record<string, string> = {}) {
  const v = {
    legal_name: `Talleres ${n}, S.L.`,
    tax_id: cif(n),
    contact_name: 'Lucía Martín',
    role: 'CTO',
    email: `lucia${n}@talleres.es`,
    use_case_details: 'We issue invoices from our ERP every night.',
    ...patch,
  };
  for (const [k, value] of Object.entries(v)) await page.fill(`#f-${k}`, value);
  await page.selectOption('#f-use_case', 'erp_sync');
  await page.selectOption('#f-monthly_volume', '100-1000');
  await page.selectOption('#f-integration', 'typescript_sdk');
  await page.check('#f-consent');
}

describe('the form on the embedded database', () => {
  it('shows the reference, stores the row on disk, and the status page shows it after a restart', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}/beta-access`, { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Request beta access');
    await fill(page, 9001);
    await page.getByRole('button', { name: 'Request beta access' }).click();
    const reference = (await page.locator('[data-reference]').textContent({ timeout: 30_000 })) ?? '';
    expect(reference).toMatch(REFERENCE_PATTERN);
    await expect(page.getByRole('heading', { name: 'Request received' }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-title');
    expect(problems).toEqual([]);
    await page.close();

    // The server holds PGlite open; stop it, then read the same folder from here.
    await server.stop();
    const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    const rows = (await database.query('SELECT reference, legal_name, tax_id, status FROM beta_requests WHERE reference = $1', [reference]))
      .rows;
    await database.close();
    expect(rows).toEqual([{ reference, legal_name: 'Talleres 9001, S.L.', tax_id: cif(9001), status: 'pending' }]);

    server = await startNext(env());
    const status = await browser.newPage();
    const statusProblems = watch(status);
    await status.goto(`${server.url}/beta-access/status?ref=${reference}`, { waitUntil: 'networkidle' });
    const text = (await status.locator('main').textContent()) ?? '';
    expect(text).toContain('Talleres 9001, S.L.');
    expect(text).toContain('Pending review');
    // Nothing but the company name, status and dates.
    expect(text).not.toContain(cif(9001));
    expect(text).not.toContain('lucia9001@talleres.es');
    expect(text).not.toContain('Lucía');
    expect(statusProblems).toEqual([]);
    await status.close();
  });

  it('works without JavaScript: server-rendered errors keep the answers, then the reference', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}/beta-access`);
    await fill(page, 9002, { tax_id: 'B64812739' });
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Request beta access' }).click()]);
    await page.locator('#e-tax_id').waitFor();
    await expect(page.locator('form [role=alert]').textContent()).resolves.toContain('does not match');
    await expect(page.getAttribute('#f-tax_id', 'aria-invalid')).resolves.toBe('true');
    await expect(page.getAttribute('#f-tax_id', 'aria-describedby')).resolves.toContain('e-tax_id');
    await expect(page.inputValue('#f-legal_name')).resolves.toBe('Talleres 9002, S.L.');
    await expect(page.inputValue('#f-use_case')).resolves.toBe('erp_sync');
    await expect(page.isChecked('#f-consent')).resolves.toBe(true);

    await page.fill('#f-tax_id', cif(9002));
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Request beta access' }).click()]);
    const reference = await page.locator('[data-reference]').textContent();
    expect(reference).toMatch(REFERENCE_PATTERN);
    await page.getByRole('link', { name: 'See the status of your request' }).click();
    await page.waitForURL(/\/beta-access\/status\?ref=/);
    await expect(page.locator('main').textContent()).resolves.toContain('Talleres 9002, S.L.');
    // With JavaScript off, Chromium refuses every script it is asked to load and reports it as blocked by CSP.
    expect(problems.filter((p) => !/^requestfailed: \S+\.js csp$/.test(p))).toEqual([]);
    await context.close();
  });

  it('can be filled in and sent with the keyboard only', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}/beta-access`, { waitUntil: 'networkidle' });
    await page.focus('#f-legal_name');
    const type = async (text: string) => {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    };
    await type('Keyboard Works, S.L.');
    await type(cif(9003));
    await type('Ana Ruiz');
    await type('Developer');
    await type('ana@keyboard.es');
    await type('Sync'); // type-ahead in the select: "Sync with an ERP"
    await type('Invoices from our shop, typed without a mouse.');
    await type('100 '); // "100 to 1,000"
    await type('PHP');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-consent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Request beta access');
    await page.keyboard.press('Enter');
    await page.locator('[data-reference]').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-title');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('announces errors: checked on leaving a field, summarised on submit, each tied to its field', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}/beta-access`, { waitUntil: 'networkidle' });

    // On the spot: a wrong NIF letter is reported when the field is left, without sending anything.
    await page.fill('#f-tax_id', '29384756X');
    await page.press('#f-tax_id', 'Tab');
    await page.locator('#e-tax_id').waitFor();
    await expect(page.locator('#e-tax_id').textContent()).resolves.toMatch(/letter of this NIF does not match/);
    await expect(page.getAttribute('#f-tax_id', 'aria-invalid')).resolves.toBe('true');
    await page.fill('#f-tax_id', '29384756W');
    await expect.poll(() => page.locator('#e-tax_id').count()).toBe(0);

    // On submit: a summary with role=alert takes focus; every field is marked and described by its message.
    await page.getByRole('button', { name: 'Request beta access' }).click();
    const alert = page.locator('form [role=alert]');
    await alert.waitFor();
    for (const field of [
      'legal_name',
      'contact_name',
      'role',
      'email',
      'use_case',
      'use_case_details',
      'monthly_volume',
      'integration',
      'consent',
    ]) {
      await expect(page.getAttribute(`#f-${field}`, 'aria-invalid'), field).resolves.toBe('true');
      const describedBy = (await page.getAttribute(`#f-${field}`, 'aria-describedby')) ?? '';
      expect(describedBy.split(' '), field).toContain(`e-${field}`);
      const message = (await page.locator(`#e-${field}`).textContent()) ?? '';
      expect(message.length, field).toBeGreaterThan(10);
      await expect(alert.textContent()).resolves.toContain(message);
    }
    expect(await page.evaluate(() => document.activeElement?.contains(document.querySelector('form [role=alert]')))).toBe(true);
    // The valid tax ID is not marked.
    await expect(page.getAttribute('#f-tax_id', 'aria-invalid')).resolves.toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('speaks Spanish at ?lang=es, and says so for an unknown reference', async () => {
    const page = await browser.newPage();
    const problems = watch(page, { allowStatus: ['/beta-access/status?ref=BETA-0000000000'] });
    await page.goto(`${server.url}/beta-access?lang=es`, { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Solicita acceso a la beta');
    await expect(page.getAttribute('main', 'lang')).resolves.toBe('es');
    await expect(page.locator('label[for=f-legal_name]').textContent()).resolves.toContain('Razón social');
    const res = await page.goto(`${server.url}/beta-access/status?ref=BETA-0000000000`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('No request has this reference');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('turns 100 concurrent submissions of 50 companies into exactly 50 rows on PGlite too', async () => {
    const { results, ms } = await concurrentSubmissions(server.url, 9500);
    console.log(`PGlite: 100 concurrent submissions (50 companies × 2) took ${Math.round(ms)} ms`);
    expect(checkOneReferencePerCompany(results)).toEqual([]);
    await server.stop();
    const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    const { n } = (
      await database.query<{ n: number }>("SELECT count(*)::int AS n FROM beta_requests WHERE legal_name LIKE 'Empresa 95__, S.L.'")
    ).rows[0];
    await database.close();
    expect(n).toBe(50);
    server = await startNext(env());
  });

  it('has no admin area without ADMIN_TOKEN', async () => {
    expect((await fetch(`${server.url}/admin/beta-requests`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/admin/beta-requests`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/admin/beta-requests/export`)).status).toBe(404);
    expect((await fetch(`${server.url}/admin/session`, { method: 'POST', body: new URLSearchParams({ token: 'x' }) })).status).toBe(404);
  });
});
