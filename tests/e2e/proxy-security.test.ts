/**
 * The proxy's security over HTTP, against `next start` of the production build with programmable stub upstreams:
 * every way to aim it elsewhere (hosts, IP spellings, user info, encoded and dot paths, paths and methods outside
 * the document), redirects, oversize bodies both ways, timeouts, cookies both ways, cross-site requests, live keys
 * and rate limits shared through Redis — and no server-held key in any response, log line or built file.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveVisitorKey } from '@/lib/proxy/keys';
import { verifyCookieValue } from '@/lib/proxy/visitor';
import { BUILD_CANARY_KEY, BUILD_CANARY_SECRET } from '../helpers/canaries';
import { startNext, type NextServer } from '../helpers/next-server';
import { jsonHandler, startStubUpstream, type StubUpstream } from '../helpers/stub-upstream';

const SECRET = `security-suite-secret-${randomBytes(8).toString('hex')}`;
const SHARED_KEY = `fact_test_Shared${randomBytes(6).toString('hex')}Key`;
const LIVE = 'fact_live_8KqW3pXnR2VbY7TcA9eFmN5z';

let stub: StubUpstream;
let stub2: StubUpstream;
let site: NextServer;
let shared: NextServer;
let shared2: NextServer;
let dataDir: string;
let cookie = '';
let visitorKey = '';
/** Every response the proxy gave in this file: none may contain a server-held key. */
const seen: string[] = [];

async function record(
  res: Response,
): Promise<{ status: number; headers: Headers; text: string; json: () => { error?: Record<string, unknown> } }> {
  const text = await res.text();
  seen.push(`${JSON.stringify([...res.headers])}\n${text}`);
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as { error?: Record<string, unknown> } };
}

/** A console request: same-origin fetch headers and the visitor cookie, unless overridden. */
function proxy(target: string, init: RequestInit & { headers?: Record<string, string>; server?: NextServer } = {}) {
  const server = init.server ?? site;
  const send = () =>
    fetch(`${server.url}/api/proxy?url=${encodeURIComponent(target)}`, {
      ...init,
      redirect: 'manual',
      headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'empty', origin: server.url, cookie, ...init.headers },
    });
  // A kept-alive socket the server closed at the same moment shows up as ECONNRESET on a loaded machine:
  // send once more on a network error (never on an HTTP answer, whatever its status).
  return send()
    .catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET' || init.body) throw error;
      return send();
    })
    .then(record);
}
const own = (p: string) => `${site.url}/sandbox/v1${p}`;

beforeAll(async () => {
  stub = await startStubUpstream();
  stub2 = await startStubUpstream();
  dataDir = mkdtempSync(path.join(tmpdir(), 'proxy-security-'));
  const common = {
    PROXY_SECRET: SECRET,
    DATA_DIR: dataDir,
    PROXY_TIMEOUT_MS: '1500',
    PROXY_MAX_BODY_BYTES: '65536',
    PROXY_MAX_RESPONSE_BYTES: '262144',
  };
  const sharedEnv = {
    ...common,
    FACTUAREA_API_URL: `${stub2.url}/v1`,
    FACTUAREA_SANDBOX_KEY: SHARED_KEY,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    PROXY_RATE_LIMIT: '4/60',
  };
  [site, shared, shared2] = await Promise.all([
    startNext({ ...common, FACTUAREA_SANDBOX_INTERNAL_URL: `${stub.url}/sandbox/v1`, PROXY_RATE_LIMIT: '1000/60' }),
    startNext(sharedEnv),
    startNext(sharedEnv),
  ]);
  const session = await fetch(`${site.url}/api/proxy/session`, { headers: { 'sec-fetch-site': 'same-origin' } });
  cookie = /^(fa_console=[^;]+)/.exec(session.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const id = verifyCookieValue(Buffer.from(SECRET), cookie.slice('fa_console='.length));
  expect(id).toBeTruthy();
  visitorKey = deriveVisitorKey(Buffer.from(SECRET), id!);
}, 180_000);

afterAll(async () => {
  await Promise.all([site?.stop(), shared?.stop(), shared2?.stop()]);
  await Promise.all([stub?.close(), stub2?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the proxy on a production build', () => {
  it('forwards an operation of the document with the visitor’s own sandbox key', async () => {
    stub.received.length = 0;
    stub.handle(jsonHandler(200, { data: [], has_more: false }, { 'x-request-id': 'req_1', 'x-ratelimit-remaining': '299' }));
    const res = await proxy(own('/clients?limit=2'));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('299');
    expect(stub.received).toHaveLength(1);
    expect(stub.received[0].url).toBe('/sandbox/v1/clients?limit=2');
    expect(stub.received[0].headers.authorization).toBe(`Bearer ${visitorKey}`);
  });

  const targets = (): [string, string][] => {
    const port = new URL(site.url).port;
    return [
      ['another host', 'http://evil.example/sandbox/v1/clients'],
      ['the upstream itself, directly', `${stub.url}/sandbox/v1/clients`],
      ['localhost instead of this host', `http://localhost:${port}/sandbox/v1/clients`],
      ['a cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
      ['an IPv6 literal', `http://[::1]:${port}/sandbox/v1/clients`],
      ['an IPv4-mapped IPv6 literal', `http://[::ffff:7f00:1]:${port}/sandbox/v1/clients`],
      ['a decimal IPv4', `http://2130706433:${port}/sandbox/v1/clients`],
      ['a hex IPv4', `http://0x7f000001:${port}/sandbox/v1/clients`],
      ['an octal IPv4', `http://0177.0.0.1:${port}/sandbox/v1/clients`],
      ['a shortened IPv4', `http://127.1:${port}/sandbox/v1/clients`],
      ['user info', 'http://x@evil.example/sandbox/v1/clients'],
      ['user info naming this host', `http://127.0.0.1:${port}@evil.example/sandbox/v1/clients`],
      ['user info in front of this host', `http://evil.example@127.0.0.1:${port}/sandbox/v1/clients`],
      ['encoded dot segments', own('/%2e%2e/%2e%2e/api/openapi')],
      ['encoded slashes', own('/clients/..%2f..%2fadmin')],
      ['an encoded slash alone', own('/clients/%2F')],
      ['a double-encoded slash', own('/clients/%252e%252e%252fadmin')],
      ['dot segments', `${site.url}/sandbox/v1/../v1/clients`],
      ['dot segments leaving the sandbox', `${site.url}/sandbox/v1/../../api/openapi`],
      ['a backslash', `${site.url}/sandbox/v1\\..\\..\\api/openapi`],
      ['a path outside the document', own('/admin/users')],
      ['the sandbox’s key-issuing route', `${site.url}/sandbox/keys`],
      ['another route of this site', `${site.url}/api/beta-access`],
      ['a non-http scheme', 'file:///etc/passwd'],
    ];
  };

  it('refuses every other target in the API’s error envelope, and the upstream sees none of them', async () => {
    stub.received.length = 0;
    for (const [what, target] of targets()) {
      const res = await proxy(target);
      expect([400, 403], what).toContain(res.status);
      const error = res.json().error;
      expect(error, what).toMatchObject({
        type: expect.stringMatching(/invalid_request_error|authorization_error/),
        code: expect.any(String),
        request_id: expect.stringMatching(/^req_/),
      });
      expect(error && 'doc_url' in error && 'param' in error && 'message' in error, what).toBe(true);
    }
    expect(stub.received).toEqual([]);
  });

  it('refuses methods the document does not have on a path, and answers preflights without CORS', async () => {
    stub.received.length = 0;
    let res = await proxy(own('/clients'), { method: 'DELETE' });
    expect(res.status).toBe(403);
    expect(res.json().error?.code).toBe('operation_not_allowed');
    res = await proxy(own('/clients'), {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(stub.received).toEqual([]);
  });

  it('does not follow a redirect from the upstream', async () => {
    stub.received.length = 0;
    stub.handle((_req, r) => {
      r.writeHead(307, { location: `${stub.url}/sandbox/v1/elsewhere` });
      r.end();
    });
    const res = await proxy(own('/clients'));
    expect(res.status).toBe(502);
    expect(res.headers.get('location')).toBeNull();
    expect(res.json().error?.code).toBe('upstream_redirect');
    expect(stub.received.map((r) => r.url)).toEqual(['/sandbox/v1/clients']);
  });

  it('refuses an oversize request body with 413, and cuts an oversize response with a clear error', async () => {
    stub.received.length = 0;
    stub.handle(jsonHandler(201, {}));
    let res = await proxy(own('/clients'), {
      method: 'POST',
      body: JSON.stringify({ name: 'x'.repeat(70_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.json().error).toMatchObject({ type: 'invalid_request_error', code: 'request_too_large' });
    expect(stub.received).toEqual([]);
    stub.handle((_req, r) => {
      r.writeHead(200, { 'content-type': 'application/json' });
      r.end(JSON.stringify({ data: 'y'.repeat(300_000) }));
    });
    res = await proxy(own('/clients'));
    expect(res.status).toBe(502);
    expect(res.json().error).toMatchObject({ code: 'upstream_response_too_large', message: expect.stringContaining('262144 bytes') });
  });

  it('answers 504 when the upstream is too slow', async () => {
    stub.handle((_req, r) => {
      setTimeout(() => r.end('{}'), 5000).unref();
    });
    const started = Date.now();
    const res = await proxy(own('/clients'));
    expect(res.status).toBe(504);
    expect(res.json().error).toMatchObject({ type: 'service_unavailable_error', code: 'upstream_timeout' });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('never forwards cookies, and never returns Set-Cookie or CORS headers', async () => {
    stub.received.length = 0;
    stub.handle((_req, r) => {
      r.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': ['upstream_session=abc; Path=/; HttpOnly', 'track=1; Domain=127.0.0.1'],
        'access-control-allow-origin': '*',
        'access-control-allow-credentials': 'true',
      });
      r.end('{"data":[]}');
    });
    const res = await proxy(own('/clients'), { headers: { cookie: `${cookie}; portal_session=SECRET-SESSION; other=1` } });
    const again = await proxy(`${own('/clients')}`, { headers: { cookie: `${cookie}` } });
    for (const r of [res, again]) {
      expect(r.status).toBe(200);
      expect(r.headers.get('set-cookie')).toBeNull();
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    }
    for (const got of stub.received) {
      expect(got.headers.cookie).toBeUndefined();
      expect(JSON.stringify(got.headers)).not.toContain('SECRET-SESSION');
    }
    // The ?cookie= parameter of the playground's protocol is ignored too.
    stub.received.length = 0;
    await fetch(`${site.url}/api/proxy?url=${encodeURIComponent(own('/clients'))}&cookie=${encodeURIComponent('a=b')}`, {
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    }).then(record);
    expect(stub.received[0].headers.cookie).toBeUndefined();
  });

  it('refuses cross-site requests: other origins, sibling sites, navigations', async () => {
    stub.received.length = 0;
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example', 'sec-fetch-site': '' },
      { 'sec-fetch-site': 'same-site', origin: 'http://sub.127.0.0.1' },
      { 'sec-fetch-site': 'none', 'sec-fetch-dest': 'document', origin: '' },
      { origin: 'null' },
    ];
    for (const headers of cases) {
      const clean = Object.fromEntries(
        Object.entries({ 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'empty', origin: site.url, ...headers }).filter(
          ([, v]) => v !== '',
        ),
      );
      const res = await fetch(`${site.url}/api/proxy?url=${encodeURIComponent(own('/clients'))}`, { headers: { cookie, ...clean } }).then(
        record,
      );
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.json().error?.code).toBe('cross_site_request');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    const reset = await fetch(`${site.url}/api/proxy/session`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    }).then(record);
    expect(reset.status).toBe(403);
    expect(stub.received).toEqual([]);
  });

  it('refuses a live key in a header, the query or the body with a clear 403, and never logs it', async () => {
    stub.received.length = 0;
    const cases: [string, Promise<Awaited<ReturnType<typeof proxy>>>][] = [
      ['Authorization', proxy(own('/clients'), { headers: { authorization: `Bearer ${LIVE}` } })],
      ['X-API-Key', proxy(own('/clients'), { headers: { 'x-api-key': LIVE } })],
      ['query', proxy(own(`/clients?api_key=${LIVE}`))],
      [
        'body',
        proxy(own('/clients'), { method: 'POST', body: JSON.stringify({ notes: LIVE }), headers: { 'content-type': 'application/json' } }),
      ],
    ];
    for (const [where, pending] of cases) {
      const res = await pending;
      expect(res.status, where).toBe(403);
      expect(res.json().error).toMatchObject({
        type: 'authorization_error',
        code: 'live_key_refused',
        message: expect.stringContaining('fact_test_'),
      });
      expect(res.text).not.toContain(LIVE);
    }
    expect(stub.received).toEqual([]);
  });

  it('uses the shared key with an external upstream, and counts rate limits across instances in Redis', async () => {
    const ip = `198.51.100.${1 + Math.floor(Math.random() * 250)}, 10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    stub2.handle((req, r) => {
      r.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_${req.headers.authorization}` });
      r.end(JSON.stringify({ echo: req.headers.authorization }));
    });
    const session = await fetch(`${shared.url}/api/proxy/session`, { headers: { 'sec-fetch-site': 'same-origin' } }).then(record);
    expect(session.json()).toMatchObject({ mode: 'shared', base: `${stub2.url}/v1`, resettable: false });
    expect(session.headers.get('set-cookie')).toBeNull();
    const statuses: number[] = [];
    for (const server of [shared, shared2, shared, shared2, shared]) {
      const res = await proxy(`${stub2.url}/v1/clients`, { server, headers: { 'x-forwarded-for': ip, origin: server.url, cookie: '' } });
      statuses.push(res.status);
      if (res.status === 200) expect(res.text).toContain('fact_test_…');
      else expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(stub2.received.every((r) => r.headers.authorization === `Bearer ${SHARED_KEY}`)).toBe(true);
    // The console's target for this configuration is the external API, not this site's sandbox.
    const res = await proxy(`${shared.url}/sandbox/v1/clients`, { server: shared, headers: { origin: shared.url, cookie: '' } });
    expect(res.status).toBe(403);
  });

  it('leaks no server-held key: not in any response, page, log line or built file', async () => {
    // Pages served by an instance that holds a shared key.
    for (const p of ['/', '/api-reference/clients/public-api.v1.clients.create', '/api/openapi', '/llms.txt', '/api/proxy/session']) {
      const text = await fetch(`${shared.url}${p}`, { headers: { 'sec-fetch-site': 'same-origin' } }).then((r) => r.text());
      expect(text, p).not.toContain(SHARED_KEY);
    }
    expect(seen.length).toBeGreaterThan(40);
    for (const r of seen) {
      expect(r).not.toContain(visitorKey);
      expect(r).not.toContain(SHARED_KEY);
      expect(r).not.toContain(SECRET);
    }
    for (const server of [site, shared, shared2]) {
      const log = server.log();
      expect(log).toContain('[proxy]');
      for (const secret of [visitorKey, SHARED_KEY, SECRET, LIVE, 'fact_live_', 'SECRET-SESSION']) expect(log).not.toContain(secret);
    }
    // The build ran with canary values in FACTUAREA_SANDBOX_KEY and PROXY_SECRET (scripts/test-all.sh).
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (dir.startsWith(path.join('.next', 'static')) || /\.(html|rsc|body|meta|json|js)$/.test(name)) files.push(p);
      }
    };
    walk(path.join('.next', 'static'));
    walk(path.join('.next', 'server'));
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(100);
    const leaks = files.filter((f) => {
      const text = readFileSync(f, 'latin1');
      return [BUILD_CANARY_KEY, BUILD_CANARY_SECRET, SHARED_KEY, SECRET].some((s) => text.includes(s));
    });
    expect(leaks).toEqual([]);
  });
});
