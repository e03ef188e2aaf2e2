import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readAttachments, type AttachmentUpload, type Thread } from '../api/messages';
import { fieldErrors } from '../components/error-alert';
import { TextAreaField } from '../components/form-field';
import { formatDateTime } from '../i18n/format';
import './messages.css';

/** The messages of a thread, oldest first, each with its author, time and attachments (as downloads). */
export function ThreadMessages({ thread, attachmentHref, viewer }: { thread: Thread; attachmentHref: (id: string) => string; viewer: 'staff' | 'jobseeker' }) {
  const { t } = useTranslation();
  return (
    <ol className="nobullet-list app-messages">
      {thread.messages.map((m) => {
        const mine = (viewer === 'staff') === (m.authorKind === 'staff');
        return (
          <li key={m.id} className={mine ? 'app-message app-message--mine' : 'app-message'}>
            <article aria-label={t('messages.messageFrom', { name: authorLabel(m, viewer, t), time: formatDateTime(m.createdAt) })}>
              <p className="app-message-meta">
                <strong>{authorLabel(m, viewer, t)}</strong> · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                {viewer === 'staff' && m.answerDueAt ? <span className="app-message-due"> · {m.answeredAt ? t('messages.answeredAt', { time: formatDateTime(m.answeredAt) }) : t('messages.dueAt', { time: formatDateTime(m.answerDueAt) })}</span> : null}
              </p>
              <p className="app-message-body">{m.body}</p>
              {m.attachments.length > 0 ? (
                <ul className="app-message-files">
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={attachmentHref(a.id)} download={a.fileName}>
                        {a.fileName}
                      </a>{' '}
                      ({t('messages.size', { kb: Math.max(1, Math.round(a.sizeBytes / 1024)) })})
                    </li>
                  ))}
                </ul>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

function authorLabel(m: Thread['messages'][number], viewer: 'staff' | 'jobseeker', t: (key: string) => string): string {
  if (m.authorKind === 'staff') return m.authorName || t('messages.staffAuthor');
  return viewer === 'jobseeker' ? t('messages.you') : m.authorName || t('messages.jobseekerAuthor');
}

/** A message text with optional attachments; keeps what was typed when sending fails. */
export function MessageForm({
  idPrefix,
  label,
  submitLabel,
  onSend,
  error,
  pending,
}: {
  idPrefix: string;
  label: string;
  submitLabel: string;
  onSend: (input: { body: string; attachments: AttachmentUpload[] }) => Promise<unknown>;
  error: unknown;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const errors = fieldErrors(error);
  const fileError = Object.entries(errors).find(([key]) => key.startsWith('attachments'))?.[1];

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await onSend({ body, attachments: await readAttachments(files) });
      setBody('');
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
    } catch {
      // The error is shown beside the fields; what was typed stays.
    }
  }

  const fileId = `${idPrefix}-files`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="app-message-form">
      <TextAreaField id={`${idPrefix}-body`} label={label} value={body} onChange={setBody} error={errors.body} rows={5} maxLength={10_000} />
      <div className={fileError ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={fileId}>
          {t('messages.attachments')}
        </label>
        <span className="form-hint" id={`${fileId}-hint`}>
          {t('messages.attachmentsHint')}
        </span>
        {fileError ? (
          <span className="form-error-message" id={`${fileId}-error`}>
            <span className="sr-only">{t('form.errorPrefix')} </span>
            {fileError}
          </span>
        ) : null}
        <input
          ref={fileInput}
          id={fileId}
          name={fileId}
          type="file"
          multiple
          className="form-input app-file-input"
          accept=".pdf,.doc,.docx,.txt,.jpg,.jpeg,.png"
          aria-describedby={[fileError ? `${fileId}-error` : null, `${fileId}-hint`].filter(Boolean).join(' ')}
          aria-invalid={fileError ? true : undefined}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t('messages.sending') : submitLabel}
      </button>
    </form>
  );
}
