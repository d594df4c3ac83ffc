/**
 * The app's JavaScript as a person fetches it, gzipped (issue 11's figure): what the list of
 * plans needs, what opening a plan's address needs before the Plan tab is usable, and what
 * that is made of. Reads the built app (`npm run build`); used by app-bench.mjs (step 1), or
 * alone: `node packages/app/bench/app-bench.mjs --size`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { explore } from 'source-map-explorer';

const gz = (dist, file) => gzipSync(readFileSync(join(dist, file))).length;

/** The chunks a screen fetches before it runs: its own and all it imports statically (the `import`s rolldown writes). */
function staticClosure(dist, files) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) visit(join('assets', m[1]));
  };
  files.forEach(visit);
  return seen;
}

/** The built chunk whose name starts with `name-` (rolldown names a dynamic import's chunk after its module). */
function chunk(dist, name) {
  const file = readdirSync(join(dist, 'assets')).find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
  return file ? join('assets', file) : undefined;
}

/**
 * The figures: `list` (the list of plans on screen), `plan` (a plan's address until its
 * Plan tab is usable: the shell and the plan screen, not the list), `planExtras` (what the
 * Plan tab fetches just after: search, filters, About this plan, item menus), `all` (every
 * chunk, as the service worker precaches them); each in bytes gzipped, and the plan's chunks.
 */
export function jsSizes(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/src="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const sum = (files) => [...files].reduce((n, f) => n + gz(dist, f), 0);
  // Before plan-list.ts loaded on demand it was part of the entry; either way it counts for the list.
  const screen = (name) => staticClosure(dist, [...entry, ...[chunk(dist, name)].filter(Boolean)]);
  const plan = screen('plan-view');
  const extras = staticClosure(dist, [chunk(dist, 'plan-extras')].filter(Boolean));
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    list: sum(screen('plan-list')),
    plan: sum(plan),
    planExtras: sum([...extras].filter((f) => !plan.has(f))),
    all: sum(all.map((f) => join('assets', f))),
    planChunks: [...plan],
  };
}

/** Which part of the code a source file belongs to, for the breakdown. */
function partOf(source) {
  const lib = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
  if (lib) return /^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(lib) ? 'Lit' : lib;
  const core = /core\/dist\/([^/]+)\//.exec(source)?.[1];
  if (core) return `core: ${core}/`;
  const app = /src\/(components|items|editing|state)\/([^/.]+)/.exec(source);
  if (app) {
    if (app[1] === 'items' || app[1] === 'editing') return `app: ${app[1]}/`;
    return `app: ${app[2]}`;
  }
  if (source.includes('sync-server/dist')) return 'sync-server: close codes';
  return 'other (bundler runtime, PWA registration)';
}

/**
 * What the chunks are made of, in gzipped bytes: each chunk's gzipped size shared among
 * its source files in proportion to their own gzipped size (source-map-explorer's), so
 * the parts add up to the figure. Largest first.
 */
export async function breakdown(dist, files) {
  const parts = new Map();
  for (const file of files) {
    // The bundler's own runtime chunk has no source map: it is all "other".
    if (!existsSync(join(dist, `${file}.map`))) {
      const other = 'other (bundler runtime, PWA registration)';
      parts.set(other, (parts.get(other) ?? 0) + gz(dist, file));
      continue;
    }
    const result = await explore(join(dist, file), { gzip: true, noBorderChecks: true, output: { format: 'json' } });
    const sizes = Object.entries(result.bundles[0].files).filter(([source]) => !source.startsWith('['));
    const total = sizes.reduce((n, [, s]) => n + s.size, 0);
    const real = gz(dist, file);
    for (const [source, s] of sizes) parts.set(partOf(source), (parts.get(partOf(source)) ?? 0) + (s.size / total) * real);
  }
  return [...parts].sort((a, b) => b[1] - a[1]);
}
