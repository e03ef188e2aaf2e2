import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisation } from '../api/organisation';
import { useSurveyResults, type SurveyGroup } from '../api/surveys';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField, TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';
import { formatDate } from '../i18n/format';
import './surveys.css';

const route = getRouteApi('/authenticated/satisfaction');

/** The survey types a manager can pick: conversation types, then the other triggers. */
export const SURVEY_TYPES = ['cv_contact', 'contact', 'availability', 'sparring', 'extra_contact', 'joint_meeting', 'closing', 'offer_completed', 'placement', 'quarterly'] as const;

function percent(value: number | null, language: string): string {
  if (value === null) return '';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'da-DK', { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** Satisfaction for managers: response rate and share satisfied (4–5), never for fewer than 5 answers. */
export function SatisfactionPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const organisation = useOrganisation();
  const [from, setFrom] = useState(search.from ?? '');
  const [to, setTo] = useState(search.to ?? '');
  const [unitId, setUnitId] = useState(search.unitId ?? '');
  const [caseworkerId, setCaseworkerId] = useState(search.caseworkerId ?? '');
  const [type, setType] = useState(search.type ?? '');
  const results = useSurveyResults(search);
  const errors = fieldErrors(results.error);
  const typeLabel = (key: string | null) => (key ? t(`surveys.types.${key}`, { defaultValue: key }) : t('surveys.results.none'));

  function apply(event: FormEvent) {
    event.preventDefault();
    void navigate({ search: { from: from || undefined, to: to || undefined, unitId: unitId || undefined, caseworkerId: caseworkerId || undefined, type: type || undefined } });
  }

  const data = results.data;
  return (
    <>
      <PageHeading title={t('surveys.results.title')}>{t('surveys.results.title')}</PageHeading>
      <p>{t('surveys.results.intro')}</p>
      <form role="search" aria-label={t('surveys.results.filterLabel')} onSubmit={apply} className="app-filters" noValidate>
        <TextField id="from" type="date" label={t('surveys.results.from')} value={from} onChange={setFrom} error={errors.from} />
        <TextField id="to" type="date" label={t('surveys.results.to')} value={to} onChange={setTo} error={errors.to} />
        <SelectField
          id="unitId"
          label={t('surveys.results.unit')}
          value={unitId}
          onChange={setUnitId}
          emptyLabel={t('surveys.results.allUnits')}
          options={(organisation.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <SelectField
          id="caseworkerId"
          label={t('surveys.results.caseworker')}
          value={caseworkerId}
          onChange={setCaseworkerId}
          emptyLabel={t('surveys.results.allCaseworkers')}
          options={(organisation.data?.staff ?? []).filter((s) => s.role === 'caseworker' || s.role === 'manager').map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField id="type" label={t('surveys.results.type')} value={type} onChange={setType} emptyLabel={t('surveys.results.allTypes')} options={SURVEY_TYPES.map((k) => ({ value: k, label: typeLabel(k) }))} />
        <div className="app-filter-submit">
          <button type="submit" className="button button-primary">
            {t('surveys.results.apply')}
          </button>
        </div>
      </form>
      {results.error ? <ErrorAlert error={results.error} knownFields={['from', 'to']} /> : null}
      <p role="status" className="app-result-count">
        {data
          ? data.total.suppressed
            ? t('surveys.results.totalSuppressed', { from: formatDate(data.from), to: formatDate(data.to), answered: data.total.answered, min: data.minAnswers })
            : t('surveys.results.total', {
                from: formatDate(data.from),
                to: formatDate(data.to),
                share: percent(data.total.share, i18n.language),
                rate: percent(data.total.responseRate, i18n.language),
                answered: data.total.answered,
                invited: data.total.invited,
              })
          : t('common.loading')}
      </p>
      {data ? (
        <>
          <p>{data.suppressionNote}</p>
          <GroupTable caption={t('surveys.results.byUnit')} header={t('surveys.results.unit')} groups={data.byUnit} labelOf={(g) => g.label ?? t('surveys.results.none')} />
          <GroupTable caption={t('surveys.results.byCaseworker')} header={t('surveys.results.caseworker')} groups={data.byCaseworker} labelOf={(g) => g.label ?? t('surveys.results.none')} />
          <GroupTable caption={t('surveys.results.byType')} header={t('surveys.results.type')} groups={data.byType} labelOf={(g) => typeLabel(g.key)} />
          <h2>{t('surveys.results.comments')}</h2>
          {data.freeTexts.shown ? (
            data.freeTexts.questions.length === 0 ? (
              <p>{t('surveys.results.noComments')}</p>
            ) : (
              data.freeTexts.questions.map((q) => (
                <section key={`${q.surveyKey}:${q.questionId}`} aria-label={q.question}>
                  <h3>{q.question}</h3>
                  <ul className="survey-comments">
                    {q.answers.map((answer, i) => (
                      <li key={i}>{answer}</li>
                    ))}
                  </ul>
                </section>
              ))
            )
          ) : (
            <p>{data.freeTexts.note}</p>
          )}
        </>
      ) : null}
    </>
  );
}

function GroupTable({ caption, header, groups, labelOf }: { caption: string; header: string; groups: SurveyGroup[]; labelOf: (g: SurveyGroup) => string }) {
  const { t, i18n } = useTranslation();
  if (groups.length === 0) return null;
  const cols = [header, t('surveys.results.invited'), t('surveys.results.answered'), t('surveys.results.responseRate'), t('surveys.results.share')];
  return (
    <table className="table table--zebra table--responsive-headers app-table">
      <caption className="app-caption">{caption}</caption>
      <thead>
        <tr>
          {cols.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key ?? 'none'}>
            <th scope="row" data-title={cols[0]}>
              {labelOf(g)}
            </th>
            <td data-title={cols[1]}>{g.invited}</td>
            <td data-title={cols[2]}>{g.answered}</td>
            {g.suppressed ? (
              <td data-title={`${cols[3]}, ${cols[4]}`} colSpan={2} className="survey-suppressed">
                {t('surveys.results.suppressed')}
              </td>
            ) : (
              <>
                <td data-title={cols[3]}>{percent(g.responseRate, i18n.language)}</td>
                <td data-title={cols[4]}>{percent(g.share, i18n.language)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
