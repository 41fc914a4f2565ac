/**
 * The console's session: which key the proxy will use for this browser (its own sandbox, the site's shared
 * key, or none) and the base URL to target. In per-visitor mode it issues the signed visitor cookie, and
 * "Reset my sandbox" replaces it with a new one — a new derived key, so a fresh sandbox company. New visitor
 * ids are rate-limited, since each one becomes a sandbox company.
 */
import type { ProxyConfig } from './config';
import { proxyError } from './errors';
import { clientIp } from './client-ip';
import { crossSiteReason, ownHosts } from './origin';
import type { Limiter } from './rate-limit';
import { publicBase } from './target';
import { cookieValue, newVisitorId, readCookie, setCookieHeader, VISITOR_COOKIE, verifyCookieValue } from './visitor';

export type SessionMode = 'visitor' | 'shared' | 'none';

export interface SessionInfo {
  /** visitor: a sandbox of this browser's own; shared: the site's FACTUAREA_SANDBOX_KEY; none: bring your own key. */
  mode: SessionMode;
  /** What the console says about the key in use when the visitor pasted none. */
  label: string;
  /** The base URL the console targets: a path on this site for the embedded sandbox, else the API's URL. */
  base: string;
  embedded: boolean;
  resettable: boolean;
}

export const LABELS: Record<SessionMode, string> = {
  visitor: 'Your sandbox (key held by this site)',
  shared: 'The site’s test account (key held by this site)',
  none: 'No key: paste your own fact_test_ key',
};

export function sessionMode(config: ProxyConfig): SessionMode {
  if (config.sandboxKey) return 'shared';
  return config.upstream.kind === 'embedded' ? 'visitor' : 'none';
}

export interface SessionDeps {
  config: ProxyConfig;
  secret: () => Promise<Buffer>;
  /** Counts new visitor ids (each becomes a sandbox company on first use): per address, and overall. */
  newSandboxes: { perIp: Limiter; global: Limiter };
}

/** Undefined when a new sandbox may be issued; otherwise the refusal. */
async function limitNewSandbox(req: Request, deps: SessionDeps): Promise<Response | undefined> {
  for (const [limiter, key] of [
    [deps.newSandboxes.perIp, clientIp(req.headers)],
    [deps.newSandboxes.global, 'all'],
  ] as const) {
    const verdict = await limiter.consume(key);
    if (!verdict.ok)
      return proxyError(
        'rate_limit_exceeded',
        `Too many new sandboxes from here: try again in ${verdict.retryAfter} s, or paste your own fact_test_ key.`,
        {
          siteUrl: deps.config.siteUrl,
          headers: { 'Retry-After': String(verdict.retryAfter) },
        },
      );
  }
  return undefined;
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers } });

const secureRequest = (req: Request) => (req.headers.get('x-forwarded-proto') ?? new URL(req.url).protocol.replace(':', '')) === 'https';

function info(config: ProxyConfig): SessionInfo {
  const mode = sessionMode(config);
  return {
    mode,
    label: LABELS[mode],
    base: publicBase(config.upstream),
    embedded: config.upstream.kind === 'embedded',
    resettable: mode === 'visitor',
  };
}

/** GET: the session, issuing a visitor cookie when this browser has none (or a forged one). */
export async function getSession(req: Request, deps: SessionDeps): Promise<Response> {
  const refused = crossSiteReason(req.headers, ownHosts(req.headers, deps.config.siteUrl));
  if (refused) return proxyError('cross_site_request', refused, { siteUrl: deps.config.siteUrl });
  const body = info(deps.config);
  if (body.mode !== 'visitor') return json(body);
  const secret = await deps.secret();
  if (verifyCookieValue(secret, readCookie(req.headers.get('cookie'), VISITOR_COOKIE))) return json(body);
  const limited = await limitNewSandbox(req, deps);
  if (limited) return limited;
  return json(body, { 'Set-Cookie': setCookieHeader(cookieValue(secret, newVisitorId()), { secure: secureRequest(req) }) });
}

/** POST: "Reset my sandbox" — a new visitor id, hence a new key and a new seeded company on first use. */
export async function resetSession(req: Request, deps: SessionDeps): Promise<Response> {
  const { config } = deps;
  const refused = crossSiteReason(req.headers, ownHosts(req.headers, config.siteUrl));
  if (refused) return proxyError('cross_site_request', refused, { siteUrl: config.siteUrl });
  // A same-origin fetch always sends Origin on POST; a form or link from elsewhere cannot forge it.
  if (!req.headers.get('origin'))
    return proxyError('cross_site_request', 'Resetting needs a request from the console on this site.', { siteUrl: config.siteUrl });
  const body = info(config);
  if (body.mode !== 'visitor')
    return proxyError('method_not_allowed', 'This site has no per-visitor sandbox to reset: the key in use is shared or your own.', {
      siteUrl: config.siteUrl,
    });
  const limited = await limitNewSandbox(req, deps);
  if (limited) return limited;
  const secret = await deps.secret();
  return json(body, { 'Set-Cookie': setCookieHeader(cookieValue(secret, newVisitorId()), { secure: secureRequest(req) }) });
}
