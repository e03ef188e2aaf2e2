import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { JOB_ORDER_KINDS, useCreateJobOrder, useEmployers, useJobOrders, type JobOrderKind, type ResponseState } from '../api/brokering';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField, TextAreaField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { Pagination } from '../components/pagination';
import { formatDateTime } from '../i18n/format';
import { municipalityName, municipalityOptions, occupationOptions } from './options';

const RESPONSE_FILTERS = ['waiting', 'overdue', 'answered_on_time', 'answered_late'] as const;

/** Open job orders, unanswered first by when the employer expects an answer; and a form for a new one. */
export function JobOrderListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigateToOrder();
  const [response, setResponse] = useState<ResponseState | ''>('');
  const [page, setPage] = useState(1);
  const orders = useJobOrders({ response: response || undefined, page });
  const employers = useEmployers({ page: 1 });
  const create = useCreateJobOrder();
  const [employerId, setEmployerId] = useState('');
  const [title, setTitle] = useState('');
  const [occupation, setOccupation] = useState('');
  const [description, setDescription] = useState('');
  const [skills, setSkills] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [hours, setHours] = useState('37');
  const [kind, setKind] = useState<JobOrderKind>('permanent');
  const [responseHours, setResponseHours] = useState('24');
  const errors = fieldErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      {
        employerId,
        title,
        occupationCode: occupation,
        description,
        skills: skills
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        municipalityCode: Number(municipality),
        hoursPerWeek: Number(hours),
        kind,
        responseHours: Number(responseHours),
      },
      { onSuccess: (o) => navigate(o.id) },
    );
  }

  return (
    <>
      <PageHeading title={t('brokering.jobOrders.title')}>{t('brokering.jobOrders.title')}</PageHeading>
      <SelectField
        id="response-filter"
        label={t('brokering.jobOrders.filterResponse')}
        value={response}
        onChange={(v) => {
          setResponse(v as ResponseState | '');
          setPage(1);
        }}
        options={RESPONSE_FILTERS.map((r) => ({ value: r, label: t(`brokering.response.${r}`) }))}
        emptyLabel={t('brokering.all')}
      />
      {orders.isLoading ? <Loading /> : null}
      {orders.error ? <ErrorAlert error={orders.error} /> : null}
      {orders.data ? (
        orders.data.items.length === 0 ? (
          <p>{t('brokering.jobOrders.none')}</p>
        ) : (
          <>
            <table className="table table--zebra table--responsive-headers app-table">
              <caption className="sr-only">{t('brokering.jobOrders.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('brokering.jobOrders.fields.title')}</th>
                  <th scope="col">{t('brokering.jobOrders.fields.employer')}</th>
                  <th scope="col">{t('brokering.jobOrders.fields.place')}</th>
                  <th scope="col">{t('brokering.jobOrders.fields.response')}</th>
                </tr>
              </thead>
              <tbody>
                {orders.data.items.map((o) => (
                  <tr key={o.id}>
                    <td data-title={t('brokering.jobOrders.fields.title')}>
                      <Link to="/job-orders/$id" params={{ id: o.id }}>
                        {o.title}
                      </Link>
                    </td>
                    <td data-title={t('brokering.jobOrders.fields.employer')}>{o.employerName}</td>
                    <td data-title={t('brokering.jobOrders.fields.place')}>{municipalityName(o.municipalityCode)}</td>
                    <td data-title={t('brokering.jobOrders.fields.response')}>
                      {t(`brokering.response.${o.responseState}`)}
                      {o.answeredAt ? '' : ` – ${t('brokering.jobOrders.dueAt', { at: formatDateTime(o.responseDueAt) })}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={page} pageSize={orders.data.pageSize} total={orders.data.total} onPage={setPage} label={t('brokering.jobOrders.paging')} />
          </>
        )
      ) : null}
      {can(me, 'job_order.write') ? (
        <section aria-labelledby="new-job-order">
          <h2 id="new-job-order">{t('brokering.jobOrders.create')}</h2>
          <ErrorAlert error={create.error} knownFields={['employerId', 'title', 'occupationCode', 'description', 'skills', 'municipalityCode', 'hoursPerWeek', 'kind', 'responseHours']} />
          <form onSubmit={submit} noValidate>
            <SelectField id="employerId" label={t('brokering.jobOrders.fields.employer')} value={employerId} onChange={setEmployerId} options={(employers.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} emptyLabel={t('brokering.choose')} error={errors.employerId} required />
            <TextField id="title" label={t('brokering.jobOrders.fields.title')} value={title} onChange={setTitle} error={errors.title} required />
            <SelectField id="occupationCode" label={t('brokering.jobOrders.fields.occupation')} value={occupation} onChange={setOccupation} options={occupationOptions(i18n.language)} emptyLabel={t('brokering.choose')} error={errors.occupationCode} required />
            <TextAreaField id="description" label={t('brokering.jobOrders.fields.description')} value={description} onChange={setDescription} error={errors.description} />
            <TextField id="skills" label={t('brokering.jobOrders.fields.skills')} hint={t('brokering.jobOrders.skillsHint')} value={skills} onChange={setSkills} error={errors.skills} />
            <SelectField id="municipalityCode" label={t('brokering.jobOrders.fields.place')} value={municipality} onChange={setMunicipality} options={municipalityOptions} emptyLabel={t('brokering.choose')} error={errors.municipalityCode} required />
            <TextField id="hoursPerWeek" label={t('brokering.jobOrders.fields.hours')} value={hours} onChange={setHours} inputMode="numeric" className="input-width-xs" error={errors.hoursPerWeek} required />
            <SelectField id="kind" label={t('brokering.jobOrders.fields.kind')} value={kind} onChange={(v) => setKind(v as JobOrderKind)} options={JOB_ORDER_KINDS.map((k) => ({ value: k, label: t(`brokering.kinds.${k}`) }))} error={errors.kind} />
            <TextField id="responseHours" label={t('brokering.jobOrders.fields.responseHours')} value={responseHours} onChange={setResponseHours} inputMode="numeric" className="input-width-xs" error={errors.responseHours} />
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? t('common.saving') : t('brokering.jobOrders.createButton')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

function useNavigateToOrder() {
  const navigate = useNavigate();
  return (id: string) => void navigate({ to: '/job-orders/$id', params: { id } });
}
