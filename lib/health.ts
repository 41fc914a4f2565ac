/**
 * What /api/health reports: whether the database answers (and which one), and whether Redis answers when
 * REDIS_URL is set. A load balancer takes an instance out of rotation on 503.
 */
import { db } from './db';
import { redact } from './log';

export interface Check {
  ok: boolean;
  latency_ms?: number;
  error?: string;
  [k: string]: unknown;
}

async function timed(fn: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
    ]);
    return { ok: true, latency_ms: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      latency_ms: Math.round(performance.now() - started),
      error: redact(error instanceof Error ? error.message : String(error)),
    };
  }
}

export async function health(env: NodeJS.ProcessEnv = process.env) {
  const database = { kind: env.DATABASE_URL ? 'postgresql' : 'pglite', ...(await timed(async () => (await db()).query('select 1'))) };
  let redis: Check | { ok: true; configured: false } = { ok: true, configured: false };
  if (env.REDIS_URL) {
    const url = env.REDIS_URL;
    redis = {
      configured: true,
      ...(await timed(async () => {
        const { Redis } = await import('ioredis');
        const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 1500 });
        try {
          await client.connect();
          await client.ping();
        } finally {
          client.disconnect();
        }
      })),
    };
  }
  const ok = database.ok && redis.ok;
  return { status: ok ? 'ok' : 'degraded', database, redis };
}
