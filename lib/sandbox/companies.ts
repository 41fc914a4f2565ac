/**
 * Sandbox companies and their keys in the database. A well-formed test key seen for the first time gets a
 * company of its own, seeded with the example dataset, in one transaction (two first requests at once still
 * make one company). `createKey` issues keys with chosen scopes and tier. Companies idle for 30 days are
 * removed, with everything they hold, by `housekeeping`.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Database, Queryable } from '../db';
import type { JsonObject } from '../openapi/bundle';
import { hashKey, keyPrefix, newTestKey, newWebhookSecret } from './auth';
import { forgetPastMonths } from './quota';
import { seedObjects } from './seed';
import type { SandboxSpec } from './spec';
import { Store } from './store';
import { DEFAULT_TIER, type Tier } from './tiers';

export interface Principal {
  companyId: string;
  keyId: string;
  keyHash: string;
  name: string;
  prefix: string;
  scopes: string[];
  tier: Tier;
  createdAt: string;
  lastUsedAt: string | null;
}

export const IDLE_DAYS = 30;

interface KeyRow extends Record<string, unknown> {
  key_hash: string;
  id: string;
  company_id: string;
  name: string;
  prefix: string;
  scopes: string[];
  tier: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
}

const toPrincipal = (r: KeyRow): Principal => ({
  companyId: r.company_id,
  keyId: r.id,
  keyHash: r.key_hash,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes,
  tier: r.tier as Tier,
  createdAt: new Date(r.created_at).toISOString(),
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
});

async function findKey(q: Queryable, keyHash: string): Promise<KeyRow | undefined> {
  const { rows } = await q.query<KeyRow>('SELECT * FROM sandbox_keys WHERE key_hash = $1', [keyHash]);
  return rows[0];
}

/** Fills a new company with the example dataset. */
async function seedCompany(tx: Queryable, spec: SandboxSpec, companyId: string): Promise<void> {
  const store = new Store(tx, companyId);
  for (const o of seedObjects(spec)) {
    const meta: JsonObject = o.kind === 'webhook_endpoints' ? { secret: newWebhookSecret() } : {};
    await store.insert(o.kind, o.id, o.data, meta, o.createdAt);
  }
}

interface NewKey {
  key: string;
  name: string;
  scopes: string[];
  tier: Tier;
  /** Existing company to add the key to; a new, seeded company otherwise. */
  companyId?: string;
}

/** Registers a key; returns undefined when the key already exists (a concurrent first use won). */
async function insertKey(db: Database, spec: SandboxSpec, k: NewKey, now: Date): Promise<Principal | undefined> {
  const keyHash = hashKey(k.key);
  return db
    .transaction(async (tx) => {
      const companyId = k.companyId ?? uuidv7();
      if (!k.companyId)
        await tx.query('INSERT INTO sandbox_companies (id, created_at, last_used_at) VALUES ($1, $2, $2)', [companyId, now.toISOString()]);
      const { rows } = await tx.query<KeyRow>(
        `INSERT INTO sandbox_keys (key_hash, id, company_id, name, prefix, scopes, tier, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key_hash) DO NOTHING RETURNING *`,
        [keyHash, uuidv7(), companyId, k.name, keyPrefix(k.key), k.scopes, k.tier, now.toISOString()],
      );
      if (!rows[0]) {
        // Roll back the company we just made: the key belongs to another one.
        throw new KeyTaken();
      }
      if (!k.companyId) await seedCompany(tx, spec, companyId);
      return toPrincipal(rows[0]);
    })
    .catch((error: unknown) => {
      if (error instanceof KeyTaken) return undefined;
      throw error;
    });
}

class KeyTaken extends Error {}

/** The principal of a test key, provisioning its company on first use; refreshes `last_used_at` now and then. */
export async function resolveKey(db: Database, spec: SandboxSpec, key: string, now = new Date()): Promise<Principal> {
  const keyHash = hashKey(key);
  let row = await findKey(db, keyHash);
  if (!row) {
    const made = await insertKey(db, spec, { key, name: 'Sandbox key', scopes: ['*'], tier: DEFAULT_TIER }, now);
    if (made) return made;
    row = await findKey(db, keyHash);
    if (!row) throw new Error('sandbox key vanished while it was provisioned');
  }
  const principal = toPrincipal(row);
  const stale = !row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000;
  if (stale) {
    await db.query('UPDATE sandbox_keys SET last_used_at = $2 WHERE key_hash = $1', [keyHash, now.toISOString()]);
    await db.query('UPDATE sandbox_companies SET last_used_at = $2 WHERE id = $1', [principal.companyId, now.toISOString()]);
  }
  return principal;
}

/** Issues a new test key with the given scopes and tier, on an existing company or a new seeded one. */
export async function createKey(
  db: Database,
  spec: SandboxSpec,
  input: { name?: string; scopes: string[]; tier: Tier; companyId?: string },
  now = new Date(),
): Promise<{ key: string; principal: Principal }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const key = newTestKey();
    const principal = await insertKey(
      db,
      spec,
      { key, name: input.name ?? 'Sandbox key', scopes: input.scopes, tier: input.tier, companyId: input.companyId },
      now,
    );
    if (principal) return { key, principal };
  }
  throw new Error('could not mint a unique sandbox key');
}

/** Removes companies idle for IDLE_DAYS (with their keys and objects), idempotency records older than 24 hours and past months' request counts. */
export async function housekeeping(db: Queryable, now = new Date()): Promise<{ companies: number; idempotency: number; usage: number }> {
  const idleBefore = new Date(now.getTime() - IDLE_DAYS * 86_400_000).toISOString();
  const dayBefore = new Date(now.getTime() - 86_400_000).toISOString();
  const companies = await db.query('DELETE FROM sandbox_companies WHERE last_used_at < $1', [idleBefore]);
  const idempotency = await db.query('DELETE FROM sandbox_idempotency WHERE created_at < $1', [dayBefore]);
  const usage = await forgetPastMonths(db, now);
  return { companies: companies.rowCount, idempotency: idempotency.rowCount, usage };
}
