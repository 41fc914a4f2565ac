/**
 * Sandbox throughput and latency against a running build (loopback only): a list call and a create call,
 * each for a bounded number of requests at a fixed concurrency. Usage:
 *   node scripts/bench-sandbox.mjs [baseURL] [requests=300] [concurrency=8] [--json]
 * The base URL is the argument, else $BASE_URL, else http://127.0.0.1:3000. With --json the last line of
 * stdout is one JSON object, {throughput_rps, list: {p50, p99}, create: {p50, p99}, failures} (milliseconds),
 * and the readable lines go to stderr; `npm run bench` reads it that way.
 * Keys use the `pro` tier (300 requests/min), so each phase spreads its requests over several keys.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const json = args.includes('--json');
const [baseArg, totalArg, concurrencyArg] = args.filter((a) => a !== '--json');
const base = (baseArg ?? process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const total = Number(totalArg ?? 300);
const concurrency = Number(concurrencyArg ?? 8);
const host = new URL(base).hostname;
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
  console.error('bench-sandbox only runs against loopback.');
  process.exit(2);
}
const say = (line) => (json ? console.error(line) : console.log(line));
const newKey = () =>
  `fact_test_${randomBytes(32)
    .toString('base64')
    .replace(/[^0-9A-Za-z]/g, '')
    .slice(0, 24)}`;
const PER_KEY = 250;
const deadline = Date.now() + 120_000;

/** A CIF with a valid check digit for the n-th benchmark client (every client of a company needs its own). */
function cif(n) {
  const digits = String(n % 10_000_000).padStart(7, '0');
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(digits[i]);
    if (i % 2) sum += d;
    else sum += Math.floor((d * 2) / 10) + ((d * 2) % 10);
  }
  return `B${digits}${(10 - (sum % 10)) % 10}`;
}

async function phase(name, makeRequest) {
  // One key per PER_KEY requests keeps every phase under the pro tier's 300 requests a minute.
  const keys = Array.from({ length: Math.ceil(total / PER_KEY) + 1 }, newKey);
  for (const k of keys) await fetch(`${base}/sandbox/v1/account`, { headers: { Authorization: `Bearer ${k}` } });
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total && Date.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        const res = await makeRequest(keys[Math.floor(i / PER_KEY)], i);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (!res.ok) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => Number(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1));
  const result = { requests: latencies.length, seconds, rps: latencies.length / seconds, p50: pct(50), p99: pct(99), failures };
  say(
    `${name.padEnd(22)} ${result.requests} requests, ${result.rps.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, failures ${failures}`,
  );
  return result;
}

const auth = (k, extra = {}) => ({ Authorization: `Bearer ${k}`, ...extra });
const list = await phase('GET /invoices?limit=25', (k) => fetch(`${base}/sandbox/v1/invoices?limit=25`, { headers: auth(k) }));
const create = await phase('POST /clients', (k, i) =>
  fetch(`${base}/sandbox/v1/clients`, {
    method: 'POST',
    headers: auth(k, { 'Content-Type': 'application/json' }),
    body: JSON.stringify({ name: `Bench ${i} SL`, tax_id: cif(1_000_000 + i) }),
  }),
);
const failures = list.failures + create.failures;
const throughput = (list.requests + create.requests) / (list.seconds + create.seconds);
say(`overall                ${throughput.toFixed(1)} req/s`);
if (json)
  console.log(
    JSON.stringify({
      throughput_rps: Number(throughput.toFixed(1)),
      list: { p50: list.p50, p99: list.p99 },
      create: { p50: create.p50, p99: create.p99 },
      failures,
    }),
  );
process.exit(failures ? 1 : 0);
