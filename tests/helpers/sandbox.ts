/**
 * An in-process sandbox over an in-memory PGlite for contract tests, with a `call` helper that sends a
 * request through `createSandbox` and returns status, headers and parsed body.
 */
import { openDatabase, type Database } from '@/lib/db';
import { createSandbox } from '@/lib/sandbox/handler';
import { createRateLimiter } from '@/lib/sandbox/ratelimit';

export const BASE = 'http://sandbox.test/sandbox/v1';

export interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  method: string;
  path: string;
}

/** `now` moves the sandbox's clock (the per-minute limiter keeps real time). */
export async function inMemorySandbox(options: { now?: () => Date } = {}) {
  const database: Database = await openDatabase({});
  const handler = createSandbox({
    database: async () => database,
    limiter: createRateLimiter({ prefix: `t${Math.random()}` }),
    now: options.now,
  });
  async function call(
    method: string,
    path: string,
    opts: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.key) headers.Authorization = `Bearer ${opts.key}`;
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await handler(
      new Request(`${BASE}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
      }),
    );
    const text = await res.text();
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
    return { status: res.status, headers: res.headers, body, method, path };
  }
  return { database, handler, call, close: () => database.close() };
}
