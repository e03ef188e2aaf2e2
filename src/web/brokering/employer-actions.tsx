import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddContactPerson, useEmployers, useMergeEmployer, type Employer, type EmployerDetail } from '../api/brokering';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../components/error-alert';
import { TextField } from '../components/form-field';

/** A form under the contact persons: name required; job title, phone and e-mail as the server checks them. */
export function AddContactPerson({ employerId }: { employerId: string }) {
  const { t } = useTranslation();
  const add = useAddContactPerson(employerId);
  const [name, setName] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const errors = fieldErrors(add.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    add.mutate(
      { name, jobTitle: jobTitle || null, phone: phone || null, email: email || null },
      {
        onSuccess: (person) => {
          setAdded(person.name);
          setName('');
          setJobTitle('');
          setPhone('');
          setEmail('');
        },
      },
    );
  }

  return (
    <section aria-labelledby="add-contact-person">
      <h3 id="add-contact-person">{t('brokering.employers.addPerson.title')}</h3>
      {added ? <SuccessAlert>{t('brokering.employers.addPerson.added', { name: added })}</SuccessAlert> : null}
      <ErrorAlert error={add.error} knownFields={['name', 'jobTitle', 'phone', 'email']} />
      <form onSubmit={submit} noValidate>
        <TextField id="person-name" label={t('brokering.employers.addPerson.name')} value={name} onChange={setName} error={errors.name} required autoComplete="off" />
        <TextField id="person-job-title" label={t('brokering.employers.addPerson.jobTitle')} value={jobTitle} onChange={setJobTitle} error={errors.jobTitle} autoComplete="off" />
        <TextField id="person-phone" type="tel" label={t('brokering.employers.addPerson.phone')} value={phone} onChange={setPhone} error={errors.phone} autoComplete="off" />
        <TextField id="person-email" type="email" label={t('brokering.employers.addPerson.email')} value={email} onChange={setEmail} error={errors.email} autoComplete="off" />
        <button type="submit" className="button button-secondary" disabled={add.isPending}>
          {add.isPending ? t('common.saving') : t('brokering.employers.addPerson.button')}
        </button>
      </form>
    </section>
  );
}

/** Find the other record of the same employer, confirm, and merge it into this one; both histories stay. */
export function MergeEmployer({ employer }: { employer: EmployerDetail }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = q.trim();
  const found = useEmployers({ q: term, page: 1 });
  const merge = useMergeEmployer(employer.id);
  const [chosen, setChosen] = useState<Employer | null>(null);
  const [merged, setMerged] = useState<string | null>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const others = term.length >= 2 ? (found.data?.items ?? []).filter((o) => o.id !== employer.id && !o.mergedIntoId) : [];

  function choose(other: Employer) {
    setMerged(null);
    merge.reset();
    setChosen(other);
    // The question takes focus, so a screen reader hears what is about to happen.
    requestAnimationFrame(() => confirmRef.current?.focus());
  }

  return (
    <section aria-labelledby="merge-employer">
      <h3 id="merge-employer">{t('brokering.employers.merge.title')}</h3>
      <p>{t('brokering.employers.merge.intro')}</p>
      {merged ? <SuccessAlert>{t('brokering.employers.merge.merged', { other: merged })}</SuccessAlert> : null}
      <TextField id="merge-search" label={t('brokering.employers.merge.search')} hint={t('brokering.employers.merge.searchHint')} value={q} onChange={setQ} autoComplete="off" />
      {term.length >= 2 && found.data ? (
        others.length === 0 ? (
          <p>{t('brokering.employers.merge.none')}</p>
        ) : (
          <ul className="app-proposal-search">
            {others.map((o) => (
              <li key={o.id}>
                {[o.name, o.cvr, o.city].filter(Boolean).join(' · ')}{' '}
                <button type="button" className="button button-secondary" onClick={() => choose(o)} aria-label={`${t('brokering.employers.merge.choose')}: ${o.name}`}>
                  {t('brokering.employers.merge.choose')}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {chosen ? (
        <div className="alert alert-warning" role="group" aria-labelledby="merge-confirm">
          <p id="merge-confirm" ref={confirmRef} tabIndex={-1}>
            {t('brokering.employers.merge.confirm', { other: chosen.name, name: employer.name })}
          </p>
          <ErrorAlert error={merge.error} />
          <p>
            <button
              type="button"
              className="button button-primary"
              disabled={merge.isPending}
              onClick={() =>
                merge.mutate(
                  { fromEmployerId: chosen.id, version: employer.version },
                  {
                    onSuccess: () => {
                      setMerged(chosen.name);
                      setChosen(null);
                      setQ('');
                    },
                  },
                )
              }
            >
              {t('brokering.employers.merge.confirmButton')}
            </button>{' '}
            <button type="button" className="button button-secondary" onClick={() => setChosen(null)}>
              {t('brokering.employers.merge.cancel')}
            </button>
          </p>
        </div>
      ) : null}
    </section>
  );
}
