import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { DbExecutor } from './connect';

// Bulk loading (synthetic data, benchmarks): one INSERT … SELECT FROM unnest($1::uuid[], …) per
// batch, one array parameter per column. A multi-row VALUES list costs a parameter per cell
// (a 2,000-row batch of jobseekers is 36,000 of them) and the query builder's time per cell;
// with unnest, PostgreSQL parses one short statement and the driver sends 18 arrays.

/** PostgreSQL's text form of a one-dimensional text array, every element quoted. */
export function toArrayLiteral(items: readonly (string | null)[]): string {
  return `{${items.map((s) => (s === null ? 'NULL' : `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

function cell(column: PgColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.columnType === 'PgArray') return toArrayLiteral(value as string[]);
  if (value instanceof Date) return value.toISOString();
  if (column.columnType === 'PgJsonb' || column.columnType === 'PgJson') return JSON.stringify(value);
  return value;
}

/**
 * Inserts rows of the table's insert type. The columns are those of the first row (the same set
 * must be set in every row); the rest take their defaults. Values are not converted by drizzle's
 * mappers beyond dates, arrays and JSON, which is all the bulk loaders need.
 */
export async function bulkInsert<T extends PgTable>(db: DbExecutor, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]!).filter((k) => columns[k]);
  const names = keys.map((k) => columns[k]!.name);
  const params: SQL[] = keys.map((k) => {
    const column = columns[k]!;
    const values = rows.map((r) => cell(column, (r as Record<string, unknown>)[k]));
    // Array columns travel as text holding the array literal, then are cast back.
    const type = column.columnType === 'PgArray' ? 'text' : column.getSQLType();
    return sql`${sql.param(values)}::${sql.raw(type)}[]`;
  });
  const selects = keys.map((k, i) => {
    const column = columns[k]!;
    return column.columnType === 'PgArray' ? sql.raw(`c${i}::${column.getSQLType()}`) : sql.raw(`c${i}`);
  });
  const tableName = getTableConfig(table).name;
  await db.execute(
    sql`insert into ${sql.identifier(tableName)} (${sql.join(names.map((n) => sql.identifier(n)), sql`, `)}) select ${sql.join(selects, sql`, `)} from unnest(${sql.join(params, sql`, `)}) as u(${sql.raw(keys.map((_, i) => `c${i}`).join(', '))})`,
  );
}
