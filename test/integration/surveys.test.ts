import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, like } from 'drizzle-orm';
import { organisations, outbox, surveyInvitations, surveyLinks, surveyResponses } from '../../src/db/schema';
import type { TenantContext } from '../../src/server/context';
import { scheduleSurveyAfter } from '../../src/server/surveys/schedule';
import { scheduleQuarterlySurveys, sendSurveyReminders } from '../../src/server/surveys/jobs';
import { loadSatisfactionResponses } from '../../src/server/surveys/queries';
import { satisfactionShare } from '../../src/core/surveys/satisfaction';
import { createTestApp, loginAs, TEST_TODAY, type Session, type TestApp } from '../support/app';

// TEST_TODAY is Monday 2026-11-02 (09:00 UTC).
let t: TestApp;
let cw: Session;
let manager: Session;
let akasseId: string;
let counter = 0;
const FIRST_NAMES = ['Sofie', 'Bent', 'Karin', 'Jonas', 'Lotte', 'Mads', 'Nanna', 'Ole', 'Pia', 'Rasmus', 'Signe', 'Troels'];
const SHORT_LINK = /\/s\/([1-9A-HJ-NP-Za-km-z]{8})(?![A-Za-z0-9])/;

type Contact = { phone?: string; email?: string; preferredLanguage?: 'da' | 'en' };

/** A new jobseeker with a spell whose CV talk has just been held; returns the ids and the survey message. */
async function talkHeld(contact: Contact, options: { hold?: boolean } = {}) {
  counter += 1;
  const firstName = FIRST_NAMES[counter % FIRST_NAMES.length]!;
  const created = await cw.request('POST', '/api/v1/jobseekers', { cpr: `${String(counter).padStart(2, '0')}0385-${1000 + counter}`, firstName, lastName: 'Svarsen', ...contact });
  expect(created.statusCode).toBe(201);
  const jobseekerId = created.json().id as string;
  const spell = await cw.request('POST', `/api/v1/jobseekers/${jobseekerId}/spells`, { kind: 'unemployment', startDate: TEST_TODAY, targetGroup: 'unemployment_insurance' });
  expect(spell.statusCode).toBe(201);
  const spellId = spell.json().id as string;
  const planned = await cw.request('POST', `/api/v1/spells/${spellId}/segment`, { segment: 'hk-1', reason: 'Gode muligheder for job inden for faget.' });
  expect(planned.statusCode).toBe(200);
  const cv = planned.json().conversations.find((c: { type: string }) => c.type === 'cv_contact');
  if (options.hold !== false) {
    const held = await cw.request('POST', `/api/v1/conversations/${cv.id}/hold`, { version: cv.version, notes: 'CV gennemgået.' });
    expect(held.statusCode).toBe(200);
  }
  const messages = await t.connection.db.select().from(outbox).where(and(eq(outbox.jobseekerId, jobseekerId), like(outbox.template, 'survey%')));
  return { jobseekerId, spellId, conversationId: cv.id as string, messages, firstName };
}

function codeOf(body: string): string {
  const code = SHORT_LINK.exec(body)?.[1];
  if (!code) throw new Error(`no short link in: ${body}`);
  return code;
}

function openSurvey(code: string, source = '192.0.2.1', headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url: `/api/public/surveys/${code}`, remoteAddress: source, headers });
}

function answerSurvey(code: string, answers: Record<string, unknown>, source = '192.0.2.1') {
  return t.app.inject({ method: 'POST', url: `/api/public/surveys/${code}`, payload: { answers }, remoteAddress: source });
}

function systemCtx(): TenantContext {
  return { organisationId: akasseId, actor: { kind: 'system', id: null }, purpose: 'test', lang: 'da', clock: t.clock };
}

beforeAll(async () => {
  t = await createTestApp();
  cw = await loginAs(t.app, 'vejleder@akasse.demo');
  manager = await loginAs(t.app, 'leder@akasse.demo');
  const [org] = await t.connection.db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
  akasseId = org!.id;
});
afterAll(async () => t?.close());

describe('the demo data', () => {
  it('has surveys after its held talks, with a share satisfied near HK’s 85 % target', async () => {
    const body = (await manager.request('GET', '/api/v1/surveys/results')).json();
    expect(body.total.suppressed).toBe(false);
    expect(body.total.answered).toBeGreaterThan(20);
    expect(body.total.share).toBeGreaterThan(0.75);
    expect(body.total.share).toBeLessThan(0.97);
    // The rest of this file counts its own surveys from zero.
    await t.connection.db.delete(surveyResponses);
    await t.connection.db.delete(surveyLinks);
    await t.connection.db.delete(surveyInvitations);
  });
});

describe('a survey after a conversation', () => {
  let code: string;

  it('texts the jobseeker one short link when the talk is held, asking HK’s question', async () => {
    const { messages, conversationId } = await talkHeld({ phone: '+4521000001', email: 'sms@eksempel.dk' });
    expect(messages).toHaveLength(1);
    const [sms] = messages;
    expect(sms).toMatchObject({ channel: 'sms', recipient: '+4521000001', status: 'queued', template: 'survey:conversation' });
    expect(sms!.body).toContain('Hvor tilfreds var du med samtalen?');
    expect(sms!.body).toContain('Demo A-kasse');
    code = codeOf(sms!.body);
    const invitations = await t.connection.db.select().from(surveyInvitations).where(eq(surveyInvitations.subjectId, conversationId));
    expect(invitations).toHaveLength(1);
    expect(invitations[0]).toMatchObject({ trigger: 'conversation_held', type: 'cv_contact', channel: 'sms', language: 'da', invitedOn: TEST_TODAY });
  });

  it('sends nothing more when asked again for the same talk', async () => {
    const { conversationId, jobseekerId, messages } = await talkHeld({ phone: '+4521000002' });
    const again = await t.connection.db.transaction((tx) => scheduleSurveyAfter(tx, systemCtx(), { trigger: 'conversation_held', jobseekerId, subjectId: conversationId }));
    expect(again.scheduled).toEqual([expect.objectContaining({ created: false, audience: 'jobseeker' })]);
    const after = await t.connection.db.select().from(outbox).where(eq(outbox.jobseekerId, jobseekerId));
    expect(after.filter((m) => m.template.startsWith('survey'))).toHaveLength(messages.length);
    expect(messages).toHaveLength(1);
  });

  it('e-mails a jobseeker without a phone, in English when that is their language, with a long single-use link', async () => {
    const { messages } = await talkHeld({ email: 'english@eksempel.dk', preferredLanguage: 'en' });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'email', recipient: 'english@eksempel.dk', subject: 'How satisfied were you with the conversation?' });
    const token = /\/s\/([A-Za-z0-9_-]{22})\b/.exec(messages[0]!.body)?.[1];
    expect(token).toBeDefined();
    const res = await openSurvey(token!);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ language: 'en', questions: [{ text: 'How satisfied were you with the conversation?' }, { text: 'The conversation involved me and gave me more knowledge of the labour market.' }, { kind: 'free_text' }] });
  });

  it('holds the talk even when the jobseeker cannot be reached, and sends nothing', async () => {
    const { messages, conversationId } = await talkHeld({});
    expect(messages).toHaveLength(0);
    const conv = await t.connection.db.select().from(surveyInvitations).where(eq(surveyInvitations.subjectId, conversationId));
    expect(conv).toHaveLength(0);
  });

  it('opens on the short link without a login, in Danish, and shows nothing about the person', async () => {
    const res = await openSurvey(code);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ language: 'da', organisation: 'Demo A-kasse', questions: [
        { id: 'satisfaction', kind: 'likert', text: 'Hvor tilfreds var du med samtalen?', required: true },
        // Seed 002's second measure: was the talk involving and did it give labour-market knowledge.
        { id: 'involving', kind: 'likert', text: 'Samtalen var medinddragende og gav mig større viden om arbejdsmarkedet.', required: false, scaleLabels: ['Helt uenig', 'Uenig', 'Hverken enig eller uenig', 'Enig', 'Helt enig'] },
        { id: 'comment', kind: 'free_text', required: false },
      ],
    });
    expect(body.questions[0].scaleLabels).toEqual(['Meget utilfreds', 'Utilfreds', 'Hverken tilfreds eller utilfreds', 'Tilfreds', 'Meget tilfreds']);
    expect(res.body).not.toMatch(/Svarsen|\+4521000001|sms@eksempel|0385/);
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'intro', 'language', 'organisation', 'questions', 'title']);
  });

  it('ignores a staff session in the same browser: the page is public', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/public/surveys/${code}`, payload: { answers: {} }, headers: { cookie: cw.cookie }, remoteAddress: '192.0.2.1' });
    expect(res.statusCode).toBe(400); // the answers are checked; no CSRF demand and no staff identity
  });

  it('names the missing and wrong answers in Danish and stores nothing', async () => {
    const res = await answerSurvey(code, { satisfaction: 7, involving: 0, comment: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ 'answers.satisfaction': 'Vælg et tal fra 1 til 5.', 'answers.involving': 'Vælg et tal fra 1 til 5.' });
    const missing = await answerSurvey(code, { comment: 'Fin' });
    expect(missing.json().error.fields).toEqual({ 'answers.satisfaction': 'Vælg et svar.' });
    expect(await t.connection.db.select().from(surveyResponses)).toHaveLength(0);
  });

  it('takes the answer once; a second answer is refused with a clear message, and the link then says it was answered', async () => {
    const first = await answerSurvey(code, { satisfaction: 4, involving: 5, comment: 'God samtale, konkrete aftaler.' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ language: 'da', thanks: 'Tak for dit svar. Vi bruger svarene til at blive bedre.' });
    const second = await answerSurvey(code, { satisfaction: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe('Dit svar er allerede modtaget. Spørgeskemaet kan kun besvares én gang. Tak for dit svar.');
    const stored = await t.connection.db.select().from(surveyResponses);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ satisfaction: 4, answers: { satisfaction: 4, involving: 5, comment: 'God samtale, konkrete aftaler.' } });
    // The indicators read the numeric answers only, never the free text.
    const [row] = (await loadSatisfactionResponses(t.connection.db, { organisationId: stored[0]!.organisationId })).filter((r) => r.invitationId === stored[0]!.invitationId);
    expect(row!.scores).toEqual({ satisfaction: 4, involving: 5 });
    const reopened = await openSurvey(code);
    expect(reopened.statusCode).toBe(410);
    expect(reopened.json().error.message).toBe('Du har allerede svaret på spørgeskemaet. Tak for dit svar.');
  });

  it('answers an unknown link with 404 and a clear Danish message', async () => {
    const res = await openSurvey('Zz9Zz9Zz', '192.0.2.50');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ code: 'survey_link_invalid', message: 'Linket til spørgeskemaet virker ikke. Tjek, at hele linket fra din SMS eller e-mail er kommet med.' });
    expect((await openSurvey('../../etc/passwd', '192.0.2.50')).statusCode).toBe(404);
  });
});

describe('guessing links', () => {
  it('stops a source after 10 links that do not exist, even for a real link, while others still get through', async () => {
    const { messages } = await talkHeld({ phone: '+4521000010' });
    const code = codeOf(messages[0]!.body);
    for (let i = 0; i < 10; i++) expect((await openSurvey(`Guess${String.fromCharCode(65 + i)}xy`, '198.51.100.7')).statusCode).toBe(404);
    const blocked = await openSurvey(code, '198.51.100.7');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_requests');
    expect((await openSurvey(code, '198.51.100.8')).statusCode).toBe(200);
  });
});

describe('results for managers', () => {
  it('keep the share, the rate and the comments back while there are fewer than 5 answers, and say why', async () => {
    // Three more answers from this caseworker's jobseekers: 4 in all.
    for (const score of [5, 2, 4]) {
      const { messages } = await talkHeld({ phone: `+45220000${10 + score}` });
      expect((await answerSurvey(codeOf(messages[0]!.body), { satisfaction: score, comment: score === 2 ? 'Ventede længe.' : '' })).statusCode).toBe(201);
    }
    const res = await manager.request('GET', '/api/v1/surveys/results');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toMatchObject({ answered: 4, share: null, satisfied: null, responseRate: null, suppressed: true });
    expect(body.suppressionNote).toContain('færre end 5 svar');
    expect(body.byCaseworker).toEqual([expect.objectContaining({ label: 'Vera Vejleder', answered: 4, share: null, suppressed: true })]);
    expect(body.freeTexts).toEqual({ shown: false, note: expect.stringContaining('mindst 5 svar'), questions: [] });
    expect(res.body).not.toContain('Ventede længe');
  });

  it('show response rate and share satisfied once 5 have answered, by caseworker and type, with the comments sorted', async () => {
    const { messages } = await talkHeld({ phone: '+4522000099' });
    expect((await answerSurvey(codeOf(messages[0]!.body), { satisfaction: 3 })).statusCode).toBe(201);
    const body = (await manager.request('GET', '/api/v1/surveys/results')).json();
    const invited = (await t.connection.db.select().from(surveyInvitations)).length;
    expect(body.total).toMatchObject({ invited, answered: 5, satisfied: 3, share: 0.6, suppressed: false });
    expect(body.total.responseRate).toBeCloseTo(5 / invited, 9);
    expect(body.byType).toEqual([expect.objectContaining({ key: 'cv_contact', answered: 5, share: 0.6 })]);
    expect(body.freeTexts.shown).toBe(true);
    expect(body.freeTexts.questions).toEqual([{ surveyKey: 'conversation', questionId: 'comment', question: 'Hvad kan vi gøre bedre? (frivilligt)', answers: ['God samtale, konkrete aftaler.', 'Ventede længe.'] }]);
  });

  it('give the scorecards the same share through the query function', async () => {
    const rows = await loadSatisfactionResponses(t.connection.db, { organisationId: akasseId }, { type: 'cv_contact' });
    expect(satisfactionShare(rows)).toEqual({ answered: 5, satisfied: 3, share: 0.6 });
    expect(rows.every((r) => r.unitId !== undefined && r.invitedOn === TEST_TODAY)).toBe(true);
  });

  it('are for managers only', async () => {
    expect((await cw.request('GET', '/api/v1/surveys/results')).statusCode).toBe(403);
  });

  it('refuse a from date after the to date', async () => {
    const res = await manager.request('GET', '/api/v1/surveys/results?from=2026-11-10&to=2026-11-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.from).toContain('efter til-datoen');
  });
});

describe('reminders and expiry', () => {
  it('reminds those who have not answered once, 5 days on, and never those who answered', async () => {
    t.clock.set('2026-11-06T09:00:00Z');
    expect((await sendSurveyReminders(t.connection.db, t.clock)).reminded).toBe(0);
    t.clock.set('2026-11-07T09:00:00Z');
    const unanswered = (await t.connection.db.select().from(surveyInvitations)).filter((i) => i.answeredAt === null).length;
    const first = await sendSurveyReminders(t.connection.db, t.clock);
    expect(first.reminded).toBe(unanswered);
    const again = await sendSurveyReminders(t.connection.db, t.clock);
    expect(again.reminded).toBe(0);
    const reminders = await t.connection.db.select().from(outbox).where(like(outbox.template, 'survey_reminder:%'));
    expect(reminders).toHaveLength(unanswered);
    const sms = reminders.find((r) => r.channel === 'sms')!;
    expect(sms.body).toContain('Har du 1 minut?');
    // The reminder's own link opens the same survey.
    expect((await openSurvey(codeOf(sms.body), '192.0.2.77')).statusCode).toBe(200);
  });

  it('tells the person clearly that a link older than 14 days has expired, and takes no answer', async () => {
    const unanswered = (await t.connection.db.select().from(outbox).where(like(outbox.template, 'survey_reminder:%'))).find((r) => r.channel === 'sms')!;
    const code = codeOf(unanswered.body);
    t.clock.set('2026-11-16T09:00:01Z');
    const res = await openSurvey(code, '192.0.2.78');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ code: 'survey_link_expired', message: 'Linket til spørgeskemaet er udløbet. Et link virker i 14 dage, efter at det er sendt. Tak for din interesse.' });
    const answer = await answerSurvey(code, { satisfaction: 5 }, '192.0.2.78');
    expect(answer.statusCode).toBe(404);
    expect((await sendSurveyReminders(t.connection.db, t.clock)).reminded).toBe(0);
  });
});

describe('the quarterly survey', () => {
  it('goes once a quarter to jobseekers with a spell of at least 30 days', async () => {
    t.clock.set('2026-12-10T09:00:00Z');
    const before = (await t.connection.db.select().from(surveyInvitations).where(eq(surveyInvitations.trigger, 'quarterly'))).length;
    expect(before).toBe(0);
    const first = await scheduleQuarterlySurveys(t.connection.db, t.clock, { organisationId: akasseId });
    expect(first.invited).toBeGreaterThan(0);
    const second = await scheduleQuarterlySurveys(t.connection.db, t.clock, { organisationId: akasseId });
    expect(second.invited).toBe(0);
    const quarterly = await t.connection.db.select().from(surveyInvitations).where(eq(surveyInvitations.trigger, 'quarterly'));
    expect(quarterly).toHaveLength(first.invited);
    expect(quarterly.every((i) => i.subjectId.endsWith('@2026-Q4'))).toBe(true);
  });
});

describe('after a placement', () => {
  it('asks both the jobseeker and the employer, each once', async () => {
    t.clock.set('2026-12-11T09:00:00Z');
    cw = await loginAs(t.app, 'vejleder@akasse.demo');
    const { jobseekerId } = await talkHeld({ phone: '+4523000001' }, { hold: false });
    const input = { trigger: 'placement' as const, jobseekerId, employerContact: { email: 'hr@virksomhed.dk' }, subjectId: 'placement-1' };
    const first = await t.connection.db.transaction((tx) => scheduleSurveyAfter(tx, systemCtx(), input));
    expect(first.scheduled.map((s) => [s.audience, s.channel, s.created])).toEqual([
      ['jobseeker', 'sms', true],
      ['employer', 'email', true],
    ]);
    const second = await t.connection.db.transaction((tx) => scheduleSurveyAfter(tx, systemCtx(), input));
    expect(second.scheduled.every((s) => !s.created)).toBe(true);
    const employerMail = (await t.connection.db.select().from(outbox).where(eq(outbox.recipient, 'hr@virksomhed.dk')))[0]!;
    expect(employerMail.subject).toBe('Hvor tilfreds var du med vores hjælp til rekrutteringen?');
    const token = /\/s\/([A-Za-z0-9_-]{22})\b/.exec(employerMail.body)![1]!;
    const res = await openSurvey(token, '192.0.2.90');
    expect(res.json().questions.map((q: { kind: string }) => q.kind)).toEqual(['likert', 'yes_no', 'yes_no', 'free_text']);
  });
});

describe('random input on the public page', () => {
  it('never gets a 500, always the error shape, and stores nothing it refused', async () => {
    const { messages } = await talkHeld({ phone: '+4521000020' });
    const code = codeOf(messages[0]!.body);
    const answers = fc.dictionary(fc.constantFrom('satisfaction', 'comment', 'other', '__proto__', ''), fc.oneof(fc.anything(), fc.integer({ min: -2, max: 8 }), fc.string()), { maxKeys: 3 });
    const bodies = fc.oneof(fc.anything(), answers.map((a) => ({ answers: a })), fc.string().map((raw) => ({ raw })));
    const problems: string[] = [];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom(code, 'Zz9Zz9Zz', '%00', 'x'.repeat(80)), async (body, target) => {
        run += 1;
        const before = (await t.connection.db.select().from(surveyResponses)).length;
        const raw = body && typeof body === 'object' && 'raw' in (body as object);
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/public/surveys/${encodeURIComponent(target)}`,
          payload: raw ? String((body as { raw: string }).raw) : (body as never),
          headers: { 'content-type': 'application/json' },
          remoteAddress: `203.0.113.${run % 250}`,
        });
        if (res.statusCode >= 500) problems.push(`${res.statusCode} for ${JSON.stringify(body)?.slice(0, 120)}`);
        if (res.statusCode >= 400 && typeof res.json()?.error?.message !== 'string') problems.push(`no error shape for ${res.statusCode}`);
        const after = (await t.connection.db.select().from(surveyResponses)).length;
        if (res.statusCode !== 201 && after !== before) problems.push(`${res.statusCode} but a response was stored`);
      }),
      { numRuns: 80, seed: 606 },
    );
    expect(problems).toEqual([]);
  });
});
