import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/auth';
import type { Me } from '../api/types';
import { LanguageSwitch } from './language-switch';
import { MainNavigation } from './main-navigation';

export function AppHeader({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <header className="header">
      <div className="portal-info">
        <div className="container portal-info-inner app-portal">
          <span className="app-logo">{t('app.name')}</span>
          <div className="app-portal-tools">
            {me ? (
              <p className="app-user">
                <span className="app-user-name">{me.name}</span>
                <span className="app-user-role">
                  {t(`roles.${me.role}`)}
                  {me.unitName ? `, ${me.unitName}` : ''}
                </span>
              </p>
            ) : null}
            <LanguageSwitch />
            {me ? (
              <button
                type="button"
                className="button button-secondary"
                disabled={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login', search: { redirect: undefined, loggedOut: true } }) })}
              >
                {t('layout.logout')}
              </button>
            ) : null}
          </div>
        </div>
      </div>
      {me ? (
        <>
          <div className="solution-info">
            <div className="container solution-info-inner">
              <div className="solution-heading">
                <Link to="/">{me.organisationName}</Link>
              </div>
            </div>
          </div>
          <MainNavigation me={me} />
        </>
      ) : null}
    </header>
  );
}
