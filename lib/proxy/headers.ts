/**
 * Headers across the proxy, both ways rebuilt from allow-lists: a request carries only its content type,
 * accept, `Idempotency-Key`, `Factuarea-Version` and the key the proxy chose; a response only what the console
 * shows. Cookies never cross in either direction, and no CORS header is ever passed on.
 */

export const REQUEST_HEADERS = ['content-type', 'accept', 'idempotency-key', 'factuarea-version'] as const;

export const RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'x-request-id',
  'idempotent-replayed',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
  'retry-after',
  'factuarea-version',
  'deprecation',
  'sunset',
  'etag',
  'last-modified',
] as const;

const MAX_VALUE = 256;
const PRINTABLE = /^[\x20-\x7e]*$/;

export type HeaderResult = { ok: true; headers: Headers } | { ok: false; header: string };

/** The upstream request's headers: the allowed ones (printable, at most 256 characters), then the key. */
export function upstreamRequestHeaders(incoming: Headers, key: string | undefined): HeaderResult {
  const out = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value === null) continue;
    if (value.length > MAX_VALUE || !PRINTABLE.test(value)) return { ok: false, header: name };
    out.set(name, value);
  }
  if (!out.has('accept')) out.set('accept', 'application/json');
  if (key) out.set('authorization', `Bearer ${key}`);
  out.set('user-agent', 'factuarea-docs-console/1');
  return { ok: true, headers: out };
}

/** The response headers passed back to the browser, with `redact` applied to every value. */
export function browserResponseHeaders(upstream: Headers, redact: (s: string) => string): Headers {
  const out = new Headers();
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) out.set(name, redact(value));
  }
  out.set('cache-control', 'no-store');
  out.set('x-content-type-options', 'nosniff');
  return out;
}
