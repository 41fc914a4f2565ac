/**
 * Fixed-window rate limits keyed by a string (an IP address, say): in process memory by default, in Redis
 * when REDIS_URL is set so that every instance shares the count. If Redis fails, an in-memory limiter stands in.
 */
import { closeRedisClients, redisClient } from './redis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateLimit {
  /** Counts one request for `key`; refused requests say after how many seconds to retry. */
  consume(key: string): Promise<{ ok: true; remaining: number } | { ok: false; retryAfter: number }>;
}

export interface RateLimitOptions {
  /** Distinguishes the limits of different routes in a shared store: counters live under `rl:<name>`. */
  name: string;
  /** The counters' key prefix when it is not `rl:<name>` (the console proxy's live under `proxy:…`). */
  keyPrefix?: string;
  points: number;
  /** Window, in seconds. */
  duration: number;
  /** Redis URL; undefined keeps the count in memory. */
  redisUrl?: string;
}

export function createRateLimit(options: RateLimitOptions): RateLimit {
  const base = { keyPrefix: options.keyPrefix ?? `rl:${options.name}`, points: options.points, duration: options.duration };
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
        const res = await (await get()).consume(key);
        return { ok: true, remaining: res.remainingPoints };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { ok: false, retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        throw rejection;
      }
    },
  };
}

/** Parses `<points>/<seconds>`, e.g. `10/3600`; falls back to `fallback` when unset or malformed. */
export function parseLimit(value: string | undefined, fallback: { points: number; duration: number }) {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value ?? '');
  return m && Number(m[1]) > 0 && Number(m[2]) > 0 ? { points: Number(m[1]), duration: Number(m[2]) } : fallback;
}

/** Closes the shared Redis clients (tests and graceful shutdown). */
export async function closeRateLimitStores(): Promise<void> {
  await closeRedisClients();
}
