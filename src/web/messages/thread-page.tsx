import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { attachmentUrl, useMarkHandled, useReply, useThread } from '../api/messages';
import { ErrorAlert } from '../components/error-alert';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../i18n/format';
import { MessageForm, ThreadMessages } from './thread-parts';

const route = getRouteApi('/authenticated/messages/$id');

/** One thread for staff: the messages, the answer promise, an answer form and "mark handled". */
export function ThreadPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const thread = useThread(id);
  const reply = useReply(id);
  const handled = useMarkHandled(id);
  const th = thread.data;
  const title = th ? th.subject : thread.error ? t('messages.notFound') : t('common.loading');
  return (
    <>
      <p className="app-back">
        <Link to="/messages">{t('messages.backToInbox')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {thread.error ? <ErrorAlert error={thread.error} /> : null}
      {th ? (
        <>
          <dl className="app-facts">
            <div>
              <dt>{t('messages.status')}</dt>
              <dd>{t(`messages.statuses.${th.status}`)}</dd>
            </div>
            <div>
              <dt>{t('messages.category')}</dt>
              <dd>{t(`messages.categories.${th.category}`)}</dd>
            </div>
            <div>
              <dt>{t('messages.addressee')}</dt>
              <dd>{th.caseworker?.name ?? t('messages.toUnit')}</dd>
            </div>
            <div>
              <dt>{t('messages.answerBy')}</dt>
              <dd>{th.answerDueAt ? formatDateTime(th.answerDueAt) : t('messages.noDeadline')}</dd>
            </div>
          </dl>
          <p>
            <Link to="/jobseekers/$id" params={{ id: th.jobseekerId }}>
              {t('messages.toJobseeker')}
            </Link>
          </p>
          <ThreadMessages thread={th} viewer="staff" attachmentHref={attachmentUrl} />
          <h2>{t('messages.answerHeading')}</h2>
          {reply.error ? <ErrorAlert error={reply.error} knownFields={['body', 'attachments', 'attachments.0', 'attachments.1', 'attachments.2', 'attachments.3', 'attachments.4']} /> : null}
          <MessageForm idPrefix="reply" label={t('messages.answer')} submitLabel={t('messages.sendAnswer')} onSend={(input) => reply.mutateAsync(input)} error={reply.error} pending={reply.isPending} />
          {th.status !== 'handled' ? (
            <p className="app-spaced">
              <button type="button" className="button button-secondary" onClick={() => handled.mutate()} disabled={handled.isPending}>
                {t('messages.markHandled')}
              </button>
            </p>
          ) : null}
          {handled.error ? <ErrorAlert error={handled.error} /> : null}
          <p role="status" className="sr-only">
            {reply.isSuccess ? t('messages.answerSent') : handled.isSuccess ? t('messages.handledDone') : ''}
          </p>
        </>
      ) : null}
    </>
  );
}
