import type { SQL } from 'drizzle-orm';
import type { DbExecutor } from './connect';

/**
 * The rows of a hand-written query as the driver gives them: dates as ISO strings, arrays as
 * arrays, numbers as numbers (both PostgreSQL and PGlite). For hot paths only, where the query
 * builder's per-cell mapping costs more than the query itself: the candidate pre-filter reads
 * thousands of rows per request, and mapping them took twice as long as the index scan.
 */
export async function rawRows<T>(db: DbExecutor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
