import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageCategory } from '../api/messages';
import { usePortalStartThread, usePortalThreads } from '../api/portal-messages';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../components/error-alert';
import { RadioGroup, TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../i18n/format';
import './portal.css';
import { MessageForm } from '../messages/thread-parts';

/** My messages: the threads with my caseworker, newest first, and a form to write a new one. */
export function PortalMessagesPage() {
  const { t } = useTranslation();
  const threads = usePortalThreads();
  const start = usePortalStartThread();
  const [subject, setSubject] = useState('');
  const [category, setCategory] = useState<MessageCategory>('job');
  const errors = fieldErrors(start.error);
  return (
    <div className="portal-messages">
      <PageHeading title={t('portalMessages.title')}>{t('portalMessages.title')}</PageHeading>
      <p>{t('portalMessages.intro')}</p>
      {threads.error ? <ErrorAlert error={threads.error} /> : null}
      <h2>{t('portalMessages.listHeading')}</h2>
      {threads.data && threads.data.items.length === 0 ? <p>{t('portalMessages.none')}</p> : null}
      {threads.data && threads.data.items.length > 0 ? (
        <ul className="portal-threads">
          {threads.data.items.map((thread) => (
            <li key={thread.id}>
              <Link to="/portal/messages/$id" params={{ id: thread.id }}>
                {thread.subject}
              </Link>
              {thread.unread > 0 ? <span className="badge badge-info">{t('portalMessages.newAnswers', { count: thread.unread })}</span> : null}
              <br />
              <span>
                {t('portalMessages.latest', { time: formatDateTime(thread.lastMessageAt) })}
                {thread.answerDueAt ? ` · ${t('portalMessages.answerBy', { time: formatDateTime(thread.answerDueAt) })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{t('portalMessages.writeHeading')}</h2>
      {start.isSuccess ? <SuccessAlert>{start.data.answerDueAt ? t('portalMessages.sentWithPromise', { time: formatDateTime(start.data.answerDueAt) }) : t('portalMessages.sent')}</SuccessAlert> : null}
      {start.error ? <ErrorAlert error={start.error} knownFields={['subject', 'body', 'category', 'attachments', 'attachments.0', 'attachments.1', 'attachments.2', 'attachments.3', 'attachments.4']} /> : null}
      <TextField id="portal-subject" label={t('portalMessages.subject')} value={subject} onChange={setSubject} error={errors.subject} maxLength={200} />
      <RadioGroup
        id="portal-category"
        legend={t('portalMessages.category')}
        hint={t('portalMessages.categoryHint')}
        value={category}
        onChange={(v) => setCategory(v as MessageCategory)}
        options={(['job', 'other'] as const).map((c) => ({ value: c, label: t(`portalMessages.categories.${c}`) }))}
        error={errors.category}
      />
      <MessageForm
        idPrefix="portal-new"
        label={t('portalMessages.message')}
        submitLabel={t('portalMessages.send')}
        onSend={async (input) => {
          await start.mutateAsync({ subject, category, ...input });
          setSubject('');
        }}
        error={start.error}
        pending={start.isPending}
      />
    </div>
  );
}
