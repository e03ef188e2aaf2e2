import { describe, expect, it } from 'vitest';
import { checkMove, correctionSteps, isFilled, nextSteps } from './proposals';

describe('proposal steps', () => {
  it('moves forward, also skipping a step', () => {
    expect(checkMove('proposed', 'candidate_contacted', null)).toEqual({ ok: true, correction: false });
    expect(checkMove('candidate_contacted', 'interview', null)).toEqual({ ok: true, correction: false });
    expect(checkMove('interview', 'not_hired', null)).toEqual({ ok: true, correction: false });
    expect(checkMove('proposed', 'hired', null)).toEqual({ ok: true, correction: false });
  });

  it('refuses a move back without a reason, naming the field, and takes it as a correction with one', () => {
    const refused = checkMove('interview', 'candidate_contacted', '');
    expect(refused).toMatchObject({ ok: false, field: 'correctionReason' });
    if (!refused.ok) expect(refused.message.da).toContain('Samtale');
    expect(checkMove('interview', 'candidate_contacted', 'Trykket forkert')).toEqual({ ok: true, correction: true });
    expect(checkMove('not_hired', 'hired', null)).toMatchObject({ ok: false, field: 'correctionReason' });
  });

  it('never leaves hired, and refuses standing still', () => {
    expect(checkMove('hired', 'not_hired', 'fejl')).toMatchObject({ ok: false, field: 'step' });
    expect(checkMove('proposed', 'proposed', null)).toMatchObject({ ok: false, field: 'step' });
  });

  it('offers only the forward steps', () => {
    expect(nextSteps('sent_to_employer')).toEqual(['interview', 'hired', 'not_hired']);
    expect(nextSteps('hired')).toEqual([]);
    expect(nextSteps('not_hired')).toEqual([]);
  });

  it('fills an order when hires reach its positions', () => {
    expect(isFilled(2, 1)).toBe(false);
    expect(isFilled(2, 2)).toBe(true);
  });
});

describe('corrections', () => {
  it('offers every earlier step, and from not hired every step before the outcome, but nothing from a hire', () => {
    expect(correctionSteps('proposed')).toEqual([]);
    expect(correctionSteps('sent_to_employer')).toEqual(['proposed', 'candidate_contacted']);
    expect(correctionSteps('not_hired')).toEqual(['proposed', 'candidate_contacted', 'sent_to_employer', 'interview']);
    expect(correctionSteps('hired')).toEqual([]);
    // Each offered step is one the server accepts as a correction with a reason.
    for (const from of ['candidate_contacted', 'sent_to_employer', 'interview', 'not_hired'] as const) {
      for (const to of correctionSteps(from)) expect(checkMove(from, to, 'Fejlregistrering')).toEqual({ ok: true, correction: true });
    }
  });
});
