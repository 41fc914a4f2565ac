/** Embedded PostgreSQL (PGlite, WebAssembly) in a folder on disk, behind the shared query interface. */
import { mkdir } from 'node:fs/promises';
import type { Database, Queryable, QueryResult, Row } from './types';

interface PGliteResults<T> {
  rows: T[];
  affectedRows?: number;
}
interface PGliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<PGliteResults<T>>;
  exec(sql: string): Promise<unknown>;
}

function wrap(conn: PGliteLike): Queryable {
  return {
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const res = await conn.query<T>(sql, [...params]);
      return { rows: res.rows, rowCount: res.rows.length || (res.affectedRows ?? 0) };
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
  };
}

/** Opens PGlite in `dataDir` (created if missing), or in memory when `dataDir` is undefined. One process only. */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create(dataDir);
  const q = wrap(pg);
  return {
    kind: 'pglite',
    query: q.query,
    exec: q.exec,
    // PGlite runs one transaction at a time and queues other queries until it ends.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
