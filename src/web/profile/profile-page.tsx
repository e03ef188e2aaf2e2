import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { PageHeading } from '../components/page-heading';
import { TwoFactor } from './two-factor';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me) return null;
  return (
    <>
      <PageHeading title={t('profile.title')}>{t('profile.title')}</PageHeading>
      <dl className="app-dl">
        <div className="app-dl-row">
          <dt>{t('profile.name')}</dt>
          <dd>{me.name}</dd>
        </div>
        <div className="app-dl-row">
          <dt>{t('profile.email')}</dt>
          <dd>{me.email}</dd>
        </div>
        <div className="app-dl-row">
          <dt>{t('profile.role')}</dt>
          <dd>{t(`roles.${me.role}`)}</dd>
        </div>
        <div className="app-dl-row">
          <dt>{t('profile.organisation')}</dt>
          <dd>
            {me.organisationName}
            {me.unitName ? `, ${me.unitName}` : ''}
          </dd>
        </div>
      </dl>
      <TwoFactor me={me} />
    </>
  );
}
