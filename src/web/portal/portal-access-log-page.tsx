import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessLog } from '../api/portal';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { Pagination } from '../components/pagination';
import { formatDateTime } from '../i18n/format';

/** "Hvem har set mine data": role, organisation, time, action and purpose — never a staff member's name. */
export function PortalAccessLogPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const log = useAccessLog(page);
  return (
    <>
      <PageHeading title={t('portal.accessLog.title')}>{t('portal.accessLog.title')}</PageHeading>
      <p>{t('portal.accessLog.intro')}</p>
      {log.error ? <ErrorAlert error={log.error} /> : null}
      {!log.data ? (
        log.error ? null : <Loading />
      ) : log.data.items.length === 0 ? (
        <p>{t('portal.accessLog.none')}</p>
      ) : (
        <>
          {/* A list rather than a table: it reads well on a phone and needs no sideways scrolling. */}
          <ul className="nobullet-list portal-log" aria-label={t('portal.accessLog.caption')}>
            {log.data.items.map((row) => (
              <li key={row.id} className="portal-card">
                <p>
                  <strong>{formatDateTime(row.at)}</strong>
                </p>
                <dl className="portal-facts">
                  <dt>{t('portal.accessLog.who')}</dt>
                  <dd>{row.actorKind === 'staff' ? `${t(`roles.${row.role ?? 'caseworker'}`)}, ${row.organisationName}` : t('portal.accessLog.system')}</dd>
                  <dt>{t('portal.accessLog.what')}</dt>
                  <dd>{`${t(`portal.accessLog.actions.${row.action}`, { defaultValue: row.action })}: ${t(`portal.accessLog.subjects.${row.subjectType}`, { defaultValue: row.subjectType })}`}</dd>
                  <dt>{t('portal.accessLog.why')}</dt>
                  <dd>{row.purpose}</dd>
                </dl>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={log.data.pageSize} total={log.data.total} onPage={setPage} label={t('portal.accessLog.pages')} />
        </>
      )}
    </>
  );
}
