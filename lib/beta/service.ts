/**
 * Submitting a beta-access request, whatever the channel (JSON API, form post, server action): per-IP rate
 * limit, validation, storage with its outbox messages, then a background drain of the outbox when SMTP is set.
 */
import { log } from '../log';
import { db } from '../db';
import { drainOutbox, mailConfigFromEnv } from '../mail/outbox';
import { createRateLimit, parseLimit, type RateLimit } from '../rate-limit';
import { newRequestMessages } from './notifications';
import { validateBetaRequest, type FieldError } from './schema';
import { insertOrFind, type BetaRequest } from './store';

export type SubmitOutcome =
  | { kind: 'rate_limited'; retryAfter: number }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'created' | 'existing'; request: BetaRequest };

const LIMITER = Symbol.for('factuarea.beta.rate-limit');
type Holder = typeof globalThis & { [LIMITER]?: RateLimit };

/** BETA_RATE_LIMIT submissions (default 10 an hour) per client address. */
function limiter(): RateLimit {
  const g = globalThis as Holder;
  return (g[LIMITER] ??= createRateLimit({
    name: 'beta-access',
    ...parseLimit(process.env.BETA_RATE_LIMIT, { points: 10, duration: 3600 }),
    redisUrl: process.env.REDIS_URL || undefined,
  }));
}

export async function submitBetaRequest(input: unknown, { ip }: { ip: string }): Promise<SubmitOutcome> {
  const limit = await limiter().consume(ip);
  if (!limit.ok) return { kind: 'rate_limited', retryAfter: limit.retryAfter };
  const v = validateBetaRequest(input);
  if (!v.ok) return { kind: 'invalid', errors: v.errors };
  const database = await db();
  const { created, request } = await insertOrFind(database, v.value, newRequestMessages);
  if (created) scheduleOutboxDrain();
  return { kind: created ? 'created' : 'existing', request };
}

const DRAIN = Symbol.for('factuarea.outbox.drain');
type DrainHolder = typeof globalThis & { [DRAIN]?: { running?: Promise<void>; timer?: NodeJS.Timeout } };

/**
 * Drains the outbox soon, off the request's path, and every minute after that while SMTP is configured.
 * The state is per process (on globalThis), so the API route, the server action and start-up share one timer.
 */
export function scheduleOutboxDrain(): void {
  const state = ((globalThis as DrainHolder)[DRAIN] ??= {});
  const run = () => {
    state.running ??= (async () => {
      const config = await mailConfigFromEnv();
      if (!config) return;
      state.timer ??= setInterval(run, 60_000).unref();
      await drainOutbox(await db(), config);
    })()
      .catch((error: unknown) => log('error', 'outbox drain failed', { error }))
      .finally(() => (state.running = undefined));
  };
  setImmediate(run);
}
