import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddPlanComment, usePortalPlan } from '../api/portal';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { TextAreaField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate, formatDateTime } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

/** Min Plan as it stands, its earlier versions, and the jobseeker's comments. */
export function PortalPlanPage() {
  const { t } = useTranslation();
  const plan = usePortalPlan();
  const add = useAddPlanComment();
  const announce = useAnnounce();
  const [comment, setComment] = useState('');
  const errors = fieldErrors(add.error);
  const current = plan.data?.current ?? null;

  function send(event: FormEvent) {
    event.preventDefault();
    add.mutate(comment, {
      onSuccess: () => {
        setComment('');
        announce(t('portal.plan.commentSaved'));
      },
    });
  }

  return (
    <>
      <PageHeading title={t('portal.plan.title')}>{t('portal.plan.title')}</PageHeading>
      {plan.error ? <ErrorAlert error={plan.error} /> : null}
      {!plan.data ? (
        plan.error ? null : <Loading />
      ) : !current ? (
        <p>{t('portal.plan.none')}</p>
      ) : (
        <>
          <p className="app-muted">{t('portal.plan.version', { version: current.version, date: formatDate(current.createdAt.slice(0, 10)) })}</p>
          <h2>{t('portal.plan.goals')}</h2>
          {current.jobGoals.length === 0 ? <p>{t('portal.plan.noGoals')}</p> : <ul className="portal-list">{current.jobGoals.map((g) => <li key={g.title}>{g.title}</li>)}</ul>}
          <h2>{t('portal.plan.search')}</h2>
          <p>{current.searchRequirementPerWeek !== null ? t('portal.plan.requirement', { count: current.searchRequirementPerWeek }) : t('portal.plan.noRequirement')}</p>
          {current.searchStrategy ? <p>{current.searchStrategy}</p> : null}
          <h2>{t('portal.plan.activities')}</h2>
          {current.activities.length === 0 ? (
            <p>{t('portal.plan.noActivities')}</p>
          ) : (
            <ul className="portal-list">
              {current.activities.map((a) => (
                <li key={a.id}>
                  {a.title}
                  {a.dueDate ? ` – ${t('portal.plan.dueBy', { date: formatDate(a.dueDate) })}` : ''} ({t(`plan.statuses.${a.status}`)})
                </li>
              ))}
            </ul>
          )}
          <h2>{t('portal.plan.comments')}</h2>
          {(plan.data.comments ?? []).length === 0 ? (
            <p>{t('portal.plan.noComments')}</p>
          ) : (
            <ul className="portal-list">
              {(plan.data.comments ?? []).map((c) => (
                <li key={c.id}>
                  <span className="app-muted">{t('portal.plan.commentMeta', { at: formatDateTime(c.createdAt), version: c.version })}</span> {c.body}
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={send} noValidate className="app-form">
            {add.error ? <ErrorAlert error={add.error} knownFields={['body']} /> : null}
            <TextAreaField id="plan-comment" label={t('portal.plan.commentLabel')} hint={t('portal.plan.commentHint')} value={comment} onChange={setComment} error={errors.body} rows={3} maxLength={2000} />
            <button type="submit" className="button button-primary" disabled={add.isPending}>
              {t('portal.plan.send')}
            </button>
          </form>
          {plan.data.versions.length > 1 ? (
            <>
              <h2>{t('portal.plan.history')}</h2>
              <ul className="portal-list">
                {plan.data.versions.map((v) => (
                  <li key={v.id}>{t('portal.plan.historyItem', { version: v.version, date: formatDate(v.createdAt.slice(0, 10)), note: v.changeNote ?? '' })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
