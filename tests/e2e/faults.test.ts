/**
 * Faults, on loopback only. (1) The database goes away mid-run: a PostgreSQL of the test's own (initdb in a
 * temporary folder; the machine's shared server is never touched) is killed (`pg_ctl stop -m immediate`, a crash)
 * while beta requests keep arriving, then started again. Every request gets an answer — 201, or 503 in the API's
 * envelope with Retry-After while the database is away, never a hang or a crash — /api/health says so and
 * recovers, and every request that was accepted (201) is in the table afterwards. (2) The console's upstream
 * hangs, then stops: /api/proxy answers 504 after PROXY_TIMEOUT_MS and then 502 at once, and the console in
 * Chromium shows those statuses and their codes. The figures are printed as JSON lines (`FAULT_DB`, `FAULT_UPSTREAM`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cif, requestBody } from '../helpers/beta';
import { launch, watch } from '../helpers/browser';
import type { NextServer } from '../helpers/next-server';
import { call, ownPostgresUnavailable, sandboxKey, startOpsNext, startOwnPostgres, testIp, type OwnPostgres } from '../helpers/ops';
import { jsonHandler, startStubUpstream, type StubUpstream } from '../helpers/stub-upstream';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pgProblem = ownPostgresUnavailable();
if (pgProblem) console.warn(`database fault test skipped: ${pgProblem}`);

interface Attempt {
  n: number;
  status: number | 'network';
  ms: number;
  /** When it was sent, in ms since the run began. */
  at: number;
  code?: string;
  retryAfter?: string | null;
}

describe.skipIf(!!pgProblem)('the database restarts while beta requests arrive', () => {
  let database: OwnPostgres;
  let site: NextServer;
  let dataDir: string;

  beforeAll(async () => {
    database = await startOwnPostgres();
    dataDir = mkdtempSync(path.join(tmpdir(), 'factuarea-fault-db-'));
    site = await startOpsNext(
      {
        DATABASE_URL: database.url,
        REDIS_URL: undefined,
        DATA_DIR: dataDir,
        SMTP_URL: undefined,
        PROXY_SECRET: 'fault-test-secret-0123456789-abcdefghijklmnop',
        BETA_RATE_LIMIT: '100000/3600',
      },
      'test-results/faults-db-next.log',
    );
  }, 240_000);

  afterAll(async () => {
    await site?.stop();
    await database?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 while it is away, recovers by itself, and loses no accepted request', async () => {
    const health = () => call(`${site.url}/api/health`, {}, 10_000);
    expect((await health()).status).toBe(200);

    const attempts: Attempt[] = [];
    const t0 = performance.now();
    const since = () => Math.round(performance.now() - t0);
    let next = 500_000 + Math.floor(Math.random() * 400_000);
    let running = true;
    const worker = async () => {
      while (running) {
        const n = next++;
        const at = since();
        try {
          const res = await call(
            `${site.url}/api/beta-access`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-forwarded-for': testIp() },
              body: JSON.stringify(requestBody(n)),
            },
            20_000,
          );
          attempts.push({ n, status: res.status, ms: res.ms, at, code: res.json?.error?.code, retryAfter: res.headers.get('retry-after') });
        } catch {
          attempts.push({ n, status: 'network', ms: since() - at, at });
        }
        await sleep(25);
      }
    };
    const workers = Array.from({ length: 4 }, worker);

    await sleep(3_000);
    const stoppedAt = since();
    await database.stop('immediate');
    await sleep(500);
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.json).toMatchObject({ status: 'degraded', database: { ok: false } });
    await sleep(2_500);
    const startingAt = since();
    await database.start();
    const startedAt = since();
    let healthyAt = 0;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(200)) {
      if ((await health()).status === 200) {
        healthyAt = since();
        break;
      }
    }
    expect(healthyAt, 'the health check reports the database again within 30 s').toBeGreaterThan(0);
    await sleep(3_000);
    running = false;
    await Promise.all(workers);

    // Every request got an HTTP answer, quickly: accepted, or refused for now with the API's envelope.
    const byStatus = attempts.reduce<Record<string, number>>((m, a) => ((m[a.status] = (m[a.status] ?? 0) + 1), m), {});
    expect(Object.keys(byStatus).sort(), JSON.stringify(byStatus)).toEqual(['201', '503']);
    for (const a of attempts.filter((x) => x.status === 503)) {
      expect(a.code).toBe('service_unavailable');
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
    }
    const slowest = Math.max(...attempts.map((a) => a.ms));
    expect(slowest).toBeLessThan(10_000);
    const accepted = attempts.filter((a) => a.status === 201);
    const refused = attempts.filter((a) => a.status === 503);
    expect(refused.length, 'the outage was seen').toBeGreaterThan(0);
    expect(accepted.filter((a) => a.at > healthyAt).length, 'requests are accepted again after the restart').toBeGreaterThan(0);
    expect(site.alive()).toBe(true);

    // Nothing accepted was lost: every 201's tax ID is in the table.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const taxIds = accepted.map((a) => cif(a.n));
    const found = await client.query<{ tax_id: string }>('SELECT tax_id FROM beta_requests WHERE tax_id = ANY($1)', [taxIds]);
    const total = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM beta_requests');
    await client.end();
    const missing = taxIds.filter((t) => !found.rows.some((r) => r.tax_id === t));
    expect(missing).toEqual([]);

    const firstRefusal = Math.min(...refused.map((a) => a.at));
    const lastRefusal = Math.max(...refused.map((a) => a.at));
    const firstAcceptedAfter = Math.min(...accepted.filter((a) => a.at > startingAt).map((a) => a.at));
    console.log(
      `FAULT_DB ${JSON.stringify({
        requests: attempts.length,
        accepted_201: accepted.length,
        refused_503: refused.length,
        rows_found_for_accepted: found.rows.length,
        rows_in_table: total.rows[0].n,
        slowest_answer_ms: Math.round(slowest),
        ms: {
          database_killed_at: stoppedAt,
          first_503_sent_at: firstRefusal,
          last_503_sent_at: lastRefusal,
          database_start_begun_at: startingAt,
          database_up_at: startedAt,
          health_ok_at: healthyAt,
          first_201_after_restart_sent_at: firstAcceptedAfter,
        },
      })}`,
    );
  }, 240_000);
});

describe('the console’s upstream hangs, then stops', () => {
  const TIMEOUT_MS = 3_000;
  let stub: StubUpstream;
  let site: NextServer;
  let dataDir: string;
  let browser: Browser;
  const figures: Record<string, number> = {};
  const target = () => `${stub.url}/v1/account`;
  const viaProxy = () =>
    call(
      `${site.url}/api/proxy?url=${encodeURIComponent(target())}`,
      { headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'empty', origin: site.url } },
      TIMEOUT_MS + 15_000,
    );

  beforeAll(async () => {
    stub = await startStubUpstream(jsonHandler(200, { data: { object: 'account', id: 'acc_stub' } }));
    dataDir = mkdtempSync(path.join(tmpdir(), 'factuarea-fault-upstream-'));
    site = await startOpsNext(
      {
        FACTUAREA_API_URL: `${stub.url}/v1`,
        FACTUAREA_SANDBOX_KEY: sandboxKey(),
        PROXY_TIMEOUT_MS: String(TIMEOUT_MS),
        PROXY_SECRET: 'fault-test-secret-0123456789-abcdefghijklmnop',
        PROXY_RATE_LIMIT: '1000/60',
        DATABASE_URL: undefined,
        REDIS_URL: undefined,
        DATA_DIR: dataDir,
      },
      'test-results/faults-upstream-next.log',
    );
    browser = await launch();
    // The first proxied request of a fresh server loads the route and the document: not what is measured here.
    for (let i = 0; i < 5 && (await viaProxy()).status !== 200; i++) await sleep(500);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await stub?.close().catch(() => {});
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    console.log(`FAULT_UPSTREAM ${JSON.stringify(figures)}`);
  });

  /** Opens the Try it console of GET /account, presses Send and returns the result's status and error code. */
  async function consoleResult(): Promise<{ status: string | null; code: string | null; text: string; ms: number }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page, { allowStatus: ['/api/proxy'] });
    await page.goto(`${site.url}/api-reference/account/public-api.v1.account.show`, { waitUntil: 'networkidle' });
    await page.locator('[data-try-it]').click();
    const sendButton = page.getByRole('button', { name: 'Send', exact: true });
    await sendButton.waitFor({ timeout: 30_000 });
    const started = Date.now();
    await sendButton.click();
    const result = page.locator('form [data-console-result]').first();
    await result.waitFor({ timeout: TIMEOUT_MS + 10_000 });
    const ms = Date.now() - started;
    const out = {
      status: await result.getAttribute('data-status'),
      code: await result.locator('[data-error-code]').getAttribute('data-error-code'),
      text: (await result.locator('[data-result-status]').textContent()) ?? '',
      ms,
    };
    expect(problems).toEqual([]);
    await context.close();
    return out;
  }

  it('passes answers through while the upstream is up', async () => {
    const ok = await viaProxy();
    expect(ok.status).toBe(200);
    expect(ok.json.data.id).toBe('acc_stub');
  });

  it(`answers 504 upstream_timeout after ${TIMEOUT_MS} ms when the upstream never answers, in the console too`, async () => {
    stub.handle(() => {
      /* never answer */
    });
    const res = await viaProxy();
    expect(res.status).toBe(504);
    expect(res.json.error).toMatchObject({ code: 'upstream_timeout', type: 'service_unavailable_error' });
    expect(res.headers.get('x-proxy-error')).toBe('upstream_timeout');
    expect(res.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    expect(res.ms).toBeLessThan(TIMEOUT_MS + 5_000);
    figures.http_504_ms = Math.round(res.ms);

    const shown = await consoleResult();
    expect(shown).toMatchObject({ status: '504', code: 'upstream_timeout', text: '504 Gateway Timeout' });
    figures.console_504_ms = shown.ms;
  });

  it('answers 502 upstream_unavailable at once when the upstream is gone, in the console too', async () => {
    await stub.close();
    const res = await viaProxy();
    expect(res.status).toBe(502);
    expect(res.json.error).toMatchObject({ code: 'upstream_unavailable', type: 'service_unavailable_error' });
    expect(res.headers.get('x-proxy-error')).toBe('upstream_unavailable');
    expect(res.ms).toBeLessThan(TIMEOUT_MS);
    figures.http_502_ms = Math.round(res.ms);

    const shown = await consoleResult();
    expect(shown).toMatchObject({ status: '502', code: 'upstream_unavailable', text: '502 Bad Gateway' });
    figures.console_502_ms = shown.ms;
    expect(site.alive()).toBe(true);
  });
});
