import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asc, eq, inArray } from 'drizzle-orm';
import { addDays } from '../../core/calendar/iso-date';
import type { Database, DbExecutor } from '../../db/connect';
import { journeySubscriptions, jobseekers, organisations, spells } from '../../db/schema';
import { queueNotification } from '../notifications/queue';
import { dueJourneySteps, fillJourneyText, ZJourneyDefinition, type JourneyDefinition } from '../../core/offers';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { todayOf } from '../calendar/org-calendar';
import { isUniqueViolation } from '../../db/errors';
import { TEMPLATES_DIR } from '../templates/template-files';

/** The shipped journeys (templates/journeys/*.json), validated once. */
export function loadJourneys(dir = path.join(TEMPLATES_DIR, 'journeys')): Map<string, JourneyDefinition> {
  const map = new Map<string, JourneyDefinition>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const parsed = ZJourneyDefinition.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    map.set(parsed.key, parsed);
  }
  return map;
}

type RunCounts = { sent: number; stopped: number; completed: number };

/**
 * Writes one organisation's due journey mails into the outbox. Idempotent: each step of each
 * subscription has its own outbox key, so running twice on a day sends nothing twice. A journey
 * stops when the person's spell (or a later one) ends with a job.
 */
async function runForOrganisation(tx: DbExecutor, ctx: Pick<TenantContext, 'organisationId' | 'clock'>, journeys: Map<string, JourneyDefinition>, only?: { subscriptionId: string }): Promise<RunCounts> {
  const counts: RunCounts = { sent: 0, stopped: 0, completed: 0 };
  const today = todayOf(ctx as TenantContext);
  const subs = await tx
    .select({ sub: journeySubscriptions, firstName: jobseekers.firstName, email: jobseekers.email, lang: jobseekers.preferredLanguage, orgName: organisations.name })
    .from(journeySubscriptions)
    .innerJoin(jobseekers, eq(jobseekers.id, journeySubscriptions.jobseekerId))
    .innerJoin(organisations, eq(organisations.id, journeySubscriptions.organisationId))
    .where(inTenant(journeySubscriptions, ctx, eq(journeySubscriptions.status, 'active'), only ? eq(journeySubscriptions.id, only.subscriptionId) : undefined))
    .orderBy(asc(journeySubscriptions.createdAt));
  if (subs.length === 0) return counts;
  const jobEnds = await tx
    .select({ jobseekerId: spells.jobseekerId, endDate: spells.endDate, endReason: spells.endReason })
    .from(spells)
    .where(inTenant(spells, ctx, eq(spells.status, 'ended'), inArray(spells.jobseekerId, subs.map((s) => s.sub.jobseekerId))));
  for (const { sub, firstName, email, lang, orgName } of subs) {
    const journey = journeys.get(sub.journeyKey);
    if (!journey) continue;
    const gotJob = jobEnds.some((e) => e.jobseekerId === sub.jobseekerId && e.endReason !== null && journey.stopOnEndReasons.includes(e.endReason) && e.endDate !== null && e.endDate >= sub.anchorDate);
    if (gotJob || !email) {
      await tx.update(journeySubscriptions).set({ status: 'stopped', stopReason: gotJob ? 'job' : 'no_email' }).where(eq(journeySubscriptions.id, sub.id));
      counts.stopped++;
      continue;
    }
    const due = dueJourneySteps({ steps: journey.steps, anchorDate: sub.anchorDate, startedOn: sub.startedOn, today, sentSteps: sub.sentSteps, stopped: false });
    const language = lang === 'en' ? 'en' : 'da';
    for (const index of due) {
      const step = journey.steps[index]!;
      const queued = await queueNotification(tx, { organisationId: sub.organisationId, clock: ctx.clock }, {
        template: `journey:${journey.key}:${index + 1}`,
        channel: 'email',
        recipient: email,
        jobseekerId: sub.jobseekerId,
        language,
        content: { subject: step.subject[language], body: fillJourneyText(step.body[language], { firstName, organisation: orgName }) },
        idempotencyKey: `journey:${sub.id}:${index}`,
      });
      if (queued.created) counts.sent++;
    }
    const sentSteps = [...new Set([...sub.sentSteps, ...due])].sort((a, b) => a - b);
    // Steps skipped by a late start count as done for completing the journey.
    const lastDay = journey.steps.at(-1)!.day;
    const finished = sentSteps.includes(journey.steps.length - 1) || addDays(sub.anchorDate, lastDay) < sub.startedOn;
    if (due.length > 0 || finished) {
      await tx
        .update(journeySubscriptions)
        .set({ sentSteps, ...(finished ? { status: 'completed' as const } : {}) })
        .where(eq(journeySubscriptions.id, sub.id));
      if (finished) counts.completed++;
    }
  }
  return counts;
}

/** For the worker: every organisation's due journey mails, one transaction per organisation. */
export async function runDueJourneys(deps: { db: Database; clock: Clock; journeys?: Map<string, JourneyDefinition> }): Promise<RunCounts> {
  const journeys = deps.journeys ?? loadJourneys();
  const total: RunCounts = { sent: 0, stopped: 0, completed: 0 };
  const orgs = await deps.db.select({ id: organisations.id }).from(organisations);
  for (const org of orgs) {
    const counts = await deps.db.transaction((tx) => runForOrganisation(tx, { organisationId: org.id, clock: deps.clock }, journeys));
    total.sent += counts.sent;
    total.stopped += counts.stopped;
    total.completed += counts.completed;
  }
  return total;
}

export function createJourneyService({ db, journeys = loadJourneys() }: { db: Database; journeys?: Map<string, JourneyDefinition> }) {
  async function listFor(tx: DbExecutor, ctx: TenantContext, spellId: string) {
    const rows = await tx.select().from(journeySubscriptions).where(inTenant(journeySubscriptions, ctx, eq(journeySubscriptions.spellId, spellId))).orderBy(asc(journeySubscriptions.createdAt));
    return rows.map((r) => {
      const journey = journeys.get(r.journeyKey);
      return {
        id: r.id,
        journeyKey: r.journeyKey,
        name: journey?.name[ctx.lang] ?? r.journeyKey,
        anchorDate: r.anchorDate,
        startedOn: r.startedOn,
        steps: journey?.steps.map((s, i) => ({ day: s.day, subject: s.subject[ctx.lang], sent: r.sentSteps.includes(i) })) ?? [],
        status: r.status,
        stopReason: r.stopReason,
      };
    });
  }

  return {
    available(ctx: TenantContext) {
      return [...journeys.values()].map((j) => ({ key: j.key, name: j.name[ctx.lang], anchor: j.anchor, steps: j.steps.length }));
    },

    async list(ctx: TenantContext, spellId: string) {
      return db.transaction(async (tx) => {
        const [spell] = await tx.select({ jobseekerId: spells.jobseekerId }).from(spells).where(inTenant(spells, ctx, eq(spells.id, spellId)));
        if (!spell) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'journey', subjectId: spellId, jobseekerId: spell.jobseekerId });
        return listFor(tx, ctx, spellId);
      });
    },

    /** Puts the person on a journey from the spell's event; today's mail (if any) goes out at once. */
    async start(ctx: TenantContext, spellId: string, input: { journeyKey: string }) {
      try {
        await db.transaction(async (tx) => {
          const [spell] = await tx.select().from(spells).where(inTenant(spells, ctx, eq(spells.id, spellId)));
          if (!spell) throw new AppError('not_found');
          const journey = journeys.get(input.journeyKey);
          if (!journey) throw new AppError('validation_failed', { journeyKey: { da: 'Vælg et forløb fra listen.', en: 'Choose a journey from the list.' } });
          if (spell.status !== 'active') throw new AppError('unprocessable', { status: { da: 'Forløbet er afsluttet.', en: 'The spell has ended.' } });
          const wanted = journey.anchor === 'notice_date' ? 'notice' : 'unemployment';
          if (spell.kind !== wanted) {
            throw new AppError('unprocessable', { journeyKey: { da: wanted === 'notice' ? 'Forløbet er for opsagte: start det på et opsigelsesforløb.' : 'Forløbet er for ledige: start det på et ledighedsforløb.', en: wanted === 'notice' ? 'The journey is for people under notice: start it on a notice spell.' : 'The journey is for unemployed people: start it on an unemployment spell.' } });
          }
          const id = randomUUID();
          await tx.insert(journeySubscriptions).values({ id, organisationId: ctx.organisationId, jobseekerId: spell.jobseekerId, spellId, journeyKey: journey.key, anchorDate: spell.startDate, startedOn: todayOf(ctx), createdBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null, createdAt: ctx.clock.now() });
          await runForOrganisation(tx, ctx, journeys, { subscriptionId: id });
          await writeAudit(tx, ctx, { action: 'create', subjectType: 'journey', subjectId: id, jobseekerId: spell.jobseekerId, details: { journeyKey: journey.key } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('unprocessable', { journeyKey: { da: 'Den jobsøgende er allerede på dette forløb.', en: 'The jobseeker is already on this journey.' } });
        throw error;
      }
      return this.list(ctx, spellId);
    },

    /** Runs today's journey mails for the caller's organisation (what the daily worker does for all). */
    async runNow(ctx: TenantContext) {
      return db.transaction(async (tx) => {
        const counts = await runForOrganisation(tx, ctx, journeys);
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'journey_run', details: counts });
        return counts;
      });
    },
  };
}

export type JourneyService = ReturnType<typeof createJourneyService>;

