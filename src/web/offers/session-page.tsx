import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { api } from '../api/client';
import { useCancelEnrolment, useEnrol, useSession, type Participant } from '../api/offers';
import type { Jobseeker, Page } from '../api/types';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../components/error-alert';
import { TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate, formatDateTime } from '../i18n/format';

const route = getRouteApi('/authenticated/offer-sessions/$id');

/** A session: seats, the waitlist in order, sign-up by search, cancellation. */
export function SessionPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id } = route.useParams();
  const session = useSession(id);
  const enrol = useEnrol(id);
  const cancel = useCancelEnrolment(id);
  const [query, setQuery] = useState('');
  const [applied, setApplied] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<Participant | null>(null);
  const [reason, setReason] = useState('');
  // The name searched for goes in a POST body, never the URL.
  const results = useQuery({
    queryKey: ['jobseekers', 'search', { q: applied, enrol: id }],
    queryFn: () => api.post<Page<Jobseeker>>('/api/v1/jobseekers/search', { q: applied, page: 1, pageSize: 10, sort: 'name' }),
    enabled: applied.trim().length > 0,
  });

  if (session.isLoading) return <Loading />;
  if (!session.data) return <ErrorAlert error={session.error} />;
  const s = session.data;
  const active = s.participants.filter((p) => p.status !== 'cancelled');
  const cancelled = s.participants.filter((p) => p.status === 'cancelled');

  function search(event: FormEvent) {
    event.preventDefault();
    setApplied(query);
  }

  function signUp(person: Jobseeker) {
    setMessage(null);
    enrol.mutate(person.id, {
      onSuccess: (result) =>
        setMessage(result.status === 'seated' ? t('sessions.enrolledSeat', { name: `${person.firstName} ${person.lastName}` }) : t('sessions.enrolledWaitlist', { name: `${person.firstName} ${person.lastName}`, position: result.waitlistPosition ?? '' })),
    });
  }

  function confirmCancel(event: FormEvent) {
    event.preventDefault();
    if (!cancelling) return;
    const name = cancelling.name;
    cancel.mutate(
      { enrolmentId: cancelling.id, reason },
      {
        onSuccess: () => {
          setMessage(t('sessions.cancelled', { name }));
          setCancelling(null);
          setReason('');
        },
      },
    );
  }

  return (
    <>
      <PageHeading title={s.title}>{s.title}</PageHeading>
      <dl className="app-facts">
        <dt>{t('sessions.fields.startsAt')}</dt>
        <dd>{formatDateTime(s.startsAt)}</dd>
        <dt>{t('sessions.fields.lastDay')}</dt>
        <dd>{formatDate(s.lastDay)}</dd>
        <dt>{t('sessions.fields.place')}</dt>
        <dd>{s.place}</dd>
        <dt>{t('sessions.fields.seats')}</dt>
        <dd>{t('sessions.seatsDetail', { seated: s.seated, allowed: s.allowedSeats, capacity: s.capacity, overbooking: s.overbookingPercent })}</dd>
        <dt>{t('sessions.fields.waiting')}</dt>
        <dd>{s.waiting}</dd>
      </dl>
      {can(me, 'offer.enrol') ? (
        <p>
          <Link to="/offer-sessions/$id/roll-call" params={{ id }} className="button button-secondary">
            {t('sessions.rollCall')}
          </Link>
        </p>
      ) : null}
      <div aria-live="polite">{message ? <SuccessAlert>{message}</SuccessAlert> : null}</div>
      <ErrorAlert error={enrol.error ?? cancel.error} knownFields={['reason']} />
      <h2>{t('sessions.participants')}</h2>
      {active.length === 0 ? (
        <p>{t('sessions.noParticipants')}</p>
      ) : (
        <table className="table table--zebra table--responsive-headers app-table">
          <caption className="sr-only">{t('sessions.participants')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.fields.name')}</th>
              <th scope="col">{t('sessions.fields.status')}</th>
              <th scope="col">{t('sessions.fields.enrolledAt')}</th>
              <th scope="col">
                <span className="sr-only">{t('sessions.fields.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {active.map((p) => (
              <tr key={p.id}>
                <td data-title={t('sessions.fields.name')}>
                  {p.jobseekerId ? (
                    <Link to="/jobseekers/$id" params={{ id: p.jobseekerId }}>
                      {p.name}
                    </Link>
                  ) : (
                    `${p.name} (${t('sessions.referred')})`
                  )}
                </td>
                <td data-title={t('sessions.fields.status')}>
                  {p.status === 'waitlisted' ? t('sessions.waitlistPosition', { position: p.waitlistPosition }) : t(`sessions.status.${p.status}`)}
                  {p.promotedAt ? ` – ${p.notifiedVia ? t('sessions.promotedNotified', { channel: t(`sessions.channels.${p.notifiedVia}`) }) : t('sessions.promoted')}` : ''}
                </td>
                <td data-title={t('sessions.fields.enrolledAt')}>{formatDateTime(p.enrolledAt)}</td>
                <td data-title={t('sessions.fields.actions')}>
                  {can(me, 'offer.enrol') && ['seated', 'waitlisted', 'pending_approval'].includes(p.status) ? (
                    <button type="button" className="button button-tertiary" onClick={() => setCancelling(p)}>
                      {t('sessions.cancelFor', { name: p.name })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cancelling ? (
        <form onSubmit={confirmCancel} noValidate aria-labelledby="cancel-heading">
          <h3 id="cancel-heading">{t('sessions.cancelHeading', { name: cancelling.name })}</h3>
          <TextField id="cancel-reason" label={t('sessions.fields.cancelReason')} value={reason} onChange={setReason} error={fieldErrors(cancel.error).reason} required />
          <button type="submit" className="button button-primary" disabled={cancel.isPending}>
            {t('sessions.confirmCancel')}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setCancelling(null)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : null}
      {cancelled.length > 0 ? (
        <>
          <h2>{t('sessions.cancelledList')}</h2>
          <ul>
            {cancelled.map((p) => (
              <li key={p.id}>
                {p.name}
                {p.lateCancellation ? ` – ${t('sessions.late')}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {can(me, 'offer.enrol') ? (
        <section aria-labelledby="enrol-heading">
          <h2 id="enrol-heading">{t('sessions.enrol')}</h2>
          <form role="search" aria-label={t('sessions.enrolSearch')} onSubmit={search} noValidate className="app-filters">
            <TextField id="enrol-q" type="search" label={t('sessions.enrolSearch')} value={query} onChange={setQuery} autoComplete="off" />
            <div className="app-filter-submit">
              <button type="submit" className="button button-primary">
                {t('sessions.searchButton')}
              </button>
            </div>
          </form>
          <p role="status">{results.data ? t('jobseekers.count', { count: results.data.total }) : ''}</p>
          {results.data && results.data.items.length > 0 ? (
            <ul className="app-pick-list">
              {results.data.items.map((j) => (
                <li key={j.id}>
                  <span>
                    {j.firstName} {j.lastName} ({j.cprMasked})
                  </span>{' '}
                  <button type="button" className="button button-secondary" onClick={() => signUp(j)} disabled={enrol.isPending}>
                    {t('sessions.enrolPerson', { name: `${j.firstName} ${j.lastName}` })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
