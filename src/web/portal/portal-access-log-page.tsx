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
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <caption className="sr-only">{t('portal.accessLog.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('portal.accessLog.when')}</th>
                  <th scope="col">{t('portal.accessLog.who')}</th>
                  <th scope="col">{t('portal.accessLog.what')}</th>
                  <th scope="col">{t('portal.accessLog.why')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((row) => (
                  <tr key={row.id}>
                    <td>{formatDateTime(row.at)}</td>
                    <td>{row.actorKind === 'staff' ? `${t(`roles.${row.role ?? 'caseworker'}`)}, ${row.organisationName}` : t('portal.accessLog.system')}</td>
                    <td>{`${t(`portal.accessLog.actions.${row.action}`, { defaultValue: row.action })}: ${t(`portal.accessLog.subjects.${row.subjectType}`, { defaultValue: row.subjectType })}`}</td>
                    <td>{row.purpose}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={log.data.pageSize} total={log.data.total} onPage={setPage} label={t('portal.accessLog.pages')} />
        </>
      )}
    </>
  );
}
