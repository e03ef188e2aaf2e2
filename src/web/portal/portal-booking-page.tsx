import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingMode } from '../api/booking';
import { usePortalBookingAction, usePortalSlots, usePortalTalks, type PortalTalk } from '../api/portal';
import { ErrorAlert } from '../components/error-alert';
import { RadioGroup, SelectField, TextAreaField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate, formatDateTime, formatTime, formatWindow } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

type Open = { id: string; action: 'book' | 'move' | 'cancel' } | null;

/** The jobseeker books, moves or cancels their own talks in their caseworker's free times. */
export function PortalBookingPage() {
  const { t } = useTranslation();
  const talks = usePortalTalks();
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const title = t('portalBooking.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('portalBooking.intro')}</p>
      {done ? (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">{done}</p>
          </div>
        </div>
      ) : null}
      {talks.error ? <ErrorAlert error={talks.error} /> : null}
      {talks.isPending ? <Loading /> : null}
      {talks.data && talks.data.length === 0 ? <p>{t('portalBooking.none')}</p> : null}
      <ul className="app-plain-list app-talk-list">
        {(talks.data ?? []).map((talk) => (
          <li key={talk.id} className="app-talk">
            <h2 className="h3">{talk.label}</h2>
            <dl className="app-facts app-facts--small">
              {talk.earliest || talk.latest ? (
                <div className="app-fact">
                  <dt>{t('portalBooking.window')}</dt>
                  <dd>{formatWindow(talk.earliest, talk.latest)}</dd>
                </div>
              ) : null}
              <div className="app-fact">
                <dt>{t('portalBooking.status')}</dt>
                <dd>{talk.status === 'booked' ? t('portalBooking.bookedAt', { time: formatDateTime(talk.scheduledAt), mode: talk.mode ? t(`conversation.modes.${talk.mode}`) : '' }) : t('portalBooking.notBooked')}</dd>
              </div>
              {talk.status === 'booked' && talk.place ? (
                <div className="app-fact">
                  <dt>{t('portalBooking.place')}</dt>
                  <dd>{talk.place}</dd>
                </div>
              ) : null}
            </dl>
            {talk.status === 'planned' ? (
              <button type="button" className="button button-primary" onClick={() => setOpen({ id: talk.id, action: 'book' })} aria-expanded={open?.id === talk.id}>
                {t('portalBooking.choose')}
                <span className="sr-only"> {talk.label}</span>
              </button>
            ) : (
              <div className="app-actions">
                <button type="button" className="button button-secondary" onClick={() => setOpen({ id: talk.id, action: 'move' })} aria-expanded={open?.id === talk.id && open.action === 'move'}>
                  {t('portalBooking.move')}
                  <span className="sr-only"> {talk.label}</span>
                </button>
                <button type="button" className="button button-secondary" onClick={() => setOpen({ id: talk.id, action: 'cancel' })} aria-expanded={open?.id === talk.id && open.action === 'cancel'}>
                  {t('portalBooking.cancel')}
                  <span className="sr-only"> {talk.label}</span>
                </button>
              </div>
            )}
            {open?.id === talk.id ? (
              <TalkAction
                talk={talk}
                action={open.action}
                onClose={() => setOpen(null)}
                onDone={(message) => {
                  setOpen(null);
                  setDone(message);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function TalkAction({ talk, action, onClose, onDone }: { talk: PortalTalk; action: 'book' | 'move' | 'cancel'; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const offer = usePortalSlots(talk.id);
  const act = usePortalBookingAction();
  const [day, setDay] = useState('');
  const [start, setStart] = useState('');
  const [mode, setMode] = useState<BookingMode | ''>('');
  const [reason, setReason] = useState('');
  const headingId = `action-${talk.id}`;
  const slots = offer.data?.slots ?? [];
  const days = [...new Set(slots.map((s) => s.day))];
  const chosenDay = day || days[0] || '';
  const daySlots = slots.filter((s) => s.day === chosenDay);
  const slot = slots.find((s) => s.start === start);
  const blocked = action !== 'book' ? (offer.data?.changeBlockedBy ?? []) : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const finish = (message: string) => {
      announce(message);
      onDone(message);
    };
    if (action === 'cancel') {
      act.mutate({ id: talk.id, action, body: { version: talk.version, reason: reason.trim() || undefined } }, { onSuccess: () => finish(t('portalBooking.cancelled', { label: talk.label })) });
      return;
    }
    act.mutate(
      { id: talk.id, action, body: { version: talk.version, slotStart: start, mode: mode || slot?.modes[0] } },
      { onSuccess: (saved) => finish(t(action === 'book' ? 'portalBooking.booked' : 'portalBooking.moved', { label: talk.label, time: formatDateTime(saved.scheduledAt) })) },
    );
  }

  return (
    <section className="app-inline-panel" aria-labelledby={headingId}>
      <h3 id={headingId} className="h4" tabIndex={-1}>
        {t(`portalBooking.actionTitle.${action}`, { label: talk.label })}
      </h3>
      {offer.isPending ? <Loading /> : null}
      {offer.error ? <ErrorAlert error={offer.error} /> : null}
      {blocked.length > 0 ? (
        <div className="alert alert-info">
          <div className="alert-body">
            {blocked.map((b) => (
              <p key={b.rule} className="alert-text">
                {b.message}
              </p>
            ))}
          </div>
        </div>
      ) : null}
      {offer.data && blocked.length === 0 ? (
        <form onSubmit={submit} noValidate className="app-form">
          {act.error ? <ErrorAlert error={act.error} /> : null}
          {action === 'cancel' ? (
            <TextAreaField id={`cancel-reason-${talk.id}`} label={t('portalBooking.reason')} hint={t('portalBooking.reasonHint')} value={reason} onChange={setReason} rows={3} />
          ) : slots.length === 0 ? (
            <p>{t('portalBooking.noSlots')}</p>
          ) : (
            <>
              <p className="form-hint">{t('portalBooking.rules', { notice: offer.data.rules.minimumNoticeWorkingDays, moves: offer.data.rules.maxMovesByJobseeker, hours: offer.data.rules.cutoffHours })}</p>
              <SelectField
                id={`day-${talk.id}`}
                label={t('portalBooking.day')}
                value={chosenDay}
                onChange={(v) => {
                  setDay(v);
                  setStart('');
                }}
                options={days.map((d) => ({ value: d, label: formatDate(d) }))}
              />
              <RadioGroup
                id={`time-${talk.id}`}
                legend={t('portalBooking.time')}
                value={start}
                onChange={(v) => {
                  setStart(v);
                  setMode('');
                }}
                inline
                options={daySlots.map((s) => ({ value: s.start, label: t('portalBooking.slot', { start: formatTime(s.start), end: formatTime(s.end) }) }))}
              />
              {slot ? (
                <RadioGroup
                  id={`mode-${talk.id}`}
                  legend={t('portalBooking.mode')}
                  value={mode || slot.modes[0]!}
                  onChange={(v) => setMode(v as BookingMode)}
                  options={slot.modes.map((m) => ({ value: m, label: t(`conversation.modes.${m}`) }))}
                />
              ) : null}
            </>
          )}
          <div className="app-actions">
            {action === 'cancel' || slots.length > 0 ? (
              <button type="submit" className="button button-primary" disabled={act.isPending || (action !== 'cancel' && !slot)}>
                {t(`portalBooking.submit.${action}`)}
              </button>
            ) : null}
            <button type="button" className="button button-tertiary" onClick={onClose}>
              {t('portalBooking.close')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button-tertiary" onClick={onClose}>
          {t('portalBooking.close')}
        </button>
      )}
    </section>
  );
}
