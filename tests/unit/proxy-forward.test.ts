/**
 * createProxy end to end in process, against a stub upstream on 127.0.0.1: what reaches the upstream, what comes
 * back, and every refusal (limits, redirects, timeouts, live keys, cross-site, rate limits) in the error envelope.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '@/lib/openapi/bundle';
import { configFromEnv, type ProxyConfig } from '@/lib/proxy/config';
import { deriveVisitorKey } from '@/lib/proxy/keys';
import type { LogEntry } from '@/lib/proxy/log';
import { createProxy, type Proxy } from '@/lib/proxy/proxy';
import { createLimiter } from '@/lib/proxy/rate-limit';
import { compileRoutes } from '@/lib/proxy/routes';
import { cookieValue } from '@/lib/proxy/visitor';
import { jsonHandler, startStubUpstream, type StubUpstream } from '../helpers/stub-upstream';

const doc = JSON.parse(readFileSync('openapi/dist/openapi.json', 'utf8')) as JsonObject;
const routes = compileRoutes(doc);
const SECRET = Buffer.alloc(32, 42);
const VISITOR = 'visitor-0123456789abcdef';
const VISITOR_KEY = deriveVisitorKey(SECRET, VISITOR);
const SHARED_KEY = 'fact_test_SharedKeyOfTheSite000000000';
const SITE = 'http://docs.test';
const COOKIE = `fa_console=${cookieValue(SECRET, VISITOR)}; other=site-cookie`;

let stub: StubUpstream;
let logs: LogEntry[];

function makeProxy(
  env: Record<string, string> = {},
  limits?: Parameters<typeof createLimiter>[0][],
): { proxy: Proxy; config: ProxyConfig } {
  const config = configFromEnv({ FACTUAREA_SANDBOX_INTERNAL_URL: `${stub.url}/sandbox/v1`, PROXY_TIMEOUT_MS: '800', ...env });
  const limiters = limits ? { perIp: createLimiter(limits[0]), global: createLimiter(limits[1]) } : undefined;
  return { proxy: createProxy({ config, routes, secret: async () => SECRET, logger: (e) => logs.push(e), limiters }), config };
}

const target = (path: string) => `${SITE}/api/proxy?url=${encodeURIComponent(`${SITE}/sandbox/v1${path}`)}&cookie=`;
const request = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  new Request(target(path), {
    ...init,
    headers: {
      host: 'docs.test',
      'sec-fetch-site': 'same-origin',
      'sec-fetch-dest': 'empty',
      origin: SITE,
      cookie: COOKIE,
      ...init.headers,
    },
  });
const errorOf = async (res: Response) => ((await res.json()) as { error: Record<string, string | null> }).error;

beforeAll(async () => {
  stub = await startStubUpstream();
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => {
  stub.received.length = 0;
  stub.handle(jsonHandler());
  logs = [];
});

describe('forwarding', () => {
  it('sends the method, path, query and body with the visitor’s derived key, and nothing else', async () => {
    const { proxy } = makeProxy();
    stub.handle(jsonHandler(201, { id: 'c1' }, { 'x-request-id': 'req_up', 'idempotent-replayed': 'false', 'x-ratelimit-remaining': '9' }));
    const res = await proxy.handle(
      request('/clients?expand=x', {
        method: 'POST',
        body: JSON.stringify({ name: 'Hostal' }),
        headers: {
          'content-type': 'application/json',
          'idempotency-key': 'idem-1',
          'factuarea-version': '2026-06-04',
          'x-forwarded-for': '203.0.113.9',
          'x-custom': 'nope',
          'user-agent': 'Mozilla/5.0',
        },
      }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 'c1' });
    expect(res.headers.get('x-request-id')).toBe('req_up');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('9');
    expect(res.headers.get('x-console-key')).toBe('visitor');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const got = stub.received[0];
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/sandbox/v1/clients?expand=x');
    expect(got.body).toBe('{"name":"Hostal"}');
    expect(got.headers.authorization).toBe(`Bearer ${VISITOR_KEY}`);
    expect(got.headers['idempotency-key']).toBe('idem-1');
    expect(got.headers['factuarea-version']).toBe('2026-06-04');
    expect(got.headers['content-type']).toBe('application/json');
    for (const h of ['cookie', 'x-forwarded-for', 'x-custom', 'origin', 'sec-fetch-site', 'referer'])
      expect(got.headers[h], h).toBeUndefined();
    expect(got.headers['user-agent']).toBe('factuarea-docs-console/1');
    expect(logs).toEqual([
      { request_id: 'req_up', method: 'POST', template: '/clients', status: 201, code: undefined, ms: expect.any(Number) },
    ]);
  });

  it('uses the visitor’s own test key when they paste one, and the shared key when configured', async () => {
    const own = 'fact_test_OwnKeyOwnKeyOwnKeyOwnKey12';
    await makeProxy().proxy.handle(request('/clients', { headers: { authorization: `Bearer ${own}` } }));
    expect(stub.received[0].headers.authorization).toBe(`Bearer ${own}`);
    const res = await makeProxy({ FACTUAREA_SANDBOX_KEY: SHARED_KEY }).proxy.handle(request('/clients', { headers: { cookie: '' } }));
    expect(res.headers.get('x-console-key')).toBe('shared');
    expect(stub.received[1].headers.authorization).toBe(`Bearer ${SHARED_KEY}`);
  });

  it('calls an external upstream at its own base URL', async () => {
    const { proxy } = makeProxy({ FACTUAREA_API_URL: `${stub.url}/v1`, FACTUAREA_SANDBOX_KEY: SHARED_KEY });
    const res = await proxy.handle(
      new Request(`${SITE}/api/proxy?url=${encodeURIComponent(`${stub.url}/v1/invoices?limit=2`)}`, { headers: { host: 'docs.test' } }),
    );
    expect(res.status).toBe(200);
    expect(stub.received[0].url).toBe('/v1/invoices?limit=2');
  });

  it('without a key of any kind, says how to get one', async () => {
    const res = await makeProxy().proxy.handle(request('/clients', { headers: { cookie: 'fa_console=forged.value' } }));
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({ type: 'authentication_error', code: 'missing_api_key' });
    const ext = makeProxy({ FACTUAREA_API_URL: `${stub.url}/v1` }).proxy;
    const res2 = await ext.handle(
      new Request(`${SITE}/api/proxy?url=${encodeURIComponent(`${stub.url}/v1/clients`)}`, { headers: { host: 'docs.test' } }),
    );
    expect((await errorOf(res2)).message).toContain('paste your own fact_test_ key');
    expect(stub.received).toHaveLength(0);
  });

  it('strips Set-Cookie and CORS headers and masks server-held keys echoed by the upstream', async () => {
    const { proxy } = makeProxy({ FACTUAREA_SANDBOX_KEY: SHARED_KEY });
    stub.handle((req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': ['upstream_session=abc; Path=/', 'tracking=1'],
        'access-control-allow-origin': '*',
        'x-request-id': `echo ${req.headers.authorization}`,
      });
      res.end(JSON.stringify({ you_sent: req.headers.authorization, cookie: req.headers.cookie ?? null }));
    });
    const res = await proxy.handle(request('/account'));
    const text = await res.text();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(text).not.toContain(SHARED_KEY);
    expect(text).toContain('fact_test_…000');
    expect(JSON.parse(text).cookie).toBeNull();
    expect(res.headers.get('x-request-id')).not.toContain(SHARED_KEY);
  });

  it('answers HEAD without a body and passes 204 through', async () => {
    const { proxy } = makeProxy();
    const head = await proxy.handle(request('/clients/abc', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(stub.received[0].method).toBe('HEAD');
    stub.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    expect((await proxy.handle(request('/clients/abc', { method: 'DELETE' }))).status).toBe(204);
  });
});

describe('refusals, all in the error envelope', () => {
  it('does not follow redirects', async () => {
    const { proxy } = makeProxy();
    stub.handle((_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    const res = await proxy.handle(request('/clients'));
    expect(res.status).toBe(502);
    expect(res.headers.get('location')).toBeNull();
    expect(await errorOf(res)).toMatchObject({ type: 'api_error', code: 'upstream_redirect', request_id: expect.stringMatching(/^req_/) });
    expect(stub.received).toHaveLength(1);
  });

  it('gives up on a slow upstream with 504, before headers and in the middle of a body', async () => {
    const { proxy } = makeProxy({ PROXY_TIMEOUT_MS: '300' });
    stub.handle((_req, res) => {
      setTimeout(() => res.end('{}'), 2000).unref();
    });
    let started = Date.now();
    let res = await proxy.handle(request('/clients'));
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await errorOf(res)).toMatchObject({ code: 'upstream_timeout', type: 'service_unavailable_error' });
    stub.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
      setTimeout(() => res.end('1}'), 2000).unref();
    });
    started = Date.now();
    res = await proxy.handle(request('/clients'));
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('cuts responses over the limit, announced or streamed', async () => {
    const { proxy } = makeProxy({ PROXY_MAX_RESPONSE_BYTES: '10000' });
    stub.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '20000' });
      res.end('x'.repeat(20000));
    });
    let res = await proxy.handle(request('/clients'));
    expect(res.status).toBe(502);
    expect(await errorOf(res)).toMatchObject({ code: 'upstream_response_too_large' });
    stub.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 50; i++) res.write('y'.repeat(1000));
      res.end();
    });
    res = await proxy.handle(request('/clients'));
    expect(res.status).toBe(502);
    expect((await errorOf(res)).message).toContain('10000 bytes');
  });

  it('refuses request bodies over the limit, announced or streamed, before calling the upstream', async () => {
    const { proxy } = makeProxy({ PROXY_MAX_BODY_BYTES: '1000' });
    let res = await proxy.handle(
      request('/clients', { method: 'POST', body: 'x'.repeat(1001), headers: { 'content-type': 'application/json' } }),
    );
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: 'request_too_large', type: 'invalid_request_error' });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(400));
        c.close();
      },
    });
    res = await proxy.handle(
      new Request(target('/clients'), {
        method: 'POST',
        body: stream,
        headers: { host: 'docs.test', cookie: COOKIE },
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(stub.received).toHaveLength(0);
  });

  it('gives up on a request body that arrives too slowly, with 408', async () => {
    const { proxy } = makeProxy({ PROXY_TIMEOUT_MS: '300' });
    const slow = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"name":'));
      },
    });
    const started = Date.now();
    const res = await proxy.handle(
      new Request(target('/clients'), {
        method: 'POST',
        body: slow,
        headers: { host: 'docs.test', cookie: COOKIE },
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(408);
    expect(await errorOf(res)).toMatchObject({ code: 'request_timeout', type: 'invalid_request_error' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(stub.received).toHaveLength(0);
  });

  it('refuses a live key in a header, the query or the body, and never logs it', async () => {
    const live = 'fact_live_8KqW3pXnR2VbY7TcA9eFmN5z';
    const { proxy } = makeProxy();
    const cases = [
      request('/clients', { headers: { authorization: `Bearer ${live}` } }),
      request('/clients', { headers: { 'x-api-key': live } }),
      request('/clients', { headers: { 'x-anything': live } }),
      new Request(`${SITE}/api/proxy?url=${encodeURIComponent(`${SITE}/sandbox/v1/clients?key=${live}`)}`, {
        headers: { host: 'docs.test', cookie: COOKIE },
      }),
      request('/clients', { method: 'POST', body: JSON.stringify({ api_key: live }), headers: { 'content-type': 'application/json' } }),
      request('/clients', {
        method: 'POST',
        body: `api_key=${encodeURIComponent(live)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    ];
    for (const req of cases) {
      const res = await proxy.handle(req);
      expect(res.status).toBe(403);
      const error = await errorOf(res);
      expect(error).toMatchObject({ type: 'authorization_error', code: 'live_key_refused' });
      expect(JSON.stringify(error)).not.toContain(live);
    }
    expect(stub.received).toHaveLength(0);
    expect(JSON.stringify(logs)).not.toContain('fact_live_');
  });

  it('refuses keys that are not test keys', async () => {
    const res = await makeProxy().proxy.handle(request('/clients', { headers: { authorization: 'Bearer sk_test_123' } }));
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({ code: 'invalid_api_key' });
  });

  it('refuses cross-site requests and methods it does not proxy', async () => {
    const { proxy } = makeProxy();
    let res = await proxy.handle(request('/clients', { headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.test' } }));
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({ code: 'cross_site_request' });
    res = await proxy.handle(request('/clients', { method: 'OPTIONS' }));
    expect(res.status).toBe(405);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(stub.received).toHaveLength(0);
  });

  it('rate-limits per address and overall, with Retry-After', async () => {
    const { proxy } = makeProxy({}, [
      { keyPrefix: `t-ip-${Date.now()}`, points: 2, duration: 60 },
      { keyPrefix: `t-all-${Date.now()}`, points: 3, duration: 60 },
    ]);
    const from = (ip: string) => request('/clients', { headers: { 'x-forwarded-for': ip } });
    expect((await proxy.handle(from('198.51.100.1'))).status).toBe(200);
    expect((await proxy.handle(from('198.51.100.1'))).status).toBe(200);
    const limited = await proxy.handle(from('198.51.100.1'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorOf(limited)).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    // Another address has its own allowance, until the proxy-wide limit runs out.
    expect((await proxy.handle(from('198.51.100.2'))).status).toBe(200);
    expect((await proxy.handle(from('198.51.100.3'))).status).toBe(429);
    expect(stub.received).toHaveLength(3);
  });

  it('an unreachable upstream is a 502', async () => {
    const { proxy } = makeProxy({ FACTUAREA_SANDBOX_INTERNAL_URL: 'http://127.0.0.1:9/sandbox/v1' });
    const res = await proxy.handle(request('/clients'));
    expect(res.status).toBe(502);
    expect(await errorOf(res)).toMatchObject({ code: 'upstream_unavailable' });
  });
});
