import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { benefitHours, conversations, jobseekers, orgTemplates, segmentAssessments, spells, staff, tasks, units } from '../../db/schema';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';

export type SpellRow = typeof spells.$inferSelect;

export async function findSpell(db: DbExecutor, ctx: TenantContext, id: string): Promise<SpellRow | undefined> {
  const [row] = await db.select().from(spells).where(inTenant(spells, ctx, eq(spells.id, id)));
  return row;
}

export async function findActiveSpellOfJobseeker(db: DbExecutor, ctx: TenantContext, jobseekerId: string, exceptId?: string) {
  const [row] = await db
    .select({ id: spells.id })
    .from(spells)
    .where(inTenant(spells, ctx, eq(spells.jobseekerId, jobseekerId), eq(spells.status, 'active'), exceptId ? ne(spells.id, exceptId) : undefined));
  return row;
}

export async function listSpellsOfJobseeker(db: DbExecutor, ctx: TenantContext, jobseekerId: string) {
  return db.select().from(spells).where(inTenant(spells, ctx, eq(spells.jobseekerId, jobseekerId))).orderBy(desc(spells.startDate));
}

export async function findJobseekerBasics(db: DbExecutor, ctx: TenantContext, id: string) {
  const [row] = await db
    .select({ id: jobseekers.id, firstName: jobseekers.firstName, lastName: jobseekers.lastName, birthDate: jobseekers.birthDate, cprCiphertext: jobseekers.cprCiphertext, educationLevel: jobseekers.educationLevel })
    .from(jobseekers)
    .where(inTenant(jobseekers, ctx, eq(jobseekers.id, id)));
  return row;
}

export async function findStaffInOrg(db: DbExecutor, ctx: TenantContext, id: string) {
  const [row] = await db.select({ id: staff.id, role: staff.role, active: staff.active, unitId: staff.unitId }).from(staff).where(inTenant(staff, ctx, eq(staff.id, id)));
  return row;
}

export async function findUnitInOrg(db: DbExecutor, ctx: TenantContext, id: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(inTenant(units, ctx, eq(units.id, id)));
  return row;
}

export async function findTemplateSummary(db: DbExecutor, ctx: TenantContext, id: string | null) {
  if (!id) return null;
  const [row] = await db
    .select({ id: orgTemplates.id, key: orgTemplates.key, version: orgTemplates.version, definition: orgTemplates.definition })
    .from(orgTemplates)
    .where(inTenant(orgTemplates, ctx, eq(orgTemplates.id, id)));
  return row ? { id: row.id, key: row.key, version: row.version, name: String(row.definition.name ?? row.key), handover: row.definition.handover as { kind: string } } : null;
}

export async function listConversationsOfSpell(db: DbExecutor, ctx: TenantContext, spellId: string) {
  return db
    .select()
    .from(conversations)
    .where(inTenant(conversations, ctx, eq(conversations.spellId, spellId)))
    .orderBy(asc(conversations.latest), asc(conversations.scheduledAt), asc(conversations.createdAt));
}

export async function listAssessments(db: DbExecutor, ctx: TenantContext, spellId: string) {
  return db
    .select({
      id: segmentAssessments.id,
      chosenSegment: segmentAssessments.chosenSegment,
      suggestedSegment: segmentAssessments.suggestedSegment,
      overridden: segmentAssessments.overridden,
      reason: segmentAssessments.reason,
      probability: segmentAssessments.probability,
      band: segmentAssessments.band,
      decidedAt: segmentAssessments.decidedAt,
      decidedByName: staff.name,
      score: segmentAssessments.score,
    })
    .from(segmentAssessments)
    .leftJoin(staff, eq(staff.id, segmentAssessments.decidedBy))
    .where(inTenant(segmentAssessments, ctx, eq(segmentAssessments.spellId, spellId)))
    .orderBy(desc(segmentAssessments.decidedAt));
}

export async function listBenefitHours(db: DbExecutor, ctx: TenantContext, spellId: string) {
  return db
    .select({ month: benefitHours.month, hours: benefitHours.hours })
    .from(benefitHours)
    .where(inTenant(benefitHours, ctx, eq(benefitHours.spellId, spellId)))
    .orderBy(asc(benefitHours.month));
}

export async function listOpenTasksOfSpell(db: DbExecutor, ctx: TenantContext, spellId: string) {
  return db
    .select({ id: tasks.id, kind: tasks.kind, title: tasks.title, dueDate: tasks.dueDate, assigneeId: tasks.assigneeId })
    .from(tasks)
    .where(and(inTenant(tasks, ctx, eq(tasks.spellId, spellId), eq(tasks.status, 'open'))))
    .orderBy(asc(tasks.dueDate));
}
