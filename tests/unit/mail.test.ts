/** The mail path end to end: a stored request's two outbox messages go out through nodemailer to SMTP_URL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/lib/db';
import { drainOutbox, mailConfigFromEnv } from '@/lib/mail/outbox';
import { newRequestMessages } from '@/lib/beta/notifications';
import { validateBetaRequest } from '@/lib/beta/schema';
import { insertOrFind } from '@/lib/beta/store';
import { requestBody } from '../helpers/beta';
import { startSmtpSink } from '../helpers/smtp-sink';

let database: Database;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  [database, sink] = await Promise.all([openDatabase({}), startSmtpSink()]);
});
afterAll(async () => {
  await database?.close();
  await sink?.close();
});

describe('mail', () => {
  it('is off until both SMTP_URL and BETA_NOTIFY_TO are set', async () => {
    expect(await mailConfigFromEnv({})).toBeUndefined();
    expect(await mailConfigFromEnv({ SMTP_URL: sink.url })).toBeUndefined();
    expect(await mailConfigFromEnv({ BETA_NOTIFY_TO: 'team@factuarea.test' })).toBeUndefined();
  });

  it('sends the team notice and the requester confirmation, then marks them sent', async () => {
    const v = validateBetaRequest(requestBody(42, { lang: 'es' }));
    if (!v.ok) throw new Error('invalid fixture');
    const { request } = await insertOrFind(database, v.value, newRequestMessages);
    const config = await mailConfigFromEnv({ SMTP_URL: sink.url, BETA_NOTIFY_TO: 'team@factuarea.test' });
    expect(config).toBeDefined();
    expect(await drainOutbox(database, config!)).toBe(2);
    expect(sink.messages.map((m) => m.to)).toEqual([['team@factuarea.test'], ['lucia42@empresa.es']]);
    expect(sink.messages[0].data).toContain(`Beta request ${request.reference}`);
    expect(sink.messages[1].data).toContain(request.reference);
    expect(sink.messages[1].data).toMatch(/Hemos recibido/);
    const unsent = (await database.query('SELECT id FROM outbox WHERE sent_at IS NULL')).rows;
    expect(unsent).toEqual([]);
    expect(await drainOutbox(database, config!)).toBe(0);
  });
});
