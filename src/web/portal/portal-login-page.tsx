import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestCode, useVerifyCode } from '../api/portal';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';

/** Log in with a one-time code: first the address, then the code that arrives there. */
export function PortalLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ask = useRequestCode();
  const verify = useVerifyCode();
  const [recipient, setRecipient] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
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
      <p>{t('portal.login.intro')}</p>
      {sentTo === null ? (
        <form onSubmit={sendCode} noValidate className="app-form">
          {ask.error ? <ErrorAlert error={ask.error} knownFields={['email', 'phone']} /> : null}
          <TextField id="portal-recipient" label={t('portal.login.recipient')} hint={t('portal.login.recipientHint')} value={recipient} onChange={setRecipient} error={askErrors.email ?? askErrors.phone} autoComplete="username" required />
          <button type="submit" className="button button-primary" disabled={ask.isPending}>
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
