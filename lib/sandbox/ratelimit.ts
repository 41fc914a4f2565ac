/**
 * Per-key, per-minute rate limits by tier (rate-limiter-flexible): counters in process memory by default,
 * in Redis when REDIS_URL is set so that several instances share them; while Redis fails, an in-memory
 * limiter stands in. Returns what the `X-RateLimit-*` headers report: the tier's limit, what is left in the
 * window and the seconds until it resets.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { holdRedisClient, releaseRedisClient } from '../redis';
import { TIERS, type Tier } from './tiers';

export interface RateState {
  limit: number;
  remaining: number;
  resetSeconds: number;
  limited: boolean;
}

export interface RateLimiter {
  /** Counts one request; `limited` when the window was already full. */
  consume(keyHash: string, tier: Tier): Promise<RateState>;
  /** The current state without counting (idempotent replays are free). */
  peek(keyHash: string, tier: Tier): Promise<RateState>;
  /** Closes the Redis connection, if any (tests and graceful shutdown). */
  close(): Promise<void>;
}

const state = (limit: number, res: RateLimiterRes | null, limited: boolean): RateState => ({
  limit,
  remaining: res ? Math.max(0, res.remainingPoints) : limit,
  resetSeconds: res ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 60,
  limited,
});

export function createRateLimiter(options: { redisUrl?: string; prefix?: string } = {}): RateLimiter {
  const prefix = options.prefix ?? 'sbx_rl';
  if (options.redisUrl) {
    const url = options.redisUrl;
    let client: ReturnType<typeof holdRedisClient> | undefined;
    const limiters = new Map<Tier, Promise<RateLimiterAbstract>>();
    return limiterApi(
      (tier) => {
        let l = limiters.get(tier);
        if (!l) {
          client ??= holdRedisClient(url);
          const base = { points: TIERS[tier].perMinute, duration: 60, keyPrefix: `${prefix}_${tier}` };
          l = client.then((storeClient) => new RateLimiterRedis({ ...base, storeClient, insuranceLimiter: new RateLimiterMemory(base) }));
          limiters.set(tier, l);
        }
        return l;
      },
      async () => {
        if (!client) return;
        client = undefined;
        limiters.clear();
        await releaseRedisClient(url);
      },
    );
  }
  const memory = new Map<Tier, RateLimiterAbstract>();
  return limiterApi(
    async (tier) => {
      let l = memory.get(tier);
      if (!l)
        memory.set(tier, (l = new RateLimiterMemory({ points: TIERS[tier].perMinute, duration: 60, keyPrefix: `${prefix}_${tier}` })));
      return l;
    },
    async () => {},
  );
}

function limiterApi(get: (tier: Tier) => Promise<RateLimiterAbstract>, close: () => Promise<void>): RateLimiter {
  return {
    close,
    async consume(keyHash, tier) {
      const limit = TIERS[tier].perMinute;
      const limiter = await get(tier);
      try {
        return state(limit, await limiter.consume(keyHash, 1), false);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return state(limit, rejection, true);
        throw rejection;
      }
    },
    async peek(keyHash, tier) {
      const limit = TIERS[tier].perMinute;
      const res = await (await get(tier)).get(keyHash);
      return state(limit, res, false);
    },
  };
}

const KEY = Symbol.for('factuarea.sandbox.ratelimit');
type Holder = typeof globalThis & { [KEY]?: RateLimiter };

/** The process-wide limiter: Redis when REDIS_URL is set, memory otherwise. */
export function rateLimiter(): RateLimiter {
  const g = globalThis as Holder;
  g[KEY] ??= createRateLimiter({ redisUrl: process.env.REDIS_URL || undefined });
  return g[KEY];
}
