/**
 * The e2e suite's shared server: the production build under `next start`, on a fresh PostgreSQL database made
 * for this run (as in production), with the admin area on and a known proxy secret. Tests read the same
 * database through lib/db. The build must exist (`npm run build`); the test command builds first.
 *
 * The try-it console needs the embedded sandbox (`/sandbox/v1`). When the build has none (or E2E_SANDBOX=stub),
 * a small stateful stand-in (tests/helpers/stub-sandbox.ts) is started and the proxy is pointed at it with
 * FACTUAREA_SANDBOX_INTERNAL_URL; otherwise the real embedded sandbox is used, with no override.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startNext, type NextServer } from './next-server';
import { createTestDatabase } from './pg';
import { startStubSandbox, type StubSandbox } from './stub-sandbox';

/** The server secret of the e2e server, so tests can derive a visitor's key and look for it where it must not be. */
export const E2E_PROXY_SECRET = 'e2e-proxy-secret-0123456789-abcdefghijklmnop';
export const SERVER_LOG = 'test-results/next-start.log';

/** Whether this build contains the embedded sandbox's route handler. */
export function buildHasSandbox(): boolean {
  const manifest = '.next/server/app-paths-manifest.json';
  return existsSync(manifest) && readFileSync(manifest, 'utf8').includes('"/sandbox/v1/');
}

let server: NextServer | undefined;
let stub: StubSandbox | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

export async function setup(project: TestProject) {
  const database = await createTestDatabase('factuarea_e2e');
  dropDatabase = database.drop;
  const adminToken = `adm_${randomBytes(24).toString('base64url')}`;
  const useStub = process.env.E2E_SANDBOX === 'stub' || (process.env.E2E_SANDBOX !== 'embedded' && !buildHasSandbox());
  if (useStub) stub = await startStubSandbox();
  mkdirSync('test-results', { recursive: true });
  writeFileSync(SERVER_LOG, '');
  server = await startNext(
    {
      DATABASE_URL: database.url,
      ADMIN_TOKEN: adminToken,
      SMTP_URL: undefined,
      REDIS_URL: undefined,
      PROXY_SECRET: E2E_PROXY_SECRET,
      // The browser tests send a few dozen console requests, from a new browser context each time, from one address.
      PROXY_RATE_LIMIT: '600/60',
      PROXY_NEW_SANDBOX_LIMIT: '200/600',
      ...(stub ? { FACTUAREA_SANDBOX_INTERNAL_URL: stub.base } : {}),
    },
    { logFile: SERVER_LOG },
  );
  project.provide('baseURL', server.url);
  project.provide('databaseURL', database.url);
  project.provide('adminToken', adminToken);
  project.provide('sandbox', stub ? 'stub' : 'embedded');
  project.provide('stubSandboxURL', stub?.url ?? '');
}

export async function teardown() {
  await server?.stop();
  await stub?.close();
  await dropDatabase?.();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    databaseURL: string;
    adminToken: string;
    /** Which sandbox the console's proxy reaches: the embedded one, or the stand-in. */
    sandbox: 'embedded' | 'stub';
    stubSandboxURL: string;
  }
}
