import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditLog } from '../api/audit';
import type { AuditEntry } from '../api/types';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField, TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';
import { Pagination } from '../components/pagination';
import { formatDateTime } from '../i18n/format';

const route = getRouteApi('/authenticated/audit');
const PAGE_SIZE = 50;
export const AUDIT_ACTIONS = ['read', 'search', 'create', 'update', 'reveal_cpr', 'export', 'login', 'logout', 'delete'] as const;

export function AuditPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [action, setAction] = useState(search.action ?? '');
  const [from, setFrom] = useState(search.from ?? '');
  const [to, setTo] = useState(search.to ?? '');
  const [jobseekerId, setJobseekerId] = useState(search.jobseekerId ?? '');
  const page = search.page ?? 1;
  const log = useAuditLog({ action: search.action, from: search.from, to: search.to, jobseekerId: search.jobseekerId, page, pageSize: PAGE_SIZE });
  const errors = fieldErrors(log.error);

  function apply(event: FormEvent) {
    event.preventDefault();
    void navigate({ search: { action: action || undefined, from: from || undefined, to: to || undefined, jobseekerId: jobseekerId.trim() || undefined, page: undefined } });
  }

  return (
    <>
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <p>{t('audit.intro')}</p>
      <form role="search" aria-label={t('audit.filterLabel')} onSubmit={apply} className="app-filters" noValidate>
        <SelectField
          id="action"
          label={t('audit.action')}
          value={action}
          onChange={setAction}
          emptyLabel={t('audit.allActions')}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
        />
        <TextField id="from" type="date" label={t('audit.from')} value={from} onChange={setFrom} error={errors.from} />
        <TextField id="to" type="date" label={t('audit.to')} value={to} onChange={setTo} error={errors.to} />
        <TextField id="jobseekerId" label={t('audit.jobseekerId')} hint={t('audit.jobseekerIdHint')} value={jobseekerId} onChange={setJobseekerId} error={errors.jobseekerId} autoComplete="off" />
        <div className="app-filter-submit">
          <button type="submit" className="button button-primary">
            {t('audit.apply')}
          </button>
        </div>
      </form>
      {log.error ? <ErrorAlert error={log.error} knownFields={['from', 'to', 'jobseekerId']} /> : null}
      <p role="status" className="app-result-count">
        {log.data ? t('audit.count', { count: log.data.total }) : t('common.loading')}
      </p>
      {log.data && log.data.items.length > 0 ? (
        <table className="table table--zebra table--responsive-headers app-table">
          <caption className="sr-only">{t('audit.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.subject')}</th>
              <th scope="col">{t('audit.purpose')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.items.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td data-title={t('audit.at')}>{formatDateTime(entry.at)}</td>
                <td data-title={t('audit.actor')}>{entry.actorName ?? t(`audit.actorKinds.${entry.actorKind === 'staff' ? 'staff' : 'other'}`)}</td>
                <td data-title={t('audit.action')}>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</td>
                <td data-title={t('audit.subject')}>
                  <Subject entry={entry} />
                </td>
                <td data-title={t('audit.purpose')}>{entry.purpose}</td>
                <td data-title={t('audit.details')}>
                  <Details entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {log.data ? (
        <Pagination label={t('audit.paging')} page={page} pageSize={PAGE_SIZE} total={log.data.total} onPage={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })} />
      ) : null}
    </>
  );
}

function Subject({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const kind = t(`audit.subjects.${entry.subjectType}`, { defaultValue: entry.subjectType });
  const id = entry.jobseekerId ?? entry.subjectId;
  return (
    <>
      {kind}
      {id ? <span className="app-id"> {id}</span> : null}
    </>
  );
}

/** A short summary of the details: which fields changed, or how many a search found. */
function Details({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const d = entry.details;
  if (!d) return null;
  if (Array.isArray(d.fields)) return <>{t('audit.changedFields', { fields: (d.fields as string[]).join(', ') })}</>;
  if (typeof d.total === 'number') return <>{t('audit.searchHits', { count: d.total })}</>;
  return null;
}
