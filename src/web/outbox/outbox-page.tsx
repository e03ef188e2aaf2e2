import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../api/messages';
import { ErrorAlert } from '../components/error-alert';
import { SelectField, TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';
import { Pagination } from '../components/pagination';
import { formatDateTime } from '../i18n/format';

const route = getRouteApi('/authenticated/outbox');
const PAGE_SIZE = 25;
const STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;

/** Every e-mail and SMS with its delivery state; in the embedded mode this is where they are "delivered". */
export function OutboxPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [recipient, setRecipient] = useState('');
  const [template, setTemplate] = useState(search.template ?? '');
  const [status, setStatus] = useState(search.status ?? '');
  const page = search.page ?? 1;
  // The recipient filter is personal data: kept in memory, never in the address bar.
  const [appliedRecipient, setAppliedRecipient] = useState('');
  const outbox = useOutbox({ recipient: appliedRecipient || undefined, template: search.template, status: search.status, page, pageSize: PAGE_SIZE });

  function apply(event: FormEvent) {
    event.preventDefault();
    setAppliedRecipient(recipient.trim());
    void navigate({ search: { template: template || undefined, status: status || undefined, page: undefined } });
  }

  return (
    <>
      <PageHeading title={t('outbox.title')}>{t('outbox.title')}</PageHeading>
      <p>{t('outbox.intro')}</p>
      <form role="search" aria-label={t('outbox.filterLabel')} onSubmit={apply} className="app-filters" noValidate>
        <TextField id="recipient" type="search" label={t('outbox.recipient')} hint={t('outbox.recipientHint')} value={recipient} onChange={setRecipient} autoComplete="off" />
        <SelectField id="template" label={t('outbox.template')} value={template} onChange={setTemplate} emptyLabel={t('outbox.allTemplates')} options={(outbox.data?.templates ?? []).map((tpl) => ({ value: tpl, label: t(`outbox.templates.${tpl.split(':')[0]}`, { defaultValue: tpl }) }))} />
        <SelectField id="status" label={t('outbox.status')} value={status} onChange={setStatus} emptyLabel={t('outbox.allStatuses')} options={STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))} />
        <div className="app-filter-submit">
          <button type="submit" className="button button-primary">
            {t('outbox.apply')}
          </button>
        </div>
      </form>
      {outbox.error ? <ErrorAlert error={outbox.error} /> : null}
      <p role="status" className="app-result-count">
        {outbox.data ? t('outbox.count', { count: outbox.data.total }) : t('common.loading')}
      </p>
      {outbox.data && outbox.data.items.length > 0 ? (
        <table className="table table--zebra table--responsive-headers app-table">
          <caption className="sr-only">{t('outbox.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outbox.created')}</th>
              <th scope="col">{t('outbox.recipient')}</th>
              <th scope="col">{t('outbox.template')}</th>
              <th scope="col">{t('outbox.message')}</th>
              <th scope="col">{t('outbox.status')}</th>
            </tr>
          </thead>
          <tbody>
            {outbox.data.items.map((item) => (
              <tr key={item.id}>
                <td data-title={t('outbox.created')}>{formatDateTime(item.createdAt)}</td>
                <td data-title={t('outbox.recipient')}>
                  {t(`outbox.channels.${item.channel}`)}: {item.recipient}
                </td>
                <td data-title={t('outbox.template')}>{t(`outbox.templates.${item.template.split(':')[0]}`, { defaultValue: item.template })}</td>
                <td data-title={t('outbox.message')}>
                  <details>
                    <summary>{item.subject ?? item.body.slice(0, 60)}</summary>
                    <p className="app-pre">{item.body}</p>
                  </details>
                </td>
                <td data-title={t('outbox.status')}>
                  {item.status === 'sent' && item.adapter === 'outbox' ? t('outbox.inOutbox') : t(`outbox.statuses.${item.status}`)}
                  {item.status === 'queued' && new Date(item.nextAttemptAt) > new Date() ? <> ({t('outbox.notBefore', { time: formatDateTime(item.nextAttemptAt) })})</> : null}
                  {item.sentAt ? <> · {formatDateTime(item.sentAt)}</> : null}
                  {item.attempts > 1 || item.lastError ? <> · {t('outbox.attempts', { count: item.attempts })}</> : null}
                  {item.lastError ? <> · {item.lastError}</> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {outbox.data ? <Pagination label={t('outbox.paging')} page={page} pageSize={PAGE_SIZE} total={outbox.data.total} onPage={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })} /> : null}
    </>
  );
}
