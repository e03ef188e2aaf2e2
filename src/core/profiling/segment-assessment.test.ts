import { describe, expect, it } from 'vitest';
import defaultModelJson from '../../../templates/risk-models/default.json';
import { scoreRisk, ZRiskModel } from './risk-model.js';
import { assessSegment, MIN_OVERRIDE_REASON_LENGTH } from './segment-assessment.js';

const model = ZRiskModel.parse(defaultModelJson);
// 30–49, vocational education, no earlier unemployment, nothing answered: logit -1.9, low risk.
const lowRiskHk = scoreRisk(model, { age: 35, educationLevel: 'vocational', unemploymentWeeksLast3Years: 0 }, { scheme: 'hk' });

describe('the caseworker confirming a segment', () => {
  it('accepts the suggested segment without a reason', () => {
    expect(lowRiskHk.suggestedSegment).toBe('hk-1');
    const result = assessSegment({ score: lowRiskHk, chosenSegment: 'hk-1', reason: '' });
    expect(result).toEqual({
      ok: true,
      assessment: {
        chosenSegment: 'hk-1',
        suggestedSegment: 'hk-1',
        overridden: false,
        reason: null,
        modelId: 'default',
        modelVersion: 1,
        probability: lowRiskHk.probability,
        band: 'low',
      },
    });
  });

  it('keeps a reason given for the suggested segment too', () => {
    const result = assessSegment({ score: lowRiskHk, chosenSegment: 'hk-1', reason: '  Enig i vurderingen  ' });
    expect(result.ok && result.assessment.reason).toBe('Enig i vurderingen');
  });

  it('accepts another segment than suggested when a reason of at least 10 characters is given, and marks it overridden', () => {
    const result = assessSegment({ score: lowRiskHk, chosenSegment: 'hk-3', reason: 'Langvarig sygemelding med stress' });
    expect(result).toMatchObject({ ok: true, assessment: { chosenSegment: 'hk-3', suggestedSegment: 'hk-1', overridden: true, reason: 'Langvarig sygemelding med stress' } });
  });

  it.each([
    ['no reason', undefined],
    ['an empty reason', ''],
    ['a reason of spaces', '            '],
    ['a reason of 9 characters', 'For ældre'],
  ])('refuses another segment than suggested with %s, naming the field reason in Danish', (_, reason) => {
    const result = assessSegment({ score: lowRiskHk, chosenSegment: 'hk-2', reason });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'reason',
          code: 'reason_required',
          message: {
            da: 'Feltet reason (begrundelse) skal udfyldes med mindst 10 tegn, når du vælger gruppen „hk-2“ i stedet for den foreslåede „hk-1“.',
            en: 'The field reason must hold at least 10 characters when you choose the segment "hk-2" instead of the suggested "hk-1".',
          },
        },
      ],
    });
  });

  it('accepts an override reason of exactly the minimum length', () => {
    expect(MIN_OVERRIDE_REASON_LENGTH).toBe(10);
    expect(assessSegment({ score: lowRiskHk, chosenSegment: 'hk-2', reason: '55+ forløb' }).ok).toBe(true);
  });

  it('lets an organisation ask for longer reasons', () => {
    const result = assessSegment({ score: lowRiskHk, chosenSegment: 'hk-2', reason: 'Ønsker 55+ forløb', minReasonLength: 30 });
    expect(result.ok).toBe(false);
  });

  it('refuses a segment that is not part of the organisation scheme', () => {
    const result = assessSegment({ score: lowRiskHk, chosenSegment: 'bupl-at-risk', reason: 'Forkert ordning valgt her' });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'chosenSegment', code: 'segment_not_in_scheme' }] });
  });

  it('refuses an empty segment choice', () => {
    const result = assessSegment({ score: lowRiskHk, chosenSegment: '  ', reason: null });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'chosenSegment', code: 'segment_required' }] });
  });

  it('asks for a reason for any choice when the score suggested no segment', () => {
    const withoutScheme = scoreRisk(model, { age: 35 });
    const refused = assessSegment({ score: withoutScheme, chosenSegment: 'hk-1' });
    expect(refused).toMatchObject({ ok: false, errors: [{ field: 'reason', code: 'reason_required' }] });
    if (!refused.ok) expect(refused.errors[0]?.message.da).toContain('ikke har foreslået en gruppe');
    expect(assessSegment({ score: withoutScheme, chosenSegment: 'hk-1', reason: 'Vurderet ved CV-samtalen' }).ok).toBe(true);
  });
});
