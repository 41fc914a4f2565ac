/**
 * Renders the raster brand images (apple-icon.png, favicon.ico's PNG source, og.png) from SVG/HTML with
 * Debian's Chromium. Run it after changing the logo: `node scripts/render-brand-images.mjs`.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const logo = readFileSync('public/logo/isotipo-factuarea.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();

async function shot(html, width, height, path) {
  await page.setViewportSize({ width, height });
  await page.setContent(`<html><body style="margin:0">${html}</body></html>`);
  writeFileSync(path, await page.screenshot({ type: 'png', omitBackground: false }));
}

await shot(
  `<div style="width:180px;height:180px;display:grid;place-items:center;background:#fff">${logo.replace('<svg', '<svg width="140" height="140"')}</div>`,
  180,
  180,
  'public/apple-icon.png',
);
await shot(
  `<div style="width:32px;height:32px">${logo.replace('<svg', '<svg width="32" height="32"')}</div>`,
  32,
  32,
  'public/favicon.png',
);
await shot(
  `<div style="width:1200px;height:630px;box-sizing:border-box;padding:80px;font-family:'DejaVu Sans',Arial,sans-serif;background:linear-gradient(160deg,#e8efff 0%,#ffffff 60%);display:flex;flex-direction:column;justify-content:space-between">
    <div style="display:flex;align-items:center;gap:20px;font-size:40px;font-weight:700;color:#0b1220">${logo.replace('<svg', '<svg width="72" height="72"')}Factuarea <span style="font-weight:400;color:#5b6474">API</span></div>
    <div style="font-size:68px;font-weight:700;line-height:1.1;color:#0b1220;max-width:980px">Spanish invoicing, from your own code.</div>
    <div style="display:flex;gap:16px;font-size:28px;color:#1550d6">IVA · IRPF · Recargo de equivalencia · VeriFactu · FACe</div>
  </div>`,
  1200,
  630,
  'public/og.png',
);
await browser.close();
console.log('wrote public/apple-icon.png, public/favicon.png, public/og.png');

// favicon.ico: an ICO container holding the 32×32 PNG (browsers ask for /favicon.ico on their own).
const png = readFileSync('public/favicon.png');
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(png.length, 14);
header.writeUInt32LE(22, 18); // offset of the image data
writeFileSync('public/favicon.ico', Buffer.concat([header, png]));
unlinkSync('public/favicon.png');
