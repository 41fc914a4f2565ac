/**
 * `npm run bench`: the performance budget, measured. Builds the site (time and peak memory), serves it,
 * and loads `/`, a guide and three reference pages in headless Chromium (desktop, 4× CPU throttling,
 * cold cache, medians of several runs), interleaved with Redoc, Scalar and Swagger UI rendering the
 * same document. Adds search latency, the on-demand console's weight, and the sandbox and proxy
 * figures when their scripts exist. Prints a table, checks the budgets, writes bench/results.json.
 *
 *   npm run bench                       # the real document
 *   npm run bench -- --ops 1000         # a synthetic document of 1,000 operations (scale test)
 *   npm run bench -- --skip-build --runs 5
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, measureLoad, median, percentile } from './bench/metrics.mjs';
import { startRenderers } from './bench/renderers.mjs';
import { syntheticDocument } from './bench/synthetic-spec.mjs';
import { addCompileHints } from './compile-hints.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const RUNS = Number(opt('runs', 3));
const OPS = opt('ops');
const SKIP_BUILD = args.includes('--skip-build');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BUDGET = { referenceJsKB: 160, guideJsKB: 155, lcpMs: 800, tbtMs: 100, consoleJsKB: 190, buildS: 180, buildGiB: 4 };

mkdirSync('bench/tmp', { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
let documentPath = 'openapi/dist/openapi.json';
if (!OPS) await run('npm', ['run', '--silent', 'openapi:bundle']);
if (OPS) {
  documentPath = `bench/tmp/synthetic-${OPS}.json`;
  writeFileSync(documentPath, JSON.stringify(syntheticDocument('openapi/dist/openapi.json', Number(OPS))));
  env.OPENAPI_DOCUMENT = documentPath;
  env.NEXT_DIST_DIR = `bench/tmp/next-${OPS}`;
}
const distDir = env.NEXT_DIST_DIR ?? '.next';

function run(cmd, argv, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}`))));
  });
}

/**
 * Memory of a process and all its descendants, from /proc: the sum of resident sets (RSS, which counts pages
 * shared between processes — the node binary, libraries, copy-on-write heap — once per process) and the sum
 * of proportional sets (PSS: shared pages split between their sharers, so the tree's real footprint).
 */
function treeMemory(rootPid) {
  const children = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
    } catch {
      /* gone */
    }
  }
  let rss = 0;
  let pss = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
      pss += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      /* gone */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss, pss };
}

async function build() {
  const started = Date.now();
  const tsconfig = OPS ? readFileSync('tsconfig.json', 'utf8') : undefined;
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let peak = 0;
  let peakRss = 0;
  const timer = setInterval(() => {
    const { rss, pss } = treeMemory(child.pid);
    peak = Math.max(peak, pss);
    peakRss = Math.max(peakRss, rss);
  }, 200);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise((r) => child.on('exit', r));
  clearInterval(timer);
  // next build adds the build folder's types to tsconfig.json; the scale test's folder must not stay there.
  if (tsconfig !== undefined) writeFileSync('tsconfig.json', tsconfig);
  if (code !== 0) throw new Error(`next build failed:\n${out.slice(-3000)}`);
  addCompileHints(distDir);
  return { seconds: (Date.now() - started) / 1000, peakGiB: peak / 1024 ** 3, peakRssSumGiB: peakRss / 1024 ** 3 };
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function startSite() {
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env,
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(origin)).ok) return { child, origin };
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('next start did not come up');
}

const results = { date: new Date().toISOString(), operations: OPS ? Number(OPS) : 262, runs: RUNS, budgets: BUDGET };
if (!SKIP_BUILD || !existsSync(join(distDir, 'BUILD_ID'))) {
  console.log(`building${OPS ? ` against a synthetic document of ${OPS} operations` : ''}…`);
  results.build = await build();
}

const site = await startSite();
const renderers = await startRenderers(documentPath);
const doc = JSON.parse(readFileSync(documentPath, 'utf8'));
const firstOf = (tag, action) => {
  for (const item of Object.values(doc.paths))
    for (const op of Object.values(item))
      if (op?.tags?.[0] === tag && op.operationId.endsWith(action))
        return `/api-reference/${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${op.operationId}`;
};
const pages = {
  landing: '/',
  guide: '/faq',
  'ref: list': firstOf('Invoices', '.list'),
  'ref: create': firstOf('Clients', '.create'),
  'ref: action': firstOf('Invoices', '.mark_paid'),
};
const targets = { ...Object.fromEntries(Object.entries(pages).map(([k, p]) => [k, `${site.origin}${p}`])) };
for (const r of ['redoc', 'scalar', 'swagger']) targets[r] = `${renderers.origin}/${r}`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const samples = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
for (let i = 0; i < RUNS; i++)
  for (const [name, url] of Object.entries(targets)) {
    samples[name].push(await measureLoad(browser, url));
    process.stdout.write('.');
  }
console.log();
const summary = {};
for (const [name, list] of Object.entries(samples))
  summary[name] = Object.fromEntries(['jsKB', 'totalKB', 'requests', 'fcp', 'lcp', 'tbt'].map((k) => [k, median(list.map((s) => s[k]))]));
results.pages = summary;

// The console's on-demand code: what clicking "Try it" downloads.
const consoleLoad = await measureLoad(browser, targets['ref: create'], {
  cpu: 1,
  afterLoad: async (page) => {
    await page.locator('[data-try-it]').click();
    await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 60_000 });
  },
});
results.console = { jsKB: consoleLoad.extra.js / 1024, requests: consoleLoad.extra.requests };
await browser.close();

// Search latency.
const queries = [
  'invoice',
  'mark paid',
  'POST /invoices',
  'idempotency',
  'webhook signature',
  'recargo',
  'verifactu',
  'rate limit',
  'client tax id',
  'pagination',
];
const times = [];
for (let i = 0; i < 5; i++)
  for (const q of queries) {
    const t = performance.now();
    await (await fetch(`${site.origin}/api/search?query=${encodeURIComponent(q)}`)).json();
    times.push(performance.now() - t);
  }
results.search = { requests: times.length, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };

// Sandbox and proxy figures, from their own scripts when present.
for (const name of ['sandbox', 'proxy']) {
  const script = `scripts/bench-${name}.mjs`;
  if (!existsSync(script)) continue;
  const child = spawn(process.execPath, [script, '--json'], {
    env: { ...env, BASE_URL: site.origin },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise((r) => child.on('exit', r));
  // The scripts print one JSON document: on its own last line, or as the whole (pretty-printed) output.
  const parse = (text) => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  results[name] = parse(out.trim().split('\n').pop()) ?? parse(out.trim()) ?? { error: out.slice(-500) };
}
site.child.kill('SIGTERM');
renderers.server.close();

// Report.
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
console.log(`\nFactuarea developer portal — bench (${results.operations} operations, medians of ${RUNS} cold loads, 4× CPU, 1350×940)\n`);
if (results.build)
  console.log(
    `build: ${fmt(results.build.seconds, 1)} s, peak memory ${fmt(results.build.peakGiB, 2)} GiB (PSS of the process tree; RSS summed per process ${fmt(results.build.peakRssSumGiB, 2)} GiB)\n`,
  );
console.log('page            JS KB  total KB  reqs   FCP ms   LCP ms   TBT ms');
for (const [name, s] of Object.entries(summary))
  console.log(
    `${name.padEnd(14)} ${fmt(s.jsKB, 1).padStart(6)} ${fmt(s.totalKB, 1).padStart(9)} ${fmt(s.requests).padStart(5)} ${fmt(s.fcp).padStart(8)} ${fmt(s.lcp).padStart(8)} ${fmt(s.tbt).padStart(8)}`,
  );
const ours = summary['ref: list'];
console.log('\nratios, our reference page (list) / theirs:');
results.ratios = {};
for (const r of ['redoc', 'scalar', 'swagger']) {
  const t = summary[r];
  results.ratios[r] = {
    js: ours.jsKB / t.jsKB,
    total: ours.totalKB / t.totalKB,
    lcp: ours.lcp / t.lcp,
    tbt: t.tbt ? ours.tbt / t.tbt : NaN,
  };
  console.log(
    `  vs ${r.padEnd(8)} JS ${fmt(results.ratios[r].js, 2)}  total ${fmt(results.ratios[r].total, 2)}  LCP ${fmt(results.ratios[r].lcp, 2)}  TBT ${fmt(results.ratios[r].tbt, 2)}`,
  );
}
console.log(`\nconsole on demand: ${fmt(results.console.jsKB, 1)} KB JS in ${results.console.requests} requests`);
console.log(
  `search: p50 ${fmt(results.search.p50Ms, 1)} ms, p99 ${fmt(results.search.p99Ms, 1)} ms over ${results.search.requests} queries`,
);
for (const name of ['sandbox', 'proxy']) if (results[name]) console.log(`${name}: ${JSON.stringify(results[name])}`);

const refs = Object.entries(summary).filter(([k]) => k.startsWith('ref:'));
const checks = [
  ...refs.map(([k, s]) => [`${k} JS ≤ ${BUDGET.referenceJsKB} KB`, s.jsKB <= BUDGET.referenceJsKB]),
  ...['landing', 'guide'].map((k) => [
    `${k} JS ≤ ${BUDGET.guideJsKB} KB and ≤ reference`,
    summary[k].jsKB <= BUDGET.guideJsKB && summary[k].jsKB <= Math.min(...refs.map(([, s]) => s.jsKB)) + 0.05,
  ]),
  ...['landing', 'guide', ...refs.map(([k]) => k)].map((k) => [`${k} LCP ≤ ${BUDGET.lcpMs} ms`, summary[k].lcp <= BUDGET.lcpMs]),
  ...['landing', 'guide', ...refs.map(([k]) => k)].map((k) => [`${k} TBT ≤ ${BUDGET.tbtMs} ms`, summary[k].tbt <= BUDGET.tbtMs]),
  [`console on demand ≤ ${BUDGET.consoleJsKB} KB`, results.console.jsKB <= BUDGET.consoleJsKB],
  // The build budget is for the real document; the scale test reports its build figures without judging them.
  ...(results.build && !OPS
    ? [
        [`build ≤ ${BUDGET.buildS} s`, results.build.seconds <= BUDGET.buildS],
        [`build ≤ ${BUDGET.buildGiB} GiB`, results.build.peakGiB <= BUDGET.buildGiB],
      ]
    : []),
];
results.checks = Object.fromEntries(checks);
console.log('\nbudgets:');
for (const [name, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}`);
const file = OPS ? `bench/results-${OPS}.json` : 'bench/results.json';
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${file}`);
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
