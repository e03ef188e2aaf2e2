import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/connect';
import type { RegisteredRoute } from '../../src/server/app';

/** The API routes as the app registered them (documentation and health routes left out). */
export function apiRoutes(app: FastifyInstance): RegisteredRoute[] {
  return app.routeList.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD');
}

export function exampleBody(route: RegisteredRoute): unknown {
  const schema = route.schema?.body as { meta?: () => { examples?: unknown[] } | undefined } | undefined;
  return schema?.meta?.()?.examples?.[0];
}

export function fillParams(url: string, value: string): string {
  return url.replace(/:[A-Za-z]+/g, value);
}

/** Every uuid id of every row an organisation owns, found through the organisation_id columns. */
export async function idsOwnedBy(db: Database, organisationId: string, perTable = 3): Promise<{ table: string; id: string }[]> {
  const tables = (await db.execute(sql`
    select c.table_name from information_schema.columns c
    join information_schema.columns i on i.table_name = c.table_name and i.table_schema = c.table_schema and i.column_name = 'id' and i.data_type = 'uuid'
    where c.column_name = 'organisation_id' and c.table_schema = 'public'
    order by c.table_name`)) as unknown as { rows: { table_name: string }[] };
  const result: { table: string; id: string }[] = [{ table: 'organisations', id: organisationId }];
  for (const { table_name } of tables.rows) {
    const rows = (await db.execute(sql`select id::text as id from ${sql.identifier(table_name)} where organisation_id = ${organisationId} order by id limit ${perTable}`)) as unknown as {
      rows: { id: string }[];
    };
    for (const row of rows.rows) result.push({ table: table_name, id: row.id });
  }
  return result;
}

/** Row counts of every table in the schema, in one query, to prove a rejected request wrote nothing. */
export async function rowCounts(db: Database, except: string[] = []): Promise<Record<string, number>> {
  tableNames ??= (
    (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)) as unknown as {
      rows: { table_name: string }[];
    }
  ).rows.map((r) => r.table_name);
  const tables = tableNames.filter((t) => !except.includes(t));
  const union = sql.join(
    tables.map((t) => sql`select ${t}::text as t, count(*)::int as n from ${sql.identifier(t)}`),
    sql` union all `,
  );
  const result = (await db.execute(union)) as unknown as { rows: { t: string; n: number }[] };
  return Object.fromEntries(result.rows.map((r) => [r.t, r.n]));
}

let tableNames: string[] | undefined;
