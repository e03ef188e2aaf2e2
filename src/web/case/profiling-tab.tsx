import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import type { AnswerValue, OrgSegment, Profiling, Question, Questionnaire, RiskContribution, RiskScore, SpellDetail } from '../api/spell-types';
import { useDecideSegment, useProfiling, useSubmitProfiling } from '../api/spells';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { RadioGroup, TextAreaField } from '../components/form-field';
import { Loading } from '../components/loading';
import { formatDateTime } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

type Lang = 'da' | 'en';

export function ProfilingTab({ spell }: { spell: SpellDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const profiling = useProfiling(spell.id);
  const writable = can(me, 'spell.write') && spell.status === 'active';
  if (profiling.error) return <ErrorAlert error={profiling.error} />;
  if (!profiling.data) return <Loading />;
  const data = profiling.data;
  return (
    <>
      {data.questionnaire ? (
        <StaffQuestionnaireForm key={data.response?.id ?? 'new'} spellId={spell.id} questionnaire={data.questionnaire.definition} profiling={data} writable={writable} />
      ) : (
        <p>{t('profiling.noQuestionnaire')}</p>
      )}
      {data.score ? <ScoreView score={data.score} segments={data.segments} questionnaire={data.questionnaire?.definition ?? null} /> : null}
      {writable ? <SegmentDecision key={`${spell.version}-${data.score?.suggestedSegment ?? ''}`} spell={spell} profiling={data} /> : null}
      <AssessmentHistory spell={spell} />
    </>
  );
}

/** Form values are strings; the API wants numbers for a scale and booleans for yes/no. */
function toAnswer(question: Question, value: string): AnswerValue | null {
  if (value === '') return null;
  if (question.kind === 'likert') return Number(value);
  if (question.kind === 'yes_no') return value === 'true';
  return value;
}

function fromAnswer(value: AnswerValue | undefined): string {
  return value === undefined ? '' : String(value);
}

function StaffQuestionnaireForm({ spellId, ...rest }: { spellId: string; questionnaire: Questionnaire; profiling: Profiling; writable: boolean }) {
  const submit = useSubmitProfiling(spellId);
  return <QuestionnaireForm {...rest} submit={submit} />;
}

type SubmitAnswers = { mutate: (answers: Record<string, AnswerValue | null>, options?: { onSuccess?: () => void }) => void; isPending: boolean; error: unknown };

/** The profiling questionnaire as a form: used by staff on the case page and by the jobseeker in the portal. */
export function QuestionnaireForm({
  questionnaire,
  profiling,
  writable,
  submit,
  labels,
}: {
  questionnaire: Questionnaire;
  profiling: Pick<Profiling, 'response'> | { response: { answers: Record<string, AnswerValue>; answeredAt: string } | null };
  writable: boolean;
  submit: SubmitAnswers;
  /** Button text and confirmation; the staff wording ("… and compute risk") by default. */
  labels?: { submit: string; saved: string };
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'da';
  const announce = useAnnounce();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(questionnaire.questions.map((q) => [q.code, fromAnswer(profiling.response?.answers[q.code])])));
  const errors = fieldErrors(submit.error);
  const known = questionnaire.questions.map((q) => `answers.${q.code}`);

  function send(event: FormEvent) {
    event.preventDefault();
    const answers = Object.fromEntries(questionnaire.questions.map((q) => [q.code, toAnswer(q, values[q.code] ?? '')]));
    submit.mutate(answers, { onSuccess: () => announce(labels?.saved ?? t('profiling.saved')) });
  }

  return (
    <form onSubmit={send} noValidate className="app-form" aria-labelledby="questionnaire-heading">
      <h2 id="questionnaire-heading">{questionnaire.title[lang]}</h2>
      {questionnaire.description ? <p className="app-narrow">{questionnaire.description[lang]}</p> : null}
      {profiling.response ? <p className="app-muted">{t('profiling.answeredAt', { at: formatDateTime(profiling.response.answeredAt) })}</p> : null}
      {submit.error ? <ErrorAlert error={submit.error} knownFields={known} /> : null}
      <fieldset disabled={!writable}>
        <legend className="sr-only">{questionnaire.title[lang]}</legend>
        {questionnaire.questions.map((q, index) => {
          const id = `q-${q.code}`;
          const legend = `${index + 1}. ${q.text[lang]}`;
          const set = (value: string) => setValues((v) => ({ ...v, [q.code]: value }));
          const value = values[q.code] ?? '';
          const common = { id, legend, value, onChange: set, error: errors[`answers.${q.code}`], required: q.required, hint: q.help?.[lang] };
          switch (q.kind) {
            case 'single_choice':
              return <RadioGroup key={q.code} {...common} options={(q.options ?? []).map((o) => ({ value: o.code, label: o.label[lang] }))} />;
            case 'likert':
              return <RadioGroup key={q.code} {...common} options={(q.scaleLabels ?? []).map((label, i) => ({ value: String(i + 1), label: `${i + 1} – ${label[lang]}` }))} />;
            case 'yes_no':
              return (
                <RadioGroup
                  key={q.code}
                  {...common}
                  inline
                  options={[
                    { value: 'true', label: t('common.yes') },
                    { value: 'false', label: t('common.no') },
                  ]}
                />
              );
            case 'free_text':
              return <TextAreaField key={q.code} id={id} label={legend} hint={q.help?.[lang]} value={value} onChange={set} error={errors[`answers.${q.code}`]} required={q.required} rows={3} />;
            default:
              return null;
          }
        })}
      </fieldset>
      {writable ? (
        <button type="submit" className="button button-primary" disabled={submit.isPending}>
          {submit.isPending ? t('common.saving') : (labels?.submit ?? t('profiling.submit'))}
        </button>
      ) : null}
    </form>
  );
}

const numberFormat = (lang: Lang, digits: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'da-DK', { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' });

function segmentName(segments: OrgSegment[], segment: string | null): string {
  if (!segment) return '';
  return segments.find((s) => s.segment === segment)?.name ?? segment;
}

/** The input's value in words: the option's label, Yes/No, a scale step with its label. */
function valueText(c: RiskContribution, questionnaire: Questionnaire | null, lang: Lang, t: (key: string) => string): string {
  if (c.value === null) return t('profiling.notAnswered');
  if (c.input.startsWith('answers.')) {
    const question = questionnaire?.questions.find((q) => `answers.${q.code}` === c.input);
    if (question?.kind === 'yes_no' || typeof c.value === 'boolean') return c.value === true ? t('common.yes') : t('common.no');
    if (question?.kind === 'single_choice') return question.options?.find((o) => o.code === c.value)?.label[lang] ?? String(c.value);
    if (question?.kind === 'likert' && typeof c.value === 'number') {
      const label = question.scaleLabels?.[c.value - 1]?.[lang];
      return label ? `${c.value} – ${label}` : String(c.value);
    }
  }
  if (c.input === 'educationLevel') return (lang === 'en' ? c.labelEn : c.label).split(': ').slice(1).join(': ') || String(c.value);
  return String(c.value);
}

function inputLabel(c: RiskContribution, lang: Lang): string {
  const label = lang === 'en' ? c.labelEn : c.label;
  // "Alder: 30–49 år" names the band too; the input's name is the part before the colon.
  return c.input === 'age' || c.input === 'educationLevel' ? label.split(': ')[0]! : label;
}

function ScoreView({ score, segments, questionnaire }: { score: RiskScore; segments: OrgSegment[]; questionnaire: Questionnaire | null }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'da';
  const percent = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'da-DK', { style: 'percent', maximumFractionDigits: 0 }).format(score.probability);
  const signed = numberFormat(lang, 2);
  return (
    <section aria-labelledby="score-heading" className="app-score">
      <h2 id="score-heading">{t('profiling.scoreTitle')}</h2>
      <dl className="app-facts">
        <div className="app-fact">
          <dt>{t('profiling.probability')}</dt>
          <dd data-testid="risk-probability">{percent}</dd>
        </div>
        <div className="app-fact">
          <dt>{t('profiling.band')}</dt>
          <dd>{t(`profiling.bands.${score.band}`)}</dd>
        </div>
        <div className="app-fact">
          <dt>{t('profiling.suggestedSegment')}</dt>
          <dd data-testid="suggested-segment">{score.suggestedSegment ? segmentName(segments, score.suggestedSegment) : t('profiling.noSuggestion')}</dd>
        </div>
      </dl>
      <p className="app-narrow">{t('profiling.modelNote', { model: score.modelId, version: score.modelVersion })}</p>
      <div className="app-table-scroll">
        <table className="table table--zebra table--responsive-headers app-table">
          <caption className="app-caption">{t('profiling.contributionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('profiling.input')}</th>
              <th scope="col">{t('profiling.value')}</th>
              <th scope="col" className="app-num">
                {t('profiling.contribution')}
              </th>
            </tr>
          </thead>
          <tbody>
            {score.contributions.map((c) => (
              <tr key={c.input}>
                <th scope="row" data-title={t('profiling.input')}>
                  {inputLabel(c, lang)}
                </th>
                <td data-title={t('profiling.value')}>{c.status === 'used' ? valueText(c, questionnaire, lang, t) : t(`profiling.statuses.${c.status}`)}</td>
                <td data-title={t('profiling.contribution')} className="app-num">
                  {signed.format(c.contribution)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="form-hint">{t('profiling.contributionHint')}</p>
      {score.missing.length > 0 ? (
        <>
          <h3 className="h4">{t('profiling.missingTitle')}</h3>
          <ul>
            {score.missing.map((m) => (
              <li key={m.input}>{lang === 'en' ? m.labelEn : m.label}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function SegmentDecision({ spell, profiling }: { spell: SpellDetail; profiling: Profiling }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const decide = useDecideSegment(spell.id);
  const suggested = profiling.score?.suggestedSegment ?? null;
  const [segment, setSegment] = useState(spell.segment ?? suggested ?? '');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(decide.error);
  const reasonRequired = !suggested || segment !== suggested;
  const segments = profiling.segments;

  function submit(event: FormEvent) {
    event.preventDefault();
    decide.mutate(
      { segment, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          announce(t('profiling.decided'));
          void navigate({ to: '/spells/$id', params: { id: spell.id }, search: { tab: undefined } });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="app-form" aria-labelledby="segment-heading">
      <h2 id="segment-heading">{t('profiling.decideTitle')}</h2>
      <p className="app-narrow">{spell.segment ? t('profiling.replanNote') : t('profiling.decideIntro')}</p>
      {decide.error ? <ErrorAlert error={decide.error} knownFields={['segment', 'reason']} /> : null}
      <RadioGroup
        id="segment"
        legend={t('profiling.segment')}
        value={segment}
        onChange={setSegment}
        error={errors.segment}
        required
        options={segments.map((s) => ({ value: s.segment, label: s.segment === suggested ? t('profiling.segmentSuggested', { name: s.name }) : s.name }))}
      />
      <TextAreaField
        id="segment-reason"
        label={t('profiling.reason')}
        hint={reasonRequired ? (suggested ? t('profiling.reasonHintDiffers') : t('profiling.reasonHintNoScore')) : t('profiling.reasonHintOptional')}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        required={reasonRequired}
        rows={3}
      />
      <button type="submit" className="button button-primary" disabled={decide.isPending || segment === ''}>
        {decide.isPending ? t('common.saving') : t('profiling.decide')}
      </button>
    </form>
  );
}

function AssessmentHistory({ spell }: { spell: SpellDetail }) {
  const { t } = useTranslation();
  if (spell.assessments.length === 0) return null;
  return (
    <section aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">{t('profiling.historyTitle')}</h2>
      <table className="table table--zebra table--responsive-headers app-table">
        <caption className="sr-only">{t('profiling.historyTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('profiling.decidedAt')}</th>
            <th scope="col">{t('profiling.chosen')}</th>
            <th scope="col">{t('profiling.suggestedSegment')}</th>
            <th scope="col">{t('profiling.reason')}</th>
            <th scope="col">{t('profiling.decidedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {spell.assessments.map((a) => (
            <tr key={a.id}>
              <td data-title={t('profiling.decidedAt')}>{formatDateTime(a.decidedAt)}</td>
              <td data-title={t('profiling.chosen')}>{segmentName(spell.segments, a.chosenSegment)}</td>
              <td data-title={t('profiling.suggestedSegment')}>{a.suggestedSegment ? segmentName(spell.segments, a.suggestedSegment) : t('profiling.noSuggestion')}</td>
              <td data-title={t('profiling.reason')}>{a.reason ?? ''}</td>
              <td data-title={t('profiling.decidedBy')}>{a.decidedByName ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
