import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { initiatives, markers, organisations, scorecardRows, scorecards, spellMarkers, spells } from '../../db/schema';
import { addDays, addMonthsClamped, minIsoDate } from '../../core/calendar/iso-date';
import { monthEnd } from '../../core/indicators';

type Row = { indicatorCode: string; targets: number[]; baselineValue?: number; baselineNote?: string };

/**
 * Demo scorecards with the seeds' targets, for both demo organisations. Figures are never
 * stored here: every cell is computed from whatever spells the demo holds.
 */
export async function seedDemoMeasurement(tx: DbExecutor, today: string): Promise<void> {
  const orgs = await tx.select({ id: organisations.id, kind: organisations.kind }).from(organisations).orderBy(asc(organisations.name));
  const month = today.slice(0, 7);
  const firstMonth = addMonthsClamped(`${month}-01`, -11).slice(0, 7);
  const baselineDate = `${firstMonth}-10`;
  // A milestone passed half a year ago, one at the end of next quarter and one a year later.
  const milestones = [monthEnd(addMonthsClamped(`${firstMonth}-01`, 5).slice(0, 7)), monthEnd(addMonthsClamped(`${month}-01`, 2).slice(0, 7)), monthEnd(addMonthsClamped(`${month}-01`, 14).slice(0, 7))];

  async function card(organisationId: string, name: string, rows: Row[], scope: { scope: 'organisation' } | { scope: 'initiative'; initiativeId: string } = { scope: 'organisation' }) {
    const id = randomUUID();
    await tx.insert(scorecards).values({ id, organisationId, name, scope: scope.scope, initiativeId: scope.scope === 'initiative' ? scope.initiativeId : null, filters: {}, firstMonth });
    await tx.insert(scorecardRows).values(
      rows.map((row, position) => ({
        id: randomUUID(),
        organisationId,
        scorecardId: id,
        position,
        indicatorCode: row.indicatorCode,
        baselineValue: row.baselineValue ?? null,
        baselineDate,
        baselineNote: row.baselineNote ?? null,
        targets: row.targets.map((value, i) => ({ date: milestones[milestones.length - row.targets.length + i]!, value })),
      })),
    );
  }

  for (const org of orgs) {
    if (org.kind === 'akasse') {
      await card(org.id, 'HK-mål: jobeffekt, tilfredshed og formidling (seed 000)', [
        { indicatorCode: 'in_job_13_weeks', targets: [50, 50, 50] },
        { indicatorCode: 'in_job_26_weeks', targets: [75, 75, 75] },
        { indicatorCode: 'long_term_unemployed_25_29_continuous', targets: [] },
        { indicatorCode: 'long_term_unemployed_55_plus_continuous', targets: [] },
        { indicatorCode: 'notice_job_within_notice', targets: [50] },
        { indicatorCode: 'notice_services_in_job', targets: [50] },
        { indicatorCode: 'satisfaction_conversation', targets: [85] },
        { indicatorCode: 'satisfaction_employer_placement', targets: [85] },
        { indicatorCode: 'placements_brokered', targets: [100] },
      ]);
      await card(org.id, 'BUPL-A-mål: kontaktforløb og jobeffekt (seed 001)', [
        { indicatorCode: 'in_job_13_weeks', targets: [60, 60, 60] },
        { indicatorCode: 'in_job_26_weeks', targets: [70, 70, 70] },
        { indicatorCode: 'profiled_by_cv_talk', targets: [80, 80] },
        { indicatorCode: 'talks_beyond_statutory', targets: [40, 40] },
        { indicatorCode: 'jobs_presented', targets: [70, 70] },
        { indicatorCode: 'two_talks_first_3_months', targets: [] },
        { indicatorCode: 'satisfaction_conversation', targets: [65] },
        { indicatorCode: 'satisfaction_placed_jobseeker', targets: [65] },
        { indicatorCode: 'placements_brokered', targets: [150] },
        { indicatorCode: 'institutions_contacted', targets: [150] },
        { indicatorCode: 'business_course_before_handover', targets: [25] },
      ]);
    } else {
      await card(org.id, 'Jobrettet samtale: selvbooking og joblog (seed 002)', [
        { indicatorCode: 'self_booking', targets: [40, 40], baselineValue: 0, baselineNote: 'Kommunens baseline i ansøgningen' },
        { indicatorCode: 'joblog_usage', targets: [80, 80], baselineValue: 40, baselineNote: 'Ca. 40 pct. i ansøgningen' },
        { indicatorCode: 'talk_involving', targets: [90] },
        { indicatorCode: 'jobs_sought_change', targets: [50] },
        { indicatorCode: 'active_cash_benefit_job_ready', targets: [] },
      ]);
      await card(org.id, 'Jobcentrets resultater (seed 004)', [
        { indicatorCode: 'active_unemployment_insurance', targets: [] },
        { indicatorCode: 'active_cash_benefit_activity_ready', targets: [] },
        { indicatorCode: 'active_resource_course', targets: [] },
        { indicatorCode: 'average_duration_ended_3_months', targets: [18.8, 18.8, 18.8], baselineValue: 18.8, baselineNote: '3. kvartal 2023 (seed 004)' },
        { indicatorCode: 'ended_to_job_share', targets: [58, 62, 68] },
        { indicatorCode: 'ended_to_education_share', targets: [10, 11, 12] },
        { indicatorCode: 'returned_within_year', targets: [22, 20, 15] },
        { indicatorCode: 'business_activity_before_week_26', targets: [80, 85] },
        { indicatorCode: 'work_trial_share', targets: [15, 20, 25] },
        { indicatorCode: 'wage_hours_share', targets: [] },
        // "Flere i job" and "Håndholdt indsats": share with paid hours per target group.
        { indicatorCode: 'wage_hours_share_activity_ready_30_plus', targets: [18, 19, 20] },
        { indicatorCode: 'wage_hours_share_resource_course', targets: [5, 6, 7] },
        { indicatorCode: 'wage_hours_share_job_ready_30_plus', targets: [5, 7, 10] },
      ]);
      const initiativeId = randomUUID();
      await tx.insert(initiatives).values({ id: initiativeId, organisationId: org.id, name: 'Klar, parat – i job', description: 'Målrettet jobsøgningstilbud til a-dagpengemodtagere (investeringsprojekt, seed 004).', startDate: baselineDate });
      const markerId = randomUUID();
      await tx.insert(markers).values({ id: markerId, organisationId: org.id, initiativeId, name: 'Henvist til Klar, parat – i job' });
      await card(
        org.id,
        'Klar, parat – i job: månedsvis status (seed 004)',
        [
          { indicatorCode: 'marked_spells_month', targets: [] },
          { indicatorCode: 'marked_spells_cumulative', targets: [65] },
          { indicatorCode: 'marked_ended_to_job_share', targets: [] },
          { indicatorCode: 'average_duration_ended_3_months', targets: [18.8, 18.8, 18.8], baselineValue: 18.8, baselineNote: '3. kvartal 2023 (seed 004)' },
        ],
        { scope: 'initiative', initiativeId },
      );
      // Refer every third dagpenge spell of the demo to the project, two weeks into the spell.
      const candidates = await tx
        .select({ id: spells.id, startDate: spells.startDate })
        .from(spells)
        .where(and(eq(spells.organisationId, org.id), eq(spells.targetGroup, 'unemployment_insurance'), eq(spells.kind, 'unemployment')))
        .orderBy(asc(spells.startDate), asc(spells.id));
      const chosen = candidates.filter((_, i) => i % 3 === 0);
      if (chosen.length) await tx.insert(spellMarkers).values(chosen.map((s) => ({ id: randomUUID(), organisationId: org.id, spellId: s.id, markerId, markedOn: minIsoDate(addDays(s.startDate, 14), today) })));
    }
  }
}
