/** Every schema migration, in order. Append new ones; never edit or renumber one that has shipped. */
import outbox from './0001_outbox';
import betaRequests from './0002_beta_requests';
import pageFeedback from './0200_feedback';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'outbox', sql: outbox },
  { version: 2, name: 'beta_requests', sql: betaRequests },
  // 200 and up: the guides branch (numbered apart so parallel branches never clash).
  { version: 200, name: 'page_feedback', sql: pageFeedback },
];
