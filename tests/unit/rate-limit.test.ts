/** Per-key rate limits in memory and in Redis (REDIS_URL), with the seconds to wait when refused. */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRateLimitStores, createRateLimit, parseLimit } from '@/lib/rate-limit';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

afterAll(closeRateLimitStores);

describe.each([
  ['memory', undefined],
  ['redis', REDIS_URL],
])('rate limit in %s', (_kind, redisUrl) => {
  it('allows `points` requests per window and key, then says when to retry', async () => {
    const limit = createRateLimit({ name: `test-${randomBytes(4).toString('hex')}`, points: 3, duration: 60, redisUrl });
    for (let i = 0; i < 3; i++) expect((await limit.consume('198.51.100.1')).ok).toBe(true);
    const refused = await limit.consume('198.51.100.1');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfter).toBeGreaterThan(0);
    if (!refused.ok) expect(refused.retryAfter).toBeLessThanOrEqual(60);
    expect((await limit.consume('198.51.100.2')).ok).toBe(true);
  });
});

describe('a shared Redis store', () => {
  it('counts across limiter instances (as across app instances)', async () => {
    const name = `shared-${randomBytes(4).toString('hex')}`;
    const a = createRateLimit({ name, points: 2, duration: 60, redisUrl: REDIS_URL });
    const b = createRateLimit({ name, points: 2, duration: 60, redisUrl: REDIS_URL });
    expect((await a.consume('k')).ok).toBe(true);
    expect((await b.consume('k')).ok).toBe(true);
    expect((await a.consume('k')).ok).toBe(false);
  });
});

describe('parseLimit', () => {
  it('reads <points>/<seconds> and falls back otherwise', () => {
    const fallback = { points: 10, duration: 3600 };
    expect(parseLimit('5/60', fallback)).toEqual({ points: 5, duration: 60 });
    expect(parseLimit(undefined, fallback)).toBe(fallback);
    expect(parseLimit('0/60', fallback)).toBe(fallback);
    expect(parseLimit('lots', fallback)).toBe(fallback);
  });
});
