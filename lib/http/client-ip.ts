/**
 * The client's address for per-IP limits: the last X-Forwarded-For hop, which is the one the nearest proxy
 * (or `next start` itself, when no proxy sent the header) observed. Run behind a proxy that sets it.
 */
export function clientIp(headers: Headers): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return hops.at(-1) ?? headers.get('x-real-ip') ?? 'unknown';
}
