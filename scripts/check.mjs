// `npm run check`: type-checks every tsconfig (tests included), runs Biome
// (lint and format, writing nothing) and the dependency rules (the core's
// layers, no cycles, the package boundaries). Runs every step, then fails if
// any failed, so one run shows everything to fix. Expects a build (`npm run
// check` builds first): packages type-check against each other's dist.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const tsconfigs = [
  ...readdirSync('packages')
    .map((p) => `packages/${p}/tsconfig.json`)
    .filter(existsSync),
  'test/tsconfig.json',
];

const steps = [
  ...tsconfigs.map((config) => ({ name: `types: ${config}`, command: ['tsc', '-p', config, '--noEmit'] })),
  { name: 'biome: lint and format', command: ['biome', 'ci', '.'] },
  {
    name: 'layers and boundaries',
    command: [
      'depcruise',
      '--config',
      '.dependency-cruiser.cjs',
      'packages/core/src',
      'packages/import/src',
      'packages/publish/src',
      'packages/seeds/src',
      'packages/cli/src',
      'packages/app/src',
      'packages/sync-server/src',
    ],
  },
];

const failed = [];
for (const { name, command } of steps) {
  const [bin, ...args] = command;
  const run = spawnSync('npx', ['--no-install', bin, ...args], { stdio: 'inherit' });
  console.log(`[check] ${run.status === 0 ? 'ok  ' : 'FAIL'} ${name}`);
  if (run.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`[check] ${failed.length} of ${steps.length} checks failed: ${failed.join('; ')}`);
  process.exit(1);
}
console.log(`[check] all ${steps.length} checks passed`);
