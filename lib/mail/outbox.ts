/**
 * The e-mail outbox: messages are written in the same transaction as what caused them, and a sender drains
 * them through SMTP (SMTP_URL) when one is configured. Until then they wait; nothing is lost.
 */
import type { Database, Queryable } from '../db';

export interface OutboxMessage {
  topic: string;
  /** undefined: the team, whose address is read from the environment when the message is sent. */
  to?: string;
  subject: string;
  body: string;
}

export async function enqueue(tx: Queryable, messages: readonly OutboxMessage[]): Promise<void> {
  for (const m of messages)
    await tx.query('INSERT INTO outbox (topic, to_address, subject, body) VALUES ($1, $2, $3, $4)', [
      m.topic,
      m.to ?? null,
      m.subject,
      m.body,
    ]);
}

/** What sends one message; nodemailer's transporter fits, and tests pass their own. */
export interface Transport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface MailConfig {
  transport: Transport;
  from: string;
  /** Where messages without an address go (BETA_NOTIFY_TO). */
  teamAddress: string;
}

/** The SMTP configuration from the environment, or undefined while SMTP_URL or BETA_NOTIFY_TO is missing. */
export async function mailConfigFromEnv(env: Record<string, string | undefined> = process.env): Promise<MailConfig | undefined> {
  if (!env.SMTP_URL || !env.BETA_NOTIFY_TO) return undefined;
  const nodemailer = (await import('nodemailer')).default;
  return {
    transport: nodemailer.createTransport(env.SMTP_URL),
    from: env.MAIL_FROM || 'Factuarea API <no-reply@factuarea.com>',
    teamAddress: env.BETA_NOTIFY_TO,
  };
}

interface OutboxRow {
  id: number;
  to_address: string | null;
  subject: string;
  body: string;
  [key: string]: unknown;
}

/**
 * Sends unsent messages, oldest first, up to `limit`, and returns how many went out. Each message is claimed
 * by one atomic UPDATE (FOR UPDATE SKIP LOCKED) before it is sent, so several instances never send one twice
 * and no transaction stays open while SMTP answers. A failure is recorded on the row and retried next time.
 */
export async function drainOutbox(database: Database, config: MailConfig, { limit = 50, maxAttempts = 10 } = {}): Promise<number> {
  let sent = 0;
  let afterId = 0;
  for (let i = 0; i < limit; i++) {
    const row = (
      await database.query<OutboxRow>(
        `UPDATE outbox SET claimed_until = now() + interval '5 minutes', attempts = attempts + 1
         WHERE id = (
           SELECT id FROM outbox
           WHERE sent_at IS NULL AND attempts < $1 AND id > $2 AND (claimed_until IS NULL OR claimed_until < now())
           ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING id, to_address, subject, body`,
        [maxAttempts, afterId],
      )
    ).rows[0];
    if (!row) break;
    afterId = row.id;
    try {
      await config.transport.sendMail({
        from: config.from,
        to: row.to_address ?? config.teamAddress,
        subject: row.subject,
        text: row.body,
      });
      await database.query('UPDATE outbox SET sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = $1', [row.id]);
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await database.query('UPDATE outbox SET claimed_until = NULL, last_error = $2 WHERE id = $1', [row.id, message.slice(0, 500)]);
    }
  }
  return sent;
}
