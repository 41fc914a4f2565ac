/**
 * Starts the production build with `next start` on a free port, with extra environment variables, and keeps
 * its log. The e2e global setup starts the main one; tests start more with other configurations.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port nothing listens on: any (0), or the first free one of a range. */
export async function freePort(range?: [number, number]): Promise<number> {
  if (range) {
    // Start at a random place in the range, so that two runs at once rarely try the same ports.
    const [lo, hi] = range;
    const span = hi - lo + 1;
    const offset = Math.floor(Math.random() * span);
    for (let i = 0; i < span; i++) {
      const port = lo + ((offset + i) % span);
      if (await portIsFree(port)) return port;
    }
    throw new Error(`No free port in ${lo}-${hi}`);
  }
  return listenOn(0);
}

function portIsFree(port: number): Promise<boolean> {
  return listenOn(port).then(
    () => true,
    () => false,
  );
}

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(port, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** process.env with `env` over it; a value of undefined removes the variable. */
function withEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  return merged;
}

export interface NextServer {
  url: string;
  port: number;
  /** The server process (next start serves in this process), e.g. to read its memory in /proc/<pid>/status. */
  pid: number;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Everything the server wrote to stdout and stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

export async function startNext(
  env: Record<string, string | undefined> = {},
  { logFile, port: wanted, nodeArgs = [] }: { logFile?: string; port?: number; nodeArgs?: string[] } = {},
): Promise<NextServer> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` before the e2e suite.');
  const port = wanted ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, 'node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      env: withEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const record = (d: Buffer) => {
    log += d;
    if (logFile) appendFileSync(logFile, d);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`next start did not come up:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    log: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
