import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../i18n/format';

type OutboxRow = { id: string; createdAt: string; channel: 'email' | 'sms'; recipient: string; subject: string | null; body: string; template: string; status: string };

/** The embedded outbox for admins: in a demo, where a jobseeker's portal login code can be read. */
export function OutboxPage() {
  const { t } = useTranslation();
  const rows = useQuery({ queryKey: ['outbox'], queryFn: () => api.get<{ items: OutboxRow[] }>('/api/v1/outbox?limit=30'), refetchInterval: 5000 });
  return (
    <>
      <PageHeading title={t('portal.staff.outboxTitle')}>{t('portal.staff.outboxTitle')}</PageHeading>
      <p>{t('portal.staff.outboxIntro')}</p>
      {rows.error ? <ErrorAlert error={rows.error} /> : null}
      {!rows.data ? (
        rows.error ? null : <Loading />
      ) : rows.data.items.length === 0 ? (
        <p>{t('portal.staff.empty')}</p>
      ) : (
        <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('portal.staff.outboxCaption')}>
          <table className="table table--compact">
            <caption className="sr-only">{t('portal.staff.outboxCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portal.staff.when')}</th>
                <th scope="col">{t('portal.staff.to')}</th>
                <th scope="col">{t('portal.staff.message')}</th>
                <th scope="col">{t('portal.staff.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.items.map((row) => (
                <tr key={row.id}>
                  <td>{formatDateTime(row.createdAt)}</td>
                  <td>{`${row.recipient} (${row.channel === 'email' ? 'e-mail' : 'SMS'})`}</td>
                  <td className="app-prewrap" data-testid="outbox-body">
                    {row.subject ? <strong>{row.subject}</strong> : null}
                    {row.subject ? <br /> : null}
                    {row.body}
                  </td>
                  <td>{row.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
