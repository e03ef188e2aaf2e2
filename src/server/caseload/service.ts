import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { spells, tasks } from '../../db/schema';
import { dueSoonLimit } from '../../core/caseload/traffic-light';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { writeAudit } from '../audit/write-audit';
import { loadOrgCalendar } from '../calendar/org-calendar';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { inTenant } from '../tenancy';
import { findStaffInOrganisation, lockSpells, searchCaseload, type CaseloadFilter, type CaseloadRowData } from './queries';
import type { TCaseloadQuery, TCaseloadRow, TReassign } from './schemas';

function presentRow(row: CaseloadRowData): TCaseloadRow {
  const next = row.next?.id ? row.next : null;
  return {
    spellId: row.spellId,
    jobseeker: { id: row.jobseekerId, firstName: row.firstName, lastName: row.lastName },
    segment: row.segment,
    targetGroup: row.targetGroup,
    status: row.status,
    unit: row.unitId && row.unitName !== null ? { id: row.unitId, name: row.unitName } : null,
    caseworker: row.caseworkerId && row.caseworkerName !== null ? { id: row.caseworkerId, name: row.caseworkerName } : null,
    startDate: row.startDate,
    nextConversation: next
      ? {
          id: next.id!,
          type: next.type!,
          label: next.label!,
          mandatory: next.mandatory!,
          earliest: next.earliest,
          latest: next.latest,
          status: next.status!,
          scheduledAt: next.scheduledAt ? new Date(next.scheduledAt).toISOString() : null,
        }
      : null,
    light: row.light,
    openTaskCount: Number(row.openTaskCount),
  };
}

/**
 * Whose caseload a request means when it names no caseworker or unit: a caseworker's own, a
 * manager's unit, or the whole organisation for a manager without one.
 */
export function resolveScope(ctx: TenantContext, query: Pick<TCaseloadQuery, 'scope' | 'caseworkerId' | 'unitId'>): { caseworkerId: string | null; unitId: string | null } {
  if (query.caseworkerId || query.unitId) return { caseworkerId: query.caseworkerId ?? null, unitId: query.unitId ?? null };
  const actor = ctx.actor;
  if (actor.kind !== 'staff') return { caseworkerId: null, unitId: null };
  const scope = query.scope ?? (actor.role === 'caseworker' ? 'mine' : actor.unitId ? 'unit' : 'organisation');
  switch (scope) {
    case 'mine':
      return { caseworkerId: actor.id, unitId: null };
    case 'unit':
      return { caseworkerId: null, unitId: actor.unitId };
    case 'organisation':
      return { caseworkerId: null, unitId: null };
    default:
      return scope satisfies never;
  }
}

const FIELD_TEXT = {
  caseworker: { da: 'Vælg en aktiv sagsbehandler i organisationen.', en: 'Choose an active caseworker of the organisation.' },
};

export function createCaseloadService({ db }: { db: Database }) {
  return {
    async listCaseload(ctx: TenantContext, query: TCaseloadQuery) {
      const scope = resolveScope(ctx, query);
      return db.transaction(async (tx) => {
        const calendar = await loadOrgCalendar(tx, ctx);
        const today = toCopenhagenIsoDate(ctx.clock.now());
        const dueSoonUntil = dueSoonLimit(today, calendar);
        const filter: CaseloadFilter = {
          caseworkerId: scope.caseworkerId ?? undefined,
          unitId: scope.unitId ?? undefined,
          segment: query.segment,
          targetGroup: query.targetGroup,
          status: query.status,
          light: query.light,
          today,
          dueSoonUntil,
        };
        const { rows, total } = await searchCaseload(tx, ctx, filter, query);
        // A caseload lists jobseekers: one search row with the criteria, as for the registry.
        const criteria = { ...query, caseworkerId: scope.caseworkerId, unitId: scope.unitId };
        await writeAudit(tx, ctx, { action: 'search', subjectType: 'caseload', details: { criteria, total, resultIds: rows.map((r) => r.jobseekerId) } });
        return { items: rows.map(presentRow), total, page: query.page, pageSize: query.pageSize, today, dueSoonUntil, scope };
      });
    },

    /**
     * Gives spells to another caseworker: all or nothing. The spell follows the caseworker's
     * unit, and its open tasks follow the spell.
     */
    async reassignSpells(ctx: TenantContext, input: TReassign): Promise<{ reassigned: number }> {
      const ids = [...new Set(input.spellIds)];
      return db.transaction(async (tx) => {
        const target = await findStaffInOrganisation(tx, ctx, input.caseworkerId);
        if (!target || !target.active || (target.role !== 'caseworker' && target.role !== 'manager')) throw new AppError('validation_failed', { caseworkerId: FIELD_TEXT.caseworker });
        const found = await lockSpells(tx, ctx, ids);
        if (found.length !== ids.length) throw new AppError('not_found');
        const now = ctx.clock.now();
        await tx
          .update(spells)
          .set({
            caseworkerId: target.id,
            unitId: target.unitId ?? sql`${spells.unitId}`,
            version: sql`${spells.version} + 1`,
            updatedAt: now,
          })
          .where(inTenant(spells, ctx, inArray(spells.id, ids)));
        await tx
          .update(tasks)
          .set({ assigneeId: target.id, ...(target.unitId ? { unitId: target.unitId } : {}) })
          .where(inTenant(tasks, ctx, inArray(tasks.spellId, ids), eq(tasks.status, 'open')));
        // Staff ids are no personal data of the jobseeker, so from/to are kept to trace the handover.
        await writeAudit(
          tx,
          ctx,
          found.map((s) => ({
            action: 'update' as const,
            subjectType: 'spell',
            subjectId: s.id,
            jobseekerId: s.jobseekerId,
            details: { fields: target.unitId && target.unitId !== s.unitId ? ['caseworkerId', 'unitId'] : ['caseworkerId'], fromCaseworkerId: s.caseworkerId, toCaseworkerId: target.id },
          })),
        );
        return { reassigned: found.length };
      });
    },
  };
}

export type CaseloadService = ReturnType<typeof createCaseloadService>;
