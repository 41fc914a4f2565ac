/**
 * Throw-away PostgreSQL databases for tests, on the server named by TEST_PG_ADMIN_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres). Each call creates a fresh database; drop() removes it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createTestDatabase(prefix = 'factuarea_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `These tests need PostgreSQL at ${PG_ADMIN_URL} (set TEST_PG_ADMIN_URL to another server): ${(error as Error).message}`,
    );
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Why PostgreSQL at PG_ADMIN_URL cannot be used (for a test's skip message), or undefined when it answers. */
export async function pgUnavailable(url = PG_ADMIN_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `no PostgreSQL at ${url}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}
