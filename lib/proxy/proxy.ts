/**
 * The try-it proxy: takes the console's `?url=<absolute URL>` request, checks it against the policy (same site,
 * rate limits, one upstream, the document's operations, no live key, bounded sizes), sends it with the key the
 * server chooses, and returns the upstream's answer without cookies, redirects or server-held keys.
 */
import type { ProxyConfig } from './config';
import { PROXY_ERROR_HEADER, proxyError, type ProxyErrorCode } from './errors';
import { browserResponseHeaders, upstreamRequestHeaders } from './headers';
import { containsLiveKey, deriveVisitorKey, ownKeyOf } from './keys';
import { log as logLine } from '../log';
import { consoleLogger, type Logger } from './log';
import { createLimiter, type Limiter } from './rate-limit';
import { clientIp } from './client-ip';
import { crossSiteReason, ownHosts } from './origin';
import { asciiMask, redactBytes, redactText } from './redact';
import type { RouteTable } from './routes';
import { readBounded } from './stream';
import { checkTarget, upstreamUrl } from './target';
import { readCookie, VISITOR_COOKIE, verifyCookieValue } from './visitor';

export const PROXY_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ProxyDeps {
  config: ProxyConfig;
  routes: RouteTable;
  /** The server secret (cookie signatures, visitor keys); loaded on first need. */
  secret: () => Promise<Buffer>;
  logger?: Logger;
  limiters?: { perIp: Limiter; global: Limiter };
}

/** Whose key a request was sent with. */
export type KeyOwner = 'own' | 'shared' | 'visitor';

export interface Proxy {
  handle(req: Request): Promise<Response>;
}

class Refusal extends Error {
  constructor(
    readonly code: ProxyErrorCode,
    message: string,
    readonly extra: { param?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

/** The key the proxy will send: the visitor's own test key, else the shared key, else the visitor's derived key. */
async function chooseKey(req: Request, deps: ProxyDeps): Promise<{ key: string; owner: KeyOwner }> {
  const own = ownKeyOf(req.headers);
  if (own.malformed)
    throw new Refusal('invalid_api_key', 'The console only sends keys that start with fact_test_.', { param: 'Authorization' });
  if (own.key) return { key: own.key, owner: 'own' };
  const { config } = deps;
  if (config.sandboxKey) return { key: config.sandboxKey, owner: 'shared' };
  if (config.upstream.kind === 'embedded') {
    const secret = await deps.secret();
    const visitor = verifyCookieValue(secret, readCookie(req.headers.get('cookie'), VISITOR_COOKIE));
    if (visitor) return { key: deriveVisitorKey(secret, visitor), owner: 'visitor' };
    throw new Refusal(
      'missing_api_key',
      'This browser has no sandbox of its own yet: reload the page to get one, or paste your own fact_test_ key.',
    );
  }
  throw new Refusal('missing_api_key', 'This site holds no key for this API: paste your own fact_test_ key in the console.');
}

export function createProxy(deps: ProxyDeps): Proxy {
  const { config, routes } = deps;
  const log = deps.logger ?? consoleLogger;
  const limiters = deps.limiters ?? {
    perIp: createLimiter({ keyPrefix: 'proxy:ip', ...config.perIp, redisUrl: config.redisUrl }),
    global: createLimiter({ keyPrefix: 'proxy:all', ...config.global, redisUrl: config.redisUrl }),
  };
  const errorOptions = (extra: Refusal['extra'] = {}) => ({ siteUrl: config.siteUrl, ...extra });

  async function forward(req: Request, state: { template?: string }): Promise<Response> {
    const method = req.method.toUpperCase();
    if (!(PROXY_METHODS as readonly string[]).includes(method))
      throw new Refusal('method_not_allowed', `The console proxy does not answer ${method} requests.`, {
        headers: { Allow: PROXY_METHODS.join(', ') },
      });

    const hosts = ownHosts(req.headers, config.siteUrl);
    const crossSite = crossSiteReason(req.headers, hosts);
    if (crossSite) throw new Refusal('cross_site_request', crossSite);

    for (const [limiter, key] of [
      [limiters.perIp, clientIp(req.headers)],
      [limiters.global, 'all'],
    ] as const) {
      const verdict = await limiter.consume(key);
      if (!verdict.ok)
        throw new Refusal('rate_limit_exceeded', `Too many console requests: try again in ${verdict.retryAfter} s.`, {
          headers: { 'Retry-After': String(verdict.retryAfter) },
        });
    }

    // A live key anywhere — URL, any header, body — is refused before anything is sent.
    const raw = new URL(req.url).searchParams.get('url');
    const liveKeyMessage = 'Live keys (fact_live_…) are refused here: the console only works on test data. Use a fact_test_ key.';
    if (containsLiveKey(req.url)) throw new Refusal('live_key_refused', liveKeyMessage, { param: 'url' });
    for (const [name, value] of req.headers)
      if (containsLiveKey(value)) throw new Refusal('live_key_refused', liveKeyMessage, { param: name });

    const target = checkTarget(raw, method, config.upstream, hosts, routes);
    if (!target.ok) throw new Refusal(target.code, target.message, { param: 'url' });
    state.template = target.template;

    let body: Uint8Array | undefined;
    if (WITH_BODY.has(method)) {
      const tooLarge = () =>
        new Refusal('request_too_large', `The request body is larger than the console allows (${config.maxBodyBytes} bytes).`);
      const declared = Number(req.headers.get('content-length') ?? '0');
      if (declared > config.maxBodyBytes) throw tooLarge();
      const read = await readBounded(req.body, config.maxBodyBytes, AbortSignal.timeout(config.timeoutMs));
      if (!read.ok && 'timedOut' in read)
        throw new Refusal('request_timeout', `The request body did not arrive within ${config.timeoutMs} ms.`);
      if (!read.ok) throw tooLarge();
      if (read.bytes.byteLength > 0) body = read.bytes;
      if (body && containsLiveKey(Buffer.from(body).toString('latin1')))
        throw new Refusal('live_key_refused', liveKeyMessage, { param: 'body' });
    }

    const { key, owner } = await chooseKey(req, deps);
    const headers = upstreamRequestHeaders(req.headers, key);
    if (!headers.ok)
      throw new Refusal('header_invalid', `The ${headers.header} header is too long or not printable ASCII.`, { param: headers.header });
    // Keys the browser must never see: the one the server chose, and the configured shared key in any case.
    const secrets = [owner === 'own' ? '' : key, config.sandboxKey ?? ''].filter(Boolean);

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    const started = performance.now();
    try {
      let upstream: Response;
      try {
        upstream = await fetch(upstreamUrl(config.upstream, target.path, target.search), {
          method,
          headers: headers.headers,
          body: body as BodyInit | undefined,
          redirect: 'manual',
          signal: controller.signal,
          cache: 'no-store',
        });
      } catch {
        if (controller.signal.aborted) throw new Refusal('upstream_timeout', `The API did not answer within ${config.timeoutMs} ms.`);
        throw new Refusal('upstream_unavailable', 'The API could not be reached.');
      }
      if (upstream.status >= 300 && upstream.status < 400) {
        await upstream.body?.cancel().catch(() => {});
        throw new Refusal('upstream_redirect', `The API answered with a redirect (${upstream.status}), which the console does not follow.`);
      }
      const tooLarge = () =>
        new Refusal(
          'upstream_response_too_large',
          `The API's response is larger than the console shows (${config.maxResponseBytes} bytes); it was cut off. Call the API directly to get all of it.`,
        );
      if (Number(upstream.headers.get('content-length') ?? '0') > config.maxResponseBytes) {
        await upstream.body?.cancel().catch(() => {});
        throw tooLarge();
      }
      let read;
      try {
        read =
          method === 'HEAD' ? ({ ok: true, bytes: new Uint8Array(0) } as const) : await readBounded(upstream.body, config.maxResponseBytes);
      } catch {
        if (controller.signal.aborted)
          throw new Refusal('upstream_timeout', `The API did not finish answering within ${config.timeoutMs} ms.`);
        throw new Refusal('upstream_unavailable', 'The API closed the connection before the end of its answer.');
      }
      if (!read.ok) throw tooLarge();
      const elapsed = performance.now() - started;
      const out = browserResponseHeaders(upstream.headers, (v) => redactText(v, secrets, asciiMask));
      out.set('server-timing', `upstream;dur=${elapsed.toFixed(1)}`);
      out.set('x-console-key', owner);
      const nullBody = method === 'HEAD' || upstream.status === 204 || upstream.status === 304;
      return new Response(nullBody ? null : (redactBytes(read.bytes, secrets) as BodyInit), { status: upstream.status, headers: out });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async handle(req) {
      const started = performance.now();
      const state: { template?: string } = {};
      let res: Response;
      try {
        res = await forward(req, state);
      } catch (error) {
        if (!(error instanceof Refusal)) {
          // Unexpected: log the error's name only (a message could quote a request).
          logLine('error', '[proxy] unexpected failure', { error_name: error instanceof Error ? error.name : 'error' });
          res = proxyError('upstream_unavailable', 'The console proxy failed unexpectedly.', errorOptions());
        } else res = proxyError(error.code, error.message, errorOptions(error.extra));
      }
      log({
        request_id: res.headers.get('x-request-id') ?? undefined,
        method: req.method.toUpperCase(),
        template: state.template,
        status: res.status,
        code: res.headers.get(PROXY_ERROR_HEADER) ?? undefined,
        ms: performance.now() - started,
      });
      return res;
    },
  };
}
