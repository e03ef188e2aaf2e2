import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTotpSetup, useTotpToggle } from '../api/auth';
import type { Me } from '../api/types';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { TextField } from '../components/form-field';
import { useAnnounce } from '../layout/announcer';

/**
 * Two-factor set-up: the secret and the otpauth URL are shown as text (to type or paste into
 * an authenticator app), then a code from the app proves it works before it is switched on.
 */
export function TwoFactor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const enable = useTotpToggle('enable');
  const disable = useTotpToggle('disable');
  const announce = useAnnounce();
  const [code, setCode] = useState('');
  const action = me.totpEnabled ? disable : enable;
  const errors = fieldErrors(action.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    action.mutate(code.trim(), {
      onSuccess: () => {
        setCode('');
        setup.reset();
        announce(me.totpEnabled ? t('profile.totpDisabled') : t('profile.totpEnabled'));
      },
    });
  }

  const codeField = (
    <form onSubmit={submit} noValidate className="app-form">
      {action.error ? <ErrorAlert error={action.error} knownFields={['code']} /> : null}
      <TextField id="totp-code" label={t('profile.code')} hint={t('profile.codeHint')} value={code} onChange={setCode} error={errors.code} inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="input-width-xs" required />
      <button type="submit" className="button button-primary" disabled={action.isPending}>
        {me.totpEnabled ? t('profile.disableTotp') : t('profile.enableTotp')}
      </button>
    </form>
  );

  return (
    <section aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t('profile.twoFactor')}</h2>
      <p>{me.totpEnabled ? t('profile.totpOn') : t('profile.totpOff')}</p>
      {me.totpEnabled ? (
        codeField
      ) : setup.data ? (
        <>
          <ol>
            <li>{t('profile.step1')}</li>
            <li>{t('profile.step2')}</li>
          </ol>
          <dl className="app-dl">
            <div className="app-dl-row">
              <dt>{t('profile.secret')}</dt>
              <dd>
                <code className="app-secret">{setup.data.secret}</code>
              </dd>
            </div>
            <div className="app-dl-row">
              <dt>{t('profile.otpauthUrl')}</dt>
              <dd>
                <code className="app-secret">{setup.data.otpauthUrl}</code>
              </dd>
            </div>
          </dl>
          {codeField}
        </>
      ) : (
        <>
          {setup.error ? <ErrorAlert error={setup.error} /> : null}
          <button type="button" className="button button-primary" disabled={setup.isPending} onClick={() => setup.mutate()}>
            {t('profile.startSetup')}
          </button>
        </>
      )}
    </section>
  );
}
