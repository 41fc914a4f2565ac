/** PostgreSQL through a `pg` connection pool, behind the shared query interface. */
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

export async function openPostgres(connectionString: string, { max = 10 } = {}): Promise<Database> {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString, max });
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
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
