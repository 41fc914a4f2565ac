/**
 * Starts the production build with `next start` on a free port for the e2e suite, and stops it after.
 * The build must exist (`npm run build`); the test command builds first.
 *
 * The try-it console needs the embedded sandbox (`/sandbox/v1`). When the build has no sandbox route yet (or
 * E2E_SANDBOX=stub), a small stateful stand-in (tests/helpers/stub-sandbox.ts) is started and the proxy is pointed
 * at it with FACTUAREA_SANDBOX_INTERNAL_URL; otherwise the real embedded sandbox is used, with no override.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startNext, type NextServer } from './next-server';
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

export async function setup(project: TestProject) {
  const useStub = process.env.E2E_SANDBOX === 'stub' || (process.env.E2E_SANDBOX !== 'embedded' && !buildHasSandbox());
  if (useStub) stub = await startStubSandbox();
  mkdirSync('test-results', { recursive: true });
  writeFileSync(SERVER_LOG, '');
  server = await startNext(
    {
      PROXY_SECRET: E2E_PROXY_SECRET,
      // The browser tests send a few dozen console requests, from a new browser context each time, from one address.
      PROXY_RATE_LIMIT: '600/60',
      PROXY_NEW_SANDBOX_LIMIT: '200/600',
      ...(stub ? { FACTUAREA_SANDBOX_INTERNAL_URL: stub.base } : {}),
    },
    { logFile: SERVER_LOG },
  );
  project.provide('baseURL', server.url);
  project.provide('sandbox', stub ? 'stub' : 'embedded');
  project.provide('stubSandboxURL', stub?.url ?? '');
}

export async function teardown() {
  await server?.stop();
  await stub?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** Which sandbox the console's proxy reaches: the embedded one, or the stand-in. */
    sandbox: 'embedded' | 'stub';
    stubSandboxURL: string;
  }
}
