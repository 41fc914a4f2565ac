/** lib/db on both engines: migrations apply once, queries and transactions behave the same on PGlite and PostgreSQL. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, sqlState, type Database } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { migrations } from '@/lib/db/migrations';
import { createTestDatabase } from '../helpers/pg';

const engines: [string, () => Promise<{ database: Database; cleanup: () => Promise<void> }>][] = [
  [
    'pglite',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'factuarea-db-'));
      const database = await openDatabase({ dataDir: dir });
      return { database, cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'postgres',
    async () => {
      const t = await createTestDatabase();
      const database = await openDatabase({ url: t.url });
      return { database, cleanup: t.drop };
    },
  ],
];

describe.each(engines)('lib/db on %s', (kind, open) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ database, cleanup } = await open());
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('applies every migration once and records it', async () => {
    expect(database.kind).toBe(kind);
    const rows = (await database.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows;
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    expect(await migrate(database)).toEqual([]);
  });

  it('applies only a new migration on the next start', async () => {
    const extra = { version: 9999, name: 'test_extra', sql: 'CREATE TABLE test_extra (id int); CREATE INDEX ON test_extra (id);' };
    expect(await migrate(database, [...migrations, extra])).toEqual([9999]);
    expect(await migrate(database, [...migrations, extra])).toEqual([]);
  });

  it('returns parameterised rows with the same types on both engines', async () => {
    const r = await database.query<{ n: number; t: string; d: Date; nul: null }>(
      'SELECT $1::int AS n, $2::text AS t, now() AS d, NULL AS nul',
      [42, "O'Brien; DROP TABLE outbox"],
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].n).toBe(42);
    expect(r.rows[0].t).toBe("O'Brien; DROP TABLE outbox");
    expect(r.rows[0].d).toBeInstanceOf(Date);
    expect(r.rows[0].nul).toBeNull();
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await database.transaction(async (tx) => {
      await tx.query("INSERT INTO outbox (topic, subject, body) VALUES ('t', 'kept', 'b')");
    });
    await expect(
      database.transaction(async (tx) => {
        await tx.query("INSERT INTO outbox (topic, subject, body) VALUES ('t', 'lost', 'b')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const subjects = (await database.query<{ subject: string }>('SELECT subject FROM outbox ORDER BY id')).rows.map((r) => r.subject);
    expect(subjects).toEqual(['kept']);
  });

  it('reports SQLSTATE codes of constraint violations', async () => {
    const err = await database.query("INSERT INTO outbox (topic, subject) VALUES ('t', 's')").catch((e: unknown) => e);
    expect(sqlState(err)).toBe('23502'); // not_null_violation
  });
});
