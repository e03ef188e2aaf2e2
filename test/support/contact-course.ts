import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/connect';
import { conversations, jobseekers, organisations, spells, staff, units } from '../../src/db/schema';

export type TestConversation = {
  type?: string;
  label?: string;
  mandatory?: boolean;
  status?: 'planned' | 'booked' | 'held' | 'no_show' | 'cancelled' | 'exempted' | 'superseded';
  earliest?: string | null;
  latest?: string | null;
  scheduledAt?: Date | null;
  heldOn?: string | null;
  exemptionReason?: string | null;
  caseworkerId?: string | null;
};

export type TestSpell = {
  organisationId: string;
  jobseekerId: string;
  caseworkerId?: string | null;
  unitId?: string | null;
  startDate: string;
  registrationDate?: string;
  kind?: 'unemployment' | 'notice';
  status?: 'active' | 'ended';
  endDate?: string | null;
  endReason?: string | null;
  segment?: string | null;
  targetGroup?: string;
  passed410On?: string | null;
  conversations?: TestConversation[];
};

/**
 * Writes a spell and its conversations straight into the database, for tests that need
 * contact-course data without going through the spell and conversation APIs.
 */
export async function insertSpellWithConversations(db: Database, input: TestSpell): Promise<{ spellId: string; conversationIds: string[] }> {
  const spellId = randomUUID();
  await db.insert(spells).values({
    id: spellId,
    organisationId: input.organisationId,
    jobseekerId: input.jobseekerId,
    kind: input.kind ?? 'unemployment',
    startDate: input.startDate,
    registrationDate: input.registrationDate ?? input.startDate,
    targetGroup: input.targetGroup ?? 'dagpenge',
    unitId: input.unitId ?? null,
    caseworkerId: input.caseworkerId ?? null,
    segment: input.segment === undefined ? 'hk-1' : input.segment,
    status: input.status ?? 'active',
    endDate: input.endDate ?? null,
    endReason: input.endReason ?? null,
    passed410On: input.passed410On ?? null,
  });
  const conversationIds: string[] = [];
  const rows = (input.conversations ?? []).map((c) => {
    const id = randomUUID();
    conversationIds.push(id);
    return {
      id,
      organisationId: input.organisationId,
      spellId,
      type: c.type ?? 'contact',
      label: c.label ?? (c.type === 'cv_contact' ? 'CV-samtale' : 'Kontaktsamtale'),
      mandatory: c.mandatory ?? true,
      plannedMode: 'any',
      earliest: c.earliest === undefined ? input.startDate : c.earliest,
      latest: c.latest ?? null,
      status: c.status ?? 'planned',
      scheduledAt: c.scheduledAt ?? null,
      heldOn: c.heldOn ?? null,
      exemptionReason: c.exemptionReason ?? (c.status === 'exempted' ? 'Konkret vurdering' : null),
      caseworkerId: c.caseworkerId ?? input.caseworkerId ?? null,
    };
  });
  if (rows.length > 0) await db.insert(conversations).values(rows);
  return { spellId, conversationIds };
}

export type DemoOrganisation = {
  id: string;
  units: { id: string; name: string }[];
  /** Staff by e-mail. */
  staff: Record<string, { id: string; unitId: string | null; name: string }>;
  jobseekerIds: string[];
};

/** Ids of the demo organisation with this name: its units, staff by e-mail, jobseekers by name. */
export async function findDemoOrganisation(db: Database, name: 'Demo A-kasse' | 'Demo Jobcenter'): Promise<DemoOrganisation> {
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
  if (!org) throw new Error(`no organisation ${name}`);
  const unitRows = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.organisationId, org.id)).orderBy(asc(units.name));
  const staffRows = await db.select({ id: staff.id, email: staff.email, unitId: staff.unitId, name: staff.name }).from(staff).where(eq(staff.organisationId, org.id));
  const people = await db
    .select({ id: jobseekers.id })
    .from(jobseekers)
    .where(and(eq(jobseekers.organisationId, org.id)))
    .orderBy(asc(jobseekers.lastName), asc(jobseekers.firstName), asc(jobseekers.id));
  return {
    id: org.id,
    units: unitRows,
    staff: Object.fromEntries(staffRows.map((s) => [s.email, { id: s.id, unitId: s.unitId, name: s.name }])),
    jobseekerIds: people.map((p) => p.id),
  };
}

/**
 * Empties the contact-course tables (spells and everything hanging on them, tasks, outbox) of
 * this test file's database, so a test can build an exact set of spells on top of the demo data.
 */
export async function clearContactCourseData(db: Database): Promise<void> {
  await db.execute(sql`truncate table spells, tasks, outbox cascade`);
}
