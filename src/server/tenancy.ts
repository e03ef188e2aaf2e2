import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TenantContext } from './context';

/**
 * The one place a query is confined to the caller's organisation. Every query on a table with
 * personal data builds its WHERE through this, so no route can forget the tenant.
 */
export function inTenant(table: { organisationId: PgColumn }, ctx: Pick<TenantContext, 'organisationId'>, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.organisationId, ctx.organisationId), ...conditions) as SQL;
}
