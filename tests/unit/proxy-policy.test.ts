/** lib/proxy's policy pieces on their own: target URLs, live-key detection, keys, cookies, headers, redaction, config. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@/lib/openapi/bundle';
import { configFromEnv } from '@/lib/proxy/config';
import { browserResponseHeaders, upstreamRequestHeaders } from '@/lib/proxy/headers';
import { containsLiveKey, deriveVisitorKey, maskKey, ownKeyOf, TEST_KEY } from '@/lib/proxy/keys';
import { crossSiteReason, ownHosts } from '@/lib/proxy/origin';
import { redactBytes, redactText } from '@/lib/proxy/redact';
import { compileRoutes } from '@/lib/proxy/routes';
import { checkTarget, type Upstream } from '@/lib/proxy/target';
import { cookieValue, readCookie, verifyCookieValue } from '@/lib/proxy/visitor';
import { clientIp } from '@/lib/proxy/client-ip';

const doc = JSON.parse(readFileSync('openapi/dist/openapi.json', 'utf8')) as JsonObject;
const routes = compileRoutes(doc);
const embedded: Upstream = { kind: 'embedded', publicPath: '/sandbox/v1', fetchBase: 'http://127.0.0.1:9/sandbox/v1' };
const external: Upstream = { kind: 'external', base: 'https://api.factuarea.com/v1' };
const hosts = ['docs.test:3000'];
const check = (url: string, method = 'GET', upstream: Upstream = embedded) => checkTarget(url, method, upstream, hosts, routes);

describe('routes from the document', () => {
  it('matches templates, prefers literal segments, and knows the methods', () => {
    expect(routes.match('GET', '/clients')).toBe('/clients');
    expect(routes.match('POST', '/clients')).toBe('/clients');
    expect(routes.match('GET', '/clients/search')).toBe('/clients/search');
    expect(routes.match('GET', '/clients/0190a5d2-aaaa')).toBe('/clients/{client}');
    expect(routes.match('HEAD', '/clients/abc')).toBe('/clients/{client}');
    expect(routes.match('PATCH', '/clients/abc')).toBeUndefined();
    expect(routes.match('DELETE', '/clients')).toBeUndefined();
    expect(routes.match('GET', '/admin')).toBeUndefined();
    expect(routes.match('GET', '/clients/')).toBeUndefined();
  });
});

describe('checkTarget', () => {
  it('accepts the document’s operations under the configured base, with their query', () => {
    expect(check('http://docs.test:3000/sandbox/v1/clients?limit=5&status%5Bin%5D=a')).toEqual({
      ok: true,
      path: '/clients',
      search: '?limit=5&status%5Bin%5D=a',
      template: '/clients',
    });
    expect(check('http://docs.test:3000/sandbox/v1/clients/abc-123', 'PUT')).toMatchObject({ ok: true, template: '/clients/{client}' });
    expect(check('https://api.factuarea.com/v1/invoices', 'POST', external)).toMatchObject({ ok: true, path: '/invoices' });
  });

  const refused: [string, string][] = [
    ['another host', 'http://evil.test/sandbox/v1/clients'],
    ['this host on another port', 'http://docs.test:3001/sandbox/v1/clients'],
    ['an IPv4 literal', 'http://127.0.0.1:3000/sandbox/v1/clients'],
    ['an IPv6 literal', 'http://[::1]:3000/sandbox/v1/clients'],
    ['an IPv4-mapped IPv6 literal', 'http://[::ffff:127.0.0.1]/sandbox/v1/clients'],
    ['a decimal IP', 'http://2130706433/sandbox/v1/clients'],
    ['a hex IP', 'http://0x7f000001/sandbox/v1/clients'],
    ['an octal IP', 'http://0177.0.0.1/sandbox/v1/clients'],
    ['a short IP', 'http://127.1/sandbox/v1/clients'],
    ['user info', 'http://x@evil.test/sandbox/v1/clients'],
    ['this host as user info', 'http://docs.test:3000@evil.test/sandbox/v1/clients'],
    ['empty user info', 'http://@docs.test:3000/sandbox/v1/clients'],
    ['a fragment trick', 'http://evil.test#@docs.test:3000/sandbox/v1/clients'],
    ['a capitalised host', 'http://DOCS.test:3000/sandbox/v1/clients'],
    ['dot segments', 'http://docs.test:3000/sandbox/v1/../v1/clients'],
    ['dot segments out of the base', 'http://docs.test:3000/sandbox/v1/../../api/search'],
    ['encoded dot segments', 'http://docs.test:3000/sandbox/v1/%2e%2e/v1/clients'],
    ['encoded dots in a parameter', 'http://docs.test:3000/sandbox/v1/clients/%2E%2E'],
    ['an encoded slash', 'http://docs.test:3000/sandbox/v1/clients/a%2fb'],
    ['an encoded backslash', 'http://docs.test:3000/sandbox/v1/clients/a%5Cb'],
    ['a double-encoded slash', 'http://docs.test:3000/sandbox/v1/clients/a%252fb'],
    ['a NUL byte', 'http://docs.test:3000/sandbox/v1/clients/a%00'],
    ['a backslash', 'http://docs.test:3000/sandbox/v1\\clients'],
    ['a tab', 'http://docs.test:3000/sandbox/v1/cli\tents'],
    ['a newline', 'http://docs.test:3000/sandbox/v1/clients\n'],
    ['an empty segment', 'http://docs.test:3000/sandbox/v1//clients'],
    ['a single-dot segment', 'http://docs.test:3000/sandbox/v1/./clients'],
    ['a path outside the base', 'http://docs.test:3000/sandbox/v2/clients'],
    ['a path glued to the base', 'http://docs.test:3000/sandbox/v1clients'],
    ['the proxy itself', 'http://docs.test:3000/api/proxy?url=http://evil.test/'],
    ['a file URL', 'file:///etc/passwd'],
    ['a javascript URL', 'javascript:alert(1)//docs.test:3000/sandbox/v1/clients'],
    ['an ftp URL', 'ftp://docs.test:3000/sandbox/v1/clients'],
    ['the production API when the sandbox is configured', 'https://api.factuarea.com/v1/clients'],
  ];
  for (const [what, url] of refused)
    it(`refuses ${what}`, () => {
      const r = check(url);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['proxy_target_not_allowed', 'proxy_url_invalid']).toContain(r.code);
    });

  it('refuses an external upstream’s look-alikes', () => {
    for (const url of [
      'http://api.factuarea.com/v1/clients',
      'https://api.factuarea.com:8443/v1/clients',
      'https://api.factuarea.com.evil.test/v1/clients',
      'https://api.factuarea.com/v2/clients',
      'https://api.factuarea.com:443/v1/clients',
    ])
      expect(checkTarget(url, 'GET', external, hosts, routes).ok, url).toBe(false);
  });

  it('refuses paths and methods the document does not have', () => {
    expect(check('http://docs.test:3000/sandbox/v1/admin')).toMatchObject({ ok: false, code: 'operation_not_allowed' });
    expect(check('http://docs.test:3000/sandbox/v1/clients', 'DELETE')).toMatchObject({ ok: false, code: 'operation_not_allowed' });
    expect(check('http://docs.test:3000/sandbox/v1/clients/a/b/c')).toMatchObject({ ok: false, code: 'operation_not_allowed' });
  });

  it('says what is missing when there is no url', () => {
    expect(check('')).toMatchObject({ ok: false, code: 'proxy_url_invalid' });
    expect(check('not a url')).toMatchObject({ ok: false });
    expect(check(`http://docs.test:3000/sandbox/v1/clients?q=${'a'.repeat(5000)}`)).toMatchObject({ ok: false, code: 'proxy_url_invalid' });
  });
});

describe('live keys', () => {
  it('are found plainly, encoded, escaped and in any case', () => {
    for (const s of [
      'Bearer fact_live_8KqW3pXnR2VbY7TcA9eFmN5z',
      'FACT_LIVE_abc',
      'key=fact%5Flive_abc',
      'key=fact%255Flive_abc',
      '{"k":"fact\\u005flive_abc"}',
      'key=fact%5flive%5Fabc',
      'http://x/sandbox/v1/clients?api_key=fact_live_x',
    ])
      expect(containsLiveKey(s), s).toBe(true);
  });
  it('are not confused with test keys or look-alikes', () => {
    for (const s of ['Bearer fact_test_3pXnR2VbY7TcA9eFmN5z8KqW', 'fact_lives', 'factlive_', '%zz%'])
      expect(containsLiveKey(s), s).toBe(false);
  });
});

describe('keys', () => {
  it('take the visitor’s own test key from Authorization (winning) or X-API-Key, and refuse anything else', () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(ownKeyOf(h({}))).toEqual({});
    expect(ownKeyOf(h({ authorization: 'Bearer ' }))).toEqual({});
    expect(ownKeyOf(h({ authorization: 'Bearer fact_test_abc' }))).toEqual({ key: 'fact_test_abc' });
    expect(ownKeyOf(h({ authorization: 'Bearer fact_test_abc', 'x-api-key': 'fact_test_xyz' }))).toEqual({ key: 'fact_test_abc' });
    expect(ownKeyOf(h({ 'x-api-key': 'fact_test_xyz' }))).toEqual({ key: 'fact_test_xyz' });
    expect(ownKeyOf(h({ authorization: 'Basic dTpw' }))).toEqual({ malformed: true });
    expect(ownKeyOf(h({ authorization: 'Bearer sk_live_x' }))).toEqual({ malformed: true });
    expect(ownKeyOf(h({ 'x-api-key': 'fact_test_a-b' }))).toEqual({ malformed: true });
  });

  it('derive a well-formed, stable sandbox key per visitor and secret', () => {
    const secret = Buffer.alloc(32, 7);
    const a = deriveVisitorKey(secret, 'visitor-a');
    expect(a).toMatch(TEST_KEY);
    expect(deriveVisitorKey(secret, 'visitor-a')).toBe(a);
    expect(deriveVisitorKey(secret, 'visitor-b')).not.toBe(a);
    expect(deriveVisitorKey(Buffer.alloc(32, 8), 'visitor-a')).not.toBe(a);
    expect(maskKey(a)).toBe(`fact_test_…${a.slice(-3)}`);
  });

  it('sign visitor cookies and reject forged or malformed ones', () => {
    const secret = Buffer.alloc(32, 1);
    const value = cookieValue(secret, 'abcdefghijklmnopqrstuvwx');
    expect(verifyCookieValue(secret, value)).toBe('abcdefghijklmnopqrstuvwx');
    expect(verifyCookieValue(Buffer.alloc(32, 2), value)).toBeUndefined();
    expect(verifyCookieValue(secret, value.replace('abc', 'abd'))).toBeUndefined();
    expect(verifyCookieValue(secret, `${value}x`)).toBeUndefined();
    expect(verifyCookieValue(secret, undefined)).toBeUndefined();
    expect(readCookie(`a=1; fa_console=${value}; b=2`, 'fa_console')).toBe(value);
  });
});

describe('headers', () => {
  it('rebuild the upstream request from the allow-list and the chosen key only', () => {
    const incoming = new Headers({
      'content-type': 'application/json',
      accept: 'application/json',
      'idempotency-key': 'k-1',
      'factuarea-version': '2026-06-04',
      cookie: 'session=secret',
      authorization: 'Bearer fact_test_visitor',
      'x-api-key': 'fact_test_other',
      'x-forwarded-for': '10.0.0.1',
      'x-custom': 'y',
      host: 'evil.test',
    });
    const r = upstreamRequestHeaders(incoming, 'fact_test_chosen');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.fromEntries(r.headers)).toEqual({
      accept: 'application/json',
      authorization: 'Bearer fact_test_chosen',
      'content-type': 'application/json',
      'factuarea-version': '2026-06-04',
      'idempotency-key': 'k-1',
      'user-agent': 'factuarea-docs-console/1',
    });
  });

  it('refuse oversized or non-printable values', () => {
    expect(upstreamRequestHeaders(new Headers({ 'idempotency-key': 'x'.repeat(300) }), undefined)).toEqual({
      ok: false,
      header: 'idempotency-key',
    });
  });

  it('pass back only what the console shows, never cookies or CORS', () => {
    const up = new Headers({
      'content-type': 'application/json',
      'set-cookie': 'a=b',
      'access-control-allow-origin': '*',
      'access-control-allow-credentials': 'true',
      location: 'http://evil.test/',
      'x-request-id': 'req_1',
      'x-ratelimit-remaining': '9',
      'idempotent-replayed': 'true',
      server: 'nginx',
    });
    const out = Object.fromEntries(browserResponseHeaders(up, (v) => v));
    expect(out).toEqual({
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'idempotent-replayed': 'true',
      'x-content-type-options': 'nosniff',
      'x-ratelimit-remaining': '9',
      'x-request-id': 'req_1',
    });
  });
});

describe('redaction', () => {
  it('masks every occurrence of a server-held key in text and bytes', () => {
    const key = 'fact_test_AAAAAAAAAAAAAAAAAAAAAAAA';
    expect(redactText(`a ${key} b ${key}`, [key])).toBe('a fact_test_…AAA b fact_test_…AAA');
    const bytes = redactBytes(Buffer.from(`{"k":"${key}","again":"${key}"}`), [key]);
    expect(Buffer.from(bytes).toString()).toBe('{"k":"fact_test_…AAA","again":"fact_test_…AAA"}');
    expect(Buffer.from(redactBytes(Buffer.from('nothing'), [key])).toString()).toBe('nothing');
  });
});

describe('same-site checks', () => {
  const hostsOf = (h: Record<string, string>) => ownHosts(new Headers(h), 'https://docs.factuarea.com');
  it('let same-origin fetches and non-browser clients through', () => {
    const h = { host: 'docs.test:3000' };
    expect(crossSiteReason(new Headers(h), hostsOf(h))).toBeUndefined();
    const browser = { ...h, 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'empty', origin: 'http://docs.test:3000' };
    expect(crossSiteReason(new Headers(browser), hostsOf(browser))).toBeUndefined();
    const prod = { host: '127.0.0.1:3000', origin: 'https://docs.factuarea.com' };
    expect(crossSiteReason(new Headers(prod), hostsOf(prod))).toBeUndefined();
  });
  it('refuse other sites, sibling sites, navigations and opaque origins', () => {
    const extras: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
      { 'sec-fetch-dest': 'document' },
      { 'sec-fetch-dest': 'iframe' },
      { origin: 'https://evil.test' },
      { origin: 'http://docs.test:3001' },
      { origin: 'null' },
    ];
    for (const extra of extras) {
      const h = { host: 'docs.test:3000', ...extra };
      expect(crossSiteReason(new Headers(h), hostsOf(h)), JSON.stringify(extra)).toBeTypeOf('string');
    }
  });
});

describe('client address', () => {
  it('is the last X-Forwarded-For hop', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2' }))).toBe('2.2.2.2');
    expect(clientIp(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }))).toBe('127.0.0.1');
    expect(clientIp(new Headers())).toBe('unknown');
  });
});

describe('configuration', () => {
  it('defaults to the embedded sandbox on this server’s port', () => {
    const c = configFromEnv({ PORT: '4123' });
    expect(c.upstream).toEqual({ kind: 'embedded', publicPath: '/sandbox/v1', fetchBase: 'http://127.0.0.1:4123/sandbox/v1' });
    expect(c.sandboxKey).toBeUndefined();
    expect(c.perIp).toEqual({ points: 60, duration: 60 });
  });
  it('takes an external upstream, a shared test key and limits', () => {
    const c = configFromEnv({
      FACTUAREA_API_URL: 'https://api.factuarea.com/v1/',
      FACTUAREA_SANDBOX_KEY: 'fact_test_3pXnR2VbY7TcA9eFmN5z8KqW',
      PROXY_RATE_LIMIT: '5/10',
      PROXY_MAX_BODY_BYTES: '1000',
    });
    expect(c.upstream).toEqual({ kind: 'external', base: 'https://api.factuarea.com/v1' });
    expect(c.perIp).toEqual({ points: 5, duration: 10 });
    expect(c.maxBodyBytes).toBe(1000);
  });
  it('refuses a live key or a bad URL without repeating the value', () => {
    const live = 'fact_live_8KqW3pXnR2VbY7TcA9eFmN5z';
    expect(() => configFromEnv({ FACTUAREA_SANDBOX_KEY: live })).toThrow(/FACTUAREA_SANDBOX_KEY/);
    try {
      configFromEnv({ FACTUAREA_SANDBOX_KEY: live });
    } catch (e) {
      expect((e as Error).message).not.toContain(live);
    }
    expect(() => configFromEnv({ FACTUAREA_API_URL: 'http://user:pw@x.test/v1' })).toThrow(/FACTUAREA_API_URL/);
    expect(() => configFromEnv({ PROXY_TIMEOUT_MS: '-1' })).toThrow(/PROXY_TIMEOUT_MS/);
  });
});
