import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateStaff } from '../api/organisation';
import type { Organisation, StaffRole } from '../api/types';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField, TextField } from '../components/form-field';
import { useAnnounce } from '../layout/announcer';

export const ROLES: StaffRole[] = ['caseworker', 'broker', 'manager', 'admin'];

type Values = { name: string; email: string; role: string; unitId: string; password: string };
const EMPTY: Values = { name: '', email: '', role: 'caseworker', unitId: '', password: '' };

export function CreateStaffForm({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const create = useCreateStaff();
  const announce = useAnnounce();
  const [values, setValues] = useState<Values>(EMPTY);
  const errors = fieldErrors(create.error);
  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name: values.name, email: values.email.trim(), role: values.role as StaffRole, unitId: values.unitId || null, password: values.password },
      {
        onSuccess: () => {
          announce(t('staff.created', { name: values.name }));
          setValues(EMPTY);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-staff-heading" className="app-form">
      <h2 id="create-staff-heading">{t('staff.createTitle')}</h2>
      {create.error ? <ErrorAlert error={create.error} knownFields={['name', 'email', 'role', 'unitId', 'password']} /> : null}
      <TextField id="staff-name" label={t('staff.name')} value={values.name} onChange={set('name')} error={errors.name} required autoComplete="off" />
      <TextField id="staff-email" type="email" label={t('staff.email')} value={values.email} onChange={set('email')} error={errors.email} required autoComplete="off" />
      <SelectField id="staff-role" label={t('staff.role')} value={values.role} onChange={set('role')} error={errors.role} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} required />
      <SelectField
        id="staff-unit"
        label={t('staff.unit')}
        value={values.unitId}
        onChange={set('unitId')}
        error={errors.unitId}
        emptyLabel={t('staff.noUnit')}
        options={organisation.units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <TextField id="staff-password" type="password" label={t('staff.password')} hint={t('staff.passwordHint')} value={values.password} onChange={set('password')} error={errors.password} required autoComplete="new-password" />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? t('common.saving') : t('staff.createSubmit')}
      </button>
    </form>
  );
}
