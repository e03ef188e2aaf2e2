import { z } from 'zod';
import { isIsoDate, ZCode, ZIsoDate, ZLocalizedText, type TLocalizedText } from './localized-text.js';
import { listOptionCodes, toOptionCode, type AnswerValue, type TQuestionnaire } from './questionnaire.js';

// Education levels are the shared reference codes, so a jobseeker's registered level scores directly.
export { EDUCATION_LEVEL_CODES as EDUCATION_LEVELS, ZEducationLevel, type EducationLevel } from '../reference/education-levels';
import { ZEducationLevel } from '../reference/education-levels';

export type RiskBand = 'low' | 'medium' | 'high';
export const RISK_BANDS: readonly RiskBand[] = ['low', 'medium', 'high'];

/**
 * A fitted logistic model's logit can never come near ±37, where a double rounds the probability
 * to exactly 0 or 1; a model that could get there is a data error, not a forecast.
 */
export const MAX_ABSOLUTE_LOGIT = 30;

/** Three years of weeks, rounded up: the most unemployment the register window can hold. */
export const MAX_UNEMPLOYMENT_WEEKS = 157;

const ZCoefficient = z.number().finite();

export const ZAgeBand = z.object({
  code: ZCode,
  label: ZLocalizedText,
  /** First whole year of age in the band. */
  minAge: z.number().int().min(0),
  /** Last whole year of age in the band; null for the open top band. */
  maxAge: z.number().int().min(0).nullable(),
  coefficient: ZCoefficient,
});

export const ZSegmentScheme = z.object({
  label: ZLocalizedText,
  /** Every segment a caseworker may choose in this scheme, including ones never suggested. */
  segments: z.array(ZCode).min(1),
  suggestion: z.object({ low: ZCode, medium: ZCode, high: ZCode }),
});
export type TSegmentScheme = z.infer<typeof ZSegmentScheme>;

export const ZRiskModel = z
  .object({
    id: ZCode,
    version: z.number().int().min(1),
    validFrom: ZIsoDate,
    description: ZLocalizedText,
    intercept: ZCoefficient,
    age: z.object({
      label: ZLocalizedText,
      bands: z.array(ZAgeBand).min(1),
    }),
    educationLevel: z.object({
      label: ZLocalizedText,
      levels: z.array(z.object({ code: ZEducationLevel, label: ZLocalizedText, coefficient: ZCoefficient })).min(1),
    }),
    unemploymentWeeks: z.object({
      label: ZLocalizedText,
      coefficientPerWeek: ZCoefficient,
      maxWeeks: z.number().positive().max(MAX_UNEMPLOYMENT_WEEKS),
    }),
    answers: z.array(
      z.object({
        questionCode: ZCode,
        label: ZLocalizedText,
        /** Coefficient per option code; Likert points are '1'…'5', yes/no are 'yes' and 'no'. */
        options: z.record(z.string().min(1), ZCoefficient),
      }),
    ),
    cutOffs: z.object({
      /** Probability from which the band is medium. */
      mediumFrom: z.number().gt(0).lt(1),
      /** Probability from which the band is high. */
      highFrom: z.number().gt(0).lt(1),
    }),
    segmentSchemes: z.record(ZCode, ZSegmentScheme),
  })
  .superRefine((model, ctx) => {
    const bands = model.age.bands;
    bands.forEach((band, index) => {
      if (band.maxAge !== null && band.maxAge < band.minAge) {
        ctx.addIssue({ code: 'custom', path: ['age', 'bands', index, 'maxAge'], message: 'maxAge is below minAge' });
      }
      const next = bands[index + 1];
      if (next && (band.maxAge === null || next.minAge !== band.maxAge + 1)) {
        ctx.addIssue({ code: 'custom', path: ['age', 'bands', index + 1, 'minAge'], message: 'Age bands must follow each other without gaps or overlap' });
      }
    });
    if (bands.at(-1)?.maxAge !== null) {
      ctx.addIssue({ code: 'custom', path: ['age', 'bands', bands.length - 1, 'maxAge'], message: 'The last age band must be open (maxAge null)' });
    }
    reportDuplicates(bands.map((band) => band.code), ['age', 'bands'], ctx);
    reportDuplicates(model.educationLevel.levels.map((level) => level.code), ['educationLevel', 'levels'], ctx);
    reportDuplicates(model.answers.map((answer) => answer.questionCode), ['answers'], ctx);

    if (model.cutOffs.mediumFrom >= model.cutOffs.highFrom) {
      ctx.addIssue({ code: 'custom', path: ['cutOffs', 'highFrom'], message: 'highFrom must be above mediumFrom' });
    }
    for (const [schemeId, scheme] of Object.entries(model.segmentSchemes)) {
      for (const band of RISK_BANDS) {
        if (!scheme.segments.includes(scheme.suggestion[band])) {
          ctx.addIssue({
            code: 'custom',
            path: ['segmentSchemes', schemeId, 'suggestion', band],
            message: `Suggested segment '${scheme.suggestion[band]}' is not among the scheme's segments`,
          });
        }
      }
    }
    const reach = computeMaxAbsoluteLogit(model);
    if (reach > MAX_ABSOLUTE_LOGIT) {
      ctx.addIssue({
        code: 'custom',
        path: ['intercept'],
        message: `The model can reach a logit of ±${reach.toFixed(1)}; coefficients must keep it within ±${MAX_ABSOLUTE_LOGIT}`,
      });
    }
  });
export type TRiskModel = z.infer<typeof ZRiskModel>;

function reportDuplicates(codes: readonly string[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  codes.forEach((code, index) => {
    if (seen.has(code)) ctx.addIssue({ code: 'custom', path: [...path, index], message: `Duplicate code '${code}'` });
    seen.add(code);
  });
}

function maxAbs(values: readonly number[]): number {
  return values.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
}

/** The largest |logit| any input can produce: the bound that keeps probabilities inside (0, 1). */
export function computeMaxAbsoluteLogit(model: Omit<TRiskModel, 'validFrom' | 'description'>): number {
  return (
    Math.abs(model.intercept) +
    maxAbs(model.age.bands.map((band) => band.coefficient)) +
    maxAbs(model.educationLevel.levels.map((level) => level.coefficient)) +
    Math.abs(model.unemploymentWeeks.coefficientPerWeek) * model.unemploymentWeeks.maxWeeks +
    model.answers.reduce((sum, answer) => sum + maxAbs(Object.values(answer.options)), 0)
  );
}

/** Register facts and questionnaire answers for one jobseeker; anything may be unknown. */
export interface RiskInputs {
  /** Age in years at the start of the spell. */
  age?: number | null;
  educationLevel?: string | null;
  /** Weeks of unemployment in the three years before the spell. */
  unemploymentWeeksLast3Years?: number | null;
  answers?: Readonly<Record<string, AnswerValue | null | undefined>>;
}

export const ZRiskInputs = z.object({
  age: z.number().min(0).max(130).nullish(),
  educationLevel: ZEducationLevel.nullish(),
  unemploymentWeeksLast3Years: z.number().min(0).max(MAX_UNEMPLOYMENT_WEEKS).nullish(),
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).nullish()).optional(),
});

/**
 * Why an input did or did not count: 'used', or not used because it was 'missing', had a code
 * the model has no coefficient for ('unknown_code'), or lay outside the model's range
 * ('out_of_range'). Inputs that did not count add 0 to the logit.
 */
export type ContributionStatus = 'used' | 'missing' | 'unknown_code' | 'out_of_range';

export type RiskInputName = 'age' | 'educationLevel' | 'unemploymentWeeksLast3Years' | `answers.${string}`;

export interface RiskContribution {
  input: RiskInputName;
  /** Danish text for the dialogue with the jobseeker. */
  label: string;
  labelEn: string;
  /** The input as given (null when missing). */
  value: string | number | boolean | null;
  /** The age band, education level or option code the value fell in; null for numbers and unused inputs. */
  category: string | null;
  /** The coefficient applied (per week for weeks of unemployment); null when no coefficient applied. */
  coefficient: number | null;
  /** Log-odds added to the intercept. */
  contribution: number;
  status: ContributionStatus;
}

export interface UnusedInput {
  input: RiskInputName;
  label: string;
  labelEn: string;
  status: Exclude<ContributionStatus, 'used'>;
}

export interface RiskScore {
  modelId: string;
  modelVersion: number;
  intercept: number;
  /** intercept + the sum of all contributions. */
  logit: number;
  probability: number;
  band: RiskBand;
  /** The segment scheme asked for, or null when none was. */
  scheme: string | null;
  suggestedSegment: string | null;
  /** The segments a caseworker may choose in the scheme, or null without a scheme. */
  allowedSegments: string[] | null;
  /** Every model input, largest |contribution| first. */
  contributions: RiskContribution[];
  /** The inputs that did not count, in model order: shown so a caseworker can fill them in. */
  missing: UnusedInput[];
}

export interface ScoreRiskOptions {
  /** Segment scheme of the organisation, e.g. 'hk' or 'bupl'. */
  scheme?: string;
}

function labelled(input: RiskInputName, factor: TLocalizedText, category?: TLocalizedText): Pick<RiskContribution, 'input' | 'label' | 'labelEn'> {
  return {
    input,
    label: category ? `${factor.da}: ${category.da}` : factor.da,
    labelEn: category ? `${factor.en}: ${category.en}` : factor.en,
  };
}

function unused(
  base: Pick<RiskContribution, 'input' | 'label' | 'labelEn'>,
  value: RiskContribution['value'],
  status: Exclude<ContributionStatus, 'used'>,
  coefficient: number | null = null,
): RiskContribution {
  return { ...base, value, category: null, coefficient, contribution: 0, status };
}

function scoreAge(model: TRiskModel, age: number | null | undefined): RiskContribution {
  const base = labelled('age', model.age.label);
  if (age === null || age === undefined) return unused(base, null, 'missing');
  // Ages are whole years, but a fractional age belongs to the band of its whole year.
  const band = Number.isFinite(age)
    ? model.age.bands.find((b) => age >= b.minAge && (b.maxAge === null || age < b.maxAge + 1))
    : undefined;
  if (!band) return unused(base, age, 'out_of_range');
  return {
    ...labelled('age', model.age.label, band.label),
    value: age,
    category: band.code,
    coefficient: band.coefficient,
    contribution: band.coefficient,
    status: 'used',
  };
}

function scoreEducation(model: TRiskModel, level: string | null | undefined): RiskContribution {
  const base = labelled('educationLevel', model.educationLevel.label);
  if (level === null || level === undefined || level === '') return unused(base, null, 'missing');
  const found = model.educationLevel.levels.find((l) => l.code === level);
  if (!found) return unused(base, level, 'unknown_code');
  return {
    ...labelled('educationLevel', model.educationLevel.label, found.label),
    value: level,
    category: found.code,
    coefficient: found.coefficient,
    contribution: found.coefficient,
    status: 'used',
  };
}

function scoreWeeks(model: TRiskModel, weeks: number | null | undefined): RiskContribution {
  const factor = model.unemploymentWeeks;
  const base = labelled('unemploymentWeeksLast3Years', factor.label);
  if (weeks === null || weeks === undefined) return unused(base, null, 'missing', factor.coefficientPerWeek);
  if (!Number.isFinite(weeks) || weeks < 0 || weeks > factor.maxWeeks) {
    return unused(base, weeks, 'out_of_range', factor.coefficientPerWeek);
  }
  return {
    ...base,
    value: weeks,
    category: null,
    coefficient: factor.coefficientPerWeek,
    contribution: factor.coefficientPerWeek * weeks,
    status: 'used',
  };
}

function scoreAnswer(answerFactor: TRiskModel['answers'][number], value: AnswerValue | null | undefined): RiskContribution {
  const input: RiskInputName = `answers.${answerFactor.questionCode}`;
  const base = labelled(input, answerFactor.label);
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return unused(base, null, 'missing');
  }
  const optionCode = toOptionCode(value);
  if (!Object.hasOwn(answerFactor.options, optionCode)) return unused(base, value, 'unknown_code');
  const coefficient = answerFactor.options[optionCode] as number;
  return { ...base, value, category: optionCode, coefficient, contribution: coefficient, status: 'used' };
}

export function classifyRiskBand(model: Pick<TRiskModel, 'cutOffs'>, probability: number): RiskBand {
  if (probability < model.cutOffs.mediumFrom) return 'low';
  if (probability < model.cutOffs.highFrom) return 'medium';
  return 'high';
}

/**
 * The risk of long-term unemployment from a logistic model, with each input's share of the
 * logit laid open so the caseworker can talk it through with the jobseeker. It suggests a
 * segment; the caseworker decides (see assessSegment).
 */
export function scoreRisk(model: TRiskModel, inputs: RiskInputs, options: ScoreRiskOptions = {}): RiskScore {
  const answers = inputs.answers ?? {};
  // Model order, not sorted order: a fixed summation order keeps the logit monotone in each input.
  const inModelOrder: RiskContribution[] = [
    scoreAge(model, inputs.age),
    scoreEducation(model, inputs.educationLevel),
    scoreWeeks(model, inputs.unemploymentWeeksLast3Years),
    ...model.answers.map((factor) =>
      scoreAnswer(factor, Object.hasOwn(answers, factor.questionCode) ? answers[factor.questionCode] : undefined),
    ),
  ];
  const logit = inModelOrder.reduce((sum, c) => sum + c.contribution, model.intercept);
  const probability = 1 / (1 + Math.exp(-logit));
  const band = classifyRiskBand(model, probability);

  let suggestedSegment: string | null = null;
  let allowedSegments: string[] | null = null;
  if (options.scheme !== undefined) {
    const scheme = Object.hasOwn(model.segmentSchemes, options.scheme) ? model.segmentSchemes[options.scheme] : undefined;
    if (!scheme) {
      const known = Object.keys(model.segmentSchemes).join(', ');
      throw new RangeError(`Risk model '${model.id}' v${model.version} has no segment scheme '${options.scheme}' (has: ${known})`);
    }
    suggestedSegment = scheme.suggestion[band];
    allowedSegments = [...scheme.segments];
  }

  const contributions = inModelOrder
    .map((contribution, order) => ({ contribution, order }))
    .sort((a, b) => Math.abs(b.contribution.contribution) - Math.abs(a.contribution.contribution) || a.order - b.order)
    .map(({ contribution }) => contribution);

  const missing: UnusedInput[] = inModelOrder.flatMap((c) =>
    c.status === 'used' ? [] : [{ input: c.input, label: c.label, labelEn: c.labelEn, status: c.status }],
  );

  return {
    modelId: model.id,
    modelVersion: model.version,
    intercept: model.intercept,
    logit,
    probability,
    band,
    scheme: options.scheme ?? null,
    suggestedSegment,
    allowedSegments,
    contributions,
    missing,
  };
}

/**
 * The model version in force on a date: the one with the latest validFrom on or before it
 * (ISO dates compare as strings). Null when none has started yet.
 */
export function selectRiskModel<M extends Pick<TRiskModel, 'validFrom' | 'version'>>(models: readonly M[], onDate: string): M | null {
  let chosen: M | null = null;
  for (const model of models) {
    if (model.validFrom > onDate) continue;
    if (!chosen || model.validFrom > chosen.validFrom || (model.validFrom === chosen.validFrom && model.version > chosen.version)) {
      chosen = model;
    }
  }
  return chosen;
}

/** Whole years of age on a date, from a birth date; both 'YYYY-MM-DD'. */
export function computeAgeOnDate(birthDate: string, onDate: string): number {
  for (const date of [birthDate, onDate]) {
    if (!isIsoDate(date)) throw new RangeError(`Invalid date: ${JSON.stringify(date)} is not a calendar date written YYYY-MM-DD`);
  }
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

export interface ModelQuestionnaireMismatch {
  questionCode: string;
  optionCode: string | null;
  problem: 'question_not_in_questionnaire' | 'question_not_scorable' | 'option_not_in_question' | 'option_without_coefficient';
}

/**
 * Where a risk model and a questionnaire disagree: an answer the model cannot score would be
 * listed as 'unknown_code' at every scoring, so this is checked when either is published.
 */
export function checkModelAgainstQuestionnaire(model: TRiskModel, questionnaire: TQuestionnaire): ModelQuestionnaireMismatch[] {
  const problems: ModelQuestionnaireMismatch[] = [];
  for (const factor of model.answers) {
    const question = questionnaire.questions.find((q) => q.code === factor.questionCode);
    if (!question) {
      problems.push({ questionCode: factor.questionCode, optionCode: null, problem: 'question_not_in_questionnaire' });
      continue;
    }
    if (question.kind === 'free_text') {
      problems.push({ questionCode: factor.questionCode, optionCode: null, problem: 'question_not_scorable' });
      continue;
    }
    const optionCodes = listOptionCodes(question);
    for (const optionCode of Object.keys(factor.options)) {
      if (!optionCodes.includes(optionCode)) {
        problems.push({ questionCode: factor.questionCode, optionCode, problem: 'option_not_in_question' });
      }
    }
    for (const optionCode of optionCodes) {
      if (!Object.hasOwn(factor.options, optionCode)) {
        problems.push({ questionCode: factor.questionCode, optionCode, problem: 'option_without_coefficient' });
      }
    }
  }
  return problems;
}
