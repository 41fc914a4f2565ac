/** Every schema migration, in order. Append new ones; never edit or renumber one that has shipped. */
import outbox from './0001_outbox';
import betaRequests from './0002_beta_requests';
import sandbox from './0100_sandbox';
import sandboxUsage from './0101_sandbox_usage';
import pageFeedback from './0200_feedback';
import appSecrets from './0300_app_secrets';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'outbox', sql: outbox },
  { version: 2, name: 'beta_requests', sql: betaRequests },
  { version: 100, name: 'sandbox', sql: sandbox },
  { version: 101, name: 'sandbox_usage', sql: sandboxUsage },
  { version: 200, name: 'page_feedback', sql: pageFeedback },
  { version: 300, name: 'app_secrets', sql: appSecrets },
];
