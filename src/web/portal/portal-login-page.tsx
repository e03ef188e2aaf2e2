import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortalLoginMethods, useRequestCode, useVerifyCode } from '../api/portal';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';

/** Why a MitID login came back refused (/portal/login?mitid=<reason>, set by the server's callback). */
const MITID_REASONS = ['failed', 'expired', 'unknown_person', 'broker_unavailable'] as const;

function mitidRefusal(): (typeof MITID_REASONS)[number] | null {
  const reason = new URLSearchParams(window.location.search).get('mitid');
  return MITID_REASONS.find((r) => r === reason) ?? null;
}

/**
 * Log in with MitID (when a broker is configured: a plain link, as the broker's pages take over
 * the browser) or with a one-time code: first the address, then the code that arrives there.
 */
export function PortalLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ask = useRequestCode();
  const verify = useVerifyCode();
  const [recipient, setRecipient] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const methods = usePortalLoginMethods();
  const mitid = methods.data?.oidc === 'available';
  const [refusal] = useState(mitidRefusal);
  const askErrors = fieldErrors(ask.error);
  const verifyErrors = fieldErrors(verify.error);

  function sendCode(event: FormEvent) {
    event.preventDefault();
    const input = recipient.includes('@') ? { email: recipient } : { phone: recipient };
    ask.mutate(input, { onSuccess: () => setSentTo(recipient) });
  }
  function logIn(event: FormEvent) {
    event.preventDefault();
    verify.mutate({ recipient: sentTo ?? recipient, code }, { onSuccess: () => void navigate({ to: '/portal' }) });
  }

  return (
    <>
      <PageHeading title={t('portal.login.title')}>{t('portal.login.title')}</PageHeading>
      {refusal ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-heading">{t('portalOidc.errorTitle')}</p>
            <p className="alert-text">{t(`portalOidc.errors.${refusal}`)}</p>
          </div>
        </div>
      ) : null}
      {mitid && sentTo === null ? (
        <p>
          <a className="button button-primary" href="/api/portal/auth/oidc/start">
            {t('portalOidc.logIn')}
          </a>
        </p>
      ) : null}
      {mitid && sentTo === null ? <p>{t('portalOidc.or')}</p> : null}
      <p>{t('portal.login.intro')}</p>
      {sentTo === null ? (
        <form onSubmit={sendCode} noValidate className="app-form">
          {ask.error ? <ErrorAlert error={ask.error} knownFields={['email', 'phone']} /> : null}
          <TextField id="portal-recipient" label={t('portal.login.recipient')} hint={t('portal.login.recipientHint')} value={recipient} onChange={setRecipient} error={askErrors.email ?? askErrors.phone} autoComplete="username" required />
          <button type="submit" className={mitid ? 'button button-secondary' : 'button button-primary'} disabled={ask.isPending}>
            {t('portal.login.sendCode')}
          </button>
        </form>
      ) : (
        <form onSubmit={logIn} noValidate className="app-form">
          <div className="alert alert-info" role="status">
            <div className="alert-body">
              <p className="alert-text">{t('portal.login.sent', { to: sentTo })}</p>
            </div>
          </div>
          {verify.error ? <ErrorAlert error={verify.error} knownFields={['code', 'recipient']} /> : null}
          <TextField id="portal-code" label={t('portal.login.code')} hint={t('portal.login.codeHint')} value={code} onChange={setCode} error={verifyErrors.code} autoComplete="one-time-code" inputMode="numeric" maxLength={6} required />
          <div className="portal-actions">
            <button type="submit" className="button button-primary" disabled={verify.isPending}>
              {t('portal.login.logIn')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => { setSentTo(null); setCode(''); verify.reset(); }}>
              {t('portal.login.other')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
