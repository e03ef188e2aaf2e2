import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}

export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('noAccess.title')}>{t('noAccess.title')}</PageHeading>
      <p>{t('noAccess.text')}</p>
    </>
  );
}

export function ErrorPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('errors.title')}>{t('errors.title')}</PageHeading>
      <div className="alert alert-error" role="alert">
        <div className="alert-body">
          <p className="alert-text">{t('errors.unexpected')}</p>
        </div>
      </div>
    </>
  );
}
