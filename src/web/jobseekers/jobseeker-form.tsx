import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, useEducationLevels, useLanguages, useMunicipalities } from '../api/reference';
import type { Jobseeker, JobseekerInput } from '../api/types';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField, TextField } from '../components/form-field';

export type JobseekerFormValues = {
  cpr: string;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  addressLine: string;
  postalCode: string;
  city: string;
  municipalityCode: string;
  educationLevel: string;
  preferredLanguage: string;
};

const FIELD_NAMES: (keyof JobseekerFormValues)[] = ['cpr', 'firstName', 'lastName', 'phone', 'email', 'addressLine', 'postalCode', 'city', 'municipalityCode', 'educationLevel', 'preferredLanguage'];

export function emptyJobseekerValues(): JobseekerFormValues {
  return { cpr: '', firstName: '', lastName: '', phone: '', email: '', addressLine: '', postalCode: '', city: '', municipalityCode: '', educationLevel: '', preferredLanguage: 'da' };
}

export function valuesFromJobseeker(j: Jobseeker): JobseekerFormValues {
  return {
    cpr: '',
    firstName: j.firstName,
    lastName: j.lastName,
    phone: j.phone ?? '',
    email: j.email ?? '',
    addressLine: j.addressLine ?? '',
    postalCode: j.postalCode ?? '',
    city: j.city ?? '',
    municipalityCode: j.municipality ? String(j.municipality.code) : '',
    educationLevel: j.educationLevel ?? '',
    preferredLanguage: j.preferredLanguage,
  };
}

/** Form values as the API wants them: empty optional fields become null. */
export function toJobseekerInput(values: JobseekerFormValues, only?: Set<keyof JobseekerFormValues>): JobseekerInput {
  const pick = (key: keyof JobseekerFormValues) => !only || only.has(key);
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
  const input: JobseekerInput = {};
  if (pick('cpr') && values.cpr.trim() !== '') input.cpr = values.cpr.trim();
  if (pick('firstName')) input.firstName = values.firstName;
  if (pick('lastName')) input.lastName = values.lastName;
  if (pick('phone')) input.phone = orNull(values.phone);
  if (pick('email')) input.email = orNull(values.email);
  if (pick('addressLine')) input.addressLine = orNull(values.addressLine);
  if (pick('postalCode')) input.postalCode = orNull(values.postalCode);
  if (pick('city')) input.city = orNull(values.city);
  if (pick('municipalityCode')) input.municipalityCode = values.municipalityCode ? Number(values.municipalityCode) : null;
  if (pick('educationLevel')) input.educationLevel = orNull(values.educationLevel);
  if (pick('preferredLanguage') && values.preferredLanguage) input.preferredLanguage = values.preferredLanguage;
  return input;
}

/** Which fields differ from the values first loaded. */
export function changedFields(initial: JobseekerFormValues, current: JobseekerFormValues): Set<keyof JobseekerFormValues> {
  return new Set(FIELD_NAMES.filter((key) => initial[key] !== current[key]));
}

type JobseekerFormProps = {
  initial: JobseekerFormValues;
  withCpr: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  errorContent?: ReactNode;
  onSubmit: (values: JobseekerFormValues) => void;
  cancel: ReactNode;
};

export function JobseekerForm({ initial, withCpr, submitLabel, pending, error, errorContent, onSubmit, cancel }: JobseekerFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(initial);
  const municipalities = useMunicipalities();
  const educationLevels = useEducationLevels();
  const languages = useLanguages();
  const errors = fieldErrors(error);
  const set = (key: keyof JobseekerFormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <form onSubmit={submit} noValidate className="app-form">
      {error ? (
        <>
          <ErrorAlert error={error} knownFields={FIELD_NAMES} />
          {errorContent}
        </>
      ) : null}
      <fieldset>
        <legend className="h2">{t('jobseeker.form.person')}</legend>
        {withCpr ? (
          <TextField id="cpr" label={t('jobseeker.fields.cpr')} hint={t('jobseeker.form.cprHint')} value={values.cpr} onChange={set('cpr')} error={errors.cpr} required autoComplete="off" inputMode="numeric" maxLength={11} className="input-width-s" />
        ) : null}
        <TextField id="firstName" label={t('jobseeker.fields.firstName')} value={values.firstName} onChange={set('firstName')} error={errors.firstName} required autoComplete="off" />
        <TextField id="lastName" label={t('jobseeker.fields.lastName')} value={values.lastName} onChange={set('lastName')} error={errors.lastName} required autoComplete="off" />
      </fieldset>
      <fieldset>
        <legend className="h2">{t('jobseeker.form.contact')}</legend>
        <TextField id="phone" type="tel" label={t('jobseeker.fields.phone')} value={values.phone} onChange={set('phone')} error={errors.phone} autoComplete="off" />
        <TextField id="email" type="email" label={t('jobseeker.fields.email')} value={values.email} onChange={set('email')} error={errors.email} autoComplete="off" />
        <TextField id="addressLine" label={t('jobseeker.fields.addressLine')} value={values.addressLine} onChange={set('addressLine')} error={errors.addressLine} autoComplete="off" />
        <TextField id="postalCode" label={t('jobseeker.fields.postalCode')} value={values.postalCode} onChange={set('postalCode')} error={errors.postalCode} inputMode="numeric" maxLength={4} autoComplete="off" className="input-width-xs" />
        <TextField id="city" label={t('jobseeker.fields.city')} value={values.city} onChange={set('city')} error={errors.city} autoComplete="off" />
        <SelectField
          id="municipalityCode"
          label={t('jobseeker.fields.municipality')}
          value={values.municipalityCode}
          onChange={set('municipalityCode')}
          error={errors.municipalityCode}
          emptyLabel={t('common.notStated')}
          options={(municipalities.data ?? []).map((m) => ({ value: String(m.code), label: m.name }))}
        />
      </fieldset>
      <fieldset>
        <legend className="h2">{t('jobseeker.form.background')}</legend>
        <SelectField
          id="educationLevel"
          label={t('jobseeker.fields.educationLevel')}
          value={values.educationLevel}
          onChange={set('educationLevel')}
          error={errors.educationLevel}
          emptyLabel={t('common.notStated')}
          options={(educationLevels.data ?? []).map((e) => ({ value: e.code, label: labelOf(educationLevels.data, e.code, i18n.language) }))}
        />
        <SelectField
          id="preferredLanguage"
          label={t('jobseeker.fields.preferredLanguage')}
          value={values.preferredLanguage}
          onChange={set('preferredLanguage')}
          error={errors.preferredLanguage}
          options={(languages.data ?? []).map((l) => ({ value: l.code, label: i18n.language === 'en' ? l.en : l.da }))}
        />
      </fieldset>
      <div className="app-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('common.saving') : submitLabel}
        </button>
        {cancel}
      </div>
    </form>
  );
}
