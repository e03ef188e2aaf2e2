import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { CONVERSATION_MODES, type Conversation, type ConversationMode, type JobPresented, type SpellDetail } from '../api/spell-types';
import { spellQuery, useConversationAction, useConversationGuides, type ConversationAction } from '../api/spells';
import { FormButtons } from '../components/form-buttons';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { RadioGroup, TextAreaField, TextField } from '../components/form-field';
import { RepeatingRows } from '../components/repeating-rows';
import { copenhagenLocalToIso, copenhagenToday, formatWindow, isoToCopenhagenLocal } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

type PanelProps = { spell: SpellDetail; conversation: Conversation; action: ConversationAction; onClose: (done: boolean) => void };

/** The form of one action, inline under its conversation; its heading takes focus when it opens. */
export function ConversationActionPanel({ spell, conversation, action, onClose }: PanelProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const headingId = `panel-${action}-${conversation.id}`;
  const props = { spell, conversation, onClose };
  return (
    <div className="app-action-panel" role="region" aria-labelledby={headingId}>
      <h4 id={headingId} ref={headingRef} tabIndex={-1} className="h4">
        {t(`conversation.panelTitles.${action}`, { label: conversation.label })}
      </h4>
      {action === 'book' || action === 'move' ? <BookForm {...props} moving={action === 'move'} /> : null}
      {action === 'hold' ? <HoldForm {...props} /> : null}
      {action === 'no-show' ? <NoShowForm {...props} /> : null}
      {action === 'cancel' || action === 'exempt' ? <ReasonForm {...props} action={action} /> : null}
    </div>
  );
}

type FormProps = { spell: SpellDetail; conversation: Conversation; onClose: (done: boolean) => void };

/**
 * Someone changed the conversation meanwhile: the typed values stay in the form; fetching the
 * newest version lets the user look at it and send the same values again.
 */
function Problem({ error, spellId, knownFields }: { error: unknown; spellId: string; knownFields: string[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  if (!error) return null;
  const conflict = isApiError(error) && error.code === 'version_conflict';
  return (
    <>
      <ErrorAlert error={error} knownFields={knownFields} />
      {conflict ? (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-text">{t('conversation.conflict.explain')}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void queryClient.invalidateQueries({ queryKey: spellQuery(spellId).queryKey }).then(() => announce(t('conversation.conflict.reloaded')))}
            >
              {t('conversation.conflict.reload')}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}


function defaultMode(c: Conversation): ConversationMode {
  if (c.mode) return c.mode;
  return (CONVERSATION_MODES as string[]).includes(c.plannedMode) ? (c.plannedMode as ConversationMode) : 'in_person';
}

function BookForm({ spell, conversation: c, onClose, moving }: FormProps & { moving: boolean }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const book = useConversationAction(spell.id, c.id, 'book');
  const move = useConversationAction(spell.id, c.id, 'move');
  const mutation = moving ? move : book;
  const [when, setWhen] = useState(moving ? isoToCopenhagenLocal(c.scheduledAt) : '');
  const [duration, setDuration] = useState(String(c.durationMinutes ?? 45));
  const [mode, setMode] = useState<string>(defaultMode(c));
  const [place, setPlace] = useState(c.place ?? '');
  const [outsideReason, setOutsideReason] = useState('');
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(mutation.error), ...localErrors };
  const day = when.slice(0, 10);
  const outside = day.length === 10 && ((c.earliest !== null && day < c.earliest) || (c.latest !== null && day > c.latest));
  const p = `${moving ? 'move' : 'book'}-${c.id}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const scheduledAt = copenhagenLocalToIso(when);
    const minutes = Number(duration);
    const local: Record<string, string> = {};
    if (!scheduledAt) local.scheduledAt = t('conversation.errors.when');
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480) local.durationMinutes = t('conversation.errors.duration');
    setLocalErrors(local);
    if (Object.keys(local).length > 0 || !scheduledAt) return;
    const base = { version: c.version, scheduledAt, durationMinutes: minutes, mode: mode as ConversationMode, place: place.trim() || null, ...(outsideReason.trim() ? { outsideWindowReason: outsideReason.trim() } : {}) };
    const onSuccess = () => {
      announce(moving ? t('conversation.done.moved') : t('conversation.done.booked'));
      onClose(true);
    };
    if (moving) move.mutate({ ...base, reason }, { onSuccess });
    else book.mutate(base, { onSuccess });
  }

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <Problem error={mutation.error} spellId={spell.id} knownFields={['scheduledAt', 'durationMinutes', 'mode', 'place', 'outsideWindowReason', 'reason']} />
      <p>{t('conversation.windowHint', { window: formatWindow(c.earliest, c.latest) })}</p>
      <TextField id={`${p}-when`} type="datetime-local" label={t('conversation.fields.when')} hint={t('conversation.fields.whenHint')} value={when} onChange={setWhen} error={errors.scheduledAt} required />
      <TextField id={`${p}-duration`} type="number" inputMode="numeric" min="5" max="480" step="5" label={t('conversation.fields.duration')} value={duration} onChange={setDuration} error={errors.durationMinutes} className="input-width-xs" required />
      <RadioGroup id={`${p}-mode`} legend={t('conversation.fields.mode')} value={mode} onChange={setMode} error={errors.mode} options={CONVERSATION_MODES.map((m) => ({ value: m, label: t(`conversation.modes.${m}`) }))} required />
      <TextField id={`${p}-place`} label={t('conversation.fields.place')} hint={t('conversation.fields.placeHint')} value={place} onChange={setPlace} error={errors.place} />
      {outside || errors.outsideWindowReason || outsideReason ? (
        <TextAreaField id={`${p}-outside`} label={t('conversation.fields.outsideWindowReason')} hint={t('conversation.fields.outsideWindowHint')} value={outsideReason} onChange={setOutsideReason} error={errors.outsideWindowReason} required rows={3} />
      ) : null}
      {moving ? <TextAreaField id={`${p}-reason`} label={t('conversation.fields.moveReason')} value={reason} onChange={setReason} error={errors.reason} required rows={3} /> : null}
      <FormButtons pending={mutation.isPending} submitLabel={moving ? t('conversation.submit.move') : t('conversation.submit.book')} onCancel={() => onClose(false)} />
    </form>
  );
}

function HoldForm({ spell, conversation: c, onClose }: FormProps) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const hold = useConversationAction(spell.id, c.id, 'hold');
  const guides = useConversationGuides();
  const guide = guides.data?.guides[c.type];
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const today = copenhagenToday();
  const scheduledDay = c.scheduledAt ? isoToCopenhagenLocal(c.scheduledAt).slice(0, 10) : '';
  const [heldOn, setHeldOn] = useState(scheduledDay && scheduledDay <= today ? scheduledDay : today);
  const [answers, setAnswers] = useState<Record<string, string>>(c.guideAnswers ?? {});
  const [notes, setNotes] = useState(c.notes ?? '');
  const [agreements, setAgreements] = useState<string[]>(c.agreements.length > 0 ? c.agreements : ['']);
  const [jobs, setJobs] = useState<{ title: string; employer: string }[]>(c.jobsPresented.map((j) => ({ title: j.title, employer: j.employer ?? '' })));
  const errors = fieldErrors(hold.error);
  const p = `hold-${c.id}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const guideAnswers = Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== ''));
    const jobsPresented: JobPresented[] = jobs.filter((j) => j.title.trim() !== '').map((j) => (j.employer.trim() ? { title: j.title.trim(), employer: j.employer.trim() } : { title: j.title.trim() }));
    hold.mutate(
      {
        version: c.version,
        heldOn: heldOn || undefined,
        notes: notes.trim() ? notes : undefined,
        guideAnswers: Object.keys(guideAnswers).length > 0 ? guideAnswers : undefined,
        agreements: agreements.map((a) => a.trim()).filter(Boolean),
        jobsPresented,
      },
      {
        onSuccess: () => {
          announce(t('conversation.done.held'));
          onClose(true);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <Problem error={hold.error} spellId={spell.id} knownFields={['heldOn', 'notes']} />
      <TextField id={`${p}-heldOn`} type="date" label={t('conversation.fields.heldOn')} value={heldOn} onChange={setHeldOn} error={errors.heldOn} max={today} required className="input-width-s" />
      {guide ? (
        <fieldset className="app-guide">
          <legend className="h5">{t('conversation.guideTitle')}</legend>
          <p className="app-guide-purpose">{guide.purpose[lang]}</p>
          {guide.prompts.map((prompt) => (
            <TextAreaField
              key={prompt.key}
              id={`${p}-guide-${prompt.key}`}
              label={prompt[lang]}
              value={answers[prompt.key] ?? ''}
              onChange={(value) => setAnswers((a) => ({ ...a, [prompt.key]: value }))}
              error={errors[`guideAnswers.${prompt.key}`]}
              rows={2}
            />
          ))}
        </fieldset>
      ) : null}
      <TextAreaField id={`${p}-notes`} label={t('conversation.fields.notes')} value={notes} onChange={setNotes} error={errors.notes} rows={5} />
      <RepeatingRows
        id={`${p}-agreements`}
        legend={t('conversation.agreements')}
        items={agreements}
        onChange={setAgreements}
        empty={() => ''}
        addLabel={t('conversation.addAgreement')}
        removeLabel={(i) => t('conversation.removeAgreement', { n: i + 1 })}
        renderRow={(value, i, update) => <TextField id={`${p}-agreement-${i}`} label={t('conversation.agreementN', { n: i + 1 })} value={value} onChange={update} error={errors[`agreements.${i}`]} />}
      />
      <RepeatingRows
        id={`${p}-jobs`}
        legend={t('conversation.jobsPresented')}
        items={jobs}
        onChange={setJobs}
        empty={() => ({ title: '', employer: '' })}
        addLabel={t('conversation.addJob')}
        removeLabel={(i) => t('conversation.removeJob', { n: i + 1 })}
        renderRow={(job, i, update) => (
          <>
            <TextField id={`${p}-job-${i}-title`} label={t('conversation.jobTitleN', { n: i + 1 })} value={job.title} onChange={(title) => update({ ...job, title })} error={errors[`jobsPresented.${i}.title`]} />
            <TextField id={`${p}-job-${i}-employer`} label={t('conversation.jobEmployerN', { n: i + 1 })} value={job.employer} onChange={(employer) => update({ ...job, employer })} error={errors[`jobsPresented.${i}.employer`]} />
          </>
        )}
      />
      <FormButtons pending={hold.isPending} submitLabel={t('conversation.submit.hold')} onCancel={() => onClose(false)} />
    </form>
  );
}

function NoShowForm({ spell, conversation: c, onClose }: FormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const noShow = useConversationAction(spell.id, c.id, 'no-show');
  const [note, setNote] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    noShow.mutate(
      { version: c.version, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          announce(t('conversation.done.noShow'));
          onClose(true);
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="app-form">
      <Problem error={noShow.error} spellId={spell.id} knownFields={['note']} />
      <p>{t('conversation.noShowExplain')}</p>
      <TextAreaField id={`no-show-${c.id}-note`} label={t('conversation.fields.noShowNote')} value={note} onChange={setNote} error={fieldErrors(noShow.error).note} rows={3} />
      <FormButtons pending={noShow.isPending} submitLabel={t('conversation.submit.noShow')} onCancel={() => onClose(false)} />
    </form>
  );
}

function ReasonForm({ spell, conversation: c, onClose, action }: FormProps & { action: 'cancel' | 'exempt' }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const mutation = useConversationAction(spell.id, c.id, action);
  const [reason, setReason] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(
      { version: c.version, reason },
      {
        onSuccess: () => {
          announce(action === 'cancel' ? t('conversation.done.cancelled') : t('conversation.done.exempted'));
          onClose(true);
        },
      },
    );
  }
  const explain: ReactNode = <p>{action === 'cancel' ? t('conversation.cancelExplain') : t('conversation.exemptExplain')}</p>;
  return (
    <form onSubmit={submit} noValidate className="app-form">
      <Problem error={mutation.error} spellId={spell.id} knownFields={['reason']} />
      {explain}
      <TextAreaField id={`${action}-${c.id}-reason`} label={action === 'cancel' ? t('conversation.fields.cancelReason') : t('conversation.fields.exemptReason')} value={reason} onChange={setReason} error={fieldErrors(mutation.error).reason} required rows={3} />
      <FormButtons pending={mutation.isPending} submitLabel={action === 'cancel' ? t('conversation.submit.cancel') : t('conversation.submit.exempt')} onCancel={() => onClose(false)} />
    </form>
  );
}
