// `npm start`: runs the relay with the demo plan, serving the built app.
// The relay's entry is read from its package.json `bin`, so this file never
// needs to know how the server is laid out.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = join(root, 'packages/sync-server');
const pkg = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8'));
const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin && Object.values(pkg.bin)[0];
if (!bin || !existsSync(join(serverDir, bin))) {
  console.error('[coplan] the relay is not built yet (packages/sync-server has no bin); run `npm run build`.');
  process.exit(1);
}
const args = [join(serverDir, bin), '--demo', '--data-dir', join(root, 'data'), ...process.argv.slice(2)];
const appDist = join(root, 'packages/app/dist');
if (existsSync(appDist)) args.push('--static', appDist);
const child = spawn(process.execPath, args, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
