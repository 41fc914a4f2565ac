/**
 * Proxy overhead benchmark, loopback only and bounded: starts a stub API on 127.0.0.1 and the production build
 * (`next start`) with its proxy pointed at it, then measures latency (sequential requests: p50/p99) and
 * throughput (fixed concurrency for a fixed time) directly against the stub and through /api/proxy. Reports
 * the overhead (through the proxy minus direct). Needs a build (`npm run build`).
 *
 * Usage: node scripts/bench-proxy.mjs [--requests 400] [--duration 5] [--concurrency 8] [--json]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const LIMITS = { requests: [50, 10_000], duration: [1, 30], concurrency: [1, 64] };

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? fallback : Number(process.argv[i + 1]);
  const [min, max] = LIMITS[name];
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be between ${min} and ${max}`);
  return value;
}

const requests = option('requests', 400);
const duration = option('duration', 5);
const concurrency = option('concurrency', 8);
const asJson = process.argv.includes('--json');

/** A 1 KB JSON list, like a small page of clients. */
const BODY = JSON.stringify({
  data: Array.from({ length: 5 }, (_, i) => ({
    id: `019bdae6-88a0-7145-8147-fce5403df41${i}`,
    object: 'client',
    name: `Cliente ${i}`,
    tax_id: 'B11759024',
  })),
  has_more: false,
  next_cursor: null,
});

function startStub() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench', 'x-ratelimit-remaining': '299' });
      res.end(BODY);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startSite(stubUrl, dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      FACTUAREA_API_URL: '',
      FACTUAREA_SANDBOX_INTERNAL_URL: `${stubUrl}/sandbox/v1`,
      FACTUAREA_SANDBOX_KEY: 'fact_test_BenchKeyBenchKeyBenchKey00',
      PROXY_SECRET: 'bench-proxy-secret-0123456789abcdefghij',
      PROXY_RATE_LIMIT: '100000000/60',
      PROXY_RATE_LIMIT_GLOBAL: '100000000/60',
      REDIS_URL: '',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/proxy/session`)).ok) break;
    } catch {
      /* starting */
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`next start did not come up:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))) };
}

function loopbackOnly(url) {
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error(`refusing to benchmark a non-loopback address: ${hostname}`);
}

async function once(target) {
  const started = performance.now();
  const res = await fetch(target.url, { headers: target.headers });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${target.name}: status ${res.status}`);
  return performance.now() - started;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function latency(target) {
  for (let i = 0; i < 30; i++) await once(target); // warm-up: JIT, connection pool, route compilation
  const samples = [];
  for (let i = 0; i < requests; i++) samples.push(await once(target));
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

async function throughput(target) {
  const end = performance.now() + duration * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await once(target);
        done++;
      }
    }),
  );
  return done / duration;
}

if (!existsSync('.next/BUILD_ID')) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-proxy-'));
const stub = await startStub();
const stubUrl = `http://127.0.0.1:${stub.address().port}`;
const site = await startSite(stubUrl, dataDir);
try {
  const targets = {
    direct: {
      name: 'direct',
      url: `${stubUrl}/sandbox/v1/clients?limit=5`,
      headers: { authorization: 'Bearer fact_test_BenchKeyBenchKeyBenchKey00' },
    },
    proxy: {
      name: 'proxy',
      url: `${site.url}/api/proxy?url=${encodeURIComponent(`${site.url}/sandbox/v1/clients?limit=5`)}`,
      headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'empty', origin: site.url },
    },
  };
  for (const t of Object.values(targets)) loopbackOnly(t.url);
  const result = { requests, duration, concurrency };
  for (const [name, t] of Object.entries(targets)) result[name] = { ...(await latency(t)), throughput: await throughput(t) };
  result.overhead = { p50: result.proxy.p50 - result.direct.p50, p99: result.proxy.p99 - result.direct.p99 };
  if (asJson) console.log(JSON.stringify(result, null, 2));
  else {
    const ms = (n) => `${n.toFixed(2)} ms`;
    console.log(`proxy benchmark: ${requests} sequential requests for latency, ${concurrency} concurrent for ${duration} s for throughput`);
    for (const name of ['direct', 'proxy'])
      console.log(
        `  ${name.padEnd(8)} p50 ${ms(result[name].p50).padStart(9)}  p99 ${ms(result[name].p99).padStart(9)}  ${result[name].throughput.toFixed(0).padStart(6)} req/s`,
      );
    console.log(`  overhead p50 +${ms(result.overhead.p50)}  p99 +${ms(result.overhead.p99)}`);
  }
} finally {
  await site.stop();
  stub.closeAllConnections();
  stub.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
