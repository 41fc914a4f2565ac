/**
 * Measures what a cold visitor downloads: JS bytes on the wire (gzip, until network idle, prefetches
 * included), total bytes and requests, for each URL given. Needs a running build.
 * Usage: node scripts/page-weight.mjs http://localhost:3000/ http://localhost:3000/faq
 */
import { chromium } from 'playwright-core';

export async function pageWeight(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1350, height: 940 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const types = new Map();
  const bytes = new Map();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  let js = 0;
  let total = 0;
  for (const [id, n] of bytes) {
    total += n;
    if (types.get(id) === 'Script') js += n;
  }
  await context.close();
  return { url, jsKB: +(js / 1024).toFixed(1), totalKB: +(total / 1024).toFixed(1), requests: bytes.size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const urls = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const url of urls) console.log(await pageWeight(browser, url));
  await browser.close();
}
