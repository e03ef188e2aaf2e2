import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { benefitHours, conversationEvents, conversations, organisations, profilingResponses, segmentAssessments, spells } from '../../db/schema';
import { ageOn, maskCpr } from '../../core/identity/cpr';
import { isTargetGroup, listTargetGroupsFor } from '../../core/reference/target-groups';
import { isSpellEndReason } from '../../core/reference/spell-end-reasons';
import { daysBetween, addDays } from '../../core/calendar/iso-date';
import { estimateHandoverDate } from '../../core/cadence/plan-conversations';
import type { THandoverRule } from '../../core/cadence/cadence-schema';
import { monthEndReachingHours } from '../../core/spells/benefit-hours';
import { validateAnswers } from '../../core/profiling/questionnaire';
import { scoreRisk, type RiskScore, type TRiskModel } from '../../core/profiling/risk-model';
import { assessSegment } from '../../core/profiling/segment-assessment';
import type { CprCipher } from '../crypto/cpr-cipher';
import type { TenantContext } from '../context';
import { AppError, type FieldErrors } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { loadOrgCalendar, todayOf } from '../calendar/org-calendar';
import { findActiveQuestionnaire, findActiveRiskModel, findCadenceForSegment, listActiveSegments } from '../templates/queries';
import { replanSpell } from './replan';
import {
  findActiveSpellOfJobseeker,
  findJobseekerBasics,
  findSpell,
  findStaffInOrg,
  findTemplateSummary,
  findUnitInOrg,
  listAssessments,
  listBenefitHours,
  listConversationsOfSpell,
  listOpenTasksOfSpell,
  listSpellsOfJobseeker,
  type SpellRow,
} from './queries';
import type { TCreateSpell, TUpdateSpell } from './schemas';
import type { SpellHooks } from './hooks';

const T = {
  dateOrder: { da: 'Datoen ligger før forløbets start.', en: 'The date is before the start of the spell.' },
  noticeEnd: { da: 'Opsigelsens sidste dag skal udfyldes for et opsigelsesforløb.', en: 'The last day of notice is required for a notice spell.' },
  targetGroup: { da: 'Vælg en målgruppe, som organisationen arbejder med.', en: 'Choose a target group the organisation works with.' },
  caseworker: { da: 'Vælg en aktiv medarbejder fra organisationen.', en: 'Choose an active staff member of the organisation.' },
  unit: { da: 'Vælg en afdeling i organisationen.', en: 'Choose a unit of the organisation.' },
  endReason: { da: 'Vælg en afslutningsårsag fra listen.', en: 'Choose an end reason from the list.' },
  segment: { da: 'Vælg en af organisationens grupper.', en: 'Choose one of the organisation’s segments.' },
  future: { da: 'Datoen må højst ligge et år ude i fremtiden.', en: 'The date may be at most a year ahead.' },
};

export type SpellServiceDeps = { db: Database; cipher: CprCipher; hooks: SpellHooks };

export function createSpellService({ db, cipher, hooks }: SpellServiceDeps) {
  async function loadSpellOr404(tx: DbExecutor, ctx: TenantContext, id: string): Promise<SpellRow> {
    const spell = await findSpell(tx, ctx, id);
    if (!spell) throw new AppError('not_found');
    return spell;
  }

  function assertActive(spell: SpellRow) {
    if (spell.status !== 'active') throw new AppError('unprocessable', { status: { da: 'Forløbet er afsluttet.', en: 'The spell has ended.' } });
  }

  async function checkPeople(tx: DbExecutor, ctx: TenantContext, input: { unitId?: string | null; caseworkerId?: string | null }, fields: FieldErrors) {
    if (input.caseworkerId) {
      const s = await findStaffInOrg(tx, ctx, input.caseworkerId);
      if (!s || !s.active || !['caseworker', 'manager'].includes(s.role)) fields.caseworkerId = T.caseworker;
    }
    if (input.unitId && !(await findUnitInOrg(tx, ctx, input.unitId))) fields.unitId = T.unit;
  }

  async function orgKind(ctx: TenantContext, tx: DbExecutor): Promise<'akasse' | 'jobcenter'> {
    const [org] = await tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, ctx.organisationId));
    return org!.kind;
  }

  async function presentSpell(tx: DbExecutor, ctx: TenantContext, spell: SpellRow) {
    const cadence = await findTemplateSummary(tx, ctx, spell.cadenceTemplateId);
    let handoverDate: string | null = null;
    if (cadence?.handover) {
      const rule = cadence.handover as THandoverRule;
      handoverDate = rule.kind === 'hours' ? (spell.passed410On ?? estimateHandoverDate({ rule, dayZero: spell.startDate }) ?? null) : (estimateHandoverDate({ rule, dayZero: spell.startDate }) ?? null);
    }
    return {
      id: spell.id,
      jobseekerId: spell.jobseekerId,
      kind: spell.kind,
      startDate: spell.startDate,
      registrationDate: spell.registrationDate,
      noticeEndDate: spell.noticeEndDate,
      targetGroup: spell.targetGroup,
      unitId: spell.unitId,
      caseworkerId: spell.caseworkerId,
      segment: spell.segment,
      cadence: cadence ? { id: cadence.id, key: cadence.key, name: cadence.name, version: cadence.version } : null,
      status: spell.status,
      endDate: spell.endDate,
      endReason: spell.endReason,
      passed410On: spell.passed410On,
      handoverDate,
      version: spell.version,
    };
  }

  /** Weeks unemployment in the three years before a spell, from the organisation's earlier spells. */
  async function earlierUnemploymentWeeks(tx: DbExecutor, ctx: TenantContext, spell: SpellRow): Promise<number> {
    const all = await listSpellsOfJobseeker(tx, ctx, spell.jobseekerId);
    const from = addDays(spell.startDate, -3 * 365);
    let days = 0;
    for (const s of all) {
      if (s.id === spell.id || s.kind !== 'unemployment' || s.startDate >= spell.startDate) continue;
      const start = s.startDate > from ? s.startDate : from;
      const end = s.endDate && s.endDate < spell.startDate ? s.endDate : spell.startDate;
      if (end > start) days += daysBetween(start, end);
    }
    return Math.round(days / 7);
  }

  async function currentScore(tx: DbExecutor, ctx: TenantContext, spell: SpellRow): Promise<{ score: RiskScore; responseId: string; modelId: string } | null> {
    const [response] = await tx
      .select()
      .from(profilingResponses)
      .where(inTenant(profilingResponses, ctx, eq(profilingResponses.spellId, spell.id)))
      .orderBy(desc(profilingResponses.answeredAt))
      .limit(1);
    if (!response) return null;
    const modelRow = await findActiveRiskModel(tx, ctx);
    if (!modelRow) return null;
    const person = await findJobseekerBasics(tx, ctx, spell.jobseekerId);
    const scheme = await pickScheme(tx, ctx, modelRow.model);
    const score = scoreRisk(
      modelRow.model,
      {
        age: person ? ageOn(person.birthDate, spell.startDate) : null,
        educationLevel: person?.educationLevel ?? null,
        unemploymentWeeksLast3Years: await earlierUnemploymentWeeks(tx, ctx, spell),
        answers: response.answers,
      },
      scheme ? { scheme } : {},
    );
    return { score, responseId: response.id, modelId: modelRow.id };
  }

  /** The model's segment scheme that fits the segments the organisation works with. */
  async function pickScheme(tx: DbExecutor, ctx: TenantContext, model: TRiskModel): Promise<string | null> {
    const active = new Set((await listActiveSegments(tx, ctx)).map((s) => s.segment));
    let best: { id: string; overlap: number } | null = null;
    for (const [id, scheme] of Object.entries(model.segmentSchemes)) {
      const overlap = scheme.segments.filter((s) => active.has(s)).length;
      if (overlap > 0 && (!best || overlap > best.overlap)) best = { id, overlap };
    }
    return best?.id ?? null;
  }

  return {
    async createSpell(ctx: TenantContext, jobseekerId: string, input: TCreateSpell) {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const person = await findJobseekerBasics(tx, ctx, jobseekerId);
        if (!person) throw new AppError('not_found');
        const fields: FieldErrors = {};
        const today = todayOf(ctx);
        const registrationDate = input.registrationDate ?? today;
        if (input.startDate > addDays(today, 365)) fields.startDate = T.future;
        if (input.kind === 'notice' && !input.noticeEndDate) fields.noticeEndDate = T.noticeEnd;
        if (input.noticeEndDate && input.noticeEndDate < input.startDate) fields.noticeEndDate = T.dateOrder;
        const kind = await orgKind(ctx, tx);
        if (!isTargetGroup(input.targetGroup) || !listTargetGroupsFor(kind).some((g) => g.code === input.targetGroup)) fields.targetGroup = T.targetGroup;
        await checkPeople(tx, ctx, input, fields);
        if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);
        if (await findActiveSpellOfJobseeker(tx, ctx, jobseekerId)) throw new AppError('spell_active_exists');
        const now = ctx.clock.now();
        await tx.insert(spells).values({
          id,
          organisationId: ctx.organisationId,
          jobseekerId,
          kind: input.kind,
          startDate: input.startDate,
          registrationDate,
          noticeEndDate: input.noticeEndDate ?? null,
          targetGroup: input.targetGroup,
          unitId: input.unitId ?? (ctx.actor.kind === 'staff' ? ctx.actor.unitId : null),
          caseworkerId: input.caseworkerId ?? (ctx.actor.kind === 'staff' && ctx.actor.role === 'caseworker' ? ctx.actor.id : null),
          createdAt: now,
          updatedAt: now,
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'spell', subjectId: id, jobseekerId });
        await hooks.afterSpellChange(tx, ctx, id);
      });
      return this.getSpell(ctx, id);
    },

    async getSpell(ctx: TenantContext, id: string) {
      return db.transaction(async (tx) => {
        const spell = await loadSpellOr404(tx, ctx, id);
        const person = await findJobseekerBasics(tx, ctx, spell.jobseekerId);
        const [convs, assessments, hours, openTasks, segments] = await Promise.all([
          listConversationsOfSpell(tx, ctx, id),
          listAssessments(tx, ctx, id),
          listBenefitHours(tx, ctx, id),
          listOpenTasksOfSpell(tx, ctx, id),
          listActiveSegments(tx, ctx),
        ]);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'spell', subjectId: id, jobseekerId: spell.jobseekerId });
        return {
          ...(await presentSpell(tx, ctx, spell)),
          jobseeker: person
            ? { id: person.id, name: `${person.firstName} ${person.lastName}`, cprMasked: maskCpr(cipher.decrypt(person.cprCiphertext)), age: ageOn(person.birthDate, todayOf(ctx)) }
            : null,
          conversations: convs.map(presentConversation),
          assessments: assessments.map((a) => ({ ...a, decidedAt: a.decidedAt.toISOString(), score: a.score ?? null })),
          benefitHours: hours,
          openTasks,
          segments,
        };
      });
    },

    async listSpellsOfJobseeker(ctx: TenantContext, jobseekerId: string) {
      return db.transaction(async (tx) => {
        if (!(await findJobseekerBasics(tx, ctx, jobseekerId))) throw new AppError('not_found');
        const rows = await listSpellsOfJobseeker(tx, ctx, jobseekerId);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'spell', jobseekerId, details: { list: true } });
        return Promise.all(rows.map((r) => presentSpell(tx, ctx, r)));
      });
    },

    async updateSpell(ctx: TenantContext, id: string, input: TUpdateSpell) {
      await db.transaction(async (tx) => {
        const spell = await loadSpellOr404(tx, ctx, id);
        const fields: FieldErrors = {};
        if (input.targetGroup !== undefined) {
          const kind = await orgKind(ctx, tx);
          if (!listTargetGroupsFor(kind).some((g) => g.code === input.targetGroup)) fields.targetGroup = T.targetGroup;
        }
        await checkPeople(tx, ctx, input, fields);
        if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);
        if (spell.version !== input.version) throw new AppError('version_conflict');
        const changes: Partial<typeof spells.$inferInsert> = {};
        if (input.targetGroup !== undefined) changes.targetGroup = input.targetGroup;
        if (input.unitId !== undefined) changes.unitId = input.unitId;
        if (input.caseworkerId !== undefined) changes.caseworkerId = input.caseworkerId;
        await tx.update(spells).set({ ...changes, version: spell.version + 1, updatedAt: ctx.clock.now() }).where(inTenant(spells, ctx, eq(spells.id, id)));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'spell', subjectId: id, jobseekerId: spell.jobseekerId, details: { fields: Object.keys(changes) } });
        await hooks.afterSpellChange(tx, ctx, id);
      });
      return this.getSpell(ctx, id);
    },

    async endSpell(ctx: TenantContext, id: string, input: { endDate: string; endReason: string; version: number }) {
      await db.transaction(async (tx) => this.endSpellIn(tx, ctx, id, input));
      return this.getSpell(ctx, id);
    },

    /**
     * Ends a spell inside the caller's transaction (a hire through brokering ends it as
     * ordinary_job): the one way a spell ends, with the same checks, audit and task sync.
     * `version: 'current'` is for a caller that already checked its own row's version.
     */
    async endSpellIn(tx: DbExecutor, ctx: TenantContext, id: string, input: { endDate: string; endReason: string; version: number | 'current' }) {
      const spell = await loadSpellOr404(tx, ctx, id);
      assertActive(spell);
      const fields: FieldErrors = {};
      if (!isSpellEndReason(input.endReason)) fields.endReason = T.endReason;
      if (input.endDate < spell.startDate) fields.endDate = T.dateOrder;
      if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);
      if (input.version !== 'current' && spell.version !== input.version) throw new AppError('version_conflict');
      await closeSpell(tx, ctx, spell, input.endDate, input.endReason);
      await hooks.afterSpellChange(tx, ctx, id);
    },

    /** A notice that ends without a job: the notice spell ends and an unemployment spell continues the case. */
    async convertNotice(ctx: TenantContext, id: string, input: { firstDayOfUnemployment: string; version: number }) {
      const newId = randomUUID();
      await db.transaction(async (tx) => {
        const spell = await loadSpellOr404(tx, ctx, id);
        assertActive(spell);
        if (spell.kind !== 'notice') throw new AppError('unprocessable', { kind: { da: 'Kun et opsigelsesforløb kan blive til et ledighedsforløb.', en: 'Only a notice spell can become an unemployment spell.' } });
        if (input.firstDayOfUnemployment < spell.startDate) throw new AppError('validation_failed', { firstDayOfUnemployment: T.dateOrder });
        if (spell.version !== input.version) throw new AppError('version_conflict');
        await closeSpell(tx, ctx, spell, addDays(input.firstDayOfUnemployment, -1) < spell.startDate ? spell.startDate : addDays(input.firstDayOfUnemployment, -1), 'became_unemployed');
        const now = ctx.clock.now();
        await tx.insert(spells).values({
          id: newId,
          organisationId: ctx.organisationId,
          jobseekerId: spell.jobseekerId,
          kind: 'unemployment',
          startDate: input.firstDayOfUnemployment,
          registrationDate: todayOf(ctx),
          targetGroup: spell.targetGroup,
          unitId: spell.unitId,
          caseworkerId: spell.caseworkerId,
          segment: spell.segment,
          previousSpellId: spell.id,
          createdAt: now,
          updatedAt: now,
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'spell', subjectId: newId, jobseekerId: spell.jobseekerId, details: { from: spell.id } });
        if (spell.segment) {
          const cadence = await findCadenceForSegment(tx, ctx, spell.segment, input.firstDayOfUnemployment);
          if (cadence) await replanSpell(tx, ctx, { id: newId, startDate: input.firstDayOfUnemployment }, cadence, await loadOrgCalendar(tx, ctx));
        }
        await hooks.afterSpellChange(tx, ctx, id);
        await hooks.afterSpellChange(tx, ctx, newId);
      });
      return this.getSpell(ctx, newId);
    },

    async setBenefitHours(ctx: TenantContext, id: string, input: { month: string; hours: number }) {
      await db.transaction(async (tx) => {
        const spell = await loadSpellOr404(tx, ctx, id);
        const month = `${input.month}-01`;
        if (month < spell.startDate.slice(0, 8) + '01') throw new AppError('validation_failed', { month: T.dateOrder });
        await tx
          .insert(benefitHours)
          .values({ id: randomUUID(), organisationId: ctx.organisationId, spellId: id, month, hours: input.hours })
          .onConflictDoUpdate({ target: [benefitHours.spellId, benefitHours.month], set: { hours: input.hours } });
        const all = await listBenefitHours(tx, ctx, id);
        await tx.update(spells).set({ passed410On: monthEndReachingHours(all), updatedAt: ctx.clock.now() }).where(inTenant(spells, ctx, eq(spells.id, id)));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'spell', subjectId: id, jobseekerId: spell.jobseekerId, details: { fields: ['benefitHours'], month: input.month } });
        await hooks.afterSpellChange(tx, ctx, id);
      });
      return this.getSpell(ctx, id);
    },

    async getProfiling(ctx: TenantContext, id: string) {
      return db.transaction(async (tx) => {
        const spell = await loadSpellOr404(tx, ctx, id);
        const questionnaire = await findActiveQuestionnaire(tx, ctx);
        const [response] = await tx
          .select({ id: profilingResponses.id, answers: profilingResponses.answers, answeredAt: profilingResponses.answeredAt, answeredBy: profilingResponses.answeredBy })
          .from(profilingResponses)
          .where(inTenant(profilingResponses, ctx, eq(profilingResponses.spellId, id)))
          .orderBy(desc(profilingResponses.answeredAt))
          .limit(1);
        const scored = await currentScore(tx, ctx, spell);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'profiling', subjectId: id, jobseekerId: spell.jobseekerId });
        return {
          questionnaire: questionnaire ? { id: questionnaire.id, definition: questionnaire.questionnaire } : null,
          response: response ? { ...response, answeredAt: response.answeredAt.toISOString() } : null,
          score: scored?.score ?? null,
          segments: await listActiveSegments(tx, ctx),
          currentSegment: spell.segment,
        };
      });
    },

    async submitProfiling(ctx: TenantContext, id: string, answers: Record<string, unknown>, by: 'staff' | 'jobseeker' = 'staff') {
      await db.transaction(async (tx) => {
        const spell = await loadSpellOr404(tx, ctx, id);
        assertActive(spell);
        const questionnaire = await findActiveQuestionnaire(tx, ctx);
        if (!questionnaire) throw new AppError('unprocessable');
        const cleaned = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null && v !== ''));
        const checked = validateAnswers(questionnaire.questionnaire, cleaned);
        if (!checked.ok) throw new AppError('validation_failed', Object.fromEntries(checked.errors.map((e) => [e.field, e.message])));
        await tx.insert(profilingResponses).values({
          id: randomUUID(),
          organisationId: ctx.organisationId,
          spellId: id,
          questionnaireTemplateId: questionnaire.id,
          answers: checked.answers as Record<string, string | number | boolean>,
          answeredBy: by,
          answeredByStaffId: by === 'staff' ? ctx.actor.id : null,
          answeredAt: ctx.clock.now(),
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'profiling', subjectId: id, jobseekerId: spell.jobseekerId });
      });
      return this.getProfiling(ctx, id);
    },

    /** The caseworker decides the segment; the spell is (re-)planned on the segment's cadence. */
    async decideSegment(ctx: TenantContext, id: string, input: { segment: string; reason?: string }) {
      await db.transaction(async (tx) => {
        const spell = await loadSpellOr404(tx, ctx, id);
        assertActive(spell);
        const segments = await listActiveSegments(tx, ctx);
        if (!segments.some((s) => s.segment === input.segment)) throw new AppError('validation_failed', { segment: T.segment });
        const cadence = await findCadenceForSegment(tx, ctx, input.segment, spell.startDate > todayOf(ctx) ? spell.startDate : todayOf(ctx));
        if (!cadence) throw new AppError('validation_failed', { segment: T.segment });
        const scored = await currentScore(tx, ctx, spell);
        let overridden = true;
        let reason = input.reason?.trim() || null;
        if (scored) {
          const result = assessSegment({ score: scored.score, chosenSegment: input.segment, reason });
          if (!result.ok) {
            // The scheme may not know every active segment (e.g. a legal-minimum cadence): then the reason rule still holds.
            const errors = result.errors.filter((e) => e.code !== 'segment_not_in_scheme');
            if (errors.length > 0) throw new AppError('validation_failed', Object.fromEntries(errors.map((e) => [e.field === 'chosenSegment' ? 'segment' : e.field, e.message])));
            if (!reason || reason.length < 10) throw new AppError('validation_failed', { reason: { da: 'Begrund valget af en gruppe, som modellen ikke foreslår (mindst 10 tegn).', en: 'Give a reason for a segment the model does not suggest (at least 10 characters).' } });
          } else {
            overridden = result.assessment.overridden;
            reason = result.assessment.reason;
          }
        } else if (!reason || reason.length < 10) {
          throw new AppError('validation_failed', { reason: { da: 'Der er ingen profilafklaring endnu: begrund valget af gruppe (mindst 10 tegn).', en: 'There is no profiling yet: give a reason for the segment (at least 10 characters).' } });
        }
        const now = ctx.clock.now();
        await tx.insert(segmentAssessments).values({
          id: randomUUID(),
          organisationId: ctx.organisationId,
          spellId: id,
          profilingResponseId: scored?.responseId ?? null,
          riskModelTemplateId: scored?.modelId ?? null,
          score: (scored?.score as unknown as Record<string, unknown>) ?? null,
          probability: scored?.score.probability ?? null,
          band: scored?.score.band ?? null,
          suggestedSegment: scored?.score.suggestedSegment ?? null,
          chosenSegment: input.segment,
          overridden,
          reason,
          cadenceTemplateId: cadence.id,
          decidedBy: ctx.actor.id,
          decidedAt: now,
        });
        await tx.update(spells).set({ segment: input.segment, version: spell.version + 1, updatedAt: now }).where(inTenant(spells, ctx, eq(spells.id, id)));
        await replanSpell(tx, ctx, spell, cadence, await loadOrgCalendar(tx, ctx));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'spell', subjectId: id, jobseekerId: spell.jobseekerId, details: { fields: ['segment'], segment: input.segment, overridden } });
        await hooks.afterSpellChange(tx, ctx, id);
      });
      return this.getSpell(ctx, id);
    },
  };

  async function closeSpell(tx: DbExecutor, ctx: TenantContext, spell: SpellRow, endDate: string, endReason: string) {
    const now = ctx.clock.now();
    await tx.update(spells).set({ status: 'ended', endDate, endReason, version: spell.version + 1, updatedAt: now }).where(inTenant(spells, ctx, eq(spells.id, spell.id)));
    const open = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(inTenant(conversations, ctx, eq(conversations.spellId, spell.id), inArray(conversations.status, ['planned', 'booked']))));
    if (open.length > 0) {
      await tx
        .update(conversations)
        .set({ status: 'cancelled', cancelReason: 'Forløbet er afsluttet', updatedAt: now })
        .where(and(inTenant(conversations, ctx), inArray(conversations.id, open.map((o) => o.id))));
      await tx.insert(conversationEvents).values(
        open.map((o) => ({ id: randomUUID(), organisationId: ctx.organisationId, conversationId: o.id, kind: 'cancelled' as const, at: now, actorKind: ctx.actor.kind, actorId: ctx.actor.id, reason: 'Forløbet er afsluttet' })),
      );
    }
    await writeAudit(tx, ctx, { action: 'update', subjectType: 'spell', subjectId: spell.id, jobseekerId: spell.jobseekerId, details: { fields: ['status', 'endDate', 'endReason'], endReason } });
  }
}

export type SpellService = ReturnType<typeof createSpellService>;

export function presentConversation(c: typeof conversations.$inferSelect) {
  return {
    id: c.id,
    spellId: c.spellId,
    planKey: c.planKey,
    type: c.type,
    label: c.label,
    mandatory: c.mandatory,
    plannedMode: c.plannedMode,
    earliest: c.earliest,
    latest: c.latest,
    status: c.status,
    scheduledAt: c.scheduledAt?.toISOString() ?? null,
    durationMinutes: c.durationMinutes,
    mode: c.mode,
    place: c.place,
    caseworkerId: c.caseworkerId,
    selfBooked: c.selfBooked,
    moveCount: c.moveCount,
    outsideWindowReason: c.outsideWindowReason,
    heldOn: c.heldOn,
    notes: c.notes,
    guideAnswers: c.guideAnswers ?? null,
    agreements: c.agreements ?? [],
    jobsPresented: c.jobsPresented ?? [],
    exemptionReason: c.exemptionReason,
    cancelReason: c.cancelReason,
    version: c.version,
  };
}
