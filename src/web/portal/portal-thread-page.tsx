import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { portalAttachmentUrl, usePortalReply, usePortalThread } from '../api/portal-messages';
import { ErrorAlert } from '../components/error-alert';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../i18n/format';
import './portal.css';
import { MessageForm, ThreadMessages } from '../messages/thread-parts';

const route = getRouteApi('/portal/messages/$id');

/** One of my threads: the messages and answers, and a form to write again. */
export function PortalThreadPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const thread = usePortalThread(id);
  const reply = usePortalReply(id);
  const th = thread.data;
  const title = th ? th.subject : thread.error ? t('portalMessages.notFound') : t('common.loading');
  return (
    <div className="portal-messages">
      <p className="app-back">
        <Link to="/portal/messages">{t('portalMessages.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {thread.error ? <ErrorAlert error={thread.error} /> : null}
      {th ? (
        <>
          <p>
            {th.caseworker ? t('portalMessages.withCaseworker', { name: th.caseworker.name }) : t('portalMessages.withUnit')}
            {th.answerDueAt ? ` ${t('portalMessages.answerBySentence', { time: formatDateTime(th.answerDueAt) })}` : ''}
          </p>
          <ThreadMessages thread={th} viewer="jobseeker" attachmentHref={portalAttachmentUrl} />
          <h2>{t('portalMessages.replyHeading')}</h2>
          {reply.error ? <ErrorAlert error={reply.error} knownFields={['body', 'attachments', 'attachments.0', 'attachments.1', 'attachments.2', 'attachments.3', 'attachments.4']} /> : null}
          <MessageForm idPrefix="portal-reply" label={t('portalMessages.message')} submitLabel={t('portalMessages.send')} onSend={(input) => reply.mutateAsync(input)} error={reply.error} pending={reply.isPending} />
          <p role="status" className="sr-only">
            {reply.isSuccess ? t('portalMessages.sent') : ''}
          </p>
        </>
      ) : null}
    </div>
  );
}
