import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { jobseekerQuery, useJobseeker, useUpdateJobseeker } from '../api/jobseekers';
import type { Jobseeker } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { useAnnounce } from '../layout/announcer';
import { changedFields, JobseekerForm, toJobseekerInput, valuesFromJobseeker } from './jobseeker-form';

const route = getRouteApi('/authenticated/jobseekers/$id/edit');

export function JobseekerEditPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const jobseeker = useJobseeker(id);
  const title = t('jobseeker.editTitle');
  return (
    <>
      <PageHeading title={title}>{jobseeker.data ? t('jobseeker.editTitleNamed', { name: `${jobseeker.data.firstName} ${jobseeker.data.lastName}` }) : title}</PageHeading>
      {jobseeker.error ? <ErrorAlert error={jobseeker.error} /> : null}
      {jobseeker.data ? <EditForm key={jobseeker.data.id} loaded={jobseeker.data} /> : jobseeker.isPending ? <Loading /> : null}
    </>
  );
}

/**
 * The form keeps the version it was loaded with. If someone saved in between, the server
 * answers 409; the typed values stay, and the user chooses when to load the newer version.
 */
function EditForm({ loaded }: { loaded: Jobseeker }) {
  const { t } = useTranslation();
  const [base] = useState(loaded);
  const [formKey, setFormKey] = useState(0);
  const [current, setCurrent] = useState(base);
  const update = useUpdateJobseeker(loaded.id);
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const initial = valuesFromJobseeker(current);
  const conflict = isApiError(update.error) && update.error.code === 'version_conflict';

  async function loadNewest() {
    const newest = await queryClient.fetchQuery({ ...jobseekerQuery(loaded.id), staleTime: 0 }).catch(() => null);
    if (newest) {
      update.reset();
      setCurrent(newest);
      setFormKey((k) => k + 1);
      announce(t('jobseeker.conflict.reloaded'));
    }
  }

  return (
    <JobseekerForm
      key={formKey}
      initial={initial}
      withCpr={false}
      submitLabel={t('common.save')}
      pending={update.isPending}
      error={update.error}
      errorContent={
        conflict ? (
          <div className="alert alert-warning app-conflict">
            <div className="alert-body">
              <p className="alert-text">{t('jobseeker.conflict.explain')}</p>
              <button type="button" className="button button-secondary" onClick={() => void loadNewest()}>
                {t('jobseeker.conflict.reload')}
              </button>
            </div>
          </div>
        ) : null
      }
      onSubmit={(values) => {
        const changes = changedFields(initial, values);
        if (changes.size === 0) {
          void navigate({ to: '/jobseekers/$id', params: { id: loaded.id } });
          return;
        }
        update.mutate(
          { ...toJobseekerInput(values, changes), version: current.version },
          {
            onSuccess: () => {
              announce(t('jobseeker.saved'));
              void navigate({ to: '/jobseekers/$id', params: { id: loaded.id } });
            },
          },
        );
      }}
      cancel={
        <Link to="/jobseekers/$id" params={{ id: loaded.id }} className="button button-secondary">
          {t('common.cancel')}
        </Link>
      }
    />
  );
}
