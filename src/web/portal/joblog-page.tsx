import { useTranslation } from 'react-i18next';
import { Link } from '@tanstack/react-router';
import { usePortalMe } from '../api/portal';
import { PORTAL_JOBLOG_BASE } from '../api/portal-joblog';
import { JoblogPanel } from '../case/joblog-panel';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';

/** "Min joblog": the jobseeker adds job searches in a few taps and sees their month against the requirement. */
export function PortalJoblogPage() {
  const { t } = useTranslation();
  const me = usePortalMe();
  return (
    <>
      <PageHeading title={t('portalJoblog.title')}>{t('portalJoblog.title')}</PageHeading>
      {me.error ? <ErrorAlert error={me.error} /> : null}
      {me.isPending ? <Loading /> : null}
      {me.data === null ? (
        <div className="alert alert-info" data-testid="portal-login-needed">
          <div className="alert-body">
            <p className="alert-text">
              {t('portalJoblog.loginNeeded')} <Link to="/portal/login">{t('portalJoblog.toLogin')}</Link>
            </p>
          </div>
        </div>
      ) : null}
      {me.data ? (
        <>
          <p>{t('portalJoblog.intro', { name: me.data.firstName })}</p>
          <JoblogPanel base={PORTAL_JOBLOG_BASE} writable audience="jobseeker" />
        </>
      ) : null}
    </>
  );
}
