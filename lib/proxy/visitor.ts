/**
 * The console's visitor cookie: a random visitor id with an HMAC signature, HttpOnly and SameSite=Strict. The
 * visitor's sandbox key is derived from the id on the server; "Reset my sandbox" simply issues a new id.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const VISITOR_COOKIE = 'fa_console';
/** The cookie goes only to the proxy and its session route. */
export const VISITOR_COOKIE_PATH = '/api/proxy';
const MAX_AGE = 60 * 60 * 24 * 30;

const sign = (secret: Buffer, id: string) =>
  createHmac('sha256', secret).update(`factuarea-console-cookie:${id}`).digest('base64url').slice(0, 32);

export const newVisitorId = () => randomBytes(18).toString('base64url');

export function cookieValue(secret: Buffer, id: string): string {
  return `${id}.${sign(secret, id)}`;
}

/** The visitor id in a signed cookie value, or undefined when it is missing, malformed or forged. */
export function verifyCookieValue(secret: Buffer, value: string | undefined): string | undefined {
  const m = /^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{32})$/.exec(value ?? '');
  if (!m) return undefined;
  const expected = Buffer.from(sign(secret, m[1]));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : undefined;
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function setCookieHeader(value: string, { secure }: { secure: boolean }): string {
  return [
    `${VISITOR_COOKIE}=${value}`,
    `Path=${VISITOR_COOKIE_PATH}`,
    `Max-Age=${MAX_AGE}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
