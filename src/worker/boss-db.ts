import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Connection } from '../db/connect';

/** What pg-boss 10 asks of a database it does not open itself (its `db` option). */
export type BossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * pg-boss on embedded PGlite: PGlite has one connection in this process and no pool, so pg-boss
 * gets an adapter over it. pg-boss sends its schema creation and migrations as one string of
 * several statements without parameters; PGlite runs those only through exec() (the simple
 * protocol), and everything with parameters through query(). PGlite queues each call behind a
 * running transaction, so a job never interleaves with a request's transaction.
 */
export function pgliteBossDb(client: PGlite): BossDb {
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return results.at(-1) ?? { rows: [] };
      }
      return client.query(text, values);
    },
  };
}

/** pg-boss on the app's own node-postgres pool, when no separate connection string is given. */
export function poolBossDb(pool: pg.Pool): BossDb {
  return { executeSql: (text, values) => pool.query(text, values as unknown[]) };
}

export function bossDbFor(connection: Connection): BossDb {
  const client = (connection.db as unknown as { $client: unknown }).$client;
  return connection.kind === 'pglite' ? pgliteBossDb(client as PGlite) : poolBossDb(client as pg.Pool);
}
