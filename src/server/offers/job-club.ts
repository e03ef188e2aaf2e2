import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { enrolments, offerSessions, offers, progressionTalks, spells, tasks } from '../../db/schema';
import { addDays } from '../../core/calendar/iso-date';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { loadOrgCalendar, todayOf } from '../calendar/org-calendar';
import { appendPlanActivities } from '../plans/service';
import type { TProgressionTalk } from './schemas';

/** Jobviften: the weekly progression talk lasts about 20 minutes, and no more. */
export const PROGRESSION_TALK_MAX_MINUTES = 20;

export function createJobClubService({ db }: { db: Database }) {
  async function load(tx: DbExecutor, ctx: TenantContext, enrolmentId: string) {
    const [row] = await tx
      .select({ e: enrolments, kind: offers.kind, startsAt: offerSessions.startsAt, lastDay: offerSessions.lastDay })
      .from(enrolments)
      .innerJoin(offerSessions, eq(offerSessions.id, enrolments.sessionId))
      .innerJoin(offers, eq(offers.id, offerSessions.offerId))
      .where(inTenant(enrolments, ctx, eq(enrolments.id, enrolmentId)));
    if (!row) throw new AppError('not_found');
    return row;
  }

  async function activeSpellOf(tx: DbExecutor, ctx: TenantContext, jobseekerId: string | null) {
    if (!jobseekerId) return null;
    const [spell] = await tx.select({ id: spells.id, caseworkerId: spells.caseworkerId, unitId: spells.unitId }).from(spells).where(inTenant(spells, ctx, eq(spells.jobseekerId, jobseekerId), eq(spells.status, 'active'))).limit(1);
    return spell ?? null;
  }

  function present(t: typeof progressionTalks.$inferSelect) {
    return { id: t.id, kind: t.kind, heldOn: t.heldOn, durationMinutes: t.durationMinutes, searchStatus: t.searchStatus, agreements: t.agreements, followUps: t.followUps, planVersion: t.planVersion, handover: t.handover };
  }

  async function talksOf(tx: DbExecutor, ctx: TenantContext, enrolmentId: string) {
    return tx.select().from(progressionTalks).where(inTenant(progressionTalks, ctx, eq(progressionTalks.enrolmentId, enrolmentId))).orderBy(asc(progressionTalks.heldOn), asc(progressionTalks.createdAt));
  }

  return {
    /** The talks so far, and last week's agreements waiting to be followed up. */
    async listTalks(ctx: TenantContext, enrolmentId: string) {
      return db.transaction(async (tx) => {
        const { e } = await load(tx, ctx, enrolmentId);
        const talks = await talksOf(tx, ctx, enrolmentId);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'progression_talk', subjectId: enrolmentId, jobseekerId: e.jobseekerId });
        const last = talks.at(-1);
        return { enrolmentId, talks: talks.map(present), toFollowUp: last?.agreements ?? [], closed: talks.some((t) => t.kind === 'closing') };
      });
    },

    /**
     * A weekly progression talk (≤ 20 minutes) or the closing talk. Agreements become activities
     * in Min Plan (a new version) due a week later; last week's are followed up with a status.
     */
    async holdTalk(ctx: TenantContext, enrolmentId: string, input: TProgressionTalk) {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const { e, kind } = await load(tx, ctx, enrolmentId);
        if (kind !== 'job_club') throw new AppError('unprocessable', { enrolmentId: { da: 'Progressionssamtaler hører til jobklubber.', en: 'Progression talks belong to job clubs.' } });
        if (e.status !== 'seated') throw new AppError('unprocessable', { status: { da: 'Deltageren har ikke en plads på jobklubben (eller forløbet er afsluttet).', en: 'The participant does not hold a seat in the job club (or the course has ended).' } });
        const heldOn = input.heldOn ?? todayOf(ctx);
        if (heldOn > todayOf(ctx)) throw new AppError('validation_failed', { heldOn: { da: 'En samtale kan ikke være holdt i fremtiden.', en: 'A talk cannot have been held in the future.' } });
        if (input.kind === 'progression' && input.durationMinutes > PROGRESSION_TALK_MAX_MINUTES) {
          throw new AppError('validation_failed', { durationMinutes: { da: `En progressionssamtale varer højst ${PROGRESSION_TALK_MAX_MINUTES} minutter.`, en: `A progression talk lasts at most ${PROGRESSION_TALK_MAX_MINUTES} minutes.` } });
        }
        const previous = (await talksOf(tx, ctx, enrolmentId)).at(-1);
        const open = new Map((previous?.agreements ?? []).map((a) => [a.activityId, a.title]));
        for (const f of input.followUps) {
          if (!open.has(f.activityId)) throw new AppError('validation_failed', { followUps: { da: 'Der kan kun følges op på aftaler fra sidste samtale.', en: 'Only agreements from the last talk can be followed up.' } });
        }
        const spell = await activeSpellOf(tx, ctx, e.jobseekerId);
        let planVersion: number | null = null;
        let agreements = input.agreements.map((title) => ({ activityId: randomUUID().slice(0, 8), title }));
        if (spell && (input.agreements.length > 0 || input.followUps.length > 0)) {
          const result = await appendPlanActivities(tx, ctx, spell.id, {
            add: input.agreements.map((title) => ({ title, dueDate: addDays(heldOn, 7) })),
            statuses: input.followUps,
            changeNote: input.kind === 'closing' ? 'Afslutningssamtale i jobklub' : 'Aftaler fra progressionssamtale i jobklub',
          });
          planVersion = result.version;
          agreements = input.agreements.map((title, i) => ({ activityId: result.activityIds[i]!, title }));
        }
        await tx.insert(progressionTalks).values({
          id,
          organisationId: ctx.organisationId,
          enrolmentId,
          spellId: spell?.id ?? null,
          kind: input.kind,
          heldOn,
          durationMinutes: input.durationMinutes,
          searchStatus: input.searchStatus ?? null,
          agreements,
          followUps: input.followUps.map((f) => ({ ...f, title: open.get(f.activityId)! })),
          planVersion,
          handover: input.handover ?? null,
          heldBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
          createdAt: ctx.clock.now(),
        });
        if (input.kind === 'closing') {
          await tx.update(enrolments).set({ status: 'completed', endedOn: heldOn, version: e.version + 1 }).where(eq(enrolments.id, enrolmentId));
          // Not expected to find work by themselves soon: the caseworker is asked to call them in.
          if (input.handover === 'back_to_caseworker') {
            const calendar = await loadOrgCalendar(tx, ctx);
            await tx
              .insert(tasks)
              .values({
                id: randomUUID(),
                organisationId: ctx.organisationId,
                spellId: spell?.id ?? null,
                jobseekerId: e.jobseekerId,
                kind: 'job_club_handover',
                title: 'Jobklub afsluttet: indkald til jobsamtale',
                dueDate: calendar.addWorkingDays(todayOf(ctx), 5),
                assigneeId: spell?.caseworkerId ?? null,
                unitId: spell?.unitId ?? null,
                dedupeKey: `job_club_handover:${enrolmentId}`,
                createdAt: ctx.clock.now(),
              })
              .onConflictDoNothing();
          }
        }
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'progression_talk', subjectId: id, jobseekerId: e.jobseekerId, details: { kind: input.kind, planVersion } });
      });
      return this.listTalks(ctx, enrolmentId);
    },

  };
}

export type JobClubService = ReturnType<typeof createJobClubService>;
