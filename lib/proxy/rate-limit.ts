/**
 * The proxy's rate limits: a fixed window per client address and one for the whole proxy, counted in process
 * memory by default and in Redis when REDIS_URL is set, so that several instances share the counts. The
 * limiter itself is the site's one (lib/rate-limit.ts); the proxy keeps its counters under its own prefixes.
 */
import { createRateLimit } from '../rate-limit';

export { parseLimit } from '../rate-limit';

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

export function createLimiter(options: LimitOptions): Limiter {
  const limit = createRateLimit({ name: options.keyPrefix, ...options });
  return {
    async consume(key) {
      const verdict = await limit.consume(key);
      return verdict.ok ? { ok: true } : verdict;
    },
  };
}
