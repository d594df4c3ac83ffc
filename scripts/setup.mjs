// Installs the workspace's dependencies when they are missing or stale, so that
// `npm start` and `npm test` work on a fresh clone with only Node and npm.
// pnpm is called through npx: corepack's signature check fails on some machines.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const PNPM = 'npx --yes pnpm@10.34.8';
const marker = 'node_modules/.modules.yaml';
const lock = 'pnpm-lock.yaml';

const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);

if (stale) {
  const frozen = existsSync(lock) ? ' --frozen-lockfile' : '';
  console.log(`[coplan] installing dependencies (${PNPM} install${frozen})`);
  execSync(`${PNPM} install${frozen}`, { stdio: 'inherit' });
}
