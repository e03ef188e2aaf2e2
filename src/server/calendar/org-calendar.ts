import { asc } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { closingDays } from '../../db/schema';
import { createWorkingCalendar, type WorkingCalendar } from '../../core/calendar/working-calendar';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';

/** The organisation's working calendar: weekends, public holidays and its own closing days. */
export async function loadOrgCalendar(db: DbExecutor, ctx: TenantContext): Promise<WorkingCalendar> {
  const rows = await db.select({ day: closingDays.day }).from(closingDays).where(inTenant(closingDays, ctx)).orderBy(asc(closingDays.day));
  return createWorkingCalendar({ closingDays: rows.map((r) => r.day) });
}

export function todayOf(ctx: TenantContext): string {
  return toCopenhagenIsoDate(ctx.clock.now());
}
