import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateSavedSearch, usePortalJobs } from '../api/portal-jobs';
import { JobMatchList } from '../brokering/job-match-list';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { describeSearch } from './search-text';

export const RADIUS_CHOICES = [10, 25, 50, 75, 100, 150, 300] as const;

/**
 * "Job til dig": job orders and imported vacancies ranked by the person's CV, each with its
 * reasons in words (advice under the EU AI Act: the person decides), and the search saved in one step.
 */
export function PortalJobsPage() {
  const { t, i18n } = useTranslation();
  const [radius, setRadius] = useState('75');
  const [words, setWords] = useState('');
  const [params, setParams] = useState<{ radiusKm?: number; freeText?: string }>({});
  const jobs = usePortalJobs(params);
  const save = useCreateSavedSearch();
  const errors = fieldErrors(jobs.error);
  const title = t('portalJobs.title');

  function search(event: FormEvent) {
    event.preventDefault();
    save.reset();
    setParams({ radiusKm: Number(radius), freeText: words.trim() || undefined });
  }

  const data = jobs.data;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('portalJobs.intro')}</p>
      <form onSubmit={search} noValidate className="portal-card" aria-labelledby="jobs-search-heading">
        <h2 id="jobs-search-heading">{t('portalJobs.searchHeading')}</h2>
        <SelectField id="radiusKm" label={t('portalJobs.radius')} value={radius} onChange={setRadius} options={RADIUS_CHOICES.map((km) => ({ value: String(km), label: t('portalJobs.km', { km }) }))} error={errors.radiusKm} />
        <TextField id="freeText" label={t('portalJobs.words')} hint={t('portalJobs.wordsHint')} value={words} onChange={setWords} maxLength={200} error={errors.freeText} />
        <button type="submit" className="button button-primary">
          {t('portalJobs.search.submit')}
        </button>
      </form>
      <ErrorAlert error={jobs.error} knownFields={['radiusKm', 'freeText']} />
      {!data ? (
        jobs.error ? null : <Loading />
      ) : !data.hasCv ? (
        <p>{t('portalJobs.noCv')}</p>
      ) : (
        <section aria-labelledby="jobs-result-heading">
          <h2 id="jobs-result-heading">{t('portalJobs.found', { count: data.items.length })}</h2>
          <p>
            {t('portalJobs.searchIs')} {describeSearch(data.search, t, i18n.language)}
          </p>
          <div role="status">
            {save.isSuccess ? (
              <p className="alert alert-success">
                <span className="alert-text">
                  {t('portalJobs.saved')} <Link to="/portal/saved-searches">{t('portalJobs.toSaved')}</Link>
                </span>
              </p>
            ) : null}
          </div>
          <ErrorAlert error={save.error} />
          {save.isSuccess ? null : (
            <button type="button" className="button button-secondary" disabled={save.isPending} onClick={() => save.mutate(data.search)}>
              {save.isPending ? t('common.saving') : t('portalJobs.save')}
            </button>
          )}
          <p className="form-hint">{t('portalJobs.advice')}</p>
          {data.items.length === 0 ? <p>{t('portalJobs.none')}</p> : <JobMatchList items={data.items} linkJobOrders={false} />}
          {data.items.some((m) => m.source === 'job_order') ? <p>{t('portalJobs.jobOrderNote')}</p> : null}
        </section>
      )}
    </>
  );
}
