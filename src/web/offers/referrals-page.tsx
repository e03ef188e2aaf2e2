import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfferSessions, useReferralAction, useReferrals, type Referral } from '../api/offers';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../i18n/format';

/** Referrals between organisations: those sent to us (inbox) and those we sent (outbox). */
export function ReferralsPage() {
  const { t } = useTranslation();
  const [box, setBox] = useState<'inbox' | 'outbox'>('inbox');
  const referrals = useReferrals(box);
  const action = useReferralAction();

  return (
    <>
      <PageHeading title={t('referrals.title')}>{t('referrals.title')}</PageHeading>
      <div className="app-tabs" role="group" aria-label={t('referrals.boxes')}>
        {(['inbox', 'outbox'] as const).map((b) => (
          <button key={b} type="button" className={b === box ? 'button button-primary' : 'button button-secondary'} aria-pressed={b === box} onClick={() => setBox(b)}>
            {t(`referrals.${b}`)}
          </button>
        ))}
      </div>
      <ErrorAlert error={referrals.error ?? action.error} />
      {referrals.isLoading ? <Loading /> : null}
      {referrals.data ? (
        <p role="status">{t('referrals.count', { count: referrals.data.length })}</p>
      ) : null}
      {referrals.data && referrals.data.length > 0 ? (
        <table className="table table--zebra table--responsive-headers app-table">
          <caption className="sr-only">{t(`referrals.${box}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referrals.fields.person')}</th>
              <th scope="col">{t('referrals.fields.offer')}</th>
              <th scope="col">{box === 'inbox' ? t('referrals.fields.from') : t('referrals.fields.to')}</th>
              <th scope="col">{t('referrals.fields.state')}</th>
              <th scope="col">{t('referrals.fields.sentAt')}</th>
              {box === 'inbox' ? <th scope="col">{t('referrals.fields.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {referrals.data.map((r) => (
              <tr key={r.id}>
                <td data-title={t('referrals.fields.person')}>
                  {r.personName}
                  <br />
                  <span className="app-muted">{[r.personEmail, r.personPhone].filter(Boolean).join(' · ')}</span>
                  <br />
                  <span className="app-muted">{r.reason}</span>
                </td>
                <td data-title={t('referrals.fields.offer')}>
                  {r.offer.title}
                  {r.kind === 'approval_request' ? ` (${t('referrals.approvalRequest')})` : ''}
                </td>
                <td data-title={box === 'inbox' ? t('referrals.fields.from') : t('referrals.fields.to')}>{box === 'inbox' ? r.senderOrganisation : r.receiverOrganisation}</td>
                <td data-title={t('referrals.fields.state')}>
                  {t(`referrals.states.${r.state}`)}
                  {r.outcome ? ` – ${t(`referrals.outcomes.${r.outcome}`)}` : ''}
                </td>
                <td data-title={t('referrals.fields.sentAt')}>{formatDateTime(r.sentAt)}</td>
                {box === 'inbox' ? (
                  <td data-title={t('referrals.fields.actions')}>
                    <InboxActions referral={r} onAction={(a, body) => action.mutate({ referralId: r.id, action: a, body: { version: r.version, ...body } })} busy={action.isPending} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function InboxActions({ referral, onAction, busy }: { referral: Referral; onAction: (action: 'decide' | 'enrol' | 'complete', body: Record<string, unknown>) => void; busy: boolean }) {
  const { t } = useTranslation();
  const sessions = useOfferSessions(referral.state === 'accepted' && referral.kind === 'referral' ? referral.offer.id : undefined);
  const [sessionId, setSessionId] = useState('');
  const [outcome, setOutcome] = useState('completed');
  if (referral.state === 'sent') {
    return (
      <div className="app-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onAction('decide', { decision: 'accepted' })}>
          {t('referrals.accept', { name: referral.personName })}
        </button>{' '}
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => onAction('decide', { decision: 'declined' })}>
          {t('referrals.decline', { name: referral.personName })}
        </button>
      </div>
    );
  }
  if (referral.state === 'accepted' && referral.kind === 'referral') {
    const selectId = `session-${referral.id}`;
    return (
      <div className="form-group">
        <label className="form-label" htmlFor={selectId}>
          {t('referrals.session')}
        </label>
        <select id={selectId} className="form-select" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
          <option value="">{t('referrals.chooseSession')}</option>
          {(sessions.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <button type="button" className="button button-primary" disabled={busy || !sessionId} onClick={() => onAction('enrol', { sessionId })}>
          {t('referrals.enrol')}
        </button>
      </div>
    );
  }
  if (referral.state === 'enrolled' || (referral.state === 'accepted' && referral.kind === 'referral')) {
    const selectId = `outcome-${referral.id}`;
    return (
      <div className="form-group">
        <label className="form-label" htmlFor={selectId}>
          {t('referrals.outcome')}
        </label>
        <select id={selectId} className="form-select" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {(['completed', 'dropped_out', 'in_job'] as const).map((o) => (
            <option key={o} value={o}>
              {t(`referrals.outcomes.${o}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onAction('complete', { outcome })}>
          {t('referrals.complete')}
        </button>
      </div>
    );
  }
  return null;
}
