import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { useJobseeker } from '../api/jobseekers';
import { labelOf, useEducationLevels, useLanguages } from '../api/reference';
import { ErrorAlert } from '../components/error-alert';
import { PageHeading } from '../components/page-heading';
import { formatDate, formatDateTime } from '../i18n/format';
import { CprReveal } from './cpr-reveal';
import { JobseekerSpells } from './jobseeker-spells';

const route = getRouteApi('/authenticated/jobseekers/$id');

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-dl-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function JobseekerDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = route.useParams();
  const me = useMe();
  const jobseeker = useJobseeker(id);
  const educationLevels = useEducationLevels();
  const languages = useLanguages();
  const j = jobseeker.data;
  const title = j ? `${j.firstName} ${j.lastName}` : jobseeker.error ? t('jobseeker.notFound') : t('common.loading');
  return (
    <>
      <p className="app-back no-print">
        <Link to="/jobseekers">{t('jobseeker.backToList')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {jobseeker.error ? <ErrorAlert error={jobseeker.error} /> : null}
      {j ? (
        <>
          <dl className="app-dl">
            <Row label={t('jobseeker.fields.cpr')}>
              <CprReveal jobseekerId={j.id} masked={j.cprMasked} allowed={can(me, 'jobseeker.reveal_cpr')} />
            </Row>
            <Row label={t('jobseeker.fields.birthDate')}>
              {formatDate(j.birthDate)} ({t('jobseeker.age', { count: j.age })})
            </Row>
            <Row label={t('jobseeker.fields.phone')}>{j.phone ?? t('common.notStated')}</Row>
            <Row label={t('jobseeker.fields.email')}>{j.email ?? t('common.notStated')}</Row>
            <Row label={t('jobseeker.fields.address')}>
              {j.addressLine || j.postalCode || j.city ? [j.addressLine, [j.postalCode, j.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : t('common.notStated')}
            </Row>
            <Row label={t('jobseeker.fields.municipality')}>{j.municipality ? `${j.municipality.name} (${j.municipality.regionName})` : t('common.notStated')}</Row>
            <Row label={t('jobseeker.fields.educationLevel')}>{j.educationLevel ? labelOf(educationLevels.data, j.educationLevel, i18n.language) : t('common.notStated')}</Row>
            <Row label={t('jobseeker.fields.preferredLanguage')}>{labelOf(languages.data, j.preferredLanguage, i18n.language)}</Row>
            <Row label={t('jobseeker.fields.createdAt')}>{formatDateTime(j.createdAt)}</Row>
            <Row label={t('jobseeker.fields.updatedAt')}>{formatDateTime(j.updatedAt)}</Row>
          </dl>
          <div className="app-actions no-print">
            {can(me, 'jobseeker.write') ? (
              <Link to="/jobseekers/$id/edit" params={{ id: j.id }} className="button button-primary">
                {t('jobseeker.edit')}
              </Link>
            ) : null}
            {can(me, 'cv.read') ? (
              <Link to="/jobseekers/$id/cv" params={{ id: j.id }} className="button button-secondary">
                {t('brokering.cv.link')}
              </Link>
            ) : null}
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              {t('common.print')}
            </button>
          </div>
          <JobseekerSpells jobseekerId={j.id} />
        </>
      ) : null}
    </>
  );
}
