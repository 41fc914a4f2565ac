import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, measureLoad } from '/work/main/scripts/bench/metrics.mjs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const u of process.argv.slice(2)) {
  const r = [];
  for (let i = 0; i < Number(process.env.RUNS ?? 3); i++) r.push(await measureLoad(b, u));
  console.log(u, r.map((x) => `fcp ${x.fcp.toFixed(0)} lcp ${x.lcp.toFixed(0)} tbt ${x.tbt.toFixed(0)} js ${x.jsKB.toFixed(1)}`).join(' | '));
}
await b.close();
