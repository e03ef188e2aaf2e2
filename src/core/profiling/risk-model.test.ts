import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import defaultModelJson from '../../../templates/risk-models/default.json';
import defaultQuestionnaireJson from '../../../templates/questionnaires/default.json';
import { ZQuestionnaire } from './questionnaire.js';
import {
  checkModelAgainstQuestionnaire,
  computeAgeOnDate,
  computeMaxAbsoluteLogit,
  EDUCATION_LEVELS,
  scoreRisk,
  selectRiskModel,
  ZRiskInputs,
  ZRiskModel,
  type RiskInputs,
  type TRiskModel,
} from './risk-model.js';

const text = (da: string, en = da) => ({ da, en });

/** Round coefficients (and a per-week weight of 1/64) so the expected logits below are exact. */
const testModelJson = {
  id: 'test',
  version: 3,
  validFrom: '2025-01-01',
  description: text('Testmodel med runde tal', 'Test model with round numbers'),
  intercept: -2,
  age: {
    label: text('Alder', 'Age'),
    bands: [
      { code: 'under_30', label: text('under 30 år', 'under 30'), minAge: 0, maxAge: 29, coefficient: 0.5 },
      { code: '30_54', label: text('30–54 år', '30–54'), minAge: 30, maxAge: 54, coefficient: 0 },
      { code: '55_plus', label: text('55 år og derover', '55 and over'), minAge: 55, maxAge: null, coefficient: 1 },
    ],
  },
  educationLevel: {
    label: text('Uddannelse', 'Education'),
    levels: [
      { code: 'primary', label: text('primary', 'primary school'), coefficient: 0.5 },
      { code: 'vocational', label: text('vocational', 'vocational'), coefficient: 0 },
      { code: 'master', label: text('lang videregående', "master's"), coefficient: -0.5 },
    ],
  },
  unemploymentWeeks: { label: text('Ledighedsuger', 'Weeks unemployed'), coefficientPerWeek: 1 / 64, maxWeeks: 156 },
  answers: [
    { questionCode: 'expected_time_to_job', label: text('Forventet tid til job', 'Expected time to job'), options: { within_1_month: -1, within_3_months: 0, over_6_months: 1 } },
    { questionCode: 'health_limitations', label: text('Helbred', 'Health'), options: { yes: 0.5, no: 0 } },
    { questionCode: 'own_chances', label: text('Egne chancer', 'Own chances'), options: { '1': 0.5, '2': 0.25, '3': 0, '4': -0.25, '5': -0.5 } },
  ],
  cutOffs: { mediumFrom: 0.25, highFrom: 0.5 },
  segmentSchemes: {
    hk: { label: text('HK'), segments: ['hk-1', 'hk-2', 'hk-3'], suggestion: { low: 'hk-1', medium: 'hk-2', high: 'hk-2' } },
    bupl: { label: text('BUPL-A'), segments: ['bupl-not-at-risk', 'bupl-at-risk'], suggestion: { low: 'bupl-not-at-risk', medium: 'bupl-at-risk', high: 'bupl-at-risk' } },
  },
};
const testModel: TRiskModel = ZRiskModel.parse(testModelJson);
const defaultModel: TRiskModel = ZRiskModel.parse(defaultModelJson);

describe('scoring the risk of long-term unemployment', () => {
  it.each([
    {
      who: 'a 57-year-old with 32 weeks of earlier unemployment who expects a long search but rates her chances very good',
      inputs: { age: 57, educationLevel: 'vocational', unemploymentWeeksLast3Years: 32, answers: { expected_time_to_job: 'over_6_months', health_limitations: false, own_chances: 5 } },
      // -2 + 1 + 0 + 32/64 + 1 + 0 - 0.5 = 0 → 1 / (1 + e^0) = 0.5, exactly on the high cut-off
      logit: 0,
      probability: 0.5,
      band: 'high',
      hk: 'hk-2',
      bupl: 'bupl-at-risk',
    },
    {
      who: 'a 22-year-old without education beyond school, with health limits, expecting a job within a month',
      inputs: { age: 22, educationLevel: 'primary', unemploymentWeeksLast3Years: 0, answers: { expected_time_to_job: 'within_1_month', health_limitations: true, own_chances: 4 } },
      // -2 + 0.5 + 0.5 + 0 - 1 + 0.5 - 0.25 = -1.75 → 1 / (1 + e^1.75) = 1 / (1 + 5.754602676) = 0.148047198…
      logit: -1.75,
      probability: 0.14804719803168948,
      band: 'low',
      hk: 'hk-1',
      bupl: 'bupl-not-at-risk',
    },
    {
      who: 'a 40-year-old with 64 weeks of earlier unemployment who has not filled in the questionnaire',
      inputs: { age: 40, unemploymentWeeksLast3Years: 64 },
      // -2 + 0 + 64/64 = -1 → 1 / (1 + e) = 0.268941421…
      logit: -1,
      probability: 0.2689414213699951,
      band: 'medium',
      hk: 'hk-2',
      bupl: 'bupl-at-risk',
    },
  ])('$who: probability $probability, band $band', ({ inputs, logit, probability, band, hk, bupl }) => {
    const score = scoreRisk(testModel, inputs, { scheme: 'hk' });
    expect(score.logit).toBeCloseTo(logit, 12);
    expect(score.probability).toBeCloseTo(probability, 12);
    expect(score.band).toBe(band);
    expect(score.suggestedSegment).toBe(hk);
    expect(score.allowedSegments).toEqual(['hk-1', 'hk-2', 'hk-3']);
    expect(scoreRisk(testModel, inputs, { scheme: 'bupl' }).suggestedSegment).toBe(bupl);
    expect(score).toMatchObject({ modelId: 'test', modelVersion: 3, intercept: -2, scheme: 'hk' });
  });

  it('scores a 27-year-old career changer with the default model as in the hand calculation', () => {
    const score = scoreRisk(
      defaultModel,
      {
        age: 27,
        educationLevel: 'bachelor',
        unemploymentWeeksLast3Years: 10,
        answers: {
          expected_time_to_job: 'within_6_months',
          own_chances: 3,
          health_limitations: false,
          occupation_breadth: 'new_occupation',
          commute_time: 'up_to_30_min',
          education_match: 'partly',
          job_interview_since_notice: false,
          application_confidence: 2,
          other_obstacles: false,
          wishes_for_meeting: 'Hvordan skifter jeg fag?',
        },
      },
      { scheme: 'hk' },
    );
    // -1.9 + 0.2 + 0.1 + 10·0.015 + 0.45 + 0.15 + 0 + 0.3 + 0.3 + 0.15 + 0 + 0.15 + 0 = 0.05
    expect(score.logit).toBeCloseTo(0.05, 12);
    // 1 / (1 + e^-0.05) = 0.512497396…
    expect(score.probability).toBeCloseTo(0.5124973964842103, 12);
    expect(score.band).toBe('high');
    expect(score.suggestedSegment).toBe('hk-2');
    expect(score.missing).toEqual([]);
    // the free-text question is not part of the model, so it neither counts nor shows as missing
    expect(score.contributions.map((c) => c.input)).not.toContain('answers.wishes_for_meeting');
  });

  it('lists the contributions largest first, with Danish labels, the value given and the coefficient used', () => {
    const score = scoreRisk(testModel, {
      age: 57,
      educationLevel: 'master',
      unemploymentWeeksLast3Years: 16,
      answers: { expected_time_to_job: 'within_3_months', health_limitations: true, own_chances: 2 },
    });
    expect(score.contributions.map((c) => [c.input, c.contribution])).toEqual([
      ['age', 1],
      ['educationLevel', -0.5],
      ['answers.health_limitations', 0.5],
      ['unemploymentWeeksLast3Years', 0.25],
      ['answers.own_chances', 0.25],
      ['answers.expected_time_to_job', 0],
    ]);
    expect(score.contributions[0]).toEqual({
      input: 'age',
      label: 'Alder: 55 år og derover',
      labelEn: 'Age: 55 and over',
      value: 57,
      category: '55_plus',
      coefficient: 1,
      contribution: 1,
      status: 'used',
    });
    expect(score.contributions.find((c) => c.input === 'answers.health_limitations')).toMatchObject({
      label: 'Helbred',
      value: true,
      category: 'yes',
      coefficient: 0.5,
    });
    expect(score.contributions.find((c) => c.input === 'unemploymentWeeksLast3Years')).toMatchObject({ value: 16, coefficient: 1 / 64 });
  });

  it('counts missing inputs as 0 and lists every one of them, never dropping them silently', () => {
    const score = scoreRisk(testModel, { age: null, answers: { health_limitations: true } });
    expect(score.logit).toBe(-1.5);
    expect(score.missing.map((m) => [m.input, m.status])).toEqual([
      ['age', 'missing'],
      ['educationLevel', 'missing'],
      ['unemploymentWeeksLast3Years', 'missing'],
      ['answers.expected_time_to_job', 'missing'],
      ['answers.own_chances', 'missing'],
    ]);
    expect(score.missing[0]).toEqual({ input: 'age', label: 'Alder', labelEn: 'Age', status: 'missing' });
    const missingAge = score.contributions.find((c) => c.input === 'age');
    expect(missingAge).toMatchObject({ value: null, category: null, coefficient: null, contribution: 0, status: 'missing' });
  });

  it.each([
    ['an education code the model does not know', { educationLevel: 'hf' }, 'educationLevel', 'unknown_code'],
    ['an answer option the model has no coefficient for', { answers: { expected_time_to_job: 'dont_know' } }, 'answers.expected_time_to_job', 'unknown_code'],
    ['a Likert point outside the scale', { answers: { own_chances: 7 } }, 'answers.own_chances', 'unknown_code'],
    ['more weeks than three years hold', { unemploymentWeeksLast3Years: 200 }, 'unemploymentWeeksLast3Years', 'out_of_range'],
    ['negative weeks', { unemploymentWeeksLast3Years: -1 }, 'unemploymentWeeksLast3Years', 'out_of_range'],
    ['an age below every band', { age: -3 }, 'age', 'out_of_range'],
    ['an age that is not a number', { age: Number.NaN }, 'age', 'out_of_range'],
  ] as [string, RiskInputs, string, string][])('does not count %s and says why', (_, inputs, input, status) => {
    const score = scoreRisk(testModel, inputs);
    const contribution = score.contributions.find((c) => c.input === input);
    expect(contribution).toMatchObject({ status, contribution: 0 });
    expect(score.missing).toContainEqual(expect.objectContaining({ input, status }));
  });

  it('puts a fractional age in the band of its whole year', () => {
    expect(scoreRisk(testModel, { age: 29.9 }).contributions.find((c) => c.input === 'age')?.category).toBe('under_30');
    expect(scoreRisk(testModel, { age: 30 }).contributions.find((c) => c.input === 'age')?.category).toBe('30_54');
  });

  it('suggests no segment when no scheme is asked for, and refuses a scheme the model lacks', () => {
    const score = scoreRisk(testModel, {});
    expect(score.suggestedSegment).toBeNull();
    expect(score.allowedSegments).toBeNull();
    expect(score.scheme).toBeNull();
    expect(() => scoreRisk(testModel, {}, { scheme: 'ftf' })).toThrow(/no segment scheme 'ftf'/);
  });
});

describe('risk model data', () => {
  it('the default model says its coefficients are illustrative and must be fitted before real use', () => {
    expect(defaultModel.description.en).toMatch(/NOT fitted/);
    expect(defaultModel.description.da).toMatch(/IKKE estimeret/);
  });

  it('the default model covers all eight education levels and scores every answer of the default questionnaire', () => {
    expect(defaultModel.educationLevel.levels.map((l) => l.code)).toEqual([...EDUCATION_LEVELS]);
    const questionnaire = ZQuestionnaire.parse(defaultQuestionnaireJson);
    expect(checkModelAgainstQuestionnaire(defaultModel, questionnaire)).toEqual([]);
  });

  it('finds where a model and a questionnaire disagree', () => {
    const questionnaire = ZQuestionnaire.parse(defaultQuestionnaireJson);
    const model = ZRiskModel.parse({
      ...testModelJson,
      answers: [
        { questionCode: 'expected_time_to_job', label: text('x'), options: { within_1_month: -1, next_year: 1 } },
        { questionCode: 'shoe_size', label: text('x'), options: { '42': 0 } },
        { questionCode: 'wishes_for_meeting', label: text('x'), options: {} },
      ],
    });
    const problems = checkModelAgainstQuestionnaire(model, questionnaire);
    expect(problems).toContainEqual({ questionCode: 'expected_time_to_job', optionCode: 'next_year', problem: 'option_not_in_question' });
    expect(problems).toContainEqual({ questionCode: 'expected_time_to_job', optionCode: 'dont_know', problem: 'option_without_coefficient' });
    expect(problems).toContainEqual({ questionCode: 'shoe_size', optionCode: null, problem: 'question_not_in_questionnaire' });
    expect(problems).toContainEqual({ questionCode: 'wishes_for_meeting', optionCode: null, problem: 'question_not_scorable' });
  });

  it.each([
    ['age bands with a gap', { age: { ...testModelJson.age, bands: [testModelJson.age.bands[0], testModelJson.age.bands[2]] } }, /without gaps/],
    ['a closed top age band', { age: { ...testModelJson.age, bands: [{ ...testModelJson.age.bands[0], maxAge: 200 }] } }, /must be open/],
    ['cut-offs in the wrong order', { cutOffs: { mediumFrom: 0.6, highFrom: 0.4 } }, /above mediumFrom/],
    ['a suggestion outside the scheme', { segmentSchemes: { hk: { ...testModelJson.segmentSchemes.hk, suggestion: { low: 'hk-1', medium: 'hk-2', high: 'hk-9' } } } }, /hk-9/],
    ['coefficients that could push the probability to exactly 1', { intercept: 29 }, /within ±30/],
    ['an impossible validFrom date', { validFrom: '2025-02-30' }, /calendar date/],
    ['an unknown education code', { educationLevel: { ...testModelJson.educationLevel, levels: [{ code: 'hf', label: text('hf'), coefficient: 0 }] } }, /educationLevel/],
  ])('rejects a model with %s', (_, change, message) => {
    const result = ZRiskModel.safeParse({ ...testModelJson, ...change });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });

  it('keeps the probability below 1 even for the most extreme model the schema allows', () => {
    const extreme = ZRiskModel.parse({
      ...testModelJson,
      intercept: 30 - 1 - 0.5 - 156 / 64 - 1 - 0.5 - 0.5,
    });
    expect(computeMaxAbsoluteLogit(extreme)).toBeCloseTo(30, 12);
    const worst = scoreRisk(extreme, {
      age: 60,
      educationLevel: 'primary',
      unemploymentWeeksLast3Years: 156,
      answers: { expected_time_to_job: 'over_6_months', health_limitations: true, own_chances: 1 },
    });
    expect(worst.logit).toBeCloseTo(30, 9);
    expect(worst.probability).toBeLessThan(1);
  });

  it('checks inputs from outside with a schema', () => {
    expect(ZRiskInputs.safeParse({ age: 30, educationLevel: 'phd', unemploymentWeeksLast3Years: 4, answers: { own_chances: 3 } }).success).toBe(true);
    expect(ZRiskInputs.safeParse({ educationLevel: 'hf' }).success).toBe(false);
    expect(ZRiskInputs.safeParse({ unemploymentWeeksLast3Years: 400 }).success).toBe(false);
  });

  it('uses the model version in force on the date', () => {
    const models = [
      { validFrom: '2025-01-01', version: 1 },
      { validFrom: '2026-01-01', version: 2 },
      { validFrom: '2026-01-01', version: 3 },
    ];
    expect(selectRiskModel(models, '2024-12-31')).toBeNull();
    expect(selectRiskModel(models, '2025-12-31')?.version).toBe(1);
    expect(selectRiskModel(models, '2026-01-01')?.version).toBe(3);
  });

  it.each([
    ['1968-05-10', '2025-05-09', 56],
    ['1968-05-10', '2025-05-10', 57],
    ['2000-02-29', '2025-02-28', 24],
    ['2000-02-29', '2025-03-01', 25],
  ])('someone born %s is %s years old on %s', (birthDate, onDate, age) => {
    expect(computeAgeOnDate(birthDate, onDate)).toBe(age);
  });

  it('refuses to compute an age from a date that does not exist', () => {
    expect(() => computeAgeOnDate('1990-13-01', '2025-01-01')).toThrow(RangeError);
  });
});

// Models with the test model's shape and random coefficients kept small enough to parse.
const coefficient = fc.double({ min: -2, max: 2, noNaN: true });
const arbitraryModel = fc
  .record({
    intercept: fc.double({ min: -3, max: 3, noNaN: true }),
    age: fc.tuple(coefficient, coefficient, coefficient),
    education: fc.tuple(coefficient, coefficient, coefficient),
    perWeek: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
    expected: fc.tuple(coefficient, coefficient, coefficient),
    health: fc.tuple(coefficient, coefficient),
    chances: fc.tuple(coefficient, coefficient, coefficient, coefficient, coefficient),
  })
  .map((c) =>
    ZRiskModel.parse({
      ...testModelJson,
      intercept: c.intercept,
      age: { ...testModelJson.age, bands: testModelJson.age.bands.map((b, i) => ({ ...b, coefficient: c.age[i] })) },
      educationLevel: { ...testModelJson.educationLevel, levels: testModelJson.educationLevel.levels.map((l, i) => ({ ...l, coefficient: c.education[i] })) },
      unemploymentWeeks: { ...testModelJson.unemploymentWeeks, coefficientPerWeek: c.perWeek },
      answers: [
        { ...testModelJson.answers[0], options: { within_1_month: c.expected[0], within_3_months: c.expected[1], over_6_months: c.expected[2] } },
        { ...testModelJson.answers[1], options: { yes: c.health[0], no: c.health[1] } },
        { ...testModelJson.answers[2], options: Object.fromEntries(c.chances.map((v, i) => [String(i + 1), v])) },
      ],
    }),
  );

const arbitraryWeeks = fc.double({ min: 0, max: 156, noNaN: true });
const arbitraryInputs: fc.Arbitrary<RiskInputs> = fc.record(
  {
    age: fc.option(fc.integer({ min: 0, max: 100 })),
    educationLevel: fc.option(fc.constantFrom('primary', 'vocational', 'master', 'phd')),
    unemploymentWeeksLast3Years: fc.option(arbitraryWeeks),
    answers: fc.record(
      {
        expected_time_to_job: fc.constantFrom('within_1_month', 'within_3_months', 'over_6_months', 'dont_know'),
        health_limitations: fc.boolean(),
        own_chances: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('properties of every risk score', () => {
  it('the probability lies strictly between 0 and 1', () => {
    fc.assert(
      fc.property(arbitraryModel, arbitraryInputs, (model, inputs) => {
        const { probability } = scoreRisk(model, inputs);
        return probability > 0 && probability < 1;
      }),
    );
  });

  it('the intercept plus the contributions is the logit, and the probability is its logistic', () => {
    fc.assert(
      fc.property(arbitraryModel, arbitraryInputs, (model, inputs) => {
        const score = scoreRisk(model, inputs);
        const sum = score.contributions.reduce((total, c) => total + c.contribution, score.intercept);
        expect(sum).toBeCloseTo(score.logit, 9);
        expect(score.probability).toBeCloseTo(1 / (1 + Math.exp(-score.logit)), 12);
        expect(score.contributions).toHaveLength(3 + model.answers.length);
      }),
    );
  });

  it('more weeks of earlier unemployment never lower the risk when weeks weigh positively', () => {
    fc.assert(
      fc.property(arbitraryModel, arbitraryInputs, arbitraryWeeks, arbitraryWeeks, (model, inputs, a, b) => {
        fc.pre(model.unemploymentWeeks.coefficientPerWeek > 0);
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        const low = scoreRisk(model, { ...inputs, unemploymentWeeksLast3Years: fewer }).probability;
        const high = scoreRisk(model, { ...inputs, unemploymentWeeksLast3Years: more }).probability;
        return high >= low;
      }),
    );
  });

  it('switching an answer to an option with a higher coefficient never lowers the risk', () => {
    fc.assert(
      fc.property(arbitraryModel, arbitraryInputs, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (model, inputs, a, b) => {
        const options = model.answers.find((f) => f.questionCode === 'own_chances')!.options;
        const [lower, higher] = (options[String(a)] as number) <= (options[String(b)] as number) ? [a, b] : [b, a];
        const withLower = scoreRisk(model, { ...inputs, answers: { ...inputs.answers, own_chances: lower } }).probability;
        const withHigher = scoreRisk(model, { ...inputs, answers: { ...inputs.answers, own_chances: higher } }).probability;
        return withHigher >= withLower;
      }),
    );
  });

  it('an input is listed as missing exactly when it was not given', () => {
    fc.assert(
      fc.property(arbitraryModel, arbitraryInputs, (model, inputs) => {
        const missing = new Set(scoreRisk(model, inputs).missing.filter((m) => m.status === 'missing').map((m) => m.input));
        expect(missing.has('age')).toBe(inputs.age === null || inputs.age === undefined);
        expect(missing.has('answers.health_limitations')).toBe(inputs.answers?.health_limitations === undefined);
      }),
    );
  });

});
