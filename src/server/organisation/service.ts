import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { isUniqueViolation } from '../../db/errors';
import { organisations, sessions, staff, units } from '../../db/schema';
import { hashPassword } from '../auth/service';
import type { StaffRole, TenantContext } from '../context';
import { AppError, fieldError } from '../errors';
import { inTenant } from '../tenancy';

export type NewStaff = { organisationId: string; unitId?: string | null; email: string; name: string; role: StaffRole; password: string };

/** Used by the admin screen and by `jobspor admin create-user`. */
export async function createStaffMember(db: DbExecutor, input: NewStaff): Promise<string> {
  if (input.password.length < 12) {
    throw fieldError('password', 'Adgangskoden skal have mindst 12 tegn.', 'The password must have at least 12 characters.');
  }
  if (input.unitId) {
    const [unit] = await db.select({ id: units.id }).from(units).where(and(eq(units.id, input.unitId), eq(units.organisationId, input.organisationId)));
    if (!unit) throw fieldError('unitId', 'Afdelingen findes ikke i organisationen.', 'The unit does not exist in the organisation.');
  }
  const id = randomUUID();
  try {
    await db.insert(staff).values({
      id,
      organisationId: input.organisationId,
      unitId: input.unitId ?? null,
      email: input.email.trim().toLowerCase(),
      name: input.name.trim(),
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('email_exists', { email: { da: 'E-mailadressen er allerede i brug.', en: 'The e-mail address is already in use.' } });
    throw error;
  }
  return id;
}

export async function getOrganisationOverview(db: DbExecutor, ctx: TenantContext) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, ctx.organisationId));
  if (!org) throw new AppError('not_found');
  const [unitRows, staffRows] = await Promise.all([
    db.select({ id: units.id, name: units.name }).from(units).where(inTenant(units, ctx)).orderBy(asc(units.name)),
    db
      .select({ id: staff.id, name: staff.name, email: staff.email, role: staff.role, unitId: staff.unitId, active: staff.active, totpEnabled: staff.totpEnabled })
      .from(staff)
      .where(inTenant(staff, ctx))
      .orderBy(asc(sql`lower(${staff.name})`)),
  ]);
  return { id: org.id, name: org.name, kind: org.kind, units: unitRows, staff: staffRows };
}

export async function updateStaffMember(db: DbExecutor, ctx: TenantContext, id: string, changes: { role?: StaffRole; unitId?: string | null; active?: boolean; name?: string }) {
  const [current] = await db.select({ id: staff.id }).from(staff).where(inTenant(staff, ctx, eq(staff.id, id)));
  if (!current) throw new AppError('not_found');
  if (ctx.actor.kind === 'staff' && ctx.actor.id === id && (changes.active === false || (changes.role && changes.role !== 'admin'))) {
    throw new AppError('unprocessable', { role: { da: 'Du kan ikke fjerne din egen administratoradgang.', en: 'You cannot remove your own admin access.' } });
  }
  if (changes.unitId) {
    const [unit] = await db.select({ id: units.id }).from(units).where(inTenant(units, ctx, eq(units.id, changes.unitId)));
    if (!unit) throw fieldError('unitId', 'Afdelingen findes ikke i organisationen.', 'The unit does not exist in the organisation.');
  }
  if (Object.keys(changes).length === 0) return;
  await db.update(staff).set(changes).where(inTenant(staff, ctx, eq(staff.id, id)));
  // A deactivated account loses its sessions at once.
  if (changes.active === false) await db.delete(sessions).where(eq(sessions.staffId, id));
}
