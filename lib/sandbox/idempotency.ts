/**
 * `Idempotency-Key` on writes, kept in `sandbox_idempotency`. A request claims its key by inserting the row
 * (the primary key lets exactly one of several concurrent duplicates win) before it runs; the response is
 * stored in the same transaction as the change it made. Later requests with the key get that response
 * again for 24 hours, or `409 idempotency_key_reused` when their method, path or body differ.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../db';

export const TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface IdempotencyRecord {
  fingerprint: string;
  response?: StoredResponse;
  createdAt: Date;
}

export function fingerprint(method: string, path: string, search: string, body: string): string {
  return createHash('sha256').update(`${method} ${path}?${search}\n${body}`).digest('hex');
}

interface Row extends Record<string, unknown> {
  fingerprint: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  created_at: Date | string;
}

export async function lookup(q: Queryable, companyId: string, key: string, now = new Date()): Promise<IdempotencyRecord | undefined> {
  const { rows } = await q.query<Row>(
    'SELECT fingerprint, status, headers, body, created_at FROM sandbox_idempotency WHERE company_id = $1 AND key = $2',
    [companyId, key],
  );
  const r = rows[0];
  if (!r) return undefined;
  const createdAt = new Date(r.created_at);
  if (now.getTime() - createdAt.getTime() > TTL_MS) {
    await q.query('DELETE FROM sandbox_idempotency WHERE company_id = $1 AND key = $2 AND created_at = $3', [
      companyId,
      key,
      createdAt.toISOString(),
    ]);
    return undefined;
  }
  return {
    fingerprint: r.fingerprint,
    createdAt,
    response: r.status === null ? undefined : { status: r.status, headers: r.headers ?? {}, body: r.body ?? '' },
  };
}

/** True when this request now owns the key; false when another request holds it. */
export async function claim(q: Queryable, companyId: string, key: string, fp: string, now = new Date()): Promise<boolean> {
  const res = await q.query(
    `INSERT INTO sandbox_idempotency (company_id, key, fingerprint, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (company_id, key) DO NOTHING RETURNING key`,
    [companyId, key, fp, now.toISOString()],
  );
  return res.rowCount > 0;
}

export async function complete(q: Queryable, companyId: string, key: string, response: StoredResponse): Promise<void> {
  await q.query('UPDATE sandbox_idempotency SET status = $3, headers = $4, body = $5 WHERE company_id = $1 AND key = $2', [
    companyId,
    key,
    response.status,
    JSON.stringify(response.headers),
    response.body,
  ]);
}

/** Gives the key back when the request failed before it produced a response worth replaying. */
export async function release(q: Queryable, companyId: string, key: string): Promise<void> {
  await q.query('DELETE FROM sandbox_idempotency WHERE company_id = $1 AND key = $2 AND status IS NULL', [companyId, key]);
}

/** Waits for a request holding the key to finish; undefined if it is still running after `timeoutMs`. */
export async function waitForResponse(
  q: Queryable,
  companyId: string,
  key: string,
  timeoutMs = 10_000,
): Promise<IdempotencyRecord | undefined> {
  const deadline = Date.now() + timeoutMs;
  let delay = 10;
  for (;;) {
    const rec = await lookup(q, companyId, key);
    if (!rec || rec.response) return rec;
    if (Date.now() > deadline) return rec;
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 200);
  }
}
