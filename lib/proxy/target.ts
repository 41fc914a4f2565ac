/**
 * Checks the absolute URL the console asks for (`/api/proxy?url=…`) and turns it into a path on the one upstream.
 * Only a URL written exactly in canonical form under the configured base passes: no other host, no IP spelled
 * another way, no user info, no dot segments, no encoded slashes or dots, and only the document's operations.
 */
import type { RouteTable } from './routes';

export type Upstream =
  /** The sandbox embedded in this site: the console targets `<this host>/sandbox/v1`, the server fetches `fetchBase`. */
  | { kind: 'embedded'; publicPath: string; fetchBase: string }
  /** Another API (production, staging): the console targets `base`, and so does the server. */
  | { kind: 'external'; base: string };

export type TargetResult =
  | { ok: true; path: string; search: string; template: string }
  | { ok: false; code: 'proxy_url_invalid' | 'proxy_target_not_allowed' | 'operation_not_allowed'; message: string };

const MAX_URL_LENGTH = 4096;
// Anything a canonical URL never carries, or that parsers disagree on: whitespace, controls, backslash, fragment.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const FORBIDDEN_CHARS = /[\s\\#\u0000-\u001f\u007f]/;
// Percent-encoded `/`, `\`, `.`, `%` and NUL: never needed in an id, and a way around path checks downstream.
const ENCODED_SEPARATORS = /%(2f|5c|2e|25|00)/i;
const SEGMENT = /^[A-Za-z0-9\-_~!$&'()*+,;=:@.%]+$/;

const refuse = (message: string): TargetResult => ({ ok: false, code: 'proxy_target_not_allowed', message });

/** The public base the console must target, for display and for building the playground's server URL. */
export function publicBase(upstream: Upstream): string {
  return upstream.kind === 'embedded' ? upstream.publicPath : upstream.base;
}

/** Joins the checked path and query onto the upstream base the server actually calls. */
export function upstreamUrl(upstream: Upstream, path: string, search: string): string {
  return `${upstream.kind === 'embedded' ? upstream.fetchBase : upstream.base}${path}${search}`;
}

export function checkTarget(
  raw: string | null,
  method: string,
  upstream: Upstream,
  ownHosts: readonly string[],
  routes: RouteTable,
): TargetResult {
  if (!raw) return { ok: false, code: 'proxy_url_invalid', message: 'The `url` query parameter is missing.' };
  if (raw.length > MAX_URL_LENGTH)
    return { ok: false, code: 'proxy_url_invalid', message: `The target URL is longer than ${MAX_URL_LENGTH} characters.` };
  if (FORBIDDEN_CHARS.test(raw))
    return refuse('The target URL contains characters the console does not send (spaces, backslashes, fragments).');
  if (!URL.canParse(raw)) return { ok: false, code: 'proxy_url_invalid', message: 'The `url` query parameter is not an absolute URL.' };
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('Only http and https URLs can be proxied.');
  if (url.username || url.password) return refuse('URLs with user info are refused.');

  // The URL must already be in canonical form: a host written as a number, in hex, in capitals, with a default
  // port or with dot segments parses to something else than what was written, and is refused.
  const queryAt = raw.indexOf('?');
  const written = queryAt === -1 ? raw : raw.slice(0, queryAt);
  if (written !== `${url.origin}${url.pathname}`)
    return refuse('The target URL is not in canonical form (host, port or path spelled another way).');

  let basePath: string;
  if (upstream.kind === 'embedded') {
    if (!ownHosts.includes(url.host)) return refuse('The console only calls the sandbox of this site.');
    basePath = upstream.publicPath;
  } else {
    const base = new URL(upstream.base);
    if (url.origin !== base.origin) return refuse('The console only calls the configured API.');
    basePath = base.pathname.replace(/\/$/, '');
  }
  if (!url.pathname.startsWith(`${basePath}/`)) return refuse(`The console only calls paths under ${basePath}/.`);
  const path = url.pathname.slice(basePath.length);

  if (ENCODED_SEPARATORS.test(path)) return refuse('Encoded slashes, backslashes, dots and percent signs are refused in the path.');
  const segments = path.split('/').slice(1);
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..' || !SEGMENT.test(s)) return refuse('The path has an empty, relative or malformed segment.');
    try {
      decodeURIComponent(s);
    } catch {
      return refuse('The path has a malformed percent-encoding.');
    }
  }

  const template = routes.match(method, path);
  if (!template) {
    const message = routes.hasPath(path)
      ? `The API reference has no ${method.toUpperCase()} operation on this path.`
      : 'The API reference has no operation on this path.';
    return { ok: false, code: 'operation_not_allowed', message };
  }
  return { ok: true, path, search: url.search, template };
}
