/**
 * Same-site only: a browser request from another site (by `Sec-Fetch-Site`, `Sec-Fetch-Dest` or `Origin`) is
 * refused before anything else happens. No CORS header is ever sent, so other sites cannot read a response either.
 */

/** This site's host names: the Host header, the host a reverse proxy forwarded, and SITE_URL's. */
export function ownHosts(headers: Headers, siteUrl: string): string[] {
  const hosts = [headers.get('host'), headers.get('x-forwarded-host')?.split(',')[0]?.trim(), new URL(siteUrl).host];
  return [...new Set(hosts.filter((h): h is string => !!h).map((h) => h.toLowerCase()))];
}

/** Undefined when the request may proceed; otherwise why it is refused. */
export function crossSiteReason(headers: Headers, hosts: readonly string[]): string | undefined {
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin')
    return 'Requests from other sites (or typed into the address bar) are refused: use the console on this site.';
  const dest = headers.get('sec-fetch-dest');
  if (dest !== null && dest !== 'empty') return 'The proxy only answers the console’s fetch requests.';
  const origin = headers.get('origin');
  if (origin !== null) {
    if (!URL.canParse(origin) || !hosts.includes(new URL(origin).host.toLowerCase())) return 'Requests from other origins are refused.';
  }
  return undefined;
}
