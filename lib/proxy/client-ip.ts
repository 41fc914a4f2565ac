/**
 * The address a request comes from, for per-IP rate limits: the last hop of X-Forwarded-For, which is what
 * the reverse proxy in front of the site appends (or what Next sets from the socket when nobody did).
 * Without a reverse proxy a client can choose it; the proxy's global limit bounds what that buys them.
 */
export function clientIp(headers: Headers): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const ip = hops.at(-1) ?? headers.get('x-real-ip') ?? 'unknown';
  // An IPv4 address mapped into IPv6 (::ffff:127.0.0.1) is the same client as the plain one.
  return ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').slice(0, 64);
}
