import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswerSurvey, usePublicSurvey, type PublicSurveyQuestion, type SurveyAnswerValue } from '../api/surveys';
import { isApiError } from '../api/client';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { requestHeadingFocus } from '../components/heading-focus';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { i18next } from '../i18n';
import './surveys.css';

const route = getRouteApi('/s/$code');

/**
 * The page a survey link opens, on a phone first. It speaks the invitation's language, shows
 * only the questions, and ends on a thank-you page; a used or expired link says so plainly.
 */
export function SurveyAnswerPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const survey = usePublicSurvey(code);
  const submit = useAnswerSurvey(code);
  const [answers, setAnswers] = useState<Record<string, SurveyAnswerValue>>({});
  const language = survey.data?.language;

  useEffect(() => {
    if (!language) return;
    // The invitation's language, for this visit only: nothing is remembered in the browser.
    if (i18next.language !== language) void i18next.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);

  if (submit.data) {
    return (
      <>
        <PageHeading title={t('surveys.public.thanksTitle')}>{t('surveys.public.thanksTitle')}</PageHeading>
        <p>{submit.data.thanks}</p>
        <p>{t('surveys.public.closeWindow')}</p>
      </>
    );
  }

  if (survey.isPending) return <Loading />;

  if (survey.error) {
    const status = isApiError(survey.error) ? survey.error.status : 0;
    const titleKey = status === 410 ? 'surveys.public.answeredTitle' : status === 404 ? 'surveys.public.unavailableTitle' : status === 429 ? 'surveys.public.tooManyTitle' : 'errors.title';
    return (
      <>
        <PageHeading title={t(titleKey)}>{t(titleKey)}</PageHeading>
        <p>{isApiError(survey.error) ? survey.error.message : t('errors.unexpected')}</p>
      </>
    );
  }

  const data = survey.data;
  const errors = fieldErrors(submit.error);
  const questionFields = data.questions.map((q) => `answers.${q.id}`);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit.mutate(answers, {
      onSuccess: () => {
        requestHeadingFocus();
        window.scrollTo(0, 0);
      },
    });
  }

  const set = (id: string, value: SurveyAnswerValue) => setAnswers((prev) => ({ ...prev, [id]: value }));

  return (
    <>
      <p className="survey-organisation">{data.organisation}</p>
      <PageHeading title={data.title}>{data.title}</PageHeading>
      <p>{data.intro}</p>
      {submit.error ? <ErrorAlert error={submit.error} knownFields={questionFields} /> : null}
      <form onSubmit={onSubmit} noValidate>
        {data.questions.map((q) => (
          <Question key={q.id} question={q} value={answers[q.id]} error={errors[`answers.${q.id}`]} onChange={(v) => set(q.id, v)} />
        ))}
        <button type="submit" className="button button-primary" disabled={submit.isPending}>
          {submit.isPending ? t('surveys.public.sending') : t('surveys.public.submit')}
        </button>
      </form>
    </>
  );
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">{t('form.errorPrefix')} </span>
      {error}
    </span>
  );
}

function Question({ question: q, value, error, onChange }: { question: PublicSurveyQuestion; value: SurveyAnswerValue | undefined; error?: string; onChange: (value: SurveyAnswerValue) => void }) {
  const { t } = useTranslation();
  const fieldId = `q-${q.id}`;
  const errorId = `${fieldId}-error`;
  const groupClass = error ? 'form-group form-error' : 'form-group';
  const required = q.required ? <span className="required-marker"> {t('form.required')}</span> : null;

  if (q.kind === 'free_text') {
    const hintId = `${fieldId}-hint`;
    return (
      <div className={groupClass}>
        <label className="form-label" htmlFor={fieldId}>
          {q.text}
          {required}
        </label>
        <span className="form-hint" id={hintId}>
          {t('surveys.public.maxLength', { count: q.maxLength ?? 2000 })}
        </span>
        <ErrorText id={errorId} error={error} />
        <textarea
          id={fieldId}
          name={q.id}
          className="form-input"
          rows={5}
          maxLength={q.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
        />
      </div>
    );
  }

  const options: { value: SurveyAnswerValue; label: string }[] =
    q.kind === 'likert'
      ? (q.scaleLabels ?? []).map((label, i) => ({ value: i + 1, label: `${i + 1} – ${label}` }))
      : [
          { value: true, label: t('common.yes') },
          { value: false, label: t('common.no') },
        ];
  return (
    <fieldset className={groupClass} aria-describedby={error ? errorId : undefined}>
      <legend className="form-label">
        {q.text}
        {required}
      </legend>
      <ErrorText id={errorId} error={error} />
      {options.map((option, i) => {
        const id = `${fieldId}-${i + 1}`;
        return (
          <div className="form-group-radio" key={id}>
            <input id={id} type="radio" className="form-radio radio-large" name={q.id} value={String(option.value)} checked={value === option.value} onChange={() => onChange(option.value)} aria-invalid={error ? true : undefined} />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
