import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import type { Conversation, ConversationStatus, SpellDetail } from '../api/spell-types';
import { useAddConversation, useConversationGuides, type ConversationAction } from '../api/spells';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField } from '../components/form-field';
import { formatDate, formatDateTime, formatWindow } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';
import { ConversationStatusBadge } from './badges';
import { ConversationActionPanel } from './conversation-forms';
import { AD_HOC_TYPES } from './reference-codes';

/** Which actions a conversation offers in each state. */
const ACTIONS: Record<ConversationStatus, ConversationAction[]> = {
  planned: ['book', 'hold', 'exempt'],
  booked: ['hold', 'move', 'no-show', 'cancel', 'exempt'],
  held: [],
  no_show: [],
  cancelled: [],
  exempted: [],
  superseded: [],
};

type Open = { conversationId: string; action: ConversationAction } | null;

export function actionButtonId(conversationId: string, action: ConversationAction): string {
  return `action-${action}-${conversationId}`;
}

/** One timeline of the spell's conversations, each with the actions its state allows. */
export function ConversationTimeline({ spell }: { spell: SpellDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState<Open>(null);
  const writable = can(me, 'spell.write') && spell.status === 'active';

  function close(returnTo?: string) {
    setOpen(null);
    if (returnTo) window.setTimeout(() => document.getElementById(returnTo)?.focus(), 0);
  }

  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" tabIndex={-1}>{t('conversation.timelineTitle')}</h2>
      {spell.conversations.length === 0 ? <p>{spell.segment ? t('conversation.none') : t('conversation.noneUntilSegment')}</p> : null}
      <ol className="app-timeline">
        {spell.conversations.map((c) => (
          <li key={c.id} className={`app-timeline-item app-timeline-item--${c.status}`} data-conversation={c.id} data-type={c.type} data-status={c.status}>
            <ConversationSummary conversation={c} />
            {writable && ACTIONS[c.status].length > 0 ? (
              <div className="app-actions app-actions--compact no-print">
                {ACTIONS[c.status].map((action) => (
                  <button
                    key={action}
                    id={actionButtonId(c.id, action)}
                    type="button"
                    className={action === 'book' || action === 'hold' ? 'button button-primary' : 'button button-secondary'}
                    aria-expanded={open?.conversationId === c.id && open.action === action}
                    onClick={() => setOpen(open?.conversationId === c.id && open.action === action ? null : { conversationId: c.id, action })}
                  >
                    {t(`conversation.actions.${action}`)}
                    <span className="sr-only">
                      {': '}
                      {c.label}
                    </span>
                  </button>
                ))}
              </div>
            ) : null}
            {open?.conversationId === c.id ? (
              <ConversationActionPanel key={open.action} spell={spell} conversation={c} action={open.action} onClose={(done) => close(done ? 'timeline-heading' : actionButtonId(c.id, open.action))} />
            ) : null}
          </li>
        ))}
      </ol>
      {writable && spell.segment ? <AddConversationForm spellId={spell.id} /> : null}
    </section>
  );
}

function ConversationSummary({ conversation: c }: { conversation: Conversation }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="app-timeline-head">
        <h3 className="h4 app-timeline-title">{c.label}</h3>
        <ConversationStatusBadge status={c.status} />
        {c.mandatory ? <span className="badge app-status">{t('conversation.mandatory')}</span> : null}
      </div>
      <dl className="app-facts app-facts--small">
        {c.earliest || c.latest ? (
          <div className="app-fact">
            <dt>{t('conversation.window')}</dt>
            <dd>{formatWindow(c.earliest, c.latest)}</dd>
          </div>
        ) : null}
        {c.scheduledAt && (c.status === 'booked' || c.status === 'held' || c.status === 'no_show') ? (
          <div className="app-fact">
            <dt>{t('conversation.scheduledAt')}</dt>
            <dd>
              {formatDateTime(c.scheduledAt)}
              {c.mode ? `, ${t(`conversation.modes.${c.mode}`)}` : ''}
              {c.place ? `, ${c.place}` : ''}
              {c.selfBooked ? <span className="app-self-booked"> {t('availability.selfBookedMark')}</span> : null}
            </dd>
          </div>
        ) : null}
        {c.heldOn ? (
          <div className="app-fact">
            <dt>{t('conversation.heldOn')}</dt>
            <dd>{formatDate(c.heldOn)}</dd>
          </div>
        ) : null}
        {c.outsideWindowReason ? (
          <div className="app-fact">
            <dt>{t('conversation.outsideWindowReason')}</dt>
            <dd>{c.outsideWindowReason}</dd>
          </div>
        ) : null}
        {c.cancelReason && c.status !== 'held' ? (
          <div className="app-fact">
            <dt>{t('conversation.cancelReason')}</dt>
            <dd>{c.cancelReason}</dd>
          </div>
        ) : null}
        {c.exemptionReason ? (
          <div className="app-fact">
            <dt>{t('conversation.exemptionReason')}</dt>
            <dd>{c.exemptionReason}</dd>
          </div>
        ) : null}
      </dl>
      {c.status === 'held' || c.status === 'no_show' ? <HeldDetails conversation={c} /> : null}
    </>
  );
}

function HeldDetails({ conversation: c }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const answers = Object.entries(c.guideAnswers ?? {}).filter(([, v]) => v.trim() !== '');
  if (!c.notes && c.agreements.length === 0 && c.jobsPresented.length === 0 && answers.length === 0) return null;
  return (
    <div className="app-held">
      {c.notes ? (
        <>
          <h4 className="h5">{t('conversation.notes')}</h4>
          <p className="app-prewrap">{c.notes}</p>
        </>
      ) : null}
      {answers.length > 0 ? <GuideAnswers type={c.type} answers={answers} /> : null}
      {c.agreements.length > 0 ? (
        <>
          <h4 className="h5">{t('conversation.agreements')}</h4>
          <ul>
            {c.agreements.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      ) : null}
      {c.jobsPresented.length > 0 ? (
        <>
          <h4 className="h5">{t('conversation.jobsPresented')}</h4>
          <ul>
            {c.jobsPresented.map((j, i) => (
              <li key={i}>{j.employer ? t('conversation.jobAt', { title: j.title, employer: j.employer }) : j.title}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function GuideAnswers({ type, answers }: { type: string; answers: [string, string][] }) {
  const { t, i18n } = useTranslation();
  const guides = useConversationGuides();
  const prompts = guides.data?.guides[type]?.prompts ?? [];
  const promptText = (key: string) => {
    const prompt = prompts.find((p) => p.key === key);
    return prompt ? (i18n.language === 'en' ? prompt.en : prompt.da) : key;
  };
  return (
    <>
      <h4 className="h5">{t('conversation.guideAnswers')}</h4>
      <dl className="app-facts app-facts--small">
        {answers.map(([key, value]) => (
          <div className="app-fact" key={key}>
            <dt>{promptText(key)}</dt>
            <dd className="app-prewrap">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function AddConversationForm({ spellId }: { spellId: string }) {
  const { t } = useTranslation();
  const add = useAddConversation(spellId);
  const announce = useAnnounce();
  const [type, setType] = useState<string>('extra_contact');
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ type }, { onSuccess: () => announce(t('conversation.added')) });
  }
  return (
    <form onSubmit={submit} noValidate className="app-form app-inline-form no-print" aria-labelledby="add-conversation-heading">
      <h3 id="add-conversation-heading" className="h4">
        {t('conversation.addTitle')}
      </h3>
      {add.error ? <ErrorAlert error={add.error} knownFields={['type']} /> : null}
      <div className="app-filters">
        <SelectField id="adhoc-type" label={t('conversation.type')} value={type} onChange={setType} error={fieldErrors(add.error).type} options={AD_HOC_TYPES.map((x) => ({ value: x, label: t(`conversation.types.${x}`) }))} />
        <div className="app-filter-submit">
          <button type="submit" className="button button-secondary" disabled={add.isPending}>
            {t('conversation.add')}
          </button>
        </div>
      </div>
    </form>
  );
}
