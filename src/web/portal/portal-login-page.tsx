import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAskPortalCode, useVerifyPortalCode } from '../api/portal';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';

/** Log in with a one-time code sent by e-mail (or SMS to a mobile number). */
export function PortalLoginPage() {
  const { t } = useTranslation();
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
      {!sent ? (
        <form onSubmit={askCode} noValidate className="app-form">
          <p>{t('portalBooking.loginIntro')}</p>
          {ask.error ? <ErrorAlert error={ask.error} knownFields={['email', 'phone']} /> : null}
          <TextField id="portal-recipient" label={t('portalBooking.recipient')} hint={t('portalBooking.recipientHint')} value={recipient} onChange={setRecipient} error={askErrors.email ?? askErrors.phone} autoComplete="email" required />
          <button type="submit" className="button button-primary" disabled={ask.isPending}>
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
