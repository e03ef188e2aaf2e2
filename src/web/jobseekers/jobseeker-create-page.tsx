import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCreateJobseeker } from '../api/jobseekers';
import { PageHeading } from '../components/page-heading';
import { useAnnounce } from '../layout/announcer';
import { emptyJobseekerValues, JobseekerForm, toJobseekerInput } from './jobseeker-form';

export function JobseekerCreatePage() {
  const { t } = useTranslation();
  const create = useCreateJobseeker();
  const navigate = useNavigate();
  const announce = useAnnounce();
  return (
    <>
      <PageHeading title={t('jobseeker.createTitle')}>{t('jobseeker.createTitle')}</PageHeading>
      <JobseekerForm
        initial={emptyJobseekerValues()}
        withCpr
        submitLabel={t('jobseeker.createSubmit')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(values) =>
          create.mutate(toJobseekerInput(values), {
            onSuccess: (created) => {
              announce(t('jobseeker.created'));
              void navigate({ to: '/jobseekers/$id', params: { id: created.id } });
            },
          })
        }
        cancel={
          <Link to="/jobseekers" className="button button-secondary">
            {t('common.cancel')}
          </Link>
        }
      />
    </>
  );
}
