import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { CONTACT_KINDS, useEmployer, useLogContact, type ContactKind } from '../api/brokering';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../components/error-alert';
import { SelectField, TextAreaField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { copenhagenLocalToIso, formatDate, formatDateTime } from '../i18n/format';
import { AddContactPerson, MergeEmployer } from './employer-actions';
import { Fact } from './fact';
import { municipalityName } from './options';

const route = getRouteApi('/authenticated/employers/$id');

/** One employer: facts, contact persons and the contact log, newest first, with a form to log a contact. */
export function EmployerDetailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id } = route.useParams();
  const employer = useEmployer(id);
  const log = useLogContact(id);
  const [kind, setKind] = useState<ContactKind>('call');
  const [when, setWhen] = useState('');
  const [person, setPerson] = useState('');
  const [outcome, setOutcome] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [nextStepDue, setNextStepDue] = useState('');
  const [logged, setLogged] = useState(false);
  const errors = fieldErrors(log.error);

  if (employer.isLoading) return <Loading />;
  if (!employer.data) return <ErrorAlert error={employer.error} />;
  const e = employer.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    setLogged(false);
    log.mutate(
      { kind, occurredAt: copenhagenLocalToIso(when) ?? when, contactPersonId: person || null, outcome, nextStep: nextStep || null, nextStepDue: nextStepDue || null },
      {
        onSuccess: () => {
          setLogged(true);
          setOutcome('');
          setNextStep('');
          setNextStepDue('');
        },
      },
    );
  }

  return (
    <>
      <PageHeading title={e.name}>{e.name}</PageHeading>
      {e.mergedIntoId ? <p className="alert alert-info">{t('brokering.employers.mergedNote')}</p> : null}
      <dl className="app-facts">
        <Fact label={t('brokering.employers.fields.cvr')}>{e.cvr ?? '–'}</Fact>
        <Fact label={t('brokering.employers.fields.pNumbers')}>{e.pNumbers.length ? e.pNumbers.join(', ') : '–'}</Fact>
        <Fact label={t('brokering.employers.fields.address')}>{[e.addressLine, [e.postalCode, e.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}</Fact>
        <Fact label={t('brokering.employers.fields.municipality')}>{municipalityName(e.municipalityCode) || '–'}</Fact>
        <Fact label={t('brokering.employers.fields.trade')}>{e.trade ?? '–'}</Fact>
        <Fact label={t('brokering.employers.fields.cooperation')}>{e.cooperationAgreement ? `${t('common.yes')}${e.cooperationNotes ? ` – ${e.cooperationNotes}` : ''}` : t('common.no')}</Fact>
        <Fact label={t('brokering.employers.fields.openJobOrders')}>{e.openJobOrders}</Fact>
      </dl>

      <h2>{t('brokering.employers.contactPersons')}</h2>
      {e.contactPersons.length === 0 ? (
        <p>{t('brokering.employers.noContactPersons')}</p>
      ) : (
        <ul>
          {e.contactPersons.map((p) => (
            <li key={p.id}>{[p.name, p.jobTitle, p.phone, p.email].filter(Boolean).join(' · ')}</li>
          ))}
        </ul>
      )}
      {can(me, 'employer.write') && !e.mergedIntoId ? <AddContactPerson employerId={e.id} /> : null}

      <h2>{t('brokering.employers.contactLog')}</h2>
      {e.contacts.length === 0 ? (
        <p>{t('brokering.employers.noContacts')}</p>
      ) : (
        <table className="table table--zebra table--responsive-headers app-table">
          <caption className="sr-only">{t('brokering.employers.contactLog')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('brokering.contact.when')}</th>
              <th scope="col">{t('brokering.contact.kind')}</th>
              <th scope="col">{t('brokering.contact.who')}</th>
              <th scope="col">{t('brokering.contact.outcome')}</th>
              <th scope="col">{t('brokering.contact.nextStep')}</th>
            </tr>
          </thead>
          <tbody>
            {e.contacts.map((c) => (
              <tr key={c.id}>
                <td data-title={t('brokering.contact.when')}>{formatDateTime(c.occurredAt)}</td>
                <td data-title={t('brokering.contact.kind')}>{t(`brokering.contact.kinds.${c.kind}`)}</td>
                <td data-title={t('brokering.contact.who')}>{[c.staffName, c.contactPersonName].filter(Boolean).join(' / ')}</td>
                <td data-title={t('brokering.contact.outcome')}>
                  {c.outcome}
                  {c.mergedFromEmployerId ? <span className="app-muted"> ({t('brokering.contact.fromMerge')})</span> : null}
                </td>
                <td data-title={t('brokering.contact.nextStep')}>{c.nextStep ? `${c.nextStep}${c.nextStepDue ? ` (${formatDate(c.nextStepDue)})` : ''}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {can(me, 'employer.write') && !e.mergedIntoId ? (
        <section aria-labelledby="log-contact">
          <h2 id="log-contact">{t('brokering.contact.log')}</h2>
          {logged ? <SuccessAlert>{t('brokering.contact.logged')}</SuccessAlert> : null}
          <ErrorAlert error={log.error} knownFields={['kind', 'occurredAt', 'contactPersonId', 'outcome', 'nextStep', 'nextStepDue']} />
          <form onSubmit={submit} noValidate>
            <SelectField id="kind" label={t('brokering.contact.kind')} value={kind} onChange={(v) => setKind(v as ContactKind)} options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`brokering.contact.kinds.${k}`) }))} error={errors.kind} />
            <TextField id="occurredAt" type="datetime-local" label={t('brokering.contact.when')} value={when} onChange={setWhen} error={errors.occurredAt} required />
            {e.contactPersons.length ? (
              <SelectField id="contactPersonId" label={t('brokering.contact.person')} value={person} onChange={setPerson} options={e.contactPersons.map((p) => ({ value: p.id, label: p.name }))} emptyLabel={t('brokering.choose')} error={errors.contactPersonId} />
            ) : null}
            <TextAreaField id="outcome" label={t('brokering.contact.outcome')} value={outcome} onChange={setOutcome} error={errors.outcome} required />
            <TextField id="nextStep" label={t('brokering.contact.nextStep')} value={nextStep} onChange={setNextStep} error={errors.nextStep} />
            <TextField id="nextStepDue" type="date" label={t('brokering.contact.nextStepDue')} value={nextStepDue} onChange={setNextStepDue} error={errors.nextStepDue} />
            <button type="submit" className="button button-primary" disabled={log.isPending}>
              {log.isPending ? t('common.saving') : t('brokering.contact.logButton')}
            </button>
          </form>
        </section>
      ) : null}
      {can(me, 'employer.write') && !e.mergedIntoId ? <MergeEmployer employer={e} /> : null}
    </>
  );
}
