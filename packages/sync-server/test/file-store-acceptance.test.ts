import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'node:fs/promises';
import { FileStore, type FileIo } from '../src/store/file-store.js';
import { runPlanStoreTests } from './store-acceptance.js';

runPlanStoreTests('the file store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'coplan-store-acceptance-'));
  let broken = false;
  // A disk that fills up: each write puts down half its bytes, then fails with ENOSPC.
  const io: FileIo = {
    async open(path, flags) {
      const file = await open(path, flags);
      const write = file.write.bind(file) as (b: Uint8Array, o: number, l: number) => Promise<{ bytesWritten: number }>;
      return Object.assign(file, {
        write: async (buffer: Uint8Array, offset: number, length: number) => {
          if (!broken) return write(buffer, offset, length);
          await write(buffer, offset, Math.floor(length / 2));
          throw Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' });
        },
      });
    },
  };
  return {
    open: async () => new FileStore(dir, io),
    childArgs: ['file', dir],
    async breakWrites() {
      broken = true;
      return async () => {
        broken = false;
      };
    },
  };
});
