// Diagnostic (not part of the bench): main-thread CPU time (thread time, not wall) of each task in a cold,
// unthrottled load. "cpuTBT" = Σ max(0, 4·tdur − 50) over tasks after FCP: roughly TBT at 4× on a quiet machine,
// but steady when the machine is busy. Usage: node scripts/bench/trace-tasks.mjs <url>… (RUNS=3)
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './metrics.mjs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const url of process.argv.slice(2)) {
  const rows = [];
  for (let r = 0; r < Number(process.env.RUNS ?? 3); r++) {
    const context = await b.newContext({ viewport: { width: 1350, height: 940 } });
    const page = await context.newPage();
    await b.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'] });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const trace = JSON.parse((await b.stopTracing()).toString());
    await context.close();
    const ev = trace.traceEvents;
    const fcpEv = ev.find((e) => e.name === 'firstContentfulPaint');
    const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ev.some((x) => x.pid === e.pid && x.name === 'firstContentfulPaint'));
    const tasks = ev.filter((e) => e.name === 'RunTask' && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
    const fcp = fcpEv?.ts ?? 0;
    const total = tasks.reduce((s, t) => s + (t.tdur ?? t.dur), 0) / 1000;
    const after = tasks.filter((t) => t.ts >= fcp);
    const cpuTbt = after.reduce((s, t) => s + Math.max(0, (4 * (t.tdur ?? t.dur)) / 1000 - 50), 0);
    const inner = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name !== 'RunTask' && e.dur);
    const big = tasks.filter((t) => (t.tdur ?? t.dur) > 8000).sort((a, b) => (b.tdur ?? b.dur) - (a.tdur ?? a.dur)).slice(0, 6).map((t) => {
      const kids = inner.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
      const top = kids.filter((k) => !kids.some((o) => o !== k && o.ts <= k.ts && o.ts + o.dur >= k.ts + k.dur && o.dur > k.dur));
      const names = top.map((k) => `${k.name}${k.args?.data?.url ? ':' + k.args.data.url.split('/').pop().slice(0, 12) : ''}${k.args?.elementCount ? '#' + k.args.elementCount : ''}${k.name === 'Layout' && k.args?.beginData ? '#' + k.args.beginData.dirtyObjects + '/' + k.args.beginData.totalObjects : ''}(${((k.tdur ?? k.dur) / 1000).toFixed(0)})`).slice(0, 5).join('+');
      return `${((t.tdur ?? t.dur) / 1000).toFixed(0)}${t.ts >= fcp ? '' : '(pre)'} ${names}`;
    });
    rows.push(`cpu ${total.toFixed(0)}ms cpuTBT ${cpuTbt.toFixed(0)} \n    ${big.join('\n    ')}`);
  }
  console.log(url.replace(/^https?:\/\/[^/]+/, ''), '\n  ' + rows.join('\n  '));
}
await b.close();
