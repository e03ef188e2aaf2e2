import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { JOB_ORDER_KINDS, usePublicJobOrderForm, useSubmitPublicJobOrder, type JobOrderKind } from '../api/brokering';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../components/error-alert';
import { SelectField, TextAreaField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../i18n/format';
import { LanguageSwitch } from '../layout/language-switch';
import { municipalityOptions, occupationOptions } from './options';

const route = getRouteApi('/jobordre/$organisationId');

/** The public job-order form an employer fills in without logging in. */
export function PublicJobOrderPage() {
  const { t, i18n } = useTranslation();
  const { organisationId } = route.useParams();
  const form = usePublicJobOrderForm(organisationId);
  const submit = useSubmitPublicJobOrder();
  const [cvr, setCvr] = useState('');
  const [employerName, setEmployerName] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [title, setTitle] = useState('');
  const [occupation, setOccupation] = useState('');
  const [description, setDescription] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [hours, setHours] = useState('37');
  const [kind, setKind] = useState<JobOrderKind>('permanent');
  const [responseHours, setResponseHours] = useState('24');
  const errors = fieldErrors(submit.error);

  if (form.isLoading) return <Loading />;
  if (!form.data) {
    return (
      <>
        <PageHeading title={t('brokering.publicForm.title')}>{t('brokering.publicForm.title')}</PageHeading>
        <ErrorAlert error={form.error} />
      </>
    );
  }

  function send(event: FormEvent) {
    event.preventDefault();
    submit.mutate({
      organisationId,
      language: i18n.language === 'en' ? 'en' : 'da',
      employer: { cvr, name: employerName },
      contactName,
      contactEmail,
      contactPhone: contactPhone || undefined,
      title,
      occupationCode: occupation,
      description,
      municipalityCode: Number(municipality),
      hoursPerWeek: Number(hours),
      kind,
      responseHours: Number(responseHours),
    });
  }

  const heading = t('brokering.publicForm.heading', { organisation: form.data.organisation.name });
  if (submit.data) {
    return (
      <>
        <PageHeading title={heading}>{heading}</PageHeading>
        <SuccessAlert>{t('brokering.publicForm.thanks', { reference: submit.data.reference, at: formatDateTime(submit.data.responseDueAt) })}</SuccessAlert>
      </>
    );
  }

  return (
    <>
      <LanguageSwitch />
      <PageHeading title={heading}>{heading}</PageHeading>
      <p>{t('brokering.publicForm.intro')}</p>
      <ErrorAlert error={submit.error} knownFields={['employer.cvr', 'employer.name', 'contactName', 'contactEmail', 'contactPhone', 'title', 'occupationCode', 'description', 'municipalityCode', 'hoursPerWeek', 'kind', 'responseHours']} />
      <form onSubmit={send} noValidate>
        <fieldset>
          <legend className="h3">{t('brokering.publicForm.employer')}</legend>
          <TextField id="cvr" label={t('brokering.employers.fields.cvr')} hint={t('brokering.employers.cvrHint')} value={cvr} onChange={setCvr} inputMode="numeric" className="input-width-s" error={errors['employer.cvr']} required />
          <TextField id="employerName" label={t('brokering.publicForm.employerName')} value={employerName} onChange={setEmployerName} autoComplete="organization" error={errors['employer.name']} required />
          <TextField id="contactName" label={t('brokering.publicForm.contactName')} value={contactName} onChange={setContactName} autoComplete="name" error={errors.contactName} required />
          <TextField id="contactEmail" type="email" label={t('brokering.publicForm.contactEmail')} value={contactEmail} onChange={setContactEmail} autoComplete="email" error={errors.contactEmail} required />
          <TextField id="contactPhone" type="tel" label={t('brokering.publicForm.contactPhone')} value={contactPhone} onChange={setContactPhone} autoComplete="tel" error={errors.contactPhone} />
        </fieldset>
        <fieldset>
          <legend className="h3">{t('brokering.publicForm.job')}</legend>
          <TextField id="title" label={t('brokering.jobOrders.fields.title')} value={title} onChange={setTitle} error={errors.title} required />
          <SelectField id="occupationCode" label={t('brokering.jobOrders.fields.occupation')} value={occupation} onChange={setOccupation} options={occupationOptions(i18n.language)} emptyLabel={t('brokering.choose')} error={errors.occupationCode} required />
          <TextAreaField id="description" label={t('brokering.jobOrders.fields.description')} value={description} onChange={setDescription} error={errors.description} />
          <SelectField id="municipalityCode" label={t('brokering.jobOrders.fields.place')} value={municipality} onChange={setMunicipality} options={municipalityOptions} emptyLabel={t('brokering.choose')} error={errors.municipalityCode} required />
          <TextField id="hoursPerWeek" label={t('brokering.jobOrders.fields.hours')} value={hours} onChange={setHours} inputMode="numeric" className="input-width-xs" error={errors.hoursPerWeek} required />
          <SelectField id="kind" label={t('brokering.jobOrders.fields.kind')} value={kind} onChange={(v) => setKind(v as JobOrderKind)} options={JOB_ORDER_KINDS.map((k) => ({ value: k, label: t(`brokering.kinds.${k}`) }))} error={errors.kind} />
          <TextField id="responseHours" label={t('brokering.jobOrders.fields.responseHours')} value={responseHours} onChange={setResponseHours} inputMode="numeric" className="input-width-xs" error={errors.responseHours} />
        </fieldset>
        <button type="submit" className="button button-primary" disabled={submit.isPending}>
          {submit.isPending ? t('common.saving') : t('brokering.publicForm.send')}
        </button>
      </form>
    </>
  );
}
