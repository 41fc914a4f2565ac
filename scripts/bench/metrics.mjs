/**
 * One cold page load in headless Chromium at desktop size with CPU throttling: JS bytes on the wire,
 * total bytes, requests, first contentful paint, largest contentful paint and total blocking time.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const OBSERVE = () => {
  window.__perf = { lcp: 0, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

export async function measureLoad(browser, url, { cpu = 4, settleMs = 1500, afterLoad } = {}) {
  const context = await browser.newContext({ viewport: { width: 1350, height: 940 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const types = new Map();
  const bytes = new Map();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  // A renderer that builds the page in script (Scalar, at 4×) may paint only well after the network is idle.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60_000 }).catch(() => {});
  await page.waitForTimeout(settleMs);
  const perf = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const tbt = window.__perf.longTasks.filter(([start]) => start >= fcp).reduce((s, [, d]) => s + Math.max(0, d - 50), 0);
    return { fcp, lcp: window.__perf.lcp || fcp, tbt };
  });
  const sum = () => {
    let js = 0;
    let total = 0;
    for (const [id, n] of bytes) {
      total += n;
      if (types.get(id) === 'Script') js += n;
    }
    return { js, total, requests: bytes.size };
  };
  const loaded = sum();
  let extra;
  if (afterLoad) {
    await afterLoad(page);
    await page.waitForLoadState('networkidle');
    const after = sum();
    extra = { js: after.js - loaded.js, requests: after.requests - loaded.requests };
  }
  await context.close();
  return { jsKB: loaded.js / 1024, totalKB: loaded.total / 1024, requests: loaded.requests, fcp: perf.fcp, lcp: perf.lcp, tbt: perf.tbt, extra };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}
