// Installs the system packages the tests need from Debian when they are missing:
// Chromium for the browser tests (Playwright's own download cannot be used) and
// PostgreSQL for the relay's database tests (they start throwaway clusters of their own).
// Run by `npm test` and `.ci/run`. Needs root and apt-get; otherwise it says what to install.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
const hasPostgres = () => {
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((v) => existsSync(join(root, v, 'bin', 'postgres')));
};

const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!hasPostgres()) missing.push('postgresql');

if (missing.length) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  const command = `apt-get install -y ${missing.join(' ')}`;
  if (!isRoot || !hasApt) {
    console.warn(
      `[coplan] missing for the tests: ${missing.join(', ')}. Install with \`${command}\` (Debian/Ubuntu, as root); browser tests are skipped without Chromium, database tests fail without PostgreSQL.`,
    );
  } else {
    console.log(`[coplan] installing ${missing.join(' and ')} from Debian for the tests`);
    try {
      execSync('apt-get update -qq', { stdio: 'inherit' });
      execSync(`${command} -qq`, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (e) {
      console.warn(`[coplan] could not install ${missing.join(', ')} (${e.message.split('\n')[0]}); run \`${command}\` yourself.`);
    }
  }
}
