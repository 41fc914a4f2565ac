/**
 * Reads the API key of a request as the real API does: `Authorization: Bearer` or `X-API-Key`, Bearer
 * winning when both are sent; checks its format (`fact_test_` or `fact_live_` + 24 base62 characters) and
 * turns away live keys, which only the real API accepts. Also mints new test keys.
 */
import { createHash, randomInt } from 'node:crypto';
import { ApiError } from './errors';

export const KEY_RE = /^fact_(test|live)_[0-9A-Za-z]{24}$/;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The key the request carries, or undefined. An `Authorization` header that is not Bearer counts as no key there. */
export function extractKey(headers: Headers): string | undefined {
  const auth = headers.get('authorization');
  const bearer = auth?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer) return bearer;
  const apiKey = headers.get('x-api-key')?.trim();
  return apiKey || undefined;
}

/** Throws the 401 the API answers for a missing, malformed or live key; returns the test key. */
export function requireTestKey(headers: Headers): string {
  const key = extractKey(headers);
  if (!key)
    throw new ApiError('missing_api_key', 'No API key: send it as `Authorization: Bearer fact_test_…` or in the `X-API-Key` header.');
  const m = KEY_RE.exec(key);
  if (!m)
    throw new ApiError(
      'invalid_api_key',
      'The API key is malformed: it must be fact_test_ or fact_live_ followed by 24 letters and digits.',
    );
  if (m[1] === 'live')
    throw new ApiError(
      'invalid_api_key',
      'The sandbox takes test keys only (fact_test_…). Live keys work against https://api.factuarea.com/v1; never send one here.',
    );
  return key;
}

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The part of a key that is safe to show and log: the prefix and the first 8 characters. */
export const keyPrefix = (key: string) => key.slice(0, 'fact_test_'.length + 8);

export function newTestKey(): string {
  let s = '';
  for (let i = 0; i < 24; i++) s += BASE62[randomInt(62)];
  return `fact_test_${s}`;
}

/** A webhook signing secret: `whsec_` + 32 base62 characters. */
export function newWebhookSecret(): string {
  let s = '';
  for (let i = 0; i < 32; i++) s += BASE62[randomInt(62)];
  return `whsec_${s}`;
}
