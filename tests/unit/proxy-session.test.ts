/** The console session (visitor cookie, reset), the server secret's storage, and the rate limiter in memory and Redis. */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db';
import { configFromEnv } from '@/lib/proxy/config';
import { createLimiter } from '@/lib/proxy/rate-limit';
import { fromDatabase, loadSecret } from '@/lib/proxy/secret';
import { getSession, resetSession, type SessionDeps } from '@/lib/proxy/session';
import { verifyCookieValue } from '@/lib/proxy/visitor';
import { createTestDatabase } from '../helpers/pg';

const SECRET = Buffer.alloc(32, 3);
const limiter = (points: number) => createLimiter({ keyPrefix: `r${Math.random()}`, points, duration: 60 });
const deps = (env: Record<string, string> = {}, perIp = 100, global = 100): SessionDeps => ({
  config: configFromEnv(env),
  secret: async () => SECRET,
  newSandboxes: { perIp: limiter(perIp), global: limiter(global) },
});
const browser = (extra: Record<string, string> = {}) => ({
  host: 'docs.test',
  'sec-fetch-site': 'same-origin',
  'sec-fetch-dest': 'empty',
  origin: 'http://docs.test',
  ...extra,
});
const cookieOf = (res: Response) => /^fa_console=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

describe('console session', () => {
  it('issues a signed HttpOnly, SameSite=Strict visitor cookie once, scoped to the proxy', async () => {
    const res = await getSession(new Request('http://docs.test/api/proxy/session', { headers: browser() }), deps());
    expect(await res.json()).toEqual({
      mode: 'visitor',
      label: 'Your sandbox (key held by this site)',
      base: '/sandbox/v1',
      embedded: true,
      resettable: true,
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/api\/proxy/);
    expect(setCookie).not.toMatch(/Secure/);
    const value = cookieOf(res)!;
    expect(verifyCookieValue(SECRET, value)).toBeTruthy();
    expect(setCookie).not.toContain('fact_test_');
    // Known visitor: no new cookie.
    const again = await getSession(
      new Request('http://docs.test/api/proxy/session', { headers: browser({ cookie: `fa_console=${value}` }) }),
      deps(),
    );
    expect(again.headers.get('set-cookie')).toBeNull();
    // Behind HTTPS the cookie is Secure.
    const https = await getSession(
      new Request('http://docs.test/api/proxy/session', { headers: browser({ 'x-forwarded-proto': 'https' }) }),
      deps(),
    );
    expect(https.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('reports the shared key and bring-your-own modes, which set no cookie and cannot be reset', async () => {
    const shared = deps({ FACTUAREA_SANDBOX_KEY: 'fact_test_SharedKeyOfTheSite000000000' });
    const res = await getSession(new Request('http://docs.test/api/proxy/session', { headers: browser() }), shared);
    const body = await res.json();
    expect(body).toMatchObject({ mode: 'shared', resettable: false });
    expect(JSON.stringify(body)).not.toContain('SharedKey');
    expect(res.headers.get('set-cookie')).toBeNull();
    const none = await getSession(
      new Request('http://docs.test/api/proxy/session', { headers: browser() }),
      deps({ FACTUAREA_API_URL: 'https://api.test/v1' }),
    );
    expect(await none.json()).toMatchObject({ mode: 'none', base: 'https://api.test/v1', embedded: false });
    const reset = await resetSession(new Request('http://docs.test/api/proxy/session', { method: 'POST', headers: browser() }), shared);
    expect(reset.status).toBe(405);
  });

  it('limits new sandboxes per address and overall, first visits and resets alike', async () => {
    const d = deps({}, 2, 3);
    const get = (ip: string) =>
      getSession(new Request('http://docs.test/api/proxy/session', { headers: browser({ 'x-forwarded-for': ip }) }), d);
    expect(cookieOf(await get('192.0.2.1'))).toBeTruthy();
    expect(cookieOf(await get('192.0.2.1'))).toBeTruthy();
    const limited = await get('192.0.2.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('set-cookie')).toBeNull();
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(cookieOf(await get('192.0.2.2'))).toBeTruthy();
    expect((await get('192.0.2.3')).status).toBe(429);
    const reset = await resetSession(
      new Request('http://docs.test/api/proxy/session', { method: 'POST', headers: browser({ 'x-forwarded-for': '192.0.2.4' }) }),
      d,
    );
    expect(reset.status).toBe(429);
  });

  it('reset gives a new visitor id, only from this site, and is rate-limited', async () => {
    const d = deps({}, 2);
    const post = (h: Record<string, string>) =>
      resetSession(new Request('http://docs.test/api/proxy/session', { method: 'POST', headers: h }), d);
    const first = await post(browser());
    const second = await post(browser());
    expect(first.status).toBe(200);
    expect(cookieOf(first)).toBeTruthy();
    expect(cookieOf(second)).not.toBe(cookieOf(first));
    expect((await post(browser())).status).toBe(429);
    expect((await post(browser({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.test' }))).status).toBe(403);
    expect((await post({ host: 'docs.test' })).status).toBe(403);
  });
});

describe('server secret', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('is generated once into DATA_DIR with mode 600, then reused', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'proxy-secret-'));
    dirs.push(dir);
    const [a, b] = await Promise.all([loadSecret({ DATA_DIR: dir }), loadSecret({ DATA_DIR: dir })]);
    expect(a.length).toBe(32);
    expect(b.equals(a)).toBe(true);
    expect((await loadSecret({ DATA_DIR: dir })).equals(a)).toBe(true);
    expect((await stat(path.join(dir, 'proxy-secret'))).mode & 0o777).toBe(0o600);
    expect((await readFile(path.join(dir, 'proxy-secret'), 'utf8')).trim()).toBe(a.toString('base64url'));
  });

  it('comes from PROXY_SECRET when set, which must be long enough', async () => {
    const s = 'x'.repeat(40);
    expect((await loadSecret({ PROXY_SECRET: s })).toString()).toBe(s);
    await expect(loadSecret({ PROXY_SECRET: 'short' })).rejects.toThrow(/at least 32/);
  });

  it('is shared through PostgreSQL by every instance', async () => {
    const t = await createTestDatabase('proxy_secret');
    const [one, two] = await Promise.all([openDatabase({ url: t.url }), openDatabase({ url: t.url })]);
    try {
      const [a, b] = await Promise.all([fromDatabase(one), fromDatabase(two)]);
      expect(a.length).toBe(32);
      expect(b.equals(a)).toBe(true);
      expect((await fromDatabase(one)).equals(a)).toBe(true);
    } finally {
      await Promise.all([one.close(), two.close()]);
      await t.drop();
    }
  });
});

describe('rate limiter', () => {
  it('counts in memory per key', async () => {
    const l = createLimiter({ keyPrefix: `m${Date.now()}`, points: 2, duration: 60 });
    expect(await l.consume('a')).toEqual({ ok: true });
    expect(await l.consume('a')).toEqual({ ok: true });
    const refused = await l.consume('a');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfter).toBeGreaterThanOrEqual(59);
    expect(await l.consume('b')).toEqual({ ok: true });
  });

  it('shares the count between instances through Redis (REDIS_URL, default 127.0.0.1:6379)', async () => {
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const keyPrefix = `proxy-test-${Date.now()}-${Math.random()}`;
    const one = createLimiter({ keyPrefix, points: 3, duration: 60, redisUrl });
    const two = createLimiter({ keyPrefix, points: 3, duration: 60, redisUrl });
    expect((await one.consume('ip')).ok).toBe(true);
    expect((await two.consume('ip')).ok).toBe(true);
    expect((await one.consume('ip')).ok).toBe(true);
    expect((await two.consume('ip')).ok).toBe(false);
    const { Redis } = await import('ioredis');
    const r = new Redis(redisUrl);
    try {
      expect(Number(await r.get(`${keyPrefix}:ip`))).toBe(4);
    } finally {
      r.disconnect();
    }
  });
});
