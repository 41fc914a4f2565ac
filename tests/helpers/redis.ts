/** Whether a Redis server answers at a URL (TEST_REDIS_URL, default 127.0.0.1:6379), so Redis tests can skip cleanly. */
import { Socket } from 'node:net';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when something at the URL answers PING with PONG within a second. */
export function redisAnswers(url = REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (d) => done(String(d).startsWith('+PONG')));
    socket.connect(Number(port || 6379), hostname, () => socket.write('PING\r\n'));
  });
}

/** Deletes the keys a test wrote under a prefix. */
export async function dropRedisKeys(prefix: string, url = REDIS_URL): Promise<void> {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(url);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}
