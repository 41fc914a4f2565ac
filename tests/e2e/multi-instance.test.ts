/**
 * Several instances behind a load balancer: two `next start` processes of the production build on their own
 * ports, sharing one fresh PostgreSQL database and the machine's Redis, and no PROXY_SECRET (the instances must
 * agree on the one the first of them stores in the database). What one instance does, the other sees: sandbox
 * objects (directly and through the console proxy with the visitor cookie of the other instance), idempotent
 * replays, rate limits (the sandbox's per key, the proxy's and the beta form's per address), beta requests and
 * feedback rows. Nothing is written under the instances' DATA_DIR. Skips only when PostgreSQL or Redis is absent.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey } from '@/lib/sandbox/auth';
import { cif, requestBody } from '../helpers/beta';
import type { NextServer } from '../helpers/next-server';
import {
  call,
  consoleHeaders,
  dropTestIpKeys,
  proxied,
  sandboxKey,
  servicesUnavailable,
  startOpsNext,
  testIp,
  visitorCookie,
} from '../helpers/ops';
import { createTestDatabase } from '../helpers/pg';
import { REDIS_URL } from '../helpers/redis';

const unavailable = await servicesUnavailable();
if (unavailable) console.warn(`multi-instance tests skipped: ${unavailable}`);

let a: NextServer;
let b: NextServer;
let database: { url: string; drop: () => Promise<void> } | undefined;
let client: pg.Client;
let dataDir: string;
/** Redis keys these tests created (rate-limit counters) other than the per-address ones, removed at the end. */
const redisKeys: string[] = [];

const sandbox = (server: NextServer, key: string, method: string, apiPath: string, body?: unknown, headers: Record<string, string> = {}) =>
  call(`${server.url}/sandbox/v1${apiPath}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });

const newClient = (label: string) => ({ name: `${label} ${Date.now().toString(36)}`, tax_id: cif(Math.floor(Math.random() * 8_999_999)) });

describe.skipIf(!!unavailable)('two instances sharing PostgreSQL and Redis', () => {
  beforeAll(async () => {
    database = await createTestDatabase('factuarea_multi');
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    dataDir = mkdtempSync(path.join(tmpdir(), 'factuarea-multi-'));
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      DATA_DIR: dataDir,
      PROXY_SECRET: undefined,
      FACTUAREA_API_URL: undefined,
      FACTUAREA_SANDBOX_KEY: undefined,
      FACTUAREA_SANDBOX_INTERNAL_URL: undefined,
      SMTP_URL: undefined,
      PROXY_RATE_LIMIT: '6/60',
      BETA_RATE_LIMIT: '3/3600',
    };
    // One after the other: the first applies the migrations, the second finds them applied (both would be safe).
    a = await startOpsNext(env, 'test-results/multi-instance-a.log');
    b = await startOpsNext(env, 'test-results/multi-instance-b.log');
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await client?.end().catch(() => {});
    await database?.drop();
    await dropTestIpKeys();
    if (redisKeys.length) {
      const { default: Redis } = await import('ioredis');
      const redis = new Redis(REDIS_URL);
      await redis.del(...redisKeys).catch(() => {});
      await redis.quit();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('both instances report PostgreSQL and Redis healthy', async () => {
    for (const server of [a, b]) {
      const health = await call(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(health.json).toMatchObject({
        status: 'ok',
        database: { kind: 'postgresql', ok: true },
        redis: { configured: true, ok: true },
      });
    }
  });

  it('a sandbox object created through one instance is read through the other (same key)', async () => {
    const key = sandboxKey();
    const body = newClient('Creado en A');
    const created = await sandbox(a, key, 'POST', '/clients', body);
    expect(created.status).toBe(201);
    const id = created.json.data.id as string;
    const read = await sandbox(b, key, 'GET', `/clients/${id}`);
    expect(read.status).toBe(200);
    expect(read.json.data).toMatchObject({ id, name: body.name });
    // And a change through B is what A lists.
    const renamed = await sandbox(b, key, 'PUT', `/clients/${id}`, { name: `${body.name} (B)` });
    expect(renamed.status).toBe(200);
    const listed = await sandbox(a, key, 'GET', '/clients?limit=100');
    expect(listed.json.data.find((c: { id: string }) => c.id === id)?.name).toBe(`${body.name} (B)`);
  });

  it('the console proxy: a visitor cookie issued by one instance reaches the same sandbox company on the other', async () => {
    const ip = testIp();
    const cookie = await visitorCookie(a, ip);
    const body = newClient('Consola en A');
    const created = await call(proxied(a, '/clients'), {
      method: 'POST',
      headers: consoleHeaders(a, cookie, { 'content-type': 'application/json', 'x-forwarded-for': ip }),
      body: JSON.stringify(body),
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.data.id as string;
    const read = await call(proxied(b, `/clients/${id}`), { headers: consoleHeaders(b, cookie, { 'x-forwarded-for': ip }) });
    expect(read.status, read.text).toBe(200);
    expect(read.json.data).toMatchObject({ id, name: body.name });
    // The proxy secret was generated once and stored in the database, not kept in either process or on disk.
    const secrets = await client.query("SELECT count(*)::int AS n FROM app_secrets WHERE name = 'proxy'");
    expect(secrets.rows[0].n).toBe(1);
  });

  it('an Idempotency-Key POST sent to one instance is replayed by the other', async () => {
    const key = sandboxKey();
    const idem = `multi-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const body = newClient('Idempotente');
    const first = await sandbox(a, key, 'POST', '/clients', body, { 'Idempotency-Key': idem });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await sandbox(b, key, 'POST', '/clients', body, { 'Idempotency-Key': idem });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    // One object, not two.
    const listed = await sandbox(b, key, 'GET', '/clients?limit=100');
    expect(listed.json.data.filter((c: { name: string }) => c.name === body.name)).toHaveLength(1);
    // The same key with another body, on the other instance again, is refused.
    const reused = await sandbox(a, key, 'POST', '/clients', newClient('Otro'), { 'Idempotency-Key': idem });
    expect(reused.status).toBe(409);
    expect(reused.json.error.code).toBe('idempotency_key_reused');
  });

  it('the sandbox’s per-key limit is one count across instances (free tier: 10 a minute)', async () => {
    const issued = await call(`${a.url}/sandbox/keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'multi-instance', tier: 'free' }),
    });
    expect(issued.status, issued.text).toBe(201);
    const key = issued.json.data.key as string;
    redisKeys.push(`sbx_rl_free:${hashKey(key)}`);
    const remaining: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await sandbox(i % 2 ? b : a, key, 'GET', '/account');
      expect(res.status, `request ${i + 1}`).toBe(200);
      remaining.push(res.headers.get('x-ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '0']);
    for (const server of [a, b]) {
      const over = await sandbox(server, key, 'GET', '/account');
      expect(over.status).toBe(429);
      expect(over.json.error.code).toBe('rate_limit_exceeded');
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('the proxy’s per-address limit is one count across instances (PROXY_RATE_LIMIT=6/60)', async () => {
    const ip = testIp();
    const cookie = await visitorCookie(a, ip);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const server = i % 2 ? b : a;
      statuses.push(
        (await call(proxied(server, '/account'), { headers: consoleHeaders(server, cookie, { 'x-forwarded-for': ip }) })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    for (const server of [a, b]) {
      const over = await call(proxied(server, '/account'), { headers: consoleHeaders(server, cookie, { 'x-forwarded-for': ip }) });
      expect(over.status).toBe(429);
      expect(over.json.error.code).toBe('rate_limit_exceeded');
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('a beta request submitted to each instance is one row, with one reference', async () => {
    const n = 900_000 + Math.floor(Math.random() * 99_999);
    const post = (server: NextServer, body: unknown) =>
      call(`${server.url}/api/beta-access`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': testIp() },
        body: JSON.stringify(body),
      });
    const first = await post(a, requestBody(n));
    expect(first.status, first.text).toBe(201);
    const second = await post(b, requestBody(n, { contact_name: 'Pablo Ruiz' }));
    expect(second.status, second.text).toBe(200);
    expect(second.json.data).toMatchObject({ reference: first.json.data.reference, duplicate: true });
    const rows = await client.query('SELECT reference, contact_name FROM beta_requests WHERE tax_id = $1', [cif(n)]);
    expect(rows.rows).toEqual([{ reference: first.json.data.reference, contact_name: 'Lucía Martín' }]);

    // At the same moment, 20 companies each sent to both instances: 20 rows, each answered with one reference.
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => post(i % 2 ? b : a, requestBody(n + 1 + Math.floor(i / 2), { email: `multi${i}@empresa.es` }))),
    );
    expect(burst.map((r) => r.status).sort()).toEqual([...Array(20).fill(200), ...Array(20).fill(201)]);
    const taxIds = Array.from({ length: 20 }, (_, i) => cif(n + 1 + i));
    const counted = await client.query(
      'SELECT count(*)::int AS n, count(DISTINCT reference)::int AS refs FROM beta_requests WHERE tax_id = ANY($1)',
      [taxIds],
    );
    expect(counted.rows[0]).toEqual({ n: 20, refs: 20 });
    for (let i = 0; i < 40; i += 2) expect(burst[i].json.data.reference).toBe(burst[i + 1].json.data.reference);
  });

  it('the beta form’s per-address limit is one count across instances (BETA_RATE_LIMIT=3/3600)', async () => {
    const ip = testIp();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call(`${(i % 2 ? b : a).url}/api/beta-access`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({}),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Three invalid submissions are counted (422), the fourth is refused whichever instance gets it.
    expect(statuses).toEqual([422, 422, 422, 429]);
  });

  it('feedback sent to either instance lands in the one table; nothing was written under DATA_DIR', async () => {
    const page = `/guides/multi-instance-${Date.now()}`;
    for (const [server, helpful] of [
      [a, true],
      [b, false],
    ] as const) {
      const res = await call(`${server.url}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ page, helpful }),
      });
      expect(res.status).toBe(201);
    }
    const rows = await client.query('SELECT helpful FROM page_feedback WHERE page = $1 ORDER BY helpful', [page]);
    expect(rows.rows).toEqual([{ helpful: false }, { helpful: true }]);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
