/**
 * API keys in the console: recognising a live key wherever it hides, accepting a visitor's own test key,
 * deriving a visitor's sandbox key from their id, and masking keys for display and for responses.
 */
import { createHmac } from 'node:crypto';

export const TEST_KEY = /^fact_test_[A-Za-z0-9]{24}$/;
/** What a pasted key may look like before the upstream judges it: the test prefix, then up to 64 base62 characters. */
const OWN_KEY = /^fact_test_[A-Za-z0-9]{1,64}$/;
const LIVE = /fact_live_/i;

/** Percent-decodes repeatedly (at most 3 times) so that `fact%255Flive_` is found too; invalid escapes are left as they are. */
function decodeLoosely(s: string): string {
  let out = s;
  for (let i = 0; i < 3; i++) {
    const next = out.replace(/(%[0-9a-f]{2})+/gi, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Un-escapes JSON `\uXXXX` sequences, so `fact\u005flive_` inside a JSON string is found. */
const unescapeJson = (s: string) => s.replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** True when `text` carries a live key, plainly, percent-encoded, `+`-encoded or JSON-escaped. */
export function containsLiveKey(text: string): boolean {
  if (LIVE.test(text)) return true;
  const decoded = decodeLoosely(text.replace(/\+/g, ' '));
  return LIVE.test(decoded) || LIVE.test(unescapeJson(decoded));
}

/** The key a visitor sent themselves (`Authorization: Bearer …` wins over `X-API-Key`, as in the API). */
export function ownKeyOf(headers: Headers): { key?: string; malformed?: boolean } {
  const auth = headers.get('authorization')?.trim();
  const apiKey = headers.get('x-api-key')?.trim();
  let candidate: string | undefined;
  if (auth) {
    const m = /^Bearer(?:\s+(\S*))?$/i.exec(auth);
    if (!m) return { malformed: true };
    // The stock playground sends a bare "Bearer " when its field is left empty: that is no key.
    candidate = m[1] || undefined;
  }
  candidate ??= apiKey || undefined;
  if (candidate === undefined) return {};
  return OWN_KEY.test(candidate) ? { key: candidate } : { malformed: true };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 24 base62 characters from the first bytes of a digest (62^24 ≈ 2^143, as much entropy as a real key). */
export function base62(bytes: Uint8Array, length: number): string {
  let n = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += BASE62[Number(n % 62n)];
    n /= 62n;
  }
  return out;
}

/** The sandbox key of a visitor: `fact_test_` + 24 base62 characters of HMAC(secret, visitor id). */
export function deriveVisitorKey(secret: Buffer, visitorId: string): string {
  const digest = createHmac('sha256', secret).update(`factuarea-console-key:${visitorId}`).digest();
  return `fact_test_${base62(digest, 24)}`;
}

/** `fact_test_…8Xa`: the prefix and the last three characters, as the console shows a key. */
export function maskKey(key: string): string {
  const prefix = /^fact_(test|live)_/.exec(key)?.[0] ?? '';
  return `${prefix}…${key.slice(-3)}`;
}
