import { describe, expect, it } from 'vitest';
import defaultQuestionnaireJson from '../../../templates/questionnaires/default.json';
import { listOptionCodes, toOptionCode, validateAnswers, ZQuestionnaire, type TQuestionnaire } from './questionnaire.js';

const questionnaire: TQuestionnaire = ZQuestionnaire.parse(defaultQuestionnaireJson);

const completeAnswers = {
  expected_time_to_job: 'within_3_months',
  own_chances: 4,
  health_limitations: false,
  occupation_breadth: 'several_occupations',
  commute_time: 'up_to_60_min',
  education_match: 'yes',
  job_interview_since_notice: true,
  application_confidence: 3,
  other_obstacles: false,
  wishes_for_meeting: '  Hjælp til mit CV  ',
};

function errorsOf(answers: unknown) {
  const result = validateAnswers(questionnaire, answers);
  if (result.ok) throw new Error('expected validation errors');
  return result.errors;
}

describe('the default questionnaire', () => {
  it('has 10 questions with Danish and English text, using all four kinds', () => {
    expect(questionnaire.questions).toHaveLength(10);
    expect(new Set(questionnaire.questions.map((q) => q.kind))).toEqual(new Set(['single_choice', 'likert', 'yes_no', 'free_text']));
    for (const question of questionnaire.questions) {
      expect(question.text.da).not.toBe(question.text.en);
    }
  });

  it('is rejected when two questions share a code', () => {
    const duplicated = { ...defaultQuestionnaireJson, questions: [...defaultQuestionnaireJson.questions, defaultQuestionnaireJson.questions[0]] };
    const result = ZQuestionnaire.safeParse(duplicated);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("Duplicate question code 'expected_time_to_job'");
  });

  it('is rejected when a question lacks its English text', () => {
    const first = defaultQuestionnaireJson.questions[0]!;
    const broken = { ...defaultQuestionnaireJson, questions: [{ ...first, text: { da: first.text.da } }] };
    expect(ZQuestionnaire.safeParse(broken).success).toBe(false);
  });
});

describe('validating answers', () => {
  it('accepts a complete set of answers and trims free text', () => {
    const result = validateAnswers(questionnaire, completeAnswers);
    expect(result).toEqual({ ok: true, answers: { ...completeAnswers, wishes_for_meeting: 'Hjælp til mit CV' } });
  });

  it('accepts a blank optional free-text answer and leaves it out', () => {
    const result = validateAnswers(questionnaire, { ...completeAnswers, wishes_for_meeting: '   ' });
    expect(result.ok && 'wishes_for_meeting' in result.answers).toBe(false);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['left out', undefined],
    ['null', null],
    ['an empty string', ''],
  ])('reports a required question as unanswered when its answer is %s', (_, value) => {
    const answers: Record<string, unknown> = { ...completeAnswers, health_limitations: value };
    if (value === undefined) delete answers.health_limitations;
    expect(errorsOf(answers)).toEqual([
      {
        field: 'answers.health_limitations',
        questionCode: 'health_limitations',
        questionNumber: 3,
        code: 'required',
        message: {
          da: 'Spørgsmål 3 („Har du helbredsmæssige problemer, der begrænser, hvilke job du kan tage?“) skal besvares.',
          en: 'Question 3 ("Do you have health problems that limit which jobs you can take?") must be answered.',
        },
      },
    ]);
  });

  it('names the question, the given answer and the valid options when an option is unknown', () => {
    const [error] = errorsOf({ ...completeAnswers, commute_time: 'two_hours' });
    expect(error).toMatchObject({ field: 'answers.commute_time', questionNumber: 5, code: 'unknown_option' });
    expect(error?.message.da).toContain('„two_hours“');
    expect(error?.message.da).toContain('up_to_30_min, up_to_60_min, over_60_min');
    expect(error?.message.en).toContain('is not one of the options');
  });

  it.each([
    ['own_chances', 6, 'unknown_option'],
    ['own_chances', 0, 'unknown_option'],
    ['own_chances', 2.5, 'unknown_option'],
    ['own_chances', '4', 'invalid_type'],
    ['health_limitations', 'yes', 'invalid_type'],
    ['expected_time_to_job', 1, 'invalid_type'],
    ['wishes_for_meeting', 42, 'invalid_type'],
  ])('rejects %s = %j with %s', (code, value, expected) => {
    const errors = errorsOf({ ...completeAnswers, [code]: value });
    expect(errors.map((e) => [e.field, e.code])).toEqual([[`answers.${code}`, expected]]);
  });

  it('rejects free text longer than the question allows', () => {
    const errors = errorsOf({ ...completeAnswers, wishes_for_meeting: 'x'.repeat(2001) });
    expect(errors.map((e) => e.code)).toEqual(['too_long']);
    expect(errors[0]?.message.da).toContain('må højst være 2000 tegn');
  });

  it('rejects an answer to a question the questionnaire does not have', () => {
    const errors = errorsOf({ ...completeAnswers, favourite_colour: 'blue' });
    expect(errors).toEqual([
      expect.objectContaining({ field: 'answers.favourite_colour', questionNumber: null, code: 'unknown_question' }),
    ]);
  });

  it('reports every problem at once, in questionnaire order', () => {
    const errors = errorsOf({ own_chances: 9 });
    expect(errors.map((e) => `${e.questionNumber}:${e.code}`)).toEqual([
      '1:required',
      '2:unknown_option',
      '3:required',
      '4:required',
      '5:required',
      '6:required',
      '7:required',
      '8:required',
      '9:required',
    ]);
  });

  it.each([[null], ['text'], [[1, 2]]])('rejects answers that are not an object of question codes (%j)', (answers) => {
    expect(errorsOf(answers)).toEqual([expect.objectContaining({ field: 'answers', code: 'invalid_type' })]);
  });
});

describe('option codes', () => {
  it('turns Likert points and yes/no answers into the codes risk models use', () => {
    expect([toOptionCode(3), toOptionCode(true), toOptionCode(false), toOptionCode('partly')]).toEqual(['3', 'yes', 'no', 'partly']);
  });

  it('lists the codes each kind of question accepts', () => {
    const byCode = new Map(questionnaire.questions.map((q) => [q.code, q]));
    expect(listOptionCodes(byCode.get('own_chances')!)).toEqual(['1', '2', '3', '4', '5']);
    expect(listOptionCodes(byCode.get('health_limitations')!)).toEqual(['yes', 'no']);
    expect(listOptionCodes(byCode.get('wishes_for_meeting')!)).toEqual([]);
  });
});
