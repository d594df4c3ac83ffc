// Makes the app's PNG icons from its SVG, once, with Chromium (run again only
// when public/icon.svg changes, and commit the PNGs):
//   node packages/app/scripts/make-icons.mjs
// iPads and some Android launchers want PNGs: 192 and 512 px for the manifest,
// a maskable one (the lines kept inside the safe circle, the colour to the
// edges), and a 180 px apple-touch-icon with no transparency (iOS fills
// transparent corners with black and rounds the corners itself).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '../public');
const svg = readFileSync(join(PUBLIC, 'icon.svg'), 'utf8');
const lines = /<path[^>]*\/>/.exec(svg)?.[0];
if (!lines) throw new Error('public/icon.svg has no <path> to draw the lines from; update make-icons.mjs with the new drawing.');
const colour = /fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? '#1d4f91';

/** The lines on a square of colour to the edges, scaled about the centre. */
const fullBleed = (scale) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${colour}"/><g transform="translate(32 32) scale(${scale}) translate(-32 -32)">${lines}</g></svg>`;

const ICONS = [
  { file: 'icon-192.png', size: 192, svg, transparent: true },
  { file: 'icon-512.png', size: 512, svg, transparent: true },
  // Maskable: launchers may crop to a circle of 80% of the width; the lines stay well inside it.
  { file: 'icon-maskable-512.png', size: 512, svg: fullBleed(0.75), transparent: false },
  { file: 'apple-touch-icon.png', size: 180, svg: fullBleed(0.9), transparent: false },
];

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    const src = `data:image/svg+xml;base64,${Buffer.from(icon.svg).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${icon.size}" height="${icon.size}" style="display:block"></body></html>`);
    await page.locator('img').evaluate((img) => img.decode());
    writeFileSync(join(PUBLIC, icon.file), await page.screenshot({ omitBackground: icon.transparent, clip: { x: 0, y: 0, width: icon.size, height: icon.size } }));
    console.log(`wrote public/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
