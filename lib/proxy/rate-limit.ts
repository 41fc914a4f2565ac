/**
 * The proxy's rate limits: a fixed window per client address and one for the whole proxy, counted in process
 * memory by default and in Redis when REDIS_URL is set, so that several instances share the counts.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { redisClient } from '../redis';

export type Verdict = { ok: true } | { ok: false; retryAfter: number };

export interface Limiter {
  consume(key: string): Promise<Verdict>;
}

export interface LimitOptions {
  /** Distinguishes counters in a shared Redis. */
  keyPrefix: string;
  points: number;
  /** Window length in seconds. */
  duration: number;
  redisUrl?: string;
}

/** Parses `<points>/<seconds>`, e.g. `60/60`; the fallback when unset or malformed. */
export function parseLimit(value: string | undefined, fallback: { points: number; duration: number }) {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value ?? '');
  return m && Number(m[1]) > 0 && Number(m[2]) > 0 ? { points: Number(m[1]), duration: Number(m[2]) } : fallback;
}

export function createLimiter(options: LimitOptions): Limiter {
  const base = { keyPrefix: options.keyPrefix, points: options.points, duration: options.duration };
  let limiter: Promise<RateLimiterAbstract> | undefined;
  const get = () =>
    (limiter ??= options.redisUrl
      ? redisClient(options.redisUrl).then(
          (storeClient) => new RateLimiterRedis({ ...base, storeClient, insuranceLimiter: new RateLimiterMemory(base) }),
        )
      : Promise.resolve(new RateLimiterMemory(base)));
  return {
    async consume(key) {
      try {
        await (await get()).consume(key);
        return { ok: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { ok: false, retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        throw rejection;
      }
    },
  };
}
