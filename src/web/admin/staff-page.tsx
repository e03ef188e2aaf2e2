import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useOrganisation, useUpdateStaff } from '../api/organisation';
import type { Organisation, StaffRow } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { useAnnounce } from '../layout/announcer';
import { CreateStaffForm } from './create-staff-form';

export function StaffPage() {
  const { t } = useTranslation();
  const organisation = useOrganisation();
  const update = useUpdateStaff();
  const announce = useAnnounce();
  const org = organisation.data;
  const toggle = (row: StaffRow) =>
    update.mutate(
      { id: row.id, active: !row.active },
      { onSuccess: () => announce(row.active ? t('staff.deactivated', { name: row.name }) : t('staff.reactivated', { name: row.name })) },
    );
  return (
    <>
      <PageHeading title={t('staff.title')}>{t('staff.title')}</PageHeading>
      {organisation.error ? <ErrorAlert error={organisation.error} /> : null}
      {update.error ? <ErrorAlert error={update.error} /> : null}
      {org ? (
        <>
          <StaffTable organisation={org} onToggle={toggle} pendingId={update.isPending ? update.variables?.id : undefined} />
          <CreateStaffForm organisation={org} />
        </>
      ) : organisation.isPending ? (
        <Loading />
      ) : null}
    </>
  );
}

function StaffTable({ organisation, onToggle, pendingId }: { organisation: Organisation; onToggle: (row: StaffRow) => void; pendingId?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const unitName = new Map(organisation.units.map((u) => [u.id, u.name]));
  return (
    <table className="table table--zebra table--responsive-headers app-table">
      <caption className="app-caption">{t('staff.tableCaption', { organisation: organisation.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.name')}</th>
          <th scope="col">{t('staff.email')}</th>
          <th scope="col">{t('staff.role')}</th>
          <th scope="col">{t('staff.unit')}</th>
          <th scope="col">{t('staff.twoFactor')}</th>
          <th scope="col">{t('staff.status')}</th>
          <th scope="col">
            <span className="sr-only">{t('staff.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {organisation.staff.map((row) => (
          <tr key={row.id}>
            <td data-title={t('staff.name')}>{row.name}</td>
            <td data-title={t('staff.email')}>{row.email}</td>
            <td data-title={t('staff.role')}>{t(`roles.${row.role}`)}</td>
            <td data-title={t('staff.unit')}>{row.unitId ? unitName.get(row.unitId) ?? '' : t('staff.noUnit')}</td>
            <td data-title={t('staff.twoFactor')}>{row.totpEnabled ? t('common.yes') : t('common.no')}</td>
            <td data-title={t('staff.status')}>{row.active ? t('staff.active') : t('staff.inactive')}</td>
            <td data-title={t('staff.actions')}>
              {row.id === me?.id ? null : (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={pendingId === row.id}
                  aria-label={row.active ? t('staff.deactivateNamed', { name: row.name }) : t('staff.reactivateNamed', { name: row.name })}
                  onClick={() => onToggle(row)}
                >
                  {row.active ? t('staff.deactivate') : t('staff.reactivate')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
