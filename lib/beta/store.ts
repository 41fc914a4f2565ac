/** Beta-access requests in the database: insert-or-find by tax ID, public status, the team's list and decisions. */
import { sqlState, type Database, type Queryable } from '../db';
import { enqueue, type OutboxMessage } from '../mail/outbox';
import type { BetaStatus, Integration, Lang, MonthlyVolume, UseCase } from './fields';
import { newReference } from './reference';
import type { BetaRequestInput } from './schema';
import { checkTaxId, type TaxIdKind } from './tax-id';

export interface BetaRequest {
  reference: string;
  legal_name: string;
  tax_id: string;
  tax_id_kind: TaxIdKind;
  contact_name: string;
  email: string;
  role: string;
  use_case: UseCase;
  use_case_details: string;
  monthly_volume: MonthlyVolume;
  integration: Integration;
  lang: Lang;
  status: BetaStatus;
  created_at: Date;
  decided_at: Date | null;
  [column: string]: unknown;
}

/** What the status page may show: nothing but the company name, the status and the dates. */
export interface PublicStatus {
  reference: string;
  legal_name: string;
  status: BetaStatus;
  created_at: Date;
  decided_at: Date | null;
  [column: string]: unknown;
}

const COLUMNS = `reference, legal_name, tax_id, tax_id_kind, contact_name, email, role, use_case, use_case_details,
  monthly_volume, integration, lang, status, created_at, decided_at`;

/**
 * Stores a request unless one exists for the same tax ID, and returns the stored one either way. The UNIQUE
 * constraint on tax_id with ON CONFLICT DO NOTHING decides races between concurrent submissions; the messages
 * `notify` builds are written to the outbox in the same transaction, only for a new request.
 */
export async function insertOrFind(
  database: Database,
  input: BetaRequestInput,
  notify: (request: BetaRequest) => OutboxMessage[],
): Promise<{ created: boolean; request: BetaRequest }> {
  const check = checkTaxId(input.tax_id);
  if (!check.valid) throw new Error('insertOrFind needs a validated tax ID');
  for (let attempt = 0; ; attempt++) {
    try {
      return await database.transaction(async (tx) => {
        const inserted = (
          await tx.query<BetaRequest>(
            `INSERT INTO beta_requests (reference, legal_name, tax_id, tax_id_kind, contact_name, email, role, use_case,
               use_case_details, monthly_volume, integration, lang, consent_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
             ON CONFLICT (tax_id) DO NOTHING
             RETURNING ${COLUMNS}`,
            [
              newReference(),
              input.legal_name,
              check.value,
              check.kind,
              input.contact_name,
              input.email,
              input.role,
              input.use_case,
              input.use_case_details,
              input.monthly_volume,
              input.integration,
              input.lang ?? 'en',
            ],
          )
        ).rows[0];
        if (inserted) {
          await enqueue(tx, notify(inserted));
          return { created: true, request: inserted };
        }
        // The row that won: committed before our INSERT gave up, so this statement's snapshot sees it.
        const existing = (await tx.query<BetaRequest>(`SELECT ${COLUMNS} FROM beta_requests WHERE tax_id = $1`, [check.value])).rows[0];
        return { created: false, request: existing };
      });
    } catch (error) {
      // A reference that collides (about one chance in 10^15) or a race lost on a rolled-back row: try again.
      if (sqlState(error) === '23505' && attempt < 3) continue;
      throw error;
    }
  }
}

export async function findPublicStatus(q: Queryable, reference: string): Promise<PublicStatus | undefined> {
  return (
    await q.query<PublicStatus>('SELECT reference, legal_name, status, created_at, decided_at FROM beta_requests WHERE reference = $1', [
      reference,
    ])
  ).rows[0];
}

export async function listRequests(
  q: Queryable,
  { status, limit = 500 }: { status?: BetaStatus; limit?: number } = {},
): Promise<BetaRequest[]> {
  return (
    await q.query<BetaRequest>(
      `SELECT ${COLUMNS} FROM beta_requests WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC, id DESC LIMIT $2`,
      [status ?? null, limit],
    )
  ).rows;
}

export async function countRequests(q: Queryable): Promise<Record<BetaStatus | 'all', number>> {
  const rows = (await q.query<{ status: BetaStatus; n: number }>('SELECT status, count(*)::int AS n FROM beta_requests GROUP BY status'))
    .rows;
  const counts = { all: 0, pending: 0, approved: 0, declined: 0 };
  for (const r of rows) {
    counts[r.status] = r.n;
    counts.all += r.n;
  }
  return counts;
}

/** Sets the status; `decided_at` records when it left (or is cleared when it returns to) pending. */
export async function setStatus(q: Queryable, reference: string, status: BetaStatus): Promise<BetaRequest | undefined> {
  return (
    await q.query<BetaRequest>(
      `UPDATE beta_requests SET status = $2, decided_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
       WHERE reference = $1 RETURNING ${COLUMNS}`,
      [reference, status],
    )
  ).rows[0];
}
