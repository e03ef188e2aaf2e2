import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAskPortalCode, usePortalLoginMethods, useVerifyPortalCode } from '../api/portal';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';

/** Why a MitID login came back refused (/portal/login?mitid=<reason>, set by the server's callback). */
const MITID_REASONS = ['failed', 'expired', 'unknown_person', 'several_organisations', 'broker_unavailable'] as const;

function mitidRefusal(): (typeof MITID_REASONS)[number] | null {
  const reason = new URLSearchParams(window.location.search).get('mitid');
  return MITID_REASONS.find((r) => r === reason) ?? null;
}

/**
 * Log in with MitID (when a broker is configured: a plain link, as the broker's pages take over
 * the browser) or with a one-time code sent by e-mail (or SMS to a mobile number).
 */
export function PortalLoginPage() {
  const { t } = useTranslation();
  const methods = usePortalLoginMethods();
  const [refusal] = useState(mitidRefusal);
  const mitid = methods.data?.oidc === 'available';
  const navigate = useNavigate();
  const ask = useAskPortalCode();
  const verify = useVerifyPortalCode();
  const [recipient, setRecipient] = useState('');
  const [code, setCode] = useState('');
  const sent = ask.isSuccess;
  const title = t('portalBooking.loginTitle');
  const isPhone = /^[+\d][\d\s]*$/.test(recipient.trim());

  function askCode(event: FormEvent) {
    event.preventDefault();
    ask.mutate(isPhone ? { phone: recipient.trim() } : { email: recipient.trim() });
  }
  function send(event: FormEvent) {
    event.preventDefault();
    verify.mutate({ recipient: recipient.trim(), code: code.trim() }, { onSuccess: () => void navigate({ to: '/portal/booking' }) });
  }

  const askErrors = fieldErrors(ask.error);
  const verifyErrors = fieldErrors(verify.error);
  return (
    <div className="app-narrow">
      <PageHeading title={title}>{title}</PageHeading>
      {refusal ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-heading">{t('portalOidc.errorTitle')}</p>
            <p className="alert-text">{t(`portalOidc.errors.${refusal}`)}</p>
          </div>
        </div>
      ) : null}
      {mitid && !sent ? (
        <p>
          <a className="button button-primary" href="/api/portal/auth/oidc/start">
            {t('portalOidc.logIn')}
          </a>
        </p>
      ) : null}
      {!sent ? (
        <form onSubmit={askCode} noValidate className="app-form">
          {mitid ? <p>{t('portalOidc.or')}</p> : null}
          <p>{t('portalBooking.loginIntro')}</p>
          {ask.error ? <ErrorAlert error={ask.error} knownFields={['email', 'phone']} /> : null}
          <TextField id="portal-recipient" label={t('portalBooking.recipient')} hint={t('portalBooking.recipientHint')} value={recipient} onChange={setRecipient} error={askErrors.email ?? askErrors.phone} autoComplete="email" required />
          <button type="submit" className={mitid ? 'button button-secondary' : 'button button-primary'} disabled={ask.isPending}>
            {t('portalBooking.sendCode')}
          </button>
        </form>
      ) : (
        <form onSubmit={send} noValidate className="app-form">
          <p role="status">{t(ask.data?.channel === 'sms' ? 'portalBooking.codeSentSms' : 'portalBooking.codeSentEmail', { minutes: ask.data?.expiresInMinutes ?? 10 })}</p>
          {verify.error ? <ErrorAlert error={verify.error} knownFields={['code']} /> : null}
          <TextField id="portal-code" label={t('portalBooking.code')} value={code} onChange={setCode} error={verifyErrors.code} inputMode="numeric" autoComplete="one-time-code" required className="input-width-xs" />
          <button type="submit" className="button button-primary" disabled={verify.isPending}>
            {t('portalBooking.logIn')}
          </button>
        </form>
      )}
    </div>
  );
}
