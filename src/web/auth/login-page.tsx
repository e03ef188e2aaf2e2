import { getRouteApi, useNavigate, useRouter } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../api/auth';
import { isApiError } from '../api/client';
import { ErrorAlert, SuccessAlert, fieldErrors } from '../components/error-alert';
import { TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const router = useRouter();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const totpRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (needsTotp) totpRef.current?.querySelector('input')?.focus();
  }, [needsTotp]);

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate(
      { email, password, ...(needsTotp && totp ? { totp } : {}) },
      {
        onSuccess: () => {
          // Back to where the session ran out; the path (with its search) was checked to be ours.
          if (search.redirect) router.history.push(search.redirect);
          else void navigate({ to: '/' });
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'totp_required') setNeedsTotp(true);
        },
      },
    );
  }

  const totpPrompt = isApiError(login.error) && login.error.code === 'totp_required' ? login.error.message : null;
  const fields = fieldErrors(login.error);
  const totpError = isApiError(login.error) && login.error.code === 'totp_invalid' ? login.error.message : fields.totp;

  return (
    <div className="app-narrow">
      <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
      {search.loggedOut && !login.error ? <SuccessAlert>{t('login.loggedOut')}</SuccessAlert> : null}
      {login.error && !totpPrompt ? <ErrorAlert error={login.error} knownFields={['email', 'password', 'totp']} /> : null}
      {totpPrompt ? (
        <div className="alert alert-info" role="status">
          <div className="alert-body">
            <p className="alert-text">{totpPrompt}</p>
          </div>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        <TextField id="email" label={t('login.email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={fields.email} required />
        <TextField id="password" label={t('login.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} error={fields.password} required />
        {needsTotp ? (
          <div ref={totpRef}>
            <TextField
              id="totp"
              label={t('login.totp')}
              hint={t('login.totpHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={totp}
              onChange={setTotp}
              error={totpError}
              required
            />
          </div>
        ) : null}
        <button type="submit" className="button button-primary" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
