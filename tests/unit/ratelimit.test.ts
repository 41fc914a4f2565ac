/**
 * Per-minute rate limits by tier, in process memory and in Redis (REDIS_URL): the Redis tests run two
 * limiters, as two instances of the app would, against one Redis, and skip only when no Redis answers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimiter } from '@/lib/sandbox/ratelimit';
import { TIERS } from '@/lib/sandbox/tiers';
import { dropRedisKeys, REDIS_URL, redisAnswers } from '@/tests/helpers/redis';

const redisUp = await redisAnswers(REDIS_URL);

async function drain(limiter: RateLimiter, key: string, n: number) {
  const states = [];
  for (let i = 0; i < n; i++) states.push(await limiter.consume(key, 'free'));
  return states;
}

describe('the in-memory limiter', () => {
  it('lets a tier through its requests per minute, then refuses with the seconds to wait', async () => {
    const limiter = createRateLimiter({ prefix: `mem${Date.now()}` });
    const limit = TIERS.free.perMinute;
    const states = await drain(limiter, 'k1', limit + 1);
    expect(states.slice(0, limit).every((s) => !s.limited)).toBe(true);
    expect(states.map((s) => s.remaining).slice(0, 3)).toEqual([limit - 1, limit - 2, limit - 3]);
    expect(states[limit]).toMatchObject({ limited: true, remaining: 0, limit });
    expect(states[limit].resetSeconds).toBeGreaterThan(0);
    expect(states[limit].resetSeconds).toBeLessThanOrEqual(60);
    // Another key has its own window; peek counts nothing.
    expect((await limiter.peek('k2', 'free')).remaining).toBe(limit);
    expect((await limiter.consume('k2', 'free')).remaining).toBe(limit - 1);
    expect((await limiter.peek('k2', 'free')).remaining).toBe(limit - 1);
  });
});

describe('the Redis limiter while Redis is down', () => {
  it('counts in memory instead, and still refuses past the limit', async () => {
    const limiter = createRateLimiter({ redisUrl: 'redis://127.0.0.1:1', prefix: `down${Date.now()}` });
    try {
      const states = await drain(limiter, 'k', TIERS.free.perMinute + 1);
      expect(states.slice(0, TIERS.free.perMinute).every((s) => !s.limited)).toBe(true);
      expect(states.at(-1)).toMatchObject({ limited: true, remaining: 0 });
    } finally {
      await limiter.close();
    }
  });
});

describe.skipIf(!redisUp)(`the Redis limiter (${REDIS_URL})`, () => {
  const prefix = `sbx_rl_test_${process.pid}_${Date.now()}`;
  const a = createRateLimiter({ redisUrl: REDIS_URL, prefix });
  const b = createRateLimiter({ redisUrl: REDIS_URL, prefix });

  afterAll(async () => {
    await a.close();
    await b.close();
    await dropRedisKeys(prefix);
  });

  it('shares one window between instances', async () => {
    const limit = TIERS.free.perMinute;
    const first = await drain(a, 'shared', 6);
    const second = await drain(b, 'shared', limit - 6);
    expect([...first, ...second].every((s) => !s.limited)).toBe(true);
    expect(second.at(-1)!.remaining).toBe(0);
    const over = await a.consume('shared', 'free');
    expect(over).toMatchObject({ limited: true, remaining: 0, limit });
    expect(over.resetSeconds).toBeGreaterThan(0);
    expect(over.resetSeconds).toBeLessThanOrEqual(60);
    expect((await b.peek('shared', 'free')).remaining).toBe(0);
  });

  it('keeps tiers and keys apart', async () => {
    expect((await a.consume('other', 'pro')).remaining).toBe(TIERS.pro.perMinute - 1);
    expect((await b.peek('other', 'pro')).remaining).toBe(TIERS.pro.perMinute - 1);
    expect((await b.peek('fresh', 'starter')).remaining).toBe(TIERS.starter.perMinute);
  });
});
