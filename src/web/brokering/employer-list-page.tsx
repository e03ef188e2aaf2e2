import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { useCreateEmployer, useEmployers } from '../api/brokering';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../components/error-alert';
import { Checkbox, SelectField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { Pagination } from '../components/pagination';
import { formatInstantDate } from '../i18n/format';
import { municipalityName, municipalityOptions } from './options';

/** Employers: search by name, city, trade, CVR or P-number, and register a new one. */
export function EmployerListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const employers = useEmployers({ q, page });
  const create = useCreateEmployer();
  const [cvr, setCvr] = useState('');
  const [name, setName] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [trade, setTrade] = useState('');
  const [cooperation, setCooperation] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const errors = fieldErrors(create.error);

  function search(event: FormEvent) {
    event.preventDefault();
    setQ(typed.trim());
    setPage(1);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { cvr: cvr.trim() || null, name, municipalityCode: municipality ? Number(municipality) : null, trade: trade.trim() || null, cooperationAgreement: cooperation },
      {
        onSuccess: (e) => {
          setCreated(e.name);
          setCvr('');
          setName('');
          setTrade('');
        },
      },
    );
  }

  return (
    <>
      <PageHeading title={t('brokering.employers.title')}>{t('brokering.employers.title')}</PageHeading>
      <form role="search" onSubmit={search} noValidate>
        <TextField id="employer-q" type="search" label={t('brokering.employers.search')} hint={t('brokering.employers.searchHint')} value={typed} onChange={setTyped} />
        <button type="submit" className="button button-secondary">
          {t('brokering.employers.searchButton')}
        </button>
      </form>
      {employers.isLoading ? <Loading /> : null}
      {employers.error ? <ErrorAlert error={employers.error} /> : null}
      {employers.data ? (
        employers.data.items.length === 0 ? (
          <p>{t('brokering.employers.none')}</p>
        ) : (
          <>
            <table className="table table--zebra table--responsive-headers app-table">
              <caption className="sr-only">{t('brokering.employers.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('brokering.employers.fields.name')}</th>
                  <th scope="col">{t('brokering.employers.fields.cvr')}</th>
                  <th scope="col">{t('brokering.employers.fields.municipality')}</th>
                  <th scope="col">{t('brokering.employers.fields.cooperation')}</th>
                  <th scope="col">{t('brokering.employers.fields.lastContact')}</th>
                  <th scope="col">{t('brokering.employers.fields.openJobOrders')}</th>
                </tr>
              </thead>
              <tbody>
                {employers.data.items.map((e) => (
                  <tr key={e.id}>
                    <td data-title={t('brokering.employers.fields.name')}>
                      <Link to="/employers/$id" params={{ id: e.id }}>
                        {e.name}
                      </Link>
                    </td>
                    <td data-title={t('brokering.employers.fields.cvr')}>{e.cvr ?? ''}</td>
                    <td data-title={t('brokering.employers.fields.municipality')}>{municipalityName(e.municipalityCode)}</td>
                    <td data-title={t('brokering.employers.fields.cooperation')}>{e.cooperationAgreement ? t('common.yes') : t('common.no')}</td>
                    <td data-title={t('brokering.employers.fields.lastContact')}>{formatInstantDate(e.lastContactAt)}</td>
                    <td data-title={t('brokering.employers.fields.openJobOrders')}>{e.openJobOrders}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={page} pageSize={employers.data.pageSize} total={employers.data.total} onPage={setPage} label={t('brokering.employers.paging')} />
          </>
        )
      ) : null}
      {can(me, 'employer.write') ? (
        <section aria-labelledby="new-employer">
          <h2 id="new-employer">{t('brokering.employers.create')}</h2>
          {created ? <SuccessAlert>{t('brokering.employers.created', { name: created })}</SuccessAlert> : null}
          <ErrorAlert error={create.error} knownFields={['cvr', 'name', 'municipalityCode', 'trade']} />
          <form onSubmit={submit} noValidate>
            <TextField id="cvr" label={t('brokering.employers.fields.cvr')} hint={t('brokering.employers.cvrHint')} value={cvr} onChange={setCvr} inputMode="numeric" error={errors.cvr} className="input-width-s" />
            <TextField id="name" label={t('brokering.employers.fields.name')} value={name} onChange={setName} error={errors.name} required />
            <SelectField id="municipalityCode" label={t('brokering.employers.fields.municipality')} value={municipality} onChange={setMunicipality} options={municipalityOptions} emptyLabel={t('brokering.choose')} error={errors.municipalityCode} />
            <TextField id="trade" label={t('brokering.employers.fields.trade')} value={trade} onChange={setTrade} error={errors.trade} />
            <Checkbox id="cooperationAgreement" label={t('brokering.employers.fields.cooperation')} checked={cooperation} onChange={setCooperation} />
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? t('common.saving') : t('brokering.employers.createButton')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
