import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The built app, as the relay serves it (`npm run build` makes it). */
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** A PNG's width and height, read from its header (the IHDR chunk); refuses a file that is not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is not a PNG`).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('installable on an iPad and on Android', () => {
  const built = existsSync(join(DIST, 'manifest.webmanifest'));

  it('the app has been built (npm run build), so its manifest can be checked', () => {
    expect(built).toBe(true);
  });

  it.runIf(built)('the manifest lists PNG icons of 192 and 512 px and a maskable one, each file there at the size it claims', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8')) as { icons: Array<{ src: string; sizes: string; type: string; purpose?: string }> };
    const pngs = manifest.icons.filter((i) => i.type === 'image/png');
    expect(pngs.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of pngs) {
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(pngSize(join(DIST, icon.src)), icon.src).toEqual({ width, height });
    }
  });

  it.runIf(built)('the page links a 180 px apple-touch-icon, and the file is that size', () => {
    const page = readFileSync(join(DIST, 'index.html'), 'utf8');
    const link = /<link rel="apple-touch-icon" href="\/([^"]+)" sizes="180x180"/.exec(page);
    expect(link, 'index.html links no 180x180 apple-touch-icon').not.toBeNull();
    expect(pngSize(join(DIST, link![1]!))).toEqual({ width: 180, height: 180 });
  });
});
