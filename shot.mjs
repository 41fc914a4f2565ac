import { chromium } from 'playwright-core';
const [, , url, out, dark] = process.argv;
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const ctx = await b.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme: dark ? 'dark' : 'light' });
const p = await ctx.newPage();
p.on('console', (m) => {
  if (m.type() === 'error') console.log('console', m.text(), m.location().url);
});
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto(url, { waitUntil: 'networkidle' });
await p.screenshot({ path: out, fullPage: false });
await b.close();
