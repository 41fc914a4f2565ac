/** Runs once when the server starts: sends e-mails that waited in the outbox while the server was down (when SMTP is configured). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  if (!process.env.SMTP_URL || !process.env.BETA_NOTIFY_TO) return;
  const { scheduleOutboxDrain } = await import('./lib/beta/service');
  scheduleOutboxDrain();
}
