/**
 * Sandbox throughput and latency against a running build (loopback only): a list call and a create call,
 * each for a bounded number of requests at a fixed concurrency. Usage:
 *   node scripts/bench-sandbox.mjs [baseURL=http://127.0.0.1:3000] [requests=300] [concurrency=8]
 * The key uses the `pro` tier (300 requests/min), so each phase stays under it by spreading keys.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const total = Number(process.argv[3] ?? 300);
const concurrency = Number(process.argv[4] ?? 8);
const host = new URL(base).hostname;
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
  console.error('bench-sandbox only runs against loopback.');
  process.exit(2);
}
const newKey = () =>
  `fact_test_${randomBytes(32)
    .toString('base64')
    .replace(/[^0-9A-Za-z]/g, '')
    .slice(0, 24)}`;
const deadline = Date.now() + 120_000;

async function phase(name, makeRequest) {
  // One key per 250 requests keeps every phase under the pro tier's 300 requests a minute.
  const keys = Array.from({ length: Math.ceil(total / 250) + 1 }, newKey);
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
        const res = await makeRequest(keys[Math.floor(i / 250)], i);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (!res.ok) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  console.log(
    `${name.padEnd(22)} ${latencies.length} requests, ${(latencies.length / seconds).toFixed(1)} req/s, p50 ${pct(50)} ms, p99 ${pct(99)} ms, failures ${failures}`,
  );
  return failures;
}

const auth = (k, extra = {}) => ({ Authorization: `Bearer ${k}`, ...extra });
let failures = await phase('GET /invoices?limit=25', (k) => fetch(`${base}/sandbox/v1/invoices?limit=25`, { headers: auth(k) }));
failures += await phase('POST /clients', (k, i) =>
  fetch(`${base}/sandbox/v1/clients`, {
    method: 'POST',
    headers: auth(k, { 'Content-Type': 'application/json' }),
    body: JSON.stringify({ name: `Bench ${i} SL` }),
  }),
);
process.exit(failures ? 1 : 0);
