/**
 * The sandbox's limits: the monthly quota per key (calendar months in Europe/Madrid), the per-minute limit
 * shared through Redis by two instances, the per-company object quota, and the removal of companies idle
 * for 30 days — with a clock the tests move.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey } from '@/lib/sandbox/auth';
import { housekeeping, IDLE_DAYS } from '@/lib/sandbox/companies';
import { createSandbox } from '@/lib/sandbox/handler';
import { issueKey } from '@/lib/sandbox/keys';
import { quotaMonth } from '@/lib/sandbox/quota';
import { createRateLimiter } from '@/lib/sandbox/ratelimit';
import { MAX_OBJECTS } from '@/lib/sandbox/resources/common';
import { TIERS } from '@/lib/sandbox/tiers';
import { dropRedisKeys, REDIS_URL, redisAnswers } from '@/tests/helpers/redis';
import { inMemorySandbox } from '@/tests/helpers/sandbox';

let clock = new Date('2026-03-15T12:00:00Z');
let sb: Awaited<ReturnType<typeof inMemorySandbox>>;

beforeAll(async () => {
  sb = await inMemorySandbox({ now: () => clock });
}, 60_000);
afterAll(async () => {
  await sb.close();
});

async function newKey(tier: 'free' | 'starter' | 'pro'): Promise<string> {
  const res = await issueKey(new Request('http://x/sandbox/keys', { method: 'POST', body: JSON.stringify({ tier }) }), {
    database: async () => sb.database,
  });
  return (await res.json()).data.key;
}

const companyOf = async (key: string) => (await sb.call('GET', '/account', { key })).body.data.company.id as string;
const count = async (sql: string, params: unknown[]) => Number((await sb.database.query<{ n: string }>(sql, params)).rows[0].n);

describe('quota months', () => {
  it('follow the calendar in Europe/Madrid, through both daylight-saving changes', () => {
    expect(quotaMonth(new Date('2026-03-15T12:00:00Z'))).toEqual({ period: '2026-03', resetsAt: new Date('2026-03-31T22:00:00Z') });
    expect(quotaMonth(new Date('2026-03-31T21:59:59Z')).period).toBe('2026-03');
    expect(quotaMonth(new Date('2026-03-31T22:00:00Z')).period).toBe('2026-04');
    expect(quotaMonth(new Date('2026-10-15T12:00:00Z')).resetsAt).toEqual(new Date('2026-10-31T23:00:00Z'));
    expect(quotaMonth(new Date('2026-12-31T23:00:00Z'))).toEqual({ period: '2027-01', resetsAt: new Date('2027-01-31T23:00:00Z') });
  });
});

describe('the monthly quota', () => {
  it('answers 429 rate_limit_exceeded once the month is used up, until day 1 at 00:00 in Madrid', async () => {
    const key = await newKey('free');
    clock = new Date('2026-01-31T22:30:00Z'); // 23:30 on 31 January in Madrid
    const limit = TIERS.free.perMonth;
    await sb.database.query(
      `INSERT INTO sandbox_usage (key_hash, period, requests) VALUES ($1, '2026-01', $2)
       ON CONFLICT (key_hash, period) DO UPDATE SET requests = $2`,
      [hashKey(key), limit - 1],
    );
    const last = await sb.call('GET', '/invoices?limit=1', { key });
    expect(last.status).toBe(200);
    const over = await sb.call('GET', '/invoices?limit=1', { key });
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    expect(over.headers.get('retry-after')).toBe('1800');
    expect(over.headers.get('x-ratelimit-reset')).toBe('1800');
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(over.headers.get('x-ratelimit-limit')).toBe(String(TIERS.free.perMinute));
    // Refused requests are not counted.
    expect(await count('SELECT requests AS n FROM sandbox_usage WHERE key_hash = $1 AND period = $2', [hashKey(key), '2026-01'])).toBe(
      limit,
    );

    clock = new Date('2026-01-31T23:00:00Z'); // midnight in Madrid: February
    expect((await sb.call('GET', '/invoices?limit=1', { key })).status).toBe(200);
    expect(await count('SELECT requests AS n FROM sandbox_usage WHERE key_hash = $1 AND period = $2', [hashKey(key), '2026-02'])).toBe(1);

    // Housekeeping forgets past months.
    await housekeeping(sb.database, clock);
    expect(await count('SELECT count(*) AS n FROM sandbox_usage WHERE key_hash = $1', [hashKey(key)])).toBe(1);
  });

  it('leaves idempotent replays uncounted', async () => {
    const key = await newKey('pro');
    const before = await count('SELECT COALESCE(sum(requests), 0) AS n FROM sandbox_usage WHERE key_hash = $1', [hashKey(key)]);
    const body = { name: 'Repetida SL', tax_id: 'B46900015' };
    const first = await sb.call('POST', '/clients', { key, body, headers: { 'Idempotency-Key': 'quota-1' } });
    const again = await sb.call('POST', '/clients', { key, body, headers: { 'Idempotency-Key': 'quota-1' } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.data.id).toBe(first.body.data.id);
    expect(await count('SELECT COALESCE(sum(requests), 0) AS n FROM sandbox_usage WHERE key_hash = $1', [hashKey(key)])).toBe(before + 1);
  });
});

const redisUp = await redisAnswers();

describe.skipIf(!redisUp)(`two instances sharing one database and Redis (${REDIS_URL})`, () => {
  it('count a key against one per-minute window', async () => {
    const prefix = `sbx_rl_sandbox_${process.pid}_${Date.now()}`;
    const limiters = [createRateLimiter({ redisUrl: REDIS_URL, prefix }), createRateLimiter({ redisUrl: REDIS_URL, prefix })];
    const [one, two] = limiters.map((limiter) => createSandbox({ database: async () => sb.database, limiter }));
    try {
      const key = await newKey('free');
      const get = (h: typeof one) =>
        h(new Request('http://x/sandbox/v1/invoices?limit=1', { headers: { Authorization: `Bearer ${key}` } }));
      const remaining: string[] = [];
      for (let i = 0; i < TIERS.free.perMinute; i++) {
        const res = await get(i % 2 ? two : one);
        expect(res.status).toBe(200);
        remaining.push(res.headers.get('x-ratelimit-remaining') ?? '');
      }
      expect(remaining).toEqual(Array.from({ length: TIERS.free.perMinute }, (_, i) => String(TIERS.free.perMinute - 1 - i)));
      for (const h of [one, two]) {
        const over = await get(h);
        expect(over.status).toBe(429);
        expect((await over.json()).error.code).toBe('rate_limit_exceeded');
        expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    } finally {
      for (const l of limiters) await l.close();
      await dropRedisKeys(prefix);
    }
  });
});

describe('the object quota', () => {
  it(`refuses creates beyond ${MAX_OBJECTS} objects per company, events aside`, async () => {
    const key = await newKey('pro');
    const company = await companyOf(key);
    const held = await count(`SELECT count(*) AS n FROM sandbox_objects WHERE company_id = $1 AND kind <> 'events'`, [company]);
    // Fill the company up to the limit with stand-in objects of a kind the test never reads.
    await sb.database.query(
      `INSERT INTO sandbox_objects (company_id, kind, id, data, meta, created_at, updated_at)
       SELECT $1, 'quota_filler', gen_random_uuid(), '{}'::jsonb, '{}'::jsonb, now(), now() FROM generate_series(1, $2)`,
      [company, MAX_OBJECTS - held],
    );
    const refused = await sb.call('POST', '/clients', { key, body: { name: 'Una más SL', tax_id: 'B28000016' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ type: 'invalid_request_error', code: 'business_rule_violation' });
    expect(refused.body.error.message).toContain(String(MAX_OBJECTS));
    // Reads and events still work; freeing one object lets the create through.
    expect((await sb.call('GET', '/events?limit=1', { key })).status).toBe(200);
    await sb.database.query(
      `DELETE FROM sandbox_objects WHERE company_id = $1 AND kind = 'quota_filler' AND id = (SELECT id FROM sandbox_objects WHERE company_id = $1 AND kind = 'quota_filler' LIMIT 1)`,
      [company],
    );
    expect((await sb.call('POST', '/clients', { key, body: { name: 'Una más SL', tax_id: 'B28000016' } })).status).toBe(201);
  });
});

describe('idle companies', () => {
  it(`are removed with everything they hold after ${IDLE_DAYS} days without a request`, async () => {
    clock = new Date('2026-05-01T10:00:00Z');
    const idleKey = await newKey('pro');
    const idle = await companyOf(idleKey);
    await sb.call('POST', '/clients', {
      key: idleKey,
      body: { name: 'Olvidada SL', tax_id: 'B41155771' },
      headers: { 'Idempotency-Key': 'idle-1' },
    });
    const activeKey = await newKey('pro');
    const active = await companyOf(activeKey);
    expect(await count('SELECT count(*) AS n FROM sandbox_objects WHERE company_id = $1', [idle])).toBeGreaterThan(10);

    // 29 days on, only the active key is used; nothing is removed yet.
    clock = new Date('2026-05-30T10:00:00Z');
    await sb.call('GET', '/account', { key: activeKey });
    expect((await housekeeping(sb.database, clock)).companies).toBe(0);

    // A day past the limit, the idle company goes, with its keys, objects, idempotency records and usage.
    clock = new Date('2026-05-31T10:00:01Z');
    const removed = await housekeeping(sb.database, clock);
    expect(removed.companies).toBeGreaterThanOrEqual(1);
    for (const table of ['sandbox_objects', 'sandbox_keys', 'sandbox_idempotency'])
      expect(await count(`SELECT count(*) AS n FROM ${table} WHERE company_id = $1`, [idle]), table).toBe(0);
    expect(await count('SELECT count(*) AS n FROM sandbox_usage WHERE key_hash = $1', [hashKey(idleKey)])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM sandbox_companies WHERE id = $1', [active])).toBe(1);

    // The old key still works: it gets a new company, seeded afresh.
    const again = await companyOf(idleKey);
    expect(again).not.toBe(idle);
    expect(
      (await sb.call('GET', '/clients?limit=100', { key: idleKey })).body.data.some((c: { name: string }) => c.name === 'Olvidada SL'),
    ).toBe(false);
  });

  it('are cleaned up by the request handler itself, without a separate job', async () => {
    const key = await newKey('pro');
    const company = await companyOf(key);
    await sb.database.query('UPDATE sandbox_companies SET last_used_at = $2 WHERE id = $1', [
      company,
      new Date(Date.now() - (IDLE_DAYS + 1) * 86_400_000).toISOString(),
    ]);
    // A fresh handler runs its housekeeping on its first request (and every 10 minutes after).
    const handler = createSandbox({ database: async () => sb.database, limiter: createRateLimiter({ prefix: `h${Math.random()}` }) });
    const other = 'fact_test_HousekeepingOther0000001';
    expect((await handler(new Request('http://x/sandbox/v1/account', { headers: { Authorization: `Bearer ${other}` } }))).status).toBe(200);
    const deadline = Date.now() + 20_000;
    while ((await count('SELECT count(*) AS n FROM sandbox_companies WHERE id = $1', [company])) > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await count('SELECT count(*) AS n FROM sandbox_companies WHERE id = $1', [company])).toBe(0);
  });
});
