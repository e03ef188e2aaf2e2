import { sql } from 'drizzle-orm';
import type { Env } from '../env';
import { connectDatabase, type Connection } from '../db/connect';
import { lockDataDir, readOrCreateEmbeddedKey, type EmbeddedDataDir } from '../db/data-dir';
import { upsertReferenceData } from '../db/seed/reference';
import { createCprCipher, type CprCipher } from './crypto/cpr-cipher';
import { syncShippedTemplates } from './templates/sync-templates';

export type OpenedDatabase = {
  connection: Connection;
  cipher: CprCipher;
  /** Where the database lives, for the start-up message (never the password). */
  describe: string;
  close(): Promise<void>;
};

/**
 * Opens the database the environment names (PostgreSQL with DATABASE_URL, else embedded PGlite
 * under JOBSPOR_DATA_DIR, locked), brings its schema up to date and loads the reference data.
 */
export async function openDatabase(env: Env): Promise<OpenedDatabase> {
  let dataDir: EmbeddedDataDir | null = null;
  let connection: Connection;
  let key = env.JOBSPOR_CPR_KEY;
  let describe: string;
  if (env.DATABASE_URL) {
    if (!key) throw new Error('JOBSPOR_CPR_KEY is required with DATABASE_URL (32 random bytes, base64: `openssl rand -base64 32`).');
    connection = await connectDatabase({ kind: 'postgres', url: env.DATABASE_URL });
    const url = new URL(env.DATABASE_URL);
    describe = `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } else {
    dataDir = await lockDataDir(env.JOBSPOR_DATA_DIR);
    key ??= readOrCreateEmbeddedKey(dataDir.root);
    connection = await connectDatabase({ kind: 'pglite', dataDir: dataDir.pgDir });
    describe = `embedded PGlite in ${dataDir.pgDir}`;
  }
  try {
    await connection.migrate();
    await upsertReferenceData(connection.db);
    await syncShippedTemplates(connection.db);
    // PGlite has no autovacuum: without statistics the planner picks nested loops that take minutes.
    if (connection.kind === 'pglite') await connection.db.execute(sql`analyze`);
  } catch (error) {
    await connection.close().catch(() => undefined);
    await dataDir?.release().catch(() => undefined);
    throw error;
  }
  return {
    connection,
    cipher: createCprCipher(key),
    describe,
    async close() {
      await connection.close();
      await dataDir?.release();
    },
  };
}

export function demoWanted(env: Env, kind: Connection['kind']): boolean {
  if (env.JOBSPOR_DEMO) return env.JOBSPOR_DEMO === 'true';
  return kind === 'pglite';
}
