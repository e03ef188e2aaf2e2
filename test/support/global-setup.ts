import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectDatabase } from '../../src/db/connect';
import { upsertReferenceData } from '../../src/db/seed/reference';
import { POSTGRES_ADMIN_URL, TEMPLATE_DB, templateUrl } from './db';
import { seedDemoIfEmpty } from '../../src/db/seed/demo';
import { createCprCipher } from '../../src/server/crypto/cpr-cipher';
import { TEST_CPR_KEY, TEST_TODAY } from './constants';

/**
 * Migrate and seed the demo data once per run: a PGlite data dump that each test file loads (PGlite), or a template
 * database each test file copies (PostgreSQL).
 */
export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  if (process.env.JOBSPOR_TEST_DB === 'postgres') {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const conn = await connectDatabase({ kind: 'postgres', url: templateUrl(), poolSize: 1 });
    await conn.migrate();
    await upsertReferenceData(conn.db);
    await seedDemoIfEmpty(conn.db, createCprCipher(TEST_CPR_KEY), TEST_TODAY);
    await conn.close();
    provide('pgliteDump', '');
    return async () => {
      const a = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await a.connect();
      const { rows } = await a.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $2) OR datname = $1`, [TEMPLATE_DB, `${TEMPLATE_DB}_t_`]);
      for (const row of rows) await a.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      await a.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'jobspor-test-'));
  const conn = await connectDatabase({ kind: 'pglite' });
  await conn.migrate();
  await upsertReferenceData(conn.db);
  await seedDemoIfEmpty(conn.db, createCprCipher(TEST_CPR_KEY), TEST_TODAY);
  const file = path.join(dir, 'migrated.tar.gz');
  const client = (conn.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('gzip');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await conn.close();
  provide('pgliteDump', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
