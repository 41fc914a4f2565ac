import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './metrics.mjs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const url = process.argv[2];
const context = await b.newContext({ viewport: { width: 1350, height: 940 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(500);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, { ...n, self: 0 }]));
profile.samples.forEach((id, i) => (byId.get(id).self += (profile.timeDeltas[i + 1] ?? 0) / 1000));
const total = (n) => n.self + (n.children ?? []).reduce((s, c) => s + total(byId.get(c)), 0);
const label = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
function print(n, depth) {
  const t = total(n);
  if (t < Number(process.env.MIN ?? 3) || depth > Number(process.env.DEPTH ?? 12)) return;
  console.log(`${'  '.repeat(depth)}${t.toFixed(1)} ${label(n)}`);
  for (const c of n.children ?? []) print(byId.get(c), depth + 1);
}
print(byId.get(profile.nodes[0].id), 0);
await b.close();
