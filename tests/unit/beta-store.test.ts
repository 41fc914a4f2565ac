/** Storing beta requests on both engines: one row per tax ID even under concurrency, outbox rows in the same transaction, decisions. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/lib/db';
import { drainOutbox, type Transport } from '@/lib/mail/outbox';
import { newRequestMessages } from '@/lib/beta/notifications';
import { REFERENCE_PATTERN } from '@/lib/beta/reference';
import { validateBetaRequest, type BetaRequestInput } from '@/lib/beta/schema';
import { countRequests, findPublicStatus, insertOrFind, listRequests, setStatus } from '@/lib/beta/store';
import { cif, requestBody } from '../helpers/beta';
import { createTestDatabase } from '../helpers/pg';

const input = (n: number, patch: Partial<BetaRequestInput> = {}): BetaRequestInput => {
  const r = validateBetaRequest(requestBody(n, patch));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

const engines: [string, () => Promise<{ database: Database; cleanup: () => Promise<void> }>][] = [
  [
    'pglite',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'factuarea-store-'));
      return { database: await openDatabase({ dataDir: dir }), cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'postgres',
    async () => {
      const t = await createTestDatabase();
      return { database: await openDatabase({ url: t.url }), cleanup: t.drop };
    },
  ],
];

describe.each(engines)('beta store on %s', (_kind, open) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ database, cleanup } = await open());
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('stores a new request with a reference and two outbox messages', async () => {
    const { created, request } = await insertOrFind(database, input(1), newRequestMessages);
    expect(created).toBe(true);
    expect(request.reference).toMatch(REFERENCE_PATTERN);
    expect(request).toMatchObject({ tax_id: cif(1), tax_id_kind: 'cif', status: 'pending', decided_at: null, lang: 'en' });
    expect(request.created_at).toBeInstanceOf(Date);
    const outbox = (
      await database.query<{ to_address: string | null; subject: string }>('SELECT to_address, subject FROM outbox ORDER BY id')
    ).rows;
    expect(outbox).toEqual([
      { to_address: null, subject: `Beta request ${request.reference}: Empresa 1, S.L.` },
      { to_address: 'lucia1@empresa.es', subject: expect.stringContaining(request.reference) },
    ]);
  });

  it('returns the existing request for the same tax ID, without a new row or message', async () => {
    const first = (await listRequests(database))[0];
    const again = await insertOrFind(database, input(1, { legal_name: 'Otro nombre', email: 'otro@empresa.es' }), newRequestMessages);
    expect(again.created).toBe(false);
    expect(again.request.reference).toBe(first.reference);
    expect(again.request.legal_name).toBe('Empresa 1, S.L.');
    expect((await countRequests(database)).all).toBe(1);
    expect((await database.query('SELECT id FROM outbox')).rows).toHaveLength(2);
  });

  it('writes nothing, outbox included, when the transaction fails', async () => {
    await expect(
      insertOrFind(database, input(2), () => {
        throw new Error('composing the e-mail failed');
      }),
    ).rejects.toThrow('composing');
    expect((await countRequests(database)).all).toBe(1);
    expect((await database.query('SELECT id FROM outbox')).rows).toHaveLength(2);
  });

  it('keeps one row per tax ID when 40 submissions of 20 companies race', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => insertOrFind(database, input(100 + (i % 20)), newRequestMessages)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(20);
    const byTax = new Map<string, Set<string>>();
    for (const r of results) byTax.set(r.request.tax_id, (byTax.get(r.request.tax_id) ?? new Set()).add(r.request.reference));
    expect([...byTax.values()].every((refs) => refs.size === 1)).toBe(true);
    expect((await countRequests(database)).all).toBe(21);
  });

  it('shows the public status without the private fields, and follows decisions', async () => {
    const { request } = await insertOrFind(database, input(3), newRequestMessages);
    const status = await findPublicStatus(database, request.reference);
    expect(Object.keys(status ?? {}).sort()).toEqual(['created_at', 'decided_at', 'legal_name', 'reference', 'status']);
    expect(await findPublicStatus(database, 'BETA-0000000000')).toBeUndefined();

    const approved = await setStatus(database, request.reference, 'approved');
    expect(approved?.status).toBe('approved');
    expect(approved?.decided_at).toBeInstanceOf(Date);
    expect((await findPublicStatus(database, request.reference))?.status).toBe('approved');
    expect((await listRequests(database, { status: 'approved' })).map((r) => r.reference)).toEqual([request.reference]);
    expect((await setStatus(database, request.reference, 'pending'))?.decided_at).toBeNull();
    expect(await setStatus(database, 'BETA-0000000000', 'declined')).toBeUndefined();
  });

  it('drains the outbox through the transport, retrying failures later', async () => {
    const sent: { to: string; subject: string }[] = [];
    let fail = true;
    const transport: Transport = {
      async sendMail(m) {
        if (fail && m.to === 'team@factuarea.test') {
          fail = false;
          throw new Error('421 try later');
        }
        sent.push({ to: m.to, subject: m.subject });
      },
    };
    const config = { transport, from: 'no-reply@factuarea.test', teamAddress: 'team@factuarea.test' };
    const total = (await database.query('SELECT id FROM outbox')).rows.length;
    expect(await drainOutbox(database, config)).toBe(total - 1);
    const failed = (
      await database.query<{ last_error: string; attempts: number }>('SELECT last_error, attempts FROM outbox WHERE sent_at IS NULL')
    ).rows;
    expect(failed).toEqual([{ last_error: '421 try later', attempts: 1 }]);
    expect(await drainOutbox(database, config)).toBe(1);
    expect(await drainOutbox(database, config)).toBe(0);
    expect(sent.filter((m) => m.to === 'team@factuarea.test')).toHaveLength(total / 2);
  });
});
