/**
 * Appends numbered updates to a store for ever, printing `acked N` once each
 * is acknowledged; the acceptance suite kills it with SIGKILL and checks that
 * every acknowledged update is there. Arguments: `file <dir>` or `postgres <url>`.
 */
import { FileStore } from '../src/store/file-store.js';
import { PostgresStore } from '../src/store/postgres-store.js';

const [kind, where] = process.argv.slice(2);
const store = kind === 'postgres' ? await PostgresStore.open(where!) : new FileStore(where!);
await store.load('p');
for (let i = 0; ; i++) {
  await store.append('p', [new TextEncoder().encode(`update ${i}`)]);
  process.stdout.write(`acked ${i}\n`);
}
