/**
 * The process's Redis connections: one ioredis client per URL, shared by every rate limiter (the beta form's and
 * admin sign-in's in lib/rate-limit.ts, the proxy's, the sandbox's). Clients fail fast (no offline queue), so that
 * while Redis is down the limiters' in-memory insurance answers instead of requests waiting.
 */
import type { Redis } from 'ioredis';
import { log } from './log';

interface Entry {
  client: Promise<Redis>;
  /** Holders that will call releaseRedisClient (the sandbox limiter's close()). */
  holders: number;
  /** Whether a user that never releases took it too (then it stays open until closeRedisClients). */
  kept: boolean;
}

// On globalThis: Next may load this module in several server bundles of one process, and they share the clients.
const KEY = Symbol.for('factuarea.redis.clients');
type Holder = typeof globalThis & { [KEY]?: Map<string, Entry> };

const clients = () => ((globalThis as Holder)[KEY] ??= new Map());

/** How long the first caller waits for the first connection, so that the first requests are counted in Redis too. */
const FIRST_CONNECT_MS = 2_000;

function entryFor(url: string): Entry {
  const map = clients();
  let entry = map.get(url);
  if (!entry) {
    const client = import('ioredis').then(async ({ Redis: RedisClient }) => {
      const redis = new RedisClient(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      redis.on('error', (error: Error) => log('error', 'Redis error', { error }));
      if (redis.status !== 'ready')
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            redis.off('ready', done);
            resolve();
          };
          const timer = setTimeout(done, FIRST_CONNECT_MS);
          redis.once('ready', done);
        });
      return redis;
    });
    entry = { client, holders: 0, kept: false };
    map.set(url, entry);
  }
  return entry;
}

/** The shared client for `url`, connected (or given up on after 2 s, when the limiters' insurance answers). */
export function redisClient(url: string): Promise<Redis> {
  const entry = entryFor(url);
  entry.kept = true;
  return entry.client;
}

/** Like redisClient, for a holder that gives it back with releaseRedisClient. */
export function holdRedisClient(url: string): Promise<Redis> {
  const entry = entryFor(url);
  entry.holders++;
  return entry.client;
}

/** Gives back a held client; the last holder's release closes it, unless a user that never releases has it too. */
export async function releaseRedisClient(url: string): Promise<void> {
  const map = clients();
  const entry = map.get(url);
  if (!entry) return;
  entry.holders = Math.max(0, entry.holders - 1);
  if (entry.holders > 0 || entry.kept) return;
  map.delete(url);
  await quit(await entry.client);
}

async function quit(client: Redis): Promise<void> {
  await client.quit().catch(() => client.disconnect());
}

/** Closes every shared client (tests and graceful shutdown). */
export async function closeRedisClients(): Promise<void> {
  const map = clients();
  const entries = [...map.values()];
  map.clear();
  for (const e of entries) await quit(await e.client);
}
