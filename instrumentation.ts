/**
 * Runs once when the server starts: opens the database and applies its migrations in the background (so the
 * first visitor does not wait for it), and sends e-mails that waited in the outbox while SMTP was not set up.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { db } = await import('./lib/db');
  db().catch((error: unknown) => console.error('[db] could not open the database at start; will retry on the next request:', error));
  if (process.env.SMTP_URL && process.env.BETA_NOTIFY_TO) {
    const { scheduleOutboxDrain } = await import('./lib/beta/service');
    scheduleOutboxDrain();
  }
}
