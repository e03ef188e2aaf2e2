import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';

/** Download everything Jobspor holds about the jobseeker. */
export function PortalDataPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('portal.data.title')}>{t('portal.data.title')}</PageHeading>
      <p>{t('portal.data.intro')}</p>
      <ul className="portal-list">
        <li>
          <a href="/api/portal/export.pdf" download="mine-data.pdf">
            {t('portal.data.pdf')}
          </a>
        </li>
        <li>
          <a href="/api/portal/export.json" download="mine-data.json">
            {t('portal.data.json')}
          </a>
        </li>
      </ul>
    </>
  );
}
