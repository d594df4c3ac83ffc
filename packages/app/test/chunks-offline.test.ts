import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the benches, without types
import { jsSizes } from '../bench/js-size.mjs';

/** The built app, as the relay serves it (`npm run build` makes it). */
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

describe('the chunks that load on demand', () => {
  const built = existsSync(join(DIST, 'sw.js'));

  it('the app has been built (npm run build), so its chunks can be checked', () => {
    expect(built).toBe(true);
  });

  it.runIf(built)('the service worker precaches every chunk, so each tab, dialog and tool loaded on demand works offline', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const chunks = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    expect(chunks.filter((f) => !sw.includes(`assets/${f}`))).toEqual([]);
    expect(chunks.length).toBeGreaterThan(10);
  });

  it.runIf(built)('opening a plan fetches none of the tabs, dialogs, tools or Plan-tab extras that load on demand, nor the list of plans', () => {
    const { planChunks } = jsSizes(DIST) as { planChunks: string[] };
    const deferred = [
      'plan-list',
      'local-copy',
      'plan-extras',
      'plan-files',
      'import-dialog',
      'share-dialog',
      'publish',
      'register-view',
      'dashboard-view',
      'scorecard-view',
      'versions-view',
      'leads-view',
      'reports-view',
      'governance-view',
      'plan-details',
      'plan-search',
      'action-filters',
      'work-in-the-bin-notice',
      'item-menu',
    ];
    // The app's source files in those chunks, from their source maps.
    const sources = planChunks
      .filter((f) => existsSync(join(DIST, `${f}.map`))) // the bundler's runtime has none
      .flatMap((f) => (JSON.parse(readFileSync(join(DIST, `${f}.map`), 'utf8')) as { sources: string[] }).sources)
      .filter((s) => /\/src\/(components|items|state)\//.test(s));
    const names = sources.map((s) => s.replace(/^.*\//, '').replace(/\.ts$/, ''));
    expect(names).toContain('plan-view');
    expect(names.filter((name) => deferred.includes(name))).toEqual([]);
  });
});
