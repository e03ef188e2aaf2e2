import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import type { TemplateSummary } from '../api/spell-types';
import { useCadenceTemplates, useSetTemplateActive } from '../api/templates';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

/** The organisation's cadences; a manager switches each on or off for new spells. */
export function CadencesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const cadences = useCadenceTemplates();
  const toggle = useSetTemplateActive();
  const announce = useAnnounce();
  const manage = can(me, 'template.manage');
  const title = t('cadences.title');

  function switchActive(row: TemplateSummary) {
    toggle.mutate({ id: row.id, active: !row.active }, { onSuccess: () => announce(row.active ? t('cadences.deactivated', { name: row.name }) : t('cadences.activated', { name: row.name })) });
  }

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="app-narrow">{t('cadences.intro')}</p>
      {cadences.error ? <ErrorAlert error={cadences.error} /> : null}
      {toggle.error ? <ErrorAlert error={toggle.error} /> : null}
      {cadences.data ? (
        <table className="table table--zebra table--responsive-headers app-table">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cadences.name')}</th>
              <th scope="col">{t('cadences.segment')}</th>
              <th scope="col">{t('cadences.version')}</th>
              <th scope="col">{t('cadences.validFrom')}</th>
              <th scope="col">{t('cadences.active')}</th>
            </tr>
          </thead>
          <tbody>
            {cadences.data.map((row) => (
              <tr key={row.id}>
                <td data-title={t('cadences.name')}>
                  <Link to="/admin/cadences/$id" params={{ id: row.id }}>
                    {row.name}
                  </Link>
                </td>
                <td data-title={t('cadences.segment')}>
                  <span className="app-id">{row.segment}</span>
                </td>
                <td data-title={t('cadences.version')}>{row.version}</td>
                <td data-title={t('cadences.validFrom')}>{formatDate(row.validFrom)}</td>
                <td data-title={t('cadences.active')}>
                  {manage ? (
                    <button
                      type="button"
                      role="switch"
                      aria-checked={row.active}
                      className={row.active ? 'app-switch app-switch--on' : 'app-switch'}
                      disabled={toggle.isPending && toggle.variables?.id === row.id}
                      onClick={() => switchActive(row)}
                    >
                      <span className="app-switch-track" aria-hidden="true" />
                      <span>{row.active ? t('cadences.on') : t('cadences.off')}</span>
                      <span className="sr-only">
                        {': '}
                        {t('cadences.activeNamed', { name: row.name })}
                      </span>
                    </button>
                  ) : row.active ? (
                    t('cadences.on')
                  ) : (
                    t('cadences.off')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : cadences.isPending ? (
        <Loading />
      ) : null}
    </>
  );
}
