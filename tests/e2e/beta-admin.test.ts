/**
 * The team's queue on the shared server (ADMIN_TOKEN set): bearer-only API, a login form that sets an
 * HttpOnly, SameSite=Strict, Secure cookie holding an HMAC (not the token), approve/decline that the
 * requester's status page follows, and a CSV export with formulas neutralised.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watch } from '../helpers/browser';
import { requestBody } from '../helpers/beta';

const baseURL = inject('baseURL');
const token = inject('adminToken');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function submit(n: number, patch: Record<string, unknown> = {}) {
  const res = await fetch(`${baseURL}/api/beta-access`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.19.200.${n % 250}` },
    body: JSON.stringify(requestBody(n, patch)),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { reference: string } }).data.reference;
}

describe('admin API', () => {
  it('refuses requests without the bearer token', async () => {
    for (const auth of [undefined, 'Bearer wrong', token]) {
      const res = await fetch(`${baseURL}/api/admin/beta-requests`, { headers: auth ? { Authorization: auth } : {} });
      expect(res.status, String(auth)).toBe(401);
      expect(((await res.json()) as { error: { type: string } }).error.type).toBe('authentication_error');
    }
    expect((await fetch(`${baseURL}/api/admin/beta-requests/export`)).status).toBe(401);
  });

  it('lists, filters, decides and exports with the bearer token', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const reference = await submit(9101, {
      use_case_details: '=HYPERLINK("http://evil.example","click") for our invoices',
      role: '+34 CTO',
    });
    const decide = await fetch(`${baseURL}/api/admin/beta-requests/${reference}`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'declined' }),
    });
    expect(decide.status).toBe(200);
    const list = (await (await fetch(`${baseURL}/api/admin/beta-requests?status=declined`, { headers: auth })).json()) as {
      data: { reference: string; status: string }[];
      counts: Record<string, number>;
    };
    expect(list.data.map((r) => r.reference)).toContain(reference);
    expect(list.data.every((r) => r.status === 'declined')).toBe(true);
    expect(list.counts.declined).toBeGreaterThanOrEqual(1);

    const status = await (await fetch(`${baseURL}/beta-access/status?ref=${reference}`)).text();
    expect(status).toContain('Declined');

    const csv = await fetch(`${baseURL}/api/admin/beta-requests/export?status=declined`, { headers: auth });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const line = (await csv.text()).split('\r\n').find((l) => l.startsWith(reference)) ?? '';
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""click"") for our invoices"`);
    expect(line).toContain(",'+34 CTO,");

    const bad = await fetch(`${baseURL}/api/admin/beta-requests/${reference}`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'deleted' }),
    });
    expect(bad.status).toBe(422);
    const missing = await fetch(`${baseURL}/api/admin/beta-requests/BETA-0000000000`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    });
    expect(missing.status).toBe(404);
  });
});

describe('admin page', () => {
  it('logs in with a cookie that is an HMAC, not the token, with HttpOnly, SameSite=Strict and Secure', async () => {
    const wrong = await fetch(`${baseURL}/admin/session`, {
      method: 'POST',
      body: new URLSearchParams({ token: 'nope' }),
      redirect: 'manual',
    });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toContain('login=failed');
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const res = await fetch(`${baseURL}/admin/session`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^factuarea_admin=v1\.\d+\.[A-Za-z0-9_-]{43};/);
    expect(cookie).not.toContain(token);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Secure/i); // next start runs with NODE_ENV=production
    const session = cookie.split(';')[0];
    const page = await fetch(`${baseURL}/admin/beta-requests`, { headers: { Cookie: session } });
    expect(await page.text()).toContain('Export CSV');
    // The cookie opens the CSV export too; the token itself in a cookie does not.
    expect((await fetch(`${baseURL}/api/admin/beta-requests/export`, { headers: { Cookie: session } })).status).toBe(200);
    expect((await fetch(`${baseURL}/api/admin/beta-requests/export`, { headers: { Cookie: `factuarea_admin=${token}` } })).status).toBe(
      401,
    );
  });

  it('approves a request in the browser, and the status page follows', async () => {
    const reference = await submit(9102, { legal_name: 'Aprobada Pronto, S.L.' });
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${baseURL}/admin/beta-requests`, { waitUntil: 'networkidle' });
    await page.getByLabel('Admin token').fill(token);
    await Promise.all([page.waitForURL(`${baseURL}/admin/beta-requests`), page.getByRole('button', { name: 'Sign in' }).click()]);
    await page.getByRole('link', { name: /^Pending/ }).click();
    await page.waitForURL(/status=pending/);
    const row = page.locator(`tr[data-reference="${reference}"]`);
    await expect(row.getAttribute('data-status')).resolves.toBe('pending');
    await row.getByRole('button', { name: 'Approve Aprobada Pronto, S.L.' }).click();
    // It leaves the pending list once the redirect back has loaded.
    await expect.poll(() => page.locator(`tr[data-reference="${reference}"]`).count()).toBe(0);
    await page.getByRole('link', { name: /^Approved/ }).click();
    await expect(page.locator(`tr[data-reference="${reference}"]`).getAttribute('data-status')).resolves.toBe('approved');

    const status = await context.newPage();
    await status.goto(`${baseURL}/beta-access/status?ref=${reference}`);
    await expect(status.locator('[data-status]').getAttribute('data-status')).resolves.toBe('approved');
    await expect(status.locator('main').textContent()).resolves.toContain('Decided');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin token').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
