import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useInbox, useSetAway, type ThreadSummary } from '../api/messages';
import { ErrorAlert, SuccessAlert } from '../components/error-alert';
import { Checkbox, SelectField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';
import { Pagination } from '../components/pagination';
import { formatDateTime } from '../i18n/format';

const route = getRouteApi('/authenticated/messages');
const PAGE_SIZE = 25;

/** Staff inbox: threads addressed to me (or my unit), my unit's or all, newest activity first. */
export function InboxPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const box = search.box ?? 'mine';
  const page = search.page ?? 1;
  const inbox = useInbox({ box, awaiting: search.awaiting ? 'true' : undefined, page, pageSize: PAGE_SIZE });
  const away = useSetAway();
  return (
    <>
      <PageHeading title={t('messages.inboxTitle')}>{t('messages.inboxTitle')}</PageHeading>
      <p>{t('messages.inboxIntro')}</p>
      <div className="app-filters" role="search" aria-label={t('messages.filterLabel')}>
        <SelectField
          id="box"
          label={t('messages.box')}
          value={box}
          onChange={(value) => void navigate({ search: (prev) => ({ ...prev, box: value === 'mine' ? undefined : (value as 'unit' | 'all'), page: undefined }) })}
          options={(['mine', 'unit', 'all'] as const).map((b) => ({ value: b, label: t(`messages.boxes.${b}`) }))}
        />
        <Checkbox id="awaiting" label={t('messages.onlyAwaiting')} checked={Boolean(search.awaiting)} onChange={(checked) => void navigate({ search: (prev) => ({ ...prev, awaiting: checked ? true : undefined, page: undefined }) })} />
      </div>
      <div className="app-away">
        <button type="button" className="button button-secondary" onClick={() => away.mutate(true)} disabled={away.isPending}>
          {t('messages.setAway')}
        </button>{' '}
        <button type="button" className="button button-tertiary" onClick={() => away.mutate(false)} disabled={away.isPending}>
          {t('messages.setBack')}
        </button>
        {away.data ? <SuccessAlert>{away.data.away ? t('messages.nowAway') : t('messages.nowBack')}</SuccessAlert> : null}
        {away.error ? <ErrorAlert error={away.error} /> : null}
      </div>
      {inbox.error ? <ErrorAlert error={inbox.error} /> : null}
      <p role="status" className="app-result-count">
        {inbox.data ? t('messages.count', { count: inbox.data.total }) : t('common.loading')}
      </p>
      {inbox.data && inbox.data.items.length > 0 ? <ThreadTable items={inbox.data.items} showJobseeker /> : null}
      {inbox.data ? <Pagination label={t('messages.paging')} page={page} pageSize={PAGE_SIZE} total={inbox.data.total} onPage={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })} /> : null}
    </>
  );
}

export function ThreadTable({ items, showJobseeker }: { items: ThreadSummary[]; showJobseeker: boolean }) {
  const { t } = useTranslation();
  return (
    <table className="table table--zebra table--responsive-headers app-table">
      <caption className="sr-only">{t('messages.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('messages.subject')}</th>
          {showJobseeker ? <th scope="col">{t('messages.jobseeker')}</th> : null}
          <th scope="col">{t('messages.addressee')}</th>
          <th scope="col">{t('messages.status')}</th>
          <th scope="col">{t('messages.answerBy')}</th>
          <th scope="col">{t('messages.lastMessage')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((thread) => (
          <tr key={thread.id}>
            <td data-title={t('messages.subject')}>
              <Link to="/messages/$id" params={{ id: thread.id }}>
                {thread.subject}
              </Link>
              {thread.unread > 0 ? <span className="badge badge-info app-badge-gap">{t('messages.unread', { count: thread.unread })}</span> : null}
              {thread.category === 'job' ? <span className="badge app-badge-gap">{t('messages.categories.job')}</span> : null}
            </td>
            {showJobseeker ? (
              <td data-title={t('messages.jobseeker')}>
                {thread.jobseeker.firstName} {thread.jobseeker.lastName}
              </td>
            ) : null}
            <td data-title={t('messages.addressee')}>{thread.caseworker?.name ?? t('messages.toUnit')}</td>
            <td data-title={t('messages.status')}>{t(`messages.statuses.${thread.status}`)}</td>
            <td data-title={t('messages.answerBy')}>
              {thread.answerDueAt ? (
                <>
                  {formatDateTime(thread.answerDueAt)}
                  {thread.overdue ? <span className="badge badge-error app-badge-gap">{t('messages.overdue')}</span> : null}
                </>
              ) : (
                t('messages.noDeadline')
              )}
            </td>
            <td data-title={t('messages.lastMessage')}>{formatDateTime(thread.lastMessageAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
