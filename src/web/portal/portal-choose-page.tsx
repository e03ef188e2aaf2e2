import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useChooseOrganisation, usePendingChoice } from '../api/portal';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { RadioGroup } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatTime } from '../i18n/format';

/**
 * After a MitID login that matched the person in several organisations (the server's callback
 * sends them here with the choice cookie): the organisations by name, and a session in the one
 * chosen. The server holds the set; this page only shows it and sends the pick.
 */
export function PortalChoosePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pending = usePendingChoice();
  const choose = useChooseOrganisation();
  const [organisationId, setOrganisationId] = useState('');
  const errors = fieldErrors(choose.error);
  // Expired, used, or never there: nothing to choose from; the way on is to log in again.
  const gone = [pending.error, choose.error].find((e) => isApiError(e) && e.code === 'portal_choice_expired');

  function submit(event: FormEvent) {
    event.preventDefault();
    choose.mutate({ organisationId }, { onSuccess: () => void navigate({ to: '/portal' }) });
  }

  let body;
  if (gone) {
    body = (
      <>
        <ErrorAlert error={gone} title={t('portalOidc.choose.expiredTitle')} />
        <p>
          <Link to="/portal/login" className="button button-primary">
            {t('portalOidc.choose.again')}
          </Link>
        </p>
      </>
    );
  } else if (pending.error) {
    body = <ErrorAlert error={pending.error} />;
  } else if (!pending.data) {
    body = <Loading />;
  } else {
    body = (
      <>
        <p>{t('portalOidc.choose.intro')}</p>
        <form onSubmit={submit} noValidate className="app-form">
          {choose.error ? <ErrorAlert error={choose.error} knownFields={['organisationId']} /> : null}
          <RadioGroup
            id="portal-organisation"
            legend={t('portalOidc.choose.legend')}
            hint={t('portalOidc.choose.expires', { time: formatTime(pending.data.expiresAt) })}
            value={organisationId}
            onChange={setOrganisationId}
            options={pending.data.organisations.map((o) => ({ value: o.id, label: o.name }))}
            error={errors.organisationId}
            required
          />
          <button type="submit" className="button button-primary" disabled={choose.isPending}>
            {t('portalOidc.choose.submit')}
          </button>
        </form>
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('portalOidc.choose.title')}>{t('portalOidc.choose.title')}</PageHeading>
      {body}
    </>
  );
}
