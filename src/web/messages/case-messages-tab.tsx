import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJobseekerThreads, useStartThread, type MessageCategory } from '../api/messages';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../components/error-alert';
import { RadioGroup, TextField } from '../components/form-field';
import { Pagination } from '../components/pagination';
import { ThreadTable } from './inbox-page';
import { MessageForm } from './thread-parts';

/** The case page's messages: the jobseeker's threads, and a form to write to them. */
export function CaseMessagesTab({ jobseekerId }: { jobseekerId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const threads = useJobseekerThreads(jobseekerId, page);
  const start = useStartThread();
  const [subject, setSubject] = useState('');
  const [category, setCategory] = useState<MessageCategory>('other');
  const errors = fieldErrors(start.error);
  return (
    <section aria-labelledby="case-messages-heading">
      <h2 id="case-messages-heading">{t('messages.caseHeading')}</h2>
      {threads.error ? <ErrorAlert error={threads.error} /> : null}
      <p role="status" className="app-result-count">
        {threads.data ? t('messages.count', { count: threads.data.total }) : t('common.loading')}
      </p>
      {threads.data && threads.data.items.length > 0 ? <ThreadTable items={threads.data.items} showJobseeker={false} /> : null}
      {threads.data ? <Pagination label={t('messages.paging')} page={page} pageSize={10} total={threads.data.total} onPage={setPage} /> : null}
      <h3>{t('messages.writeHeading')}</h3>
      {start.isSuccess ? <SuccessAlert>{t('messages.sent')}</SuccessAlert> : null}
      {start.error ? <ErrorAlert error={start.error} knownFields={['subject', 'body', 'category', 'attachments', 'attachments.0', 'attachments.1', 'attachments.2', 'attachments.3', 'attachments.4']} /> : null}
      <TextField id="new-subject" label={t('messages.subject')} value={subject} onChange={setSubject} error={errors.subject} maxLength={200} />
      <RadioGroup
        id="new-category"
        legend={t('messages.category')}
        value={category}
        onChange={(v) => setCategory(v as MessageCategory)}
        options={(['other', 'job'] as const).map((c) => ({ value: c, label: t(`messages.categories.${c}`) }))}
        error={errors.category}
      />
      <MessageForm
        idPrefix="new-message"
        label={t('messages.message')}
        submitLabel={t('messages.send')}
        onSend={async (input) => {
          await start.mutateAsync({ jobseekerId, subject, category, ...input });
          setSubject('');
        }}
        error={start.error}
        pending={start.isPending}
      />
    </section>
  );
}
