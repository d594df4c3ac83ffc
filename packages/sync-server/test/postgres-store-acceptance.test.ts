import pg from 'pg';
import { PostgresStore } from '../src/store/postgres-store.js';
import { usePostgres } from './use-postgres.js';
import { runPlanStoreTests } from './store-acceptance.js';

const postgres = usePostgres();

runPlanStoreTests('PostgreSQL', async () => {
  const url = await postgres.database();
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  return {
    open: () => PostgresStore.open(url),
    childArgs: ['postgres', url],
    // The database refuses a row part-way through the transaction, after the rows before it went in.
    async breakWrites() {
      await admin(`CREATE OR REPLACE FUNCTION coplan_test_refuse() RETURNS trigger AS $$ BEGIN IF length(NEW.data) > 1000 THEN RAISE EXCEPTION 'could not extend file: No space left on device (injected)'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER coplan_test_refuse BEFORE INSERT ON coplan_updates FOR EACH ROW EXECUTE FUNCTION coplan_test_refuse();`);
      return () => admin('DROP TRIGGER coplan_test_refuse ON coplan_updates');
    },
  };
});
