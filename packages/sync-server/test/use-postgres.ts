import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type PostgresCluster } from './postgres-cluster.js';

/**
 * A throwaway cluster for the test file or `describe` block it is called in:
 * started before its tests and removed after them. Each call of the returned
 * function makes a fresh, empty database and resolves with its URL.
 */
export function usePostgres(): { database(): Promise<string>; cluster(): PostgresCluster } {
  let cluster: PostgresCluster | null = null;
  let n = 0;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.remove();
  });
  return { database: () => cluster!.createDatabase(`test_${++n}`), cluster: () => cluster! };
}
