import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import conversationJson from '../../../templates/surveys/conversation.json';
import {
  checkSurveyAnswers,
  chooseSurveyChannel,
  classifySurveyCode,
  freeTextsOf,
  isReminderDue,
  pickSurveyDefinition,
  presentSurveyQuestions,
  quarterOf,
  renderSurveyMessage,
  satisfactionShare,
  shortCodeFromBytes,
  summariseSurveyResults,
  ZSurveyDefinition,
  type SatisfactionResponse,
  type TSurveyDefinition,
} from './index';

const TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/surveys', import.meta.url));
const shipped: TSurveyDefinition[] = readdirSync(TEMPLATE_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ZSurveyDefinition.parse(JSON.parse(readFileSync(path.join(TEMPLATE_DIR, f), 'utf8'))));
const conversation = ZSurveyDefinition.parse(conversationJson);

describe('the shipped surveys', () => {
  it('cover every trigger, and a placement asks both the jobseeker and the employer', () => {
    const pairs = shipped.map((d) => `${d.trigger}/${d.audience}`).sort();
    expect(pairs).toEqual(['conversation_held/jobseeker', 'offer_completed/jobseeker', 'placement/employer', 'placement/jobseeker', 'quarterly/jobseeker']);
  });

  it('ask HK’s question after a conversation, on a 1–5 scale, then whether the talk was involving (seed 002), with a free-text field', () => {
    expect(conversation.questions[0]).toMatchObject({ kind: 'likert', text: { da: 'Hvor tilfreds var du med samtalen?' } });
    expect(conversation.questions[1]).toMatchObject({ id: 'involving', kind: 'likert', required: false });
    expect(conversation.questions.map((q) => q.kind)).toEqual(['likert', 'likert', 'free_text']);
  });

  it('use the three kinds of question, with Danish and English text that differ', () => {
    expect(new Set(shipped.flatMap((d) => d.questions.map((q) => q.kind)))).toEqual(new Set(['likert', 'yes_no', 'free_text']));
    for (const q of shipped.flatMap((d) => d.questions)) expect(q.text.da).not.toBe(q.text.en);
  });

  it('keep every SMS short enough for two text messages, with the link filled in', () => {
    for (const d of shipped) {
      for (const lang of ['da', 'en'] as const) {
        for (const reminder of [false, true]) {
          const { body } = renderSurveyMessage(d, { channel: 'sms', lang, link: 'https://jobspor.example.dk/s/AbCdEf12', organisation: 'Demo A-kasse', reminder });
          expect(body).toContain('https://jobspor.example.dk/s/AbCdEf12');
          expect(body.length).toBeLessThanOrEqual(306);
        }
      }
    }
  });

  it('refuses a definition whose satisfaction question is not a Likert question', () => {
    const result = ZSurveyDefinition.safeParse({ ...conversationJson, satisfactionQuestion: 'comment' });
    expect(result.success).toBe(false);
  });

  it('refuses a message without a link', () => {
    const broken = { ...conversationJson, messages: { ...conversationJson.messages, sms: { da: 'Svar venligst', en: 'Please answer' } } };
    expect(ZSurveyDefinition.safeParse(broken).success).toBe(false);
  });

  it('picks the newest version for a trigger and audience', () => {
    const v2 = { ...conversation, version: 2 };
    expect(pickSurveyDefinition([conversation, v2], 'conversation_held', 'jobseeker')?.version).toBe(2);
    expect(pickSurveyDefinition([conversation], 'placement', 'employer')).toBeUndefined();
  });

  it('shows the questions in the invitation’s language only', () => {
    const en = presentSurveyQuestions(conversation, 'en');
    expect(en[0]).toEqual({ id: 'satisfaction', kind: 'likert', text: 'How satisfied were you with the conversation?', required: true, scaleLabels: expect.arrayContaining(['Very satisfied']) });
    expect(JSON.stringify(en)).not.toContain('Hvor tilfreds');
  });
});

describe('checking answers', () => {
  it('accepts a score and a comment, and keeps the score as the satisfaction', () => {
    const result = checkSurveyAnswers(conversation, { satisfaction: 4, comment: '  Fin samtale  ' });
    expect(result).toEqual({ ok: true, answers: { satisfaction: 4, comment: 'Fin samtale' }, satisfaction: 4 });
  });

  it('treats an empty comment as no comment', () => {
    expect(checkSurveyAnswers(conversation, { satisfaction: 5, comment: '   ' })).toEqual({ ok: true, answers: { satisfaction: 5 }, satisfaction: 5 });
  });

  it.each([
    [{}, 'answers.satisfaction', 'Vælg et svar.'],
    [{ satisfaction: 6 }, 'answers.satisfaction', 'Vælg et tal fra 1 til 5.'],
    [{ satisfaction: 2.5 }, 'answers.satisfaction', 'Vælg et tal fra 1 til 5.'],
    [{ satisfaction: '5' }, 'answers.satisfaction', 'Vælg et tal fra 1 til 5.'],
    [{ satisfaction: 3, comment: 'x'.repeat(2001) }, 'answers.comment', 'Skriv højst 2000 tegn.'],
    [{ satisfaction: 3, name: 'Hans' }, 'answers.name', 'Spørgsmålet findes ikke i dette spørgeskema.'],
  ])('names the question that is wrong (%j)', (input, field, message) => {
    const result = checkSurveyAnswers(conversation, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]?.da).toBe(message);
  });

  it('wants yes or no as true or false', () => {
    const offer = shipped.find((d) => d.key === 'offer')!;
    const result = checkSurveyAnswers(offer, { satisfaction: 3, useful: 'ja' });
    expect(result.ok).toBe(false);
    expect(checkSurveyAnswers(offer, { satisfaction: 3, useful: true }).ok).toBe(true);
  });

  it('never throws and never accepts a score outside 1–5, whatever comes in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (input) => {
        const result = checkSurveyAnswers(conversation, input);
        if (result.ok) expect(result.satisfaction).toBeGreaterThanOrEqual(1);
        if (result.ok) expect(result.satisfaction).toBeLessThanOrEqual(5);
      }),
    );
  });

  it('lists the free-text answers by question', () => {
    expect(freeTextsOf(conversation, { satisfaction: 2, comment: 'For kort' })).toEqual([{ questionId: 'comment', text: 'For kort' }]);
  });
});

describe('share satisfied', () => {
  it('counts 4 and 5 as satisfied, among those who gave a score', () => {
    expect(satisfactionShare([1, 2, 3, 4, 5, null].map((satisfaction) => ({ satisfaction })))).toEqual({ answered: 5, satisfied: 2, share: 0.4 });
  });

  it('has no share without answers', () => {
    expect(satisfactionShare([{ satisfaction: null }])).toEqual({ answered: 0, satisfied: 0, share: null });
  });

  it('is always between 0 and 1', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })), (scores) => {
        const { share, answered, satisfied } = satisfactionShare(scores.map((satisfaction) => ({ satisfaction })));
        expect(satisfied).toBeLessThanOrEqual(answered);
        if (share !== null) expect(share >= 0 && share <= 1).toBe(true);
      }),
    );
  });
});

function row(over: Partial<SatisfactionResponse>): SatisfactionResponse {
  return { invitationId: 'i', surveyKey: 'conversation', trigger: 'conversation_held', audience: 'jobseeker', type: 'cv_contact', unitId: 'u1', caseworkerId: 'c1', invitedOn: '2026-11-02', answeredOn: '2026-11-03', satisfaction: 5, ...over };
}

describe('results by unit, caseworker and type', () => {
  it('shows a group with 5 answers, and hides one with 4', () => {
    const rows = [...Array.from({ length: 5 }, () => row({ caseworkerId: 'c1' })), ...Array.from({ length: 4 }, () => row({ caseworkerId: 'c2', satisfaction: 1 })), row({ caseworkerId: 'c2', answeredOn: null, satisfaction: null })];
    const summary = summariseSurveyResults(rows);
    const c1 = summary.byCaseworker.find((g) => g.key === 'c1')!;
    const c2 = summary.byCaseworker.find((g) => g.key === 'c2')!;
    expect(c1).toEqual({ key: 'c1', invited: 5, answered: 5, responseRate: 1, satisfied: 5, share: 1, suppressed: false });
    expect(c2).toEqual({ key: 'c2', invited: 5, answered: 4, responseRate: null, satisfied: null, share: null, suppressed: true });
    expect(summary.total).toMatchObject({ invited: 10, answered: 9, satisfied: 5, suppressed: false });
  });

  it('cannot be asked to show groups smaller than 5', () => {
    const summary = summariseSurveyResults([row({}), row({}), row({})], 1);
    expect(summary.minAnswers).toBe(5);
    expect(summary.total.suppressed).toBe(true);
  });

  it('never shows a share for a group of fewer than 5 answers, however the rows fall', () => {
    const arb = fc.array(fc.record({ caseworkerId: fc.constantFrom('a', 'b', 'c'), unitId: fc.constantFrom('u', 'v'), type: fc.constantFrom('cv_contact', 'availability'), score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, (specs) => {
        const rows = specs.map((s) => row({ caseworkerId: s.caseworkerId, unitId: s.unitId, type: s.type, satisfaction: s.score, answeredOn: s.score === null ? null : '2026-11-03' }));
        const summary = summariseSurveyResults(rows);
        for (const g of [summary.total, ...summary.byUnit, ...summary.byCaseworker, ...summary.byType]) {
          if (g.answered < 5) expect(g.share === null && g.satisfied === null && g.suppressed).toBe(true);
        }
      }),
    );
  });
});

describe('delivery', () => {
  it('texts a phone number first, else e-mails, else cannot reach the person', () => {
    expect(chooseSurveyChannel({ phone: '+4512345678', email: 'a@b.dk' })).toEqual({ channel: 'sms', recipient: '+4512345678' });
    expect(chooseSurveyChannel({ phone: null, email: 'a@b.dk' })).toEqual({ channel: 'email', recipient: 'a@b.dk' });
    expect(chooseSurveyChannel({ phone: ' ', email: null })).toBeNull();
  });

  it('makes 8-character short codes from the base58 alphabet, and recognises both kinds of link', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const code = shortCodeFromBytes(bytes);
        if (code !== null) expect(classifySurveyCode(code)).toBe('short');
      }),
    );
    expect(classifySurveyCode('AbCdEf12')).toBe('short');
    expect(classifySurveyCode('AbCdEf10')).toBeNull(); // 0 is not in the alphabet
    expect(classifySurveyCode('q83vEjJ0vQx3ZUd9XXsGmA')).toBe('token');
    expect(classifySurveyCode('../../etc')).toBeNull();
  });

  it('names the quarter of a date', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-11-02', '2026-12-31'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4', '2026-Q4']);
  });

  it('reminds once, 5 days after the invitation, only while the link still works and nobody answered', () => {
    const invitedAt = new Date('2026-11-02T09:00:00Z');
    const expiresAt = new Date('2026-11-16T09:00:00Z');
    const base = { invitedAt, expiresAt, answeredAt: null, remindedAt: null };
    expect(isReminderDue(base, new Date('2026-11-06T09:00:00Z'))).toBe(false);
    expect(isReminderDue(base, new Date('2026-11-07T08:00:00Z'))).toBe(true);
    expect(isReminderDue({ ...base, remindedAt: new Date('2026-11-07T08:00:00Z') }, new Date('2026-11-08T08:00:00Z'))).toBe(false);
    expect(isReminderDue({ ...base, answeredAt: new Date('2026-11-03T08:00:00Z') }, new Date('2026-11-08T08:00:00Z'))).toBe(false);
    expect(isReminderDue(base, new Date('2026-11-16T09:00:00Z'))).toBe(false);
  });
});
