/**
 * Applies the pending migrations in one transaction, recording each in `schema_migrations`. An advisory lock
 * makes concurrent starts (several instances on one PostgreSQL) wait for each other instead of racing.
 */
import type { Database } from './types';
import { migrations as all, type Migration } from './migrations';

const LOCK_ID = 4_207_311; // any constant shared by every instance of this app

export async function migrate(database: Database, migrations: readonly Migration[] = all): Promise<number[]> {
  return database.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
