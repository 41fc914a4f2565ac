/** The admin session cookie holds an expiry and an HMAC of the token, never the token; bearer and cookie checks. */
import { describe, expect, it } from 'vitest';
import { adminAccess, adminToken, safeEqual, sessionCookie, sessionValue, validBearer, validSession } from '@/lib/admin/auth';

const TOKEN = 'adm_7f3c9a1e5b2d4f6081a3c5e7';

describe('admin auth', () => {
  it('is off without ADMIN_TOKEN', () => {
    expect(adminToken({})).toBeUndefined();
    expect(adminToken({ ADMIN_TOKEN: '  ' })).toBeUndefined();
    expect(adminAccess({ authorization: `Bearer ${TOKEN}`, cookie: undefined }, {})).toBe('off');
  });

  it('accepts the bearer token and nothing else', () => {
    expect(validBearer(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(validBearer(`bearer  ${TOKEN} `, TOKEN)).toBe(true);
    expect(validBearer(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(validBearer(TOKEN, TOKEN)).toBe(false);
    expect(validBearer(null, TOKEN)).toBe(false);
    expect(adminAccess({ authorization: 'Bearer nope', cookie: undefined }, { ADMIN_TOKEN: TOKEN })).toBe('denied');
  });

  it('makes a session cookie that does not contain the token and expires', () => {
    const now = Date.UTC(2026, 10, 21, 9, 0);
    const value = sessionValue(TOKEN, now);
    expect(value).not.toContain(TOKEN);
    expect(value).toMatch(/^v1\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(validSession(value, TOKEN, now)).toBe(true);
    expect(validSession(value, TOKEN, now + 13 * 3600_000)).toBe(false);
    expect(validSession(value, 'another-token', now)).toBe(false);
    // Moving the expiry breaks the signature.
    const [, exp, mac] = value.split('.');
    expect(validSession(`v1.${Number(exp) + 3600}.${mac}`, TOKEN, now)).toBe(false);
    expect(validSession(undefined, TOKEN, now)).toBe(false);
  });

  it('sets HttpOnly, SameSite=Strict, and Secure in production', () => {
    expect(sessionCookie('v', { production: true })).toMatchObject({ httpOnly: true, sameSite: 'strict', secure: true, path: '/' });
    expect(sessionCookie('v', { production: false }).secure).toBe(false);
  });

  it('compares strings of any length', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
