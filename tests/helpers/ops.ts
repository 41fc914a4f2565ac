/**
 * Helpers of the production-readiness tests (multi-instance, load, faults): whether the machine's PostgreSQL and
 * Redis answer, `next start` on a port of the tests' range, HTTP calls with a deadline, a small load generator
 * with latency percentiles, a process's resident memory, and a PostgreSQL server of the test's own (initdb in a
 * temporary folder) that can be stopped and started again without touching the machine's shared one.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startNext, type NextServer } from './next-server';
import { pgUnavailable } from './pg';
import { REDIS_URL, redisAnswers } from './redis';

/** Ports of the servers these tests start (kept apart from other test runs on a shared machine). */
export const OPS_PORTS: [number, number] = [3400, 3499];

/** Why the multi-instance tests cannot run here (no PostgreSQL or no Redis), or undefined when they can. */
export async function servicesUnavailable(): Promise<string | undefined> {
  const pgProblem = await pgUnavailable();
  if (pgProblem) return pgProblem;
  if (!(await redisAnswers())) return `no Redis answering PING at ${REDIS_URL}`;
  return undefined;
}

export function startOpsNext(env: Record<string, string | undefined>, logFile?: string, nodeArgs?: string[]): Promise<NextServer> {
  return freePort(OPS_PORTS).then((port) => startNext(env, { port, logFile, nodeArgs }));
}

/** A well-formed sandbox test key (fact_test_ + 24 base62 characters), new each call. */
export function sandboxKey(): string {
  return `fact_test_${randomBytes(24)
    .toString('base64')
    .replace(/[^0-9A-Za-z]/g, '')
    .padEnd(24, 'x')
    .slice(0, 24)}`;
}

/** Marks the client addresses of this test process, so that their rate-limit counters can be found in Redis. */
const RUN = `ops${randomBytes(4).toString('hex')}`;
let ipSeq = 0;

/**
 * A client address (X-Forwarded-For) of its own, so per-address limits never mix two tests or two runs: a
 * documentation address (RFC 5737 TEST-NET-3) with this run's mark.
 */
export function testIp(): string {
  ipSeq++;
  return `203.0.113.${1 + (ipSeq % 254)}-${RUN}-${ipSeq}`;
}

/** Deletes the Redis counters (any limiter) of the addresses testIp gave out in this process. */
export async function dropTestIpKeys(): Promise<void> {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys = await redis.keys(`*-${RUN}-*`);
    if (keys.length) await redis.del(...keys);
  } catch {
    /* no Redis: nothing to clean */
  } finally {
    redis.disconnect();
  }
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  ms: number;
}

/** fetch with a deadline (a hang is a failure, not a stuck test); the body read and parsed when it is JSON. */
export async function call(url: string, init: RequestInit = {}, timeoutMs = 30_000): Promise<Reply> {
  const started = performance.now();
  const res = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json, ms: performance.now() - started };
}

/** Headers of a same-origin request from the console page of `server` (what the proxy requires). */
export function consoleHeaders(server: NextServer, cookie: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'empty', origin: server.url, cookie, ...extra };
}

/** A new console visitor on `server`: its signed cookie (`fa_console=…`). */
export async function visitorCookie(server: NextServer, ip = testIp()): Promise<string> {
  const res = await call(`${server.url}/api/proxy/session`, { headers: { 'sec-fetch-site': 'same-origin', 'x-forwarded-for': ip } });
  const cookie = /^(fa_console=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`no visitor cookie from ${server.url}: ${res.status} ${res.text.slice(0, 200)}`);
  return cookie;
}

/** `/api/proxy?url=…` of `server` for a path of its embedded sandbox. */
export function proxied(server: NextServer, apiPath: string): string {
  return `${server.url}/api/proxy?url=${encodeURIComponent(`${server.url}/sandbox/v1${apiPath}`)}`;
}

export interface LoadResult {
  requests: number;
  /** Answers by status code; `network` counts requests that got no HTTP answer. */
  statuses: Record<string, number>;
  errors5xx: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  seconds: number;
  rps: number;
}

/**
 * Sends `total` requests, `concurrency` at a time; `make(i)` gives the i-th request. Bodies are read to the end,
 * so every latency is the full answer's.
 */
export async function runLoad(
  total: number,
  concurrency: number,
  make: (i: number) => { url: string; init?: RequestInit },
  timeoutMs = 30_000,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const { url, init } = make(i);
      const t = performance.now();
      let status: string;
      try {
        const res = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        status = String(res.status);
      } catch {
        status = 'network';
      }
      latencies.push(performance.now() - t);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]);
  const errors5xx = Object.entries(statuses)
    .filter(([s]) => s === 'network' || s.startsWith('5'))
    .reduce((n, [, c]) => n + c, 0);
  return {
    requests: total,
    statuses,
    errors5xx,
    p50_ms: pct(50),
    p99_ms: pct(99),
    max_ms: Math.round(latencies.at(-1) ?? 0),
    seconds: Math.round(seconds * 10) / 10,
    rps: Math.round(total / seconds),
  };
}

/** Resident memory of a process, in MB (VmRSS in /proc/<pid>/status). */
export function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round(kb / 1024);
}

const PG_BIN = process.env.TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface OwnPostgres {
  url: string;
  port: number;
  /** `fast` disconnects clients and shuts down cleanly; `immediate` is a crash (recovery from the WAL on start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the server (if running) and removes its folder. */
  destroy(): Promise<void>;
}

/** Why a PostgreSQL of the test's own cannot be started here, or undefined when it can. */
export function ownPostgresUnavailable(): string | undefined {
  if (!existsSync(path.join(PG_BIN, 'initdb'))) return `no PostgreSQL server binaries in ${PG_BIN} (set TEST_PG_BIN)`;
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root and there is no postgres user';
  return undefined;
}

/**
 * initdb in a new temporary folder, then a server on a free port of 127.0.0.1 (socket in the same folder), trust
 * authentication. As root, everything runs as the postgres user (initdb refuses root).
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'factuarea-ops-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  // Asynchronous, so that the test's own requests keep flowing while the server stops and starts.
  const run = (bin: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args]] : [path.join(PG_BIN, bin), args];
      execFile(cmd as string, argv as string[], { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${bin} ${args.join(' ')} failed: ${stderr || stdout || error.message}`)) : resolve(),
      );
    });
  const data = path.join(dir, 'data');
  await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort(OPS_PORTS);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  let running = false;
  const server: OwnPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      await run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
      running = true;
    },
    async stop(mode = 'fast') {
      await run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
    },
    async destroy() {
      try {
        if (running) await server.stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return server;
}
