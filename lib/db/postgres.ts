/**
 * PostgreSQL through a `pg` connection pool, behind the shared query interface. The pool outlives database
 * restarts: connections the server dropped are discarded and replaced on the next query, and a server that is
 * down fails queries at once (or after a 5 s connection timeout) instead of leaving requests hanging.
 */
import { log } from '../log';
import type { Pool, PoolClient } from 'pg';
import type { Database, Queryable, QueryResult, Row } from './types';

function wrap(conn: Pool | PoolClient): Queryable {
  return {
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const res = await conn.query<T>(sql, [...params]);
      return { rows: res.rows, rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(sql: string) {
      // Without parameters, pg uses the simple query protocol, which accepts several statements.
      await conn.query(sql);
    },
  };
}

export async function openPostgres(connectionString: string, { max = 10, connectionTimeoutMillis = 5_000 } = {}): Promise<Database> {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis, keepAlive: true });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => log('error', 'idle PostgreSQL client error', { error: err }));
  await pool.query('SELECT 1');
  const q = wrap(pool);
  return {
    kind: 'postgres',
    query: q.query,
    exec: q.exec,
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client has no pool listener: without this, a connection dropped between two statements
      // would be an unhandled 'error' event, which ends the process.
      let lost: Error | undefined;
      const onError = (err: Error) => {
        lost = err;
        log('error', 'PostgreSQL connection lost during a transaction', { error: err });
      };
      client.on('error', onError);
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.off('error', onError);
        // A client whose connection failed is destroyed, not returned to the pool.
        client.release(broken || lost ? (lost ?? true) : undefined);
      }
    },
    close: () => pool.end(),
  };
}
