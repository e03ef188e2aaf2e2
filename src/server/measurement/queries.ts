import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { attendance, businessActivities, conversations, initiatives, jobOrders, jobProposals, joblogEntries, jobseekers, markers, orgTemplates, profilingResponses, scorecardRows, scorecards, scorecardSnapshots, spellMarkers, spells, wageHours } from '../../db/schema';
import { ZIndicatorDefinition, type IndicatorJoblogEntry, type IndicatorPlacement, type IndicatorSpell, type TIndicatorDefinition } from '../../core/indicators';
import { hireOutcome, type IndicatorBusinessActivity } from '../../core/business-activities';
import type { IndicatorWageHours } from '../../core/wage-hours';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';

type Tenant = Pick<TenantContext, 'organisationId'>;

export type LibraryIndicator = { definition: TIndicatorDefinition; version: number; templateId: string; active: boolean };

/** The newest version of each of the organisation's indicator definitions, by code. */
export async function loadIndicatorLibrary(db: DbExecutor, ctx: Tenant): Promise<Map<string, LibraryIndicator>> {
  const rows = await db
    .selectDistinctOn([orgTemplates.key], { id: orgTemplates.id, key: orgTemplates.key, version: orgTemplates.version, definition: orgTemplates.definition, active: orgTemplates.active })
    .from(orgTemplates)
    .where(inTenant(orgTemplates, ctx, eq(orgTemplates.kind, 'indicator')))
    .orderBy(orgTemplates.key, desc(orgTemplates.version));
  const library = new Map<string, LibraryIndicator>();
  for (const row of rows) {
    const parsed = ZIndicatorDefinition.safeParse(row.definition);
    if (parsed.success) library.set(row.key, { definition: parsed.data, version: row.version, templateId: row.id, active: row.active });
  }
  return library;
}

const copenhagenDate = (column: unknown) => sql<string | null>`to_char((${column}) at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`;

/**
 * Every spell of the organisation with what the indicators read: a few queries, whatever the
 * number of spells. Measurement works on these plain rows; no personal data leaves here except
 * ids, birth dates and municipalities, which stay inside the computation.
 */
export async function loadIndicatorSpells(db: DbExecutor, ctx: Tenant): Promise<IndicatorSpell[]> {
  const spellRows = await db
    .select({
      id: spells.id,
      jobseekerId: spells.jobseekerId,
      kind: spells.kind,
      startDate: spells.startDate,
      endDate: spells.endDate,
      endReason: spells.endReason,
      noticeEndDate: spells.noticeEndDate,
      targetGroup: spells.targetGroup,
      unitId: spells.unitId,
      caseworkerId: spells.caseworkerId,
      segment: spells.segment,
      birthDate: jobseekers.birthDate,
      municipalityCode: jobseekers.municipalityCode,
    })
    .from(spells)
    .innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId))
    .where(inTenant(spells, ctx));
  const talkRows = await db
    .select({
      spellId: conversations.spellId,
      type: conversations.type,
      status: conversations.status,
      mandatory: conversations.mandatory,
      selfBooked: conversations.selfBooked,
      heldOn: conversations.heldOn,
      // The first booking event; a talk with a time but no event (imported) counts from when it was registered.
      bookedOn: copenhagenDate(
        sql`coalesce((select min(e.at) from conversation_events e where e.conversation_id = ${conversations.id} and e.kind = 'booked'), case when ${conversations.scheduledAt} is not null then ${conversations.createdAt} end)`,
      ),
      jobsPresented: sql<number>`coalesce(jsonb_array_length(${conversations.jobsPresented}), 0)::int`,
    })
    .from(conversations)
    .where(inTenant(conversations, ctx));
  const profiled = await db
    .select({ spellId: profilingResponses.spellId, first: copenhagenDate(sql`min(${profilingResponses.answeredAt})`) })
    .from(profilingResponses)
    .where(inTenant(profilingResponses, ctx))
    .groupBy(profilingResponses.spellId);
  const marks = await db.select({ spellId: spellMarkers.spellId, markerId: spellMarkers.markerId, markedOn: spellMarkers.markedOn }).from(spellMarkers).where(inTenant(spellMarkers, ctx));

  const joblog = await db
    .select({ jobseekerId: joblogEntries.jobseekerId, date: joblogEntries.date, kind: joblogEntries.kind, recordedOn: copenhagenDate(joblogEntries.createdAt), createdByKind: joblogEntries.createdByKind })
    .from(joblogEntries)
    .where(inTenant(joblogEntries, ctx));
  const joblogOf = new Map<string, IndicatorJoblogEntry[]>();
  for (const e of joblog) {
    const list = joblogOf.get(e.jobseekerId) ?? [];
    list.push({ date: e.date, kind: e.kind, recordedOn: e.recordedOn ?? e.date, byJobseeker: e.createdByKind === 'jobseeker' });
    joblogOf.set(e.jobseekerId, list);
  }

  // Hires into a job through job brokering, on the spell the hire ended. A hire on a wage subsidy
  // or a work trial is a business-oriented activity (below), not a placement.
  const hires = await db
    .select({ spellId: jobProposals.spellId, orderKind: jobOrders.kind, startDate: jobProposals.hiredStartDate, recordedOn: copenhagenDate(jobProposals.hiredAt) })
    .from(jobProposals)
    .innerJoin(jobOrders, eq(jobOrders.id, jobProposals.jobOrderId))
    .where(inTenant(jobProposals, ctx, eq(jobProposals.step, 'hired')));
  const placementsOf = new Map<string, IndicatorPlacement[]>();
  for (const h of hires) {
    if (!h.startDate || !h.recordedOn || hireOutcome(h.orderKind).type !== 'ordinary_job') continue;
    const list = placementsOf.get(h.spellId) ?? [];
    list.push({ startDate: h.startDate, recordedOn: h.recordedOn });
    placementsOf.set(h.spellId, list);
  }

  const attended = await db
    .select({ jobseekerId: attendance.jobseekerId, day: attendance.day, recordedOn: copenhagenDate(attendance.recordedAt) })
    .from(attendance)
    .where(inTenant(attendance, ctx, eq(attendance.status, 'present')));
  const attendedOf = new Map<string, { day: string; recordedOn: string }[]>();
  for (const a of attended) {
    if (!a.jobseekerId) continue;
    const list = attendedOf.get(a.jobseekerId) ?? [];
    list.push({ day: a.day, recordedOn: a.recordedOn ?? a.day });
    attendedOf.set(a.jobseekerId, list);
  }

  const activities = await db
    .select({ spellId: businessActivities.spellId, kind: businessActivities.kind, agreedOn: businessActivities.agreedOn, startDate: businessActivities.startDate, endDate: businessActivities.endDate, recordedOn: copenhagenDate(businessActivities.createdAt) })
    .from(businessActivities)
    .where(inTenant(businessActivities, ctx));
  const activitiesOf = new Map<string, IndicatorBusinessActivity[]>();
  for (const a of activities) {
    const list = activitiesOf.get(a.spellId) ?? [];
    list.push({ kind: a.kind, agreedOn: a.agreedOn, startDate: a.startDate, endDate: a.endDate, recordedOn: a.recordedOn ?? a.agreedOn });
    activitiesOf.set(a.spellId, list);
  }

  const hours = await db
    .select({ spellId: wageHours.spellId, month: wageHours.month, hours: wageHours.hours })
    .from(wageHours)
    .where(inTenant(wageHours, ctx));
  const hoursOf = new Map<string, IndicatorWageHours[]>();
  for (const h of hours) {
    const list = hoursOf.get(h.spellId) ?? [];
    list.push({ month: h.month, hours: h.hours });
    hoursOf.set(h.spellId, list);
  }

  const byId = new Map<string, IndicatorSpell>();
  for (const s of spellRows)
    byId.set(s.id, {
      ...s,
      profiledOn: null,
      markers: {},
      conversations: [],
      joblog: joblogOf.get(s.jobseekerId) ?? [],
      placements: placementsOf.get(s.id) ?? [],
      servicesAttended: attendedOf.get(s.jobseekerId) ?? [],
      businessActivities: activitiesOf.get(s.id) ?? [],
      wageHours: hoursOf.get(s.id) ?? [],
    });
  for (const t of talkRows) byId.get(t.spellId)?.conversations.push({ type: t.type, status: t.status, mandatory: t.mandatory, selfBooked: t.selfBooked, heldOn: t.heldOn, bookedOn: t.bookedOn, jobsPresented: Number(t.jobsPresented) });
  for (const p of profiled) {
    const s = byId.get(p.spellId);
    if (s) s.profiledOn = p.first;
  }
  for (const m of marks) {
    const s = byId.get(m.spellId);
    if (s) s.markers[m.markerId] = m.markedOn;
  }
  return [...byId.values()];
}

export async function listInitiatives(db: DbExecutor, ctx: Tenant) {
  return db.select().from(initiatives).where(inTenant(initiatives, ctx)).orderBy(asc(initiatives.name));
}

export async function findInitiative(db: DbExecutor, ctx: Tenant, id: string) {
  const [row] = await db.select().from(initiatives).where(inTenant(initiatives, ctx, eq(initiatives.id, id)));
  return row;
}

export async function listMarkers(db: DbExecutor, ctx: Tenant, initiativeId?: string) {
  return db
    .select({
      id: markers.id,
      name: markers.name,
      description: markers.description,
      initiativeId: markers.initiativeId,
      spells: sql<number>`(select count(*)::int from spell_markers sm where sm.marker_id = ${markers.id})`,
    })
    .from(markers)
    .where(inTenant(markers, ctx, initiativeId ? eq(markers.initiativeId, initiativeId) : undefined))
    .orderBy(asc(markers.name));
}

export async function findMarker(db: DbExecutor, ctx: Tenant, id: string) {
  const [row] = await db.select().from(markers).where(inTenant(markers, ctx, eq(markers.id, id)));
  return row;
}

export async function listMarkersOfSpell(db: DbExecutor, ctx: Tenant, spellId: string) {
  return db
    .select({ markerId: markers.id, name: markers.name, initiativeId: markers.initiativeId, markedOn: spellMarkers.markedOn })
    .from(spellMarkers)
    .innerJoin(markers, eq(markers.id, spellMarkers.markerId))
    .where(inTenant(spellMarkers, ctx, eq(spellMarkers.spellId, spellId)))
    .orderBy(asc(markers.name));
}

export async function findSpellBasics(db: DbExecutor, ctx: Tenant, id: string) {
  const [row] = await db.select({ id: spells.id, jobseekerId: spells.jobseekerId, startDate: spells.startDate }).from(spells).where(inTenant(spells, ctx, eq(spells.id, id)));
  return row;
}

export type ScorecardRow = typeof scorecards.$inferSelect;
export type ScorecardIndicatorRow = typeof scorecardRows.$inferSelect;

export async function listScorecards(db: DbExecutor, ctx: Tenant) {
  return db.select().from(scorecards).where(inTenant(scorecards, ctx)).orderBy(asc(scorecards.createdAt), asc(scorecards.name));
}

export async function findScorecard(db: DbExecutor, ctx: Tenant, id: string) {
  const [row] = await db.select().from(scorecards).where(inTenant(scorecards, ctx, eq(scorecards.id, id)));
  return row;
}

export async function listScorecardRows(db: DbExecutor, ctx: Tenant, scorecardId: string) {
  return db.select().from(scorecardRows).where(inTenant(scorecardRows, ctx, eq(scorecardRows.scorecardId, scorecardId))).orderBy(asc(scorecardRows.position));
}

export type SnapshotRow = typeof scorecardSnapshots.$inferSelect;

/** Every stored revision of a scorecard's months, newest revision first within a month. */
export async function listSnapshots(db: DbExecutor, ctx: Tenant, scorecardId: string, month?: string): Promise<SnapshotRow[]> {
  return db
    .select()
    .from(scorecardSnapshots)
    .where(inTenant(scorecardSnapshots, ctx, eq(scorecardSnapshots.scorecardId, scorecardId), month ? eq(scorecardSnapshots.month, month) : undefined))
    .orderBy(asc(scorecardSnapshots.month), desc(scorecardSnapshots.revision));
}

export async function latestRevision(db: DbExecutor, ctx: Tenant, scorecardId: string, month: string): Promise<number> {
  const [row] = await db
    .select({ revision: sql<number>`coalesce(max(${scorecardSnapshots.revision}), 0)::int` })
    .from(scorecardSnapshots)
    .where(inTenant(scorecardSnapshots, ctx, and(eq(scorecardSnapshots.scorecardId, scorecardId), eq(scorecardSnapshots.month, month))));
  return Number(row?.revision ?? 0);
}
