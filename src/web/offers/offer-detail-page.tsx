import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { copenhagenInstant, useCreateSession, useOffer } from '../api/offers';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate, formatDateTime } from '../i18n/format';
import { describeEligibility } from './offer-list-page';

const route = getRouteApi('/authenticated/offers/$id');

/** One offer: its rules and sessions, and a form to plan a new session. */
export function OfferDetailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id } = route.useParams();
  const offer = useOffer(id);
  const create = useCreateSession(id);
  const navigate = route.useNavigate();
  const [date, setDate] = useState('');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('15:00');
  const [lastDay, setLastDay] = useState('');
  const [place, setPlace] = useState('');
  const [capacity, setCapacity] = useState('31');
  const [overbooking, setOverbooking] = useState('10');
  const [deadline, setDeadline] = useState('24');
  const errors = fieldErrors(create.error);

  if (offer.isLoading) return <Loading />;
  if (!offer.data) return <ErrorAlert error={offer.error} />;
  const o = offer.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(start) && /^\d{2}:\d{2}$/.test(end);
    create.mutate(
      {
        startsAt: valid ? copenhagenInstant(date, start) : date,
        endsAt: valid ? copenhagenInstant(date, end) : date,
        lastDay: lastDay || undefined,
        place,
        capacity: Number(capacity),
        overbookingPercent: Number(overbooking),
        cancellationDeadlineHours: Number(deadline),
      },
      { onSuccess: (session) => void navigate({ to: '/offer-sessions/$id', params: { id: session.id } }) },
    );
  }

  return (
    <>
      <PageHeading title={o.title}>{o.title}</PageHeading>
      <dl className="app-facts">
        <dt>{t('offers.fields.kind')}</dt>
        <dd>{t(`offers.kinds.${o.kind}`)}</dd>
        <dt>{t('offers.fields.eligibility')}</dt>
        <dd>{describeEligibility(o.eligibility, t)}</dd>
        {o.durationWeeks ? (
          <>
            <dt>{t('offers.fields.durationWeeks')}</dt>
            <dd>{t('offers.weeks', { count: o.durationWeeks })}</dd>
          </>
        ) : null}
        {o.requiresApproval ? (
          <>
            <dt>{t('offers.fields.approval')}</dt>
            <dd>{t('offers.requiresApproval')}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('offers.sessions')}</h2>
      {o.sessions.length === 0 ? (
        <p>{t('offers.noSessions')}</p>
      ) : (
        <table className="table table--zebra table--responsive-headers app-table">
          <caption className="sr-only">{t('offers.sessions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.fields.title')}</th>
              <th scope="col">{t('sessions.fields.startsAt')}</th>
              <th scope="col">{t('sessions.fields.lastDay')}</th>
              <th scope="col">{t('sessions.fields.seats')}</th>
              <th scope="col">{t('sessions.fields.waiting')}</th>
            </tr>
          </thead>
          <tbody>
            {o.sessions.map((s) => (
              <tr key={s.id}>
                <td data-title={t('sessions.fields.title')}>
                  <Link to="/offer-sessions/$id" params={{ id: s.id }}>
                    {s.title}
                  </Link>
                </td>
                <td data-title={t('sessions.fields.startsAt')}>{formatDateTime(s.startsAt)}</td>
                <td data-title={t('sessions.fields.lastDay')}>{formatDate(s.lastDay)}</td>
                <td data-title={t('sessions.fields.seats')}>{t('sessions.seatsOf', { seated: s.seated, allowed: s.allowedSeats })}</td>
                <td data-title={t('sessions.fields.waiting')}>{s.waiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can(me, 'offer.manage') ? (
        <section aria-labelledby="new-session">
          <h2 id="new-session">{t('sessions.create')}</h2>
          <ErrorAlert error={create.error} knownFields={['startsAt', 'endsAt', 'lastDay', 'place', 'capacity', 'overbookingPercent', 'cancellationDeadlineHours']} />
          <form onSubmit={submit} noValidate>
            <TextField id="date" type="date" label={t('sessions.fields.date')} value={date} onChange={setDate} error={errors.startsAt} required />
            <TextField id="start" label={t('sessions.fields.startTime')} hint={t('sessions.fields.timeHint')} value={start} onChange={setStart} className="input-width-xs" />
            <TextField id="end" label={t('sessions.fields.endTime')} hint={t('sessions.fields.timeHint')} value={end} onChange={setEnd} error={errors.endsAt} className="input-width-xs" />
            <TextField id="lastDay" type="date" label={t('sessions.fields.lastDay')} hint={t('sessions.fields.lastDayHint')} value={lastDay} onChange={setLastDay} error={errors.lastDay} />
            <TextField id="place" label={t('sessions.fields.place')} value={place} onChange={setPlace} error={errors.place} required />
            <TextField id="capacity" label={t('sessions.fields.capacity')} value={capacity} onChange={setCapacity} inputMode="numeric" error={errors.capacity} className="input-width-xs" required />
            <TextField id="overbooking" label={t('sessions.fields.overbooking')} hint={t('sessions.fields.overbookingHint')} value={overbooking} onChange={setOverbooking} inputMode="numeric" error={errors.overbookingPercent} className="input-width-xs" />
            <TextField id="deadline" label={t('sessions.fields.deadline')} value={deadline} onChange={setDeadline} inputMode="numeric" error={errors.cancellationDeadlineHours} className="input-width-xs" />
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? t('common.saving') : t('sessions.createButton')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
