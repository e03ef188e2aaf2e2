import { asc } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { closingDays } from '../../db/schema';
import { createWorkingCalendar, type WorkingCalendar } from '../../core/calendar/working-calendar';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';

/** The organisation's working calendar: weekends, Danish public holidays and its own closing days. */
export async function loadWorkingCalendar(db: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>): Promise<WorkingCalendar> {
  const rows = await db.select({ day: closingDays.day }).from(closingDays).where(inTenant(closingDays, ctx)).orderBy(asc(closingDays.day));
  return createWorkingCalendar({ closingDays: rows.map((r) => r.day) });
}
