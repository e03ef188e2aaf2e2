import type { Database } from '../../db/connect';
import { addMonthsClamped, toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { assessSpellCompliance, summariseCompliance } from '../../core/compliance/compliance';
import { writeAudit } from '../audit/write-audit';
import type { TenantContext } from '../context';
import { AppError, fieldError } from '../errors';
import { loadComplianceSpells, spellIdIs, startingBetween } from './queries';
import type { TComplianceQuery } from './schemas';

export function createComplianceService({ db }: { db: Database }) {
  return {
    /** Each mandatory talk of one spell against its window. Reads a jobseeker's case: audited. */
    async getSpellCompliance(ctx: TenantContext, spellId: string) {
      const today = toCopenhagenIsoDate(ctx.clock.now());
      return db.transaction(async (tx) => {
        const [spell] = await loadComplianceSpells(tx, ctx, spellIdIs(spellId));
        if (!spell) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'spell_compliance', subjectId: spellId, jobseekerId: spell.jobseekerId });
        const result = assessSpellCompliance(spell, today);
        return {
          spellId,
          startDate: spell.startDate,
          today,
          talks: result.talks.map((t) => ({
            conversationId: t.id,
            type: t.type,
            label: t.label,
            status: t.status,
            earliest: t.earliest,
            latest: t.latest,
            heldOn: t.heldOn,
            outcome: t.outcome,
            onTime: t.outcome === 'on_time',
            exempted: t.outcome === 'exempted',
          })),
          onTime: result.onTime,
          twoTalks: result.twoTalks,
          exempted: result.exempted,
        };
      });
    },

    /** The three shares for a unit (or the organisation) over spells starting in a period. Counts only: no jobseeker is shown. */
    async summarise(ctx: TenantContext, query: TComplianceQuery) {
      const today = toCopenhagenIsoDate(ctx.clock.now());
      const to = query.to ?? today;
      const from = query.from ?? addMonthsClamped(to, -12);
      if (from > to) throw fieldError('from', 'Fra-datoen skal ligge før til-datoen.', 'The from date must come before the to date.');
      const period = { from, to };
      const all = await db.transaction((tx) => loadComplianceSpells(tx, ctx, startingBetween(from, to)));
      const selected = query.unitId ? all.filter((s) => s.unitId === query.unitId) : all;
      const summary = summariseCompliance({ spells: selected, today, period });
      const organisation = query.unitId ? summariseCompliance({ spells: all, today, period }) : summary;
      return {
        today,
        period,
        unitId: query.unitId ?? null,
        spells: summary.spells,
        onTime: summary.onTime,
        twoTalksInThreeMonths: summary.twoTalksInThreeMonths,
        exempted: summary.exempted,
        organisationExempted: { ...organisation.exempted, spells: organisation.spells },
      };
    },
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
