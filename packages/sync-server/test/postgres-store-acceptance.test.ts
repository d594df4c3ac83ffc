import { afterAll, beforeAll } from 'vitest';
import { PostgresStore } from '../src/store/postgres-store.js';
import { startPostgres, type PostgresCluster } from './postgres-cluster.js';
import { runPlanStoreTests } from './store-acceptance.js';

let cluster: PostgresCluster;
let n = 0;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await cluster?.remove();
});

runPlanStoreTests('PostgreSQL', async () => {
  const url = await cluster.createDatabase(`acceptance_${++n}`);
  return { open: () => PostgresStore.open(url), childArgs: ['postgres', url] };
});
