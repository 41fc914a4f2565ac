/**
 * The team's access to the admin pages: the ADMIN_TOKEN as a bearer header, or a session cookie that holds an
 * expiry and an HMAC keyed by the token (never the token). Every comparison is constant-time.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const ADMIN_COOKIE = 'factuarea_admin';
export const SESSION_SECONDS = 12 * 60 * 60;

/** The configured token, or undefined when the admin area is off (and must answer 404). */
export function adminToken(env: Record<string, string | undefined> = process.env): string | undefined {
  const t = env.ADMIN_TOKEN?.trim();
  return t ? t : undefined;
}

const COMPARE_KEY = randomBytes(32);

/** Equal strings, compared in constant time whatever their lengths (both are hashed to 32 bytes first). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHmac('sha256', COMPARE_KEY).update(a).digest();
  const hb = createHmac('sha256', COMPARE_KEY).update(b).digest();
  return timingSafeEqual(ha, hb);
}

function sign(token: string, expires: number): string {
  return createHmac('sha256', token).update(`factuarea-admin-session|v1|${expires}`).digest('base64url');
}

/** The cookie value for a session that ends `SESSION_SECONDS` after `now`. */
export function sessionValue(token: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + SESSION_SECONDS;
  return `v1.${expires}.${sign(token, expires)}`;
}

export function validSession(value: string | undefined, token: string, now = Date.now()): boolean {
  const m = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!m) return false;
  const expires = Number(m[1]);
  // Always compare, so an expired cookie takes as long to refuse as a forged one.
  const ok = safeEqual(m[2], sign(token, expires));
  return ok && expires * 1000 > now;
}

/** `Authorization: Bearer <token>` matches. */
export function validBearer(authorization: string | null, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return safeEqual(m ? m[1].trim() : '', token) && m !== null;
}

/** The Set-Cookie attributes: HttpOnly, SameSite=Strict, and Secure in production. */
export function sessionCookie(value: string, { production = process.env.NODE_ENV === 'production', maxAge = SESSION_SECONDS } = {}) {
  return { name: ADMIN_COOKIE, value, httpOnly: true, sameSite: 'strict' as const, secure: production, path: '/', maxAge };
}

export type AdminAccess = 'off' | 'denied' | 'ok';

/** Whether a request may use the admin area: 'off' without ADMIN_TOKEN, then bearer or cookie. */
export function adminAccess(
  req: { authorization: string | null; cookie: string | undefined },
  env: Record<string, string | undefined> = process.env,
): AdminAccess {
  const token = adminToken(env);
  if (!token) return 'off';
  return validBearer(req.authorization, token) || validSession(req.cookie, token) ? 'ok' : 'denied';
}
