import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../src/store/file-store.js';
import { runPlanStoreTests } from './store-acceptance.js';

runPlanStoreTests('the file store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'coplan-store-acceptance-'));
  return { open: async () => new FileStore(dir), childArgs: ['file', dir] };
});
