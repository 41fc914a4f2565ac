/**
 * The monthly quota of each key (Free 100, Starter 5,000, Pro 50,000 requests), counted in the database so
 * that every instance shares it. A month is a calendar month in Europe/Madrid: counting starts again on
 * day 1 at 00:00 Madrid time. Only requests the per-minute limit lets through are counted.
 */
import type { Queryable } from '../db';
import { TIERS, type Tier } from './tiers';

export const QUOTA_TIME_ZONE = 'Europe/Madrid';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: QUOTA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  timeZoneName: 'longOffset',
});

/** Madrid's year, month (1–12) and offset from UTC in minutes at an instant. */
function madrid(at: Date): { year: number; month: number; offsetMinutes: number } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(p.timeZoneName ?? '');
  const offsetMinutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  return { year: Number(p.year), month: Number(p.month), offsetMinutes };
}

/** The quota month an instant falls in (`2026-03`) and the instant the next one starts. */
export function quotaMonth(now: Date): { period: string; resetsAt: Date } {
  const { year, month } = madrid(now);
  const next = { year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1 };
  // Midnight of day 1 in Madrid; daylight saving never changes on the first of a month.
  const midnightUtc = Date.UTC(next.year, next.month - 1, 1);
  const resetsAt = new Date(midnightUtc - madrid(new Date(midnightUtc)).offsetMinutes * 60_000);
  return { period: `${year}-${String(month).padStart(2, '0')}`, resetsAt };
}

export interface QuotaState {
  limit: number;
  /** Requests counted this month, this one included when it was let through. */
  used: number;
  exhausted: boolean;
  /** Seconds until the quota starts again. */
  resetSeconds: number;
}

/** Counts one request against the key's monthly quota, unless the quota is already used up. */
export async function countRequest(q: Queryable, keyHash: string, tier: Tier, now = new Date()): Promise<QuotaState> {
  const limit = TIERS[tier].perMonth;
  const { period, resetsAt } = quotaMonth(now);
  const { rows } = await q.query<{ requests: number }>(
    `INSERT INTO sandbox_usage (key_hash, period, requests) VALUES ($1, $2, 1)
     ON CONFLICT (key_hash, period) DO UPDATE SET requests = sandbox_usage.requests + 1 WHERE sandbox_usage.requests < $3
     RETURNING requests`,
    [keyHash, period, limit],
  );
  const resetSeconds = Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
  if (!rows[0]) return { limit, used: limit, exhausted: true, resetSeconds };
  return { limit, used: Number(rows[0].requests), exhausted: false, resetSeconds };
}

/** Drops the counts of months before the current one. */
export async function forgetPastMonths(q: Queryable, now = new Date()): Promise<number> {
  const res = await q.query('DELETE FROM sandbox_usage WHERE period < $1', [quotaMonth(now).period]);
  return res.rowCount;
}
