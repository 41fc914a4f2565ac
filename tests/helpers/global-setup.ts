/**
 * The e2e suite's shared server: the production build under `next start`, on a fresh PostgreSQL database made
 * for this run (as in production), with the admin area on. Tests read the same database through lib/db.
 * The build must exist (`npm run build`); the test command builds first.
 */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from './pg';
import { startServer, type RunningServer } from './server';

let server: RunningServer | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

export async function setup(project: TestProject) {
  const database = await createTestDatabase('factuarea_e2e');
  dropDatabase = database.drop;
  const adminToken = `adm_${randomBytes(24).toString('base64url')}`;
  server = await startServer({ env: { DATABASE_URL: database.url, ADMIN_TOKEN: adminToken, SMTP_URL: undefined, REDIS_URL: undefined } });
  project.provide('baseURL', server.baseURL);
  project.provide('databaseURL', database.url);
  project.provide('adminToken', adminToken);
}

export async function teardown() {
  await server?.stop();
  await dropDatabase?.();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    databaseURL: string;
    adminToken: string;
  }
}
