/**
 * What an embedder pays for @coplan/core: `npm run bench` runs it after
 * bench/run.ts. Packs the core (as `pnpm pack` publishes it), installs the
 * tarball into an empty project from the npm registry, and sets beside it an
 * empty project with yjs alone: packages installed, size on disk, and the
 * time Node takes to import each (timed inside a fresh process per load,
 * medians of alternating runs). Needs the npm registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const here = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(os.tmpdir(), 'coplan-install-'));

/** Runs a command quietly and returns its output. */
function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** An empty project with `deps` installed from the registry. */
function project(name: string, deps: string[]): string {
  const dir = join(work, name);
  run('mkdir', ['-p', dir], work);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...deps], dir);
  return dir;
}

/** Every package under node_modules (scoped ones included). */
function packagesIn(dir: string): string[] {
  const nm = join(dir, 'node_modules');
  const out: string[] = [];
  for (const name of readdirSync(nm)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) for (const sub of readdirSync(join(nm, name))) out.push(`${name}/${sub}`);
    else out.push(name);
  }
  return out.sort();
}

/** Bytes on disk under a folder (file sizes, not blocks). */
function sizeOf(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, f) => n + sizeOf(join(path, f)), 0);
}

/** Milliseconds a fresh Node process takes to import `specifier` (timed inside it, so process start-up is left out). */
function loadTime(dir: string, specifier: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loading ${specifier} failed: ${r.stderr}`);
  return Number(r.stdout);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const tarball = run('npx', ['--yes', 'pnpm@10.34.8', 'pack', '--pack-destination', work], here).trim().split('\n').pop()!;
const core = project('with-core', [tarball, 'yjs']);
const yjs = project('with-yjs', ['yjs']);

const corePackages = packagesIn(core);
const yjsPackages = packagesIn(yjs);
const mb = (dir: string) => sizeOf(join(dir, 'node_modules')) / 1024 / 1024;

const times = { core: [] as number[], yjs: [] as number[] };
for (let i = 0; i < 21; i++) {
  times.yjs.push(loadTime(yjs, 'yjs'));
  times.core.push(loadTime(core, '@coplan/core'));
}
const coreMs = median(times.core);
const yjsMs = median(times.yjs);

console.log(`\n@coplan/core installed into an empty project — ${new Date().toISOString()}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}\n`);
console.log('| measure | @coplan/core + yjs | yjs alone | ratio | goal |\n|---|---|---|---|---|');
console.log(`| packages installed | ${corePackages.length} (${corePackages.join(', ')}) | ${yjsPackages.length} (${yjsPackages.join(', ')}) | | at most 6 |`);
console.log(`| size on disk | ${mb(core).toFixed(1)} MB | ${mb(yjs).toFixed(1)} MB | ${(mb(core) / mb(yjs)).toFixed(2)}x | at most 15 MB |`);
console.log(`| load in Node (\`await import\` in a fresh process, median of 21) | ${coreMs.toFixed(1)} ms | ${yjsMs.toFixed(1)} ms | ${(coreMs / yjsMs).toFixed(2)}x | at most 1.5x |`);
