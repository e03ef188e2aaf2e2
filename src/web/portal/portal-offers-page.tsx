import { useTranslation } from 'react-i18next';
import { useCancelEnrolment, usePortalOffers, useSignUp } from '../api/portal';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

/** Offers: the sessions one may sign up for, and one's own sign-ups (which can be cancelled). */
export function PortalOffersPage() {
  const { t } = useTranslation();
  const offers = usePortalOffers();
  const signUp = useSignUp();
  const cancel = useCancelEnrolment();
  const announce = useAnnounce();
  return (
    <>
      <PageHeading title={t('portal.offers.title')}>{t('portal.offers.title')}</PageHeading>
      {offers.error ? <ErrorAlert error={offers.error} /> : null}
      {signUp.error ? <ErrorAlert error={signUp.error} /> : null}
      {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
      {!offers.data ? (
        offers.error ? null : <Loading />
      ) : (
        <>
          <h2>{t('portal.offers.mine')}</h2>
          {offers.data.enrolments.length === 0 ? (
            <p>{t('portal.offers.noneMine')}</p>
          ) : (
            <ul className="portal-list">
              {offers.data.enrolments.map((e) => (
                <li key={e.id}>
                  {`${e.offerTitle}: ${e.sessionTitle}, ${formatDateTime(e.startsAt)}, ${e.place} – ${t(`portal.offers.status.${e.status}`, { defaultValue: e.status })}`}{' '}
                  <button type="button" className="button button-tertiary" disabled={cancel.isPending} onClick={() => cancel.mutate(e.id, { onSuccess: () => announce(t('portal.offers.cancelled')) })}>
                    {t('portal.offers.cancel', { title: e.offerTitle })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('portal.offers.open')}</h2>
          {offers.data.sessions.length === 0 ? <p>{t('portal.offers.noneOpen')}</p> : null}
          {offers.data.sessions.map((s) => (
            <section key={s.id} className="portal-card" aria-labelledby={`session-${s.id}`}>
              <h3 id={`session-${s.id}`}>{s.offerTitle}</h3>
              <p>{`${s.title} · ${formatDateTime(s.startsAt)} · ${s.place}`}</p>
              {s.description ? <p>{s.description}</p> : null}
              {s.enrolled ? (
                <p>{t('portal.offers.alreadyMine')}</p>
              ) : s.eligible ? (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={signUp.isPending}
                  onClick={() => signUp.mutate(s.id, { onSuccess: (r) => announce(r.status === 'waitlisted' ? t('portal.offers.waitlisted', { position: r.waitlistPosition }) : t('portal.offers.seated')) })}
                >
                  {t('portal.offers.signUp', { title: s.offerTitle })}
                </button>
              ) : (
                <p>{t('portal.offers.notEligible', { reasons: s.notEligibleBecause.join(' ') })}</p>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}
