import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type Connection } from '../../src/db/connect';

export const POSTGRES_ADMIN_URL = process.env.JOBSPOR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// Overridable so several checkouts can run the PostgreSQL suite on one server at once.
export const TEMPLATE_DB = process.env.JOBSPOR_TEST_TEMPLATE_DB ?? 'jobspor_template';

export function templateUrl(name = TEMPLATE_DB): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}

export const testDatabaseKind: 'pglite' | 'postgres' = process.env.JOBSPOR_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** A fresh, migrated database for one test file: a copy of the template, on the kind this run uses. */
export async function createTestDatabase(): Promise<Connection> {
  if (testDatabaseKind === 'postgres') {
    const name = `${TEMPLATE_DB}_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    await admin.end();
    const conn = await connectDatabase({ kind: 'postgres', url: templateUrl(name), poolSize: 10 });
    return {
      ...conn,
      async close() {
        await conn.close();
        const a = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteDump'));
  return connectDatabase({ kind: 'pglite', loadDataDir: new Blob([dump]) });
}
