import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { initiatives, markers, scorecardRows, scorecards, spellMarkers, units, staff } from '../../db/schema';
import { ageBandOf, ageOnDate, computeIndicator, computeShareInJobCurves, filterSpells, monthOf, previousMonth, type IndicatorSpell, type TIndicatorFilters } from '../../core/indicators';
import { isTargetGroup } from '../../core/reference/target-groups';
import type { TenantContext } from '../context';
import { AppError, type FieldErrors } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { todayOf } from '../calendar/org-calendar';
import { isUniqueViolation } from '../../db/errors';
import {
  findInitiative,
  findMarker,
  findScorecard,
  findSpellBasics,
  listInitiatives,
  listMarkers,
  listMarkersOfSpell,
  listScorecardRows,
  listScorecards,
  listSnapshots,
  loadIndicatorLibrary,
  loadIndicatorSpells,
  type LibraryIndicator,
} from './queries';
import { buildScorecardTable } from './scorecard-table';
import { storeMonthlySnapshots } from './snapshot';
import { loadIndicatorFeeds, scopeFeeds } from './feeds';
import type { TCreateScorecard, TFilterQuery, TFilters, TScorecardRowInput } from './schemas';

const T = {
  indicator: { da: 'Ukendt indikator.', en: 'Unknown indicator.' },
  unit: { da: 'Vælg en afdeling i organisationen.', en: 'Choose a unit of the organisation.' },
  unitRequired: { da: 'Et statusskema for en afdeling skal have en afdeling.', en: 'A unit scorecard needs a unit.' },
  initiative: { da: 'Vælg et initiativ i organisationen.', en: 'Choose an initiative of the organisation.' },
  initiativeRequired: { da: 'Et statusskema for et initiativ skal have et initiativ.', en: 'An initiative scorecard needs an initiative.' },
  marker: { da: 'Vælg en markering i organisationen.', en: 'Choose a marker of the organisation.' },
  staff: { da: 'Vælg medarbejdere fra organisationen.', en: 'Choose staff of the organisation.' },
  nameTaken: { da: 'Navnet er allerede i brug.', en: 'The name is already in use.' },
  markedBeforeStart: { da: 'Datoen ligger før forløbets start.', en: 'The date is before the start of the spell.' },
  future: { da: 'Datoen må ikke ligge i fremtiden.', en: 'The date cannot be in the future.' },
  monthNotOver: { da: 'Måneden er ikke slut endnu.', en: 'The month is not over yet.' },
  targetGroup: { da: 'Ukendt målgruppe.', en: 'Unknown target group.' },
};

/** Query filters → the core's filter lists (an initiative stands for its markers). */
export function toFilters(query: TFilterQuery, initiativeMarkerIds: string[] | null): TIndicatorFilters {
  return {
    unitIds: query.unitId ? [query.unitId] : undefined,
    caseworkerIds: query.caseworkerId ? [query.caseworkerId] : undefined,
    segments: query.segment ? [query.segment] : undefined,
    targetGroups: query.targetGroup ? [query.targetGroup] : undefined,
    ageBands: query.ageBand ? [query.ageBand] : undefined,
    municipalityCodes: query.municipalityCode ? [query.municipalityCode] : undefined,
    markerIds: [...(query.markerId ? [query.markerId] : []), ...(initiativeMarkerIds ?? [])],
  };
}

function presentIndicator(code: string, item: LibraryIndicator) {
  const d = item.definition;
  return { code, name: d.name, description: d.description, kind: d.kind, unit: d.unit, direction: d.direction, status: d.status, awaitingFeature: d.awaitingFeature ?? null, source: d.source ?? null, version: item.version, templateId: item.templateId };
}

export function createMeasurementService({ db }: { db: Database }) {
  async function checkRows(tx: DbExecutor, ctx: TenantContext, rows: readonly TScorecardRowInput[], fields: FieldErrors) {
    const library = await loadIndicatorLibrary(tx, ctx);
    rows.forEach((row, i) => {
      if (!library.has(row.indicatorCode)) fields[`rows.${i}.indicatorCode`] = T.indicator;
    });
  }

  async function checkFilters(tx: DbExecutor, ctx: TenantContext, filters: TFilters, fields: FieldErrors) {
    for (const id of filters.unitIds ?? []) {
      const [u] = await tx.select({ id: units.id }).from(units).where(inTenant(units, ctx, eq(units.id, id)));
      if (!u) fields['filters.unitIds'] = T.unit;
    }
    for (const id of filters.caseworkerIds ?? []) {
      const [s] = await tx.select({ id: staff.id }).from(staff).where(inTenant(staff, ctx, eq(staff.id, id)));
      if (!s) fields['filters.caseworkerIds'] = T.staff;
    }
    for (const id of filters.markerIds ?? []) if (!(await findMarker(tx, ctx, id))) fields['filters.markerIds'] = T.marker;
    for (const g of filters.targetGroups ?? []) if (!isTargetGroup(g)) fields['filters.targetGroups'] = T.targetGroup;
  }

  async function insertRows(tx: DbExecutor, ctx: TenantContext, scorecardId: string, rows: readonly TScorecardRowInput[]) {
    if (rows.length === 0) return;
    await tx.insert(scorecardRows).values(
      rows.map((row, position) => ({
        id: randomUUID(),
        organisationId: ctx.organisationId,
        scorecardId,
        position,
        indicatorCode: row.indicatorCode,
        baselineValue: row.baselineValue ?? null,
        baselineDate: row.baselineDate ?? null,
        baselineNote: row.baselineNote ?? null,
        targets: row.targets,
        nearTolerance: row.nearTolerance ?? null,
      })),
    );
  }

  async function initiativeMarkerIds(tx: DbExecutor, ctx: TenantContext, initiativeId: string | null | undefined): Promise<string[]> {
    if (!initiativeId) return [];
    return (await listMarkers(tx, ctx, initiativeId)).map((m) => m.id);
  }

  async function loadTable(tx: DbExecutor, ctx: TenantContext, id: string) {
    const card = await findScorecard(tx, ctx, id);
    if (!card) throw new AppError('not_found');
    const [rows, library, spells, markerIds, snapshots] = [
      await listScorecardRows(tx, ctx, id),
      await loadIndicatorLibrary(tx, ctx),
      await loadIndicatorSpells(tx, ctx),
      await initiativeMarkerIds(tx, ctx, card.initiativeId),
      await listSnapshots(tx, ctx, id),
    ];
    const feeds = await loadIndicatorFeeds(tx, ctx);
    return buildScorecardTable({ card, rows, library, spells, feeds, initiativeMarkerIds: markerIds, snapshots, today: todayOf(ctx) });
  }

  return {
    async listIndicators(ctx: TenantContext) {
      const library = await loadIndicatorLibrary(db, ctx);
      return [...library.entries()].filter(([, item]) => item.active).map(([code, item]) => presentIndicator(code, item));
    },

    /** Every indicator's value on a day for the chosen filters: aggregates only, small cells hidden. */
    async indicatorValues(ctx: TenantContext, query: TFilterQuery) {
      return db.transaction(async (tx) => {
        const asOf = query.asOf ?? todayOf(ctx);
        if (query.initiativeId && !(await findInitiative(tx, ctx, query.initiativeId))) throw new AppError('not_found');
        const markerIds = query.initiativeId ? await initiativeMarkerIds(tx, ctx, query.initiativeId) : null;
        const library = await loadIndicatorLibrary(tx, ctx);
        const all = await loadIndicatorSpells(tx, ctx);
        const filters = query.initiativeId && markerIds!.length === 0 ? null : toFilters(query, markerIds);
        const chosen = filters === null ? [] : filterSpells(all, filters, asOf);
        const scoped = scopeFeeds(await loadIndicatorFeeds(tx, ctx), filters, chosen);
        return {
          asOf,
          values: [...library.entries()]
            .filter(([, item]) => item.active)
            .map(([code, item]) => ({ ...presentIndicator(code, item), value: computeIndicator(item.definition, chosen, { asOf, history: all, ...scoped }) })),
        };
      });
    },

    /** Share in job by day since the start, per group, with its 95 % band. */
    async survivalCurves(ctx: TenantContext, query: TFilterQuery & { groupBy: 'none' | 'segment' | 'unit' | 'targetGroup' | 'ageBand'; cohortMonths: number; maxDay: number }) {
      return db.transaction(async (tx) => {
        const asOf = query.asOf ?? todayOf(ctx);
        if (query.initiativeId && !(await findInitiative(tx, ctx, query.initiativeId))) throw new AppError('not_found');
        const markerIds = query.initiativeId ? await initiativeMarkerIds(tx, ctx, query.initiativeId) : null;
        const all = await loadIndicatorSpells(tx, ctx);
        const chosen = query.initiativeId && markerIds!.length === 0 ? [] : filterSpells(all, toFilters(query, markerIds), asOf);
        const unitNames = new Map((await tx.select({ id: units.id, name: units.name }).from(units).where(inTenant(units, ctx))).map((u) => [u.id, u.name]));
        const groupOf = (s: IndicatorSpell): string => {
          switch (query.groupBy) {
            case 'none':
              return 'all';
            case 'segment':
              return s.segment ?? 'none';
            case 'unit':
              return s.unitId ? (unitNames.get(s.unitId) ?? 'none') : 'none';
            case 'targetGroup':
              return s.targetGroup;
            case 'ageBand':
              return ageBandOf(ageOnDate(s.birthDate, s.startDate));
            default:
              return query.groupBy satisfies never;
          }
        };
        const curves = computeShareInJobCurves(chosen, {
          asOf,
          population: { spellKind: 'unemployment', cohort: { basis: 'started', fromMonthsAgo: query.cohortMonths, toMonthsAgo: 0 } },
          groupOf,
          maxDay: query.maxDay,
        });
        return { asOf, cohortMonths: query.cohortMonths, groupBy: query.groupBy, curves };
      });
    },

    async listInitiatives(ctx: TenantContext) {
      const [list, allMarkers] = [await listInitiatives(db, ctx), await listMarkers(db, ctx)];
      return list.map((i) => ({ id: i.id, name: i.name, description: i.description, startDate: i.startDate, markers: allMarkers.filter((m) => m.initiativeId === i.id) }));
    },

    async getInitiative(ctx: TenantContext, id: string) {
      const initiative = await findInitiative(db, ctx, id);
      if (!initiative) throw new AppError('not_found');
      const [list, cards] = [await listMarkers(db, ctx, id), await listScorecards(db, ctx)];
      return { id: initiative.id, name: initiative.name, description: initiative.description, startDate: initiative.startDate, markers: list, scorecards: cards.filter((c) => c.initiativeId === id).map((c) => ({ id: c.id, name: c.name })) };
    },

    async createInitiative(ctx: TenantContext, input: { name: string; description?: string | null; startDate?: string | null; markers?: string[] }) {
      const id = randomUUID();
      await db
        .transaction(async (tx) => {
          await tx.insert(initiatives).values({ id, organisationId: ctx.organisationId, name: input.name, description: input.description ?? null, startDate: input.startDate ?? null, createdBy: ctx.actor.id });
          const names = [...new Set(input.markers ?? [])];
          if (names.length) await tx.insert(markers).values(names.map((name) => ({ id: randomUUID(), organisationId: ctx.organisationId, initiativeId: id, name, createdBy: ctx.actor.id })));
          await writeAudit(tx, ctx, { action: 'create', subjectType: 'initiative', subjectId: id });
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new AppError('validation_failed', { name: T.nameTaken });
          throw error;
        });
      return this.getInitiative(ctx, id);
    },

    listMarkers: (ctx: TenantContext) => listMarkers(db, ctx),

    async createMarker(ctx: TenantContext, input: { name: string; description?: string | null; initiativeId?: string | null }) {
      const id = randomUUID();
      await db
        .transaction(async (tx) => {
          if (input.initiativeId && !(await findInitiative(tx, ctx, input.initiativeId))) throw new AppError('validation_failed', { initiativeId: T.initiative });
          await tx.insert(markers).values({ id, organisationId: ctx.organisationId, initiativeId: input.initiativeId ?? null, name: input.name, description: input.description ?? null, createdBy: ctx.actor.id });
          await writeAudit(tx, ctx, { action: 'create', subjectType: 'marker', subjectId: id });
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new AppError('validation_failed', { name: T.nameTaken });
          throw error;
        });
      return (await findMarker(db, ctx, id))!;
    },

    async listSpellMarkers(ctx: TenantContext, spellId: string) {
      return db.transaction(async (tx) => {
        const spell = await findSpellBasics(tx, ctx, spellId);
        if (!spell) throw new AppError('not_found');
        const list = await listMarkersOfSpell(tx, ctx, spellId);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'spell_markers', subjectId: spellId, jobseekerId: spell.jobseekerId });
        return list;
      });
    },

    async markSpell(ctx: TenantContext, spellId: string, input: { markerId: string; markedOn?: string }) {
      return db.transaction(async (tx) => {
        const spell = await findSpellBasics(tx, ctx, spellId);
        if (!spell) throw new AppError('not_found');
        const marker = await findMarker(tx, ctx, input.markerId);
        if (!marker) throw new AppError('validation_failed', { markerId: T.marker });
        const today = todayOf(ctx);
        const markedOn = input.markedOn ?? today;
        if (markedOn > today) throw new AppError('validation_failed', { markedOn: T.future });
        if (markedOn < spell.startDate) throw new AppError('validation_failed', { markedOn: T.markedBeforeStart });
        const [existing] = await tx.select({ id: spellMarkers.id }).from(spellMarkers).where(inTenant(spellMarkers, ctx, eq(spellMarkers.spellId, spellId), eq(spellMarkers.markerId, marker.id)));
        if (!existing) {
          await tx.insert(spellMarkers).values({ id: randomUUID(), organisationId: ctx.organisationId, spellId, markerId: marker.id, markedOn, markedBy: ctx.actor.id });
          await writeAudit(tx, ctx, { action: 'update', subjectType: 'spell', subjectId: spellId, jobseekerId: spell.jobseekerId, details: { fields: ['markers'], added: marker.id } });
        }
        return listMarkersOfSpell(tx, ctx, spellId);
      });
    },

    async unmarkSpell(ctx: TenantContext, spellId: string, markerId: string) {
      return db.transaction(async (tx) => {
        const spell = await findSpellBasics(tx, ctx, spellId);
        if (!spell) throw new AppError('not_found');
        const removed = await tx.delete(spellMarkers).where(inTenant(spellMarkers, ctx, and(eq(spellMarkers.spellId, spellId), eq(spellMarkers.markerId, markerId)))).returning({ id: spellMarkers.id });
        if (removed.length === 0) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'spell', subjectId: spellId, jobseekerId: spell.jobseekerId, details: { fields: ['markers'], removed: markerId } });
        return listMarkersOfSpell(tx, ctx, spellId);
      });
    },

    async listScorecards(ctx: TenantContext) {
      const cards = await listScorecards(db, ctx);
      return cards.map((c) => ({ id: c.id, name: c.name, scope: c.scope, unitId: c.unitId, initiativeId: c.initiativeId, firstMonth: c.firstMonth, version: c.version }));
    },

    async getScorecard(ctx: TenantContext, id: string) {
      return db.transaction((tx) => loadTable(tx, ctx, id));
    },

    async createScorecard(ctx: TenantContext, input: TCreateScorecard) {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const fields: FieldErrors = {};
        if (input.scope === 'unit') {
          if (!input.unitId) fields.unitId = T.unitRequired;
          else {
            const [u] = await tx.select({ id: units.id }).from(units).where(inTenant(units, ctx, eq(units.id, input.unitId)));
            if (!u) fields.unitId = T.unit;
          }
        }
        if (input.scope === 'initiative') {
          if (!input.initiativeId) fields.initiativeId = T.initiativeRequired;
          else if (!(await findInitiative(tx, ctx, input.initiativeId))) fields.initiativeId = T.initiative;
        }
        await checkFilters(tx, ctx, input.filters, fields);
        await checkRows(tx, ctx, input.rows, fields);
        if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
        await tx.insert(scorecards).values({
          id,
          organisationId: ctx.organisationId,
          name: input.name,
          scope: input.scope,
          unitId: input.scope === 'unit' ? input.unitId! : null,
          initiativeId: input.scope === 'initiative' ? input.initiativeId! : null,
          filters: input.filters,
          firstMonth: input.firstMonth,
          createdBy: ctx.actor.id,
        });
        await insertRows(tx, ctx, id, input.rows);
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'scorecard', subjectId: id });
      });
      return this.getScorecard(ctx, id);
    },

    async updateScorecard(ctx: TenantContext, id: string, input: { version: number; name?: string; firstMonth?: string; filters?: TFilters }) {
      await db.transaction(async (tx) => {
        const card = await findScorecard(tx, ctx, id);
        if (!card) throw new AppError('not_found');
        const fields: FieldErrors = {};
        if (input.filters) await checkFilters(tx, ctx, input.filters, fields);
        if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
        const changes = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.firstMonth !== undefined ? { firstMonth: input.firstMonth } : {}), ...(input.filters !== undefined ? { filters: input.filters } : {}) };
        const updated = await tx
          .update(scorecards)
          .set({ ...changes, version: card.version + 1, updatedAt: ctx.clock.now() })
          .where(inTenant(scorecards, ctx, eq(scorecards.id, id), eq(scorecards.version, input.version)))
          .returning({ id: scorecards.id });
        if (updated.length === 0) throw new AppError('version_conflict');
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'scorecard', subjectId: id, details: { fields: Object.keys(changes) } });
      });
      return this.getScorecard(ctx, id);
    },

    /** Replace the rows (indicators, baselines, targets); the stored months keep their figures. */
    async replaceRows(ctx: TenantContext, id: string, input: { version: number; rows: TScorecardRowInput[] }) {
      await db.transaction(async (tx) => {
        const card = await findScorecard(tx, ctx, id);
        if (!card) throw new AppError('not_found');
        const fields: FieldErrors = {};
        await checkRows(tx, ctx, input.rows, fields);
        if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
        const updated = await tx
          .update(scorecards)
          .set({ version: card.version + 1, updatedAt: ctx.clock.now() })
          .where(inTenant(scorecards, ctx, eq(scorecards.id, id), eq(scorecards.version, input.version)))
          .returning({ id: scorecards.id });
        if (updated.length === 0) throw new AppError('version_conflict');
        await tx.delete(scorecardRows).where(inTenant(scorecardRows, ctx, eq(scorecardRows.scorecardId, id)));
        await insertRows(tx, ctx, id, input.rows);
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'scorecard', subjectId: id, details: { fields: ['rows'] } });
      });
      return this.getScorecard(ctx, id);
    },

    async listSnapshots(ctx: TenantContext, id: string, month?: string) {
      const card = await findScorecard(db, ctx, id);
      if (!card) throw new AppError('not_found');
      const rows = await listSnapshots(db, ctx, id, month);
      return rows.map((s) => ({ month: s.month, revision: s.revision, measuredOn: s.measuredOn, computedAt: s.computedAt.toISOString(), computedBy: s.computedBy, reason: s.reason, cells: s.cells }));
    },

    /** A manager stores (or, with `recompute`, re-stores as a new revision) a finished month. */
    async snapshot(ctx: TenantContext, input: { month: string; recompute: boolean; reason?: string }) {
      if (input.month >= monthOf(todayOf(ctx))) throw new AppError('validation_failed', { month: T.monthNotOver });
      return db.transaction((tx) => storeMonthlySnapshots(tx, ctx, input));
    },

    previousMonthOf: (ctx: TenantContext) => previousMonth(todayOf(ctx)),
  };
}

export type MeasurementService = ReturnType<typeof createMeasurementService>;
