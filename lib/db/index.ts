/**
 * The database accessor: `db()` opens the configured database once per process, applies the migrations, and
 * returns the shared query interface. PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in
 * `$DATA_DIR/pglite` (default `.data/pglite`). Call it inside a request, never at module load or build time.
 */
import path from 'node:path';
import { migrate } from './migrate';
import type { Database } from './types';

export type { Database, Queryable, QueryResult, Row } from './types';
export { isUnavailable, sqlState } from './types';

export interface DatabaseConfig {
  /** A postgres:// URL; without it, PGlite. */
  url?: string;
  /** PGlite's folder; undefined with no url means in memory. */
  dataDir?: string;
}

export function configFromEnv(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: path.resolve(env.DATA_DIR || '.data', 'pglite') };
}

/** Opens a database and migrates it. Each call opens a new connection: use `db()` in the app. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const database = config.url
    ? await (await import('./postgres')).openPostgres(config.url)
    : await (await import('./pglite')).openPglite(config.dataDir);
  try {
    await migrate(database);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}

// On globalThis, not in a module variable: Next may load this module in several server bundles of one
// process, and PGlite must never be opened twice on the same folder.
const KEY = Symbol.for('factuarea.db');
type Holder = typeof globalThis & { [KEY]?: Promise<Database> };

/** The process-wide database, opened on first use. A failed open is retried by the next call. */
export function db(): Promise<Database> {
  const g = globalThis as Holder;
  g[KEY] ??= openDatabase(configFromEnv()).catch((error: unknown) => {
    delete g[KEY];
    throw error;
  });
  return g[KEY];
}

/** Closes the process-wide database (tests and graceful shutdown). */
export async function closeDb(): Promise<void> {
  const g = globalThis as Holder;
  const pending = g[KEY];
  delete g[KEY];
  if (pending) await (await pending).close();
}
