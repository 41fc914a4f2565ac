/**
 * Starts the production build with `next start` on a free port, with the environment a test asks for, and
 * stops it (waiting for the process to exit, so an embedded database is closed before anyone reopens it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  baseURL: string;
  port: number;
  log: () => string;
  stop: () => Promise<void>;
}

/** `env` is merged over process.env; a value of undefined removes a variable. */
export async function startServer({
  env = {},
  port,
}: { env?: Record<string, string | undefined>; port?: number } = {}): Promise<RunningServer> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` before the e2e suite.');
  const p = port ?? (await freePort());
  const baseURL = `http://127.0.0.1:${p}`;
  const merged: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(p), '-H', '127.0.0.1'], {
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${baseURL}/`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`next start did not come up:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseURL,
    port: p,
    log: () => log,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
