import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { useJobseekerSearch } from '../api/jobseekers';
import { useMunicipalities } from '../api/reference';
import { JOBSEEKER_SORTS, type JobseekerSort } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { SelectField, TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';
import { Pagination } from '../components/pagination';
import { formatDate, formatInstantDate } from '../i18n/format';
import { rememberQuery, rememberedQuery } from './search-memory';
import { SortHeader } from '../components/sort-header';

const route = getRouteApi('/authenticated/jobseekers');
const PAGE_SIZE = 25;

export function JobseekerListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const sort: JobseekerSort = search.sort ?? 'name';
  const page = search.page ?? 1;
  const [query, setQuery] = useState(rememberedQuery);
  const [appliedQuery, setAppliedQuery] = useState(rememberedQuery);
  const [municipality, setMunicipality] = useState(search.municipalityCode ? String(search.municipalityCode) : '');
  const [sortChoice, setSortChoice] = useState<string>(sort);
  const municipalities = useMunicipalities();
  const result = useJobseekerSearch({ q: appliedQuery.trim() || undefined, municipalityCode: search.municipalityCode, page, pageSize: PAGE_SIZE, sort });

  function applySearch(event: FormEvent) {
    event.preventDefault();
    rememberQuery(query);
    setAppliedQuery(query);
    void navigate({ search: { municipalityCode: municipality ? Number(municipality) : undefined, sort: sortChoice as JobseekerSort, page: undefined } });
  }

  function changeSort(next: JobseekerSort) {
    setSortChoice(next);
    void navigate({ search: (prev) => ({ ...prev, sort: next, page: undefined }) });
  }

  const data = result.data;
  return (
    <>
      <div className="app-title-row">
        <PageHeading title={t('jobseekers.title')}>{t('jobseekers.title')}</PageHeading>
        {can(me, 'jobseeker.write') ? (
          <Link to="/jobseekers/new" className="button button-primary">
            {t('jobseekers.create')}
          </Link>
        ) : null}
      </div>
      <form role="search" aria-label={t('jobseekers.searchLabel')} onSubmit={applySearch} className="app-filters" noValidate>
        <TextField id="q" type="search" label={t('jobseekers.search')} hint={t('jobseekers.searchHint')} value={query} onChange={setQuery} autoComplete="off" />
        <SelectField
          id="municipality"
          label={t('jobseeker.fields.municipality')}
          value={municipality}
          onChange={setMunicipality}
          emptyLabel={t('jobseekers.allMunicipalities')}
          options={(municipalities.data ?? []).map((m) => ({ value: String(m.code), label: m.name }))}
        />
        <SelectField
          id="sort"
          label={t('list.sortBy')}
          value={sortChoice}
          onChange={setSortChoice}
          options={JOBSEEKER_SORTS.map((s) => ({ value: s, label: t(`jobseekers.sort.${s}`) }))}
        />
        <div className="app-filter-submit">
          <button type="submit" className="button button-primary">
            {t('jobseekers.searchButton')}
          </button>
        </div>
      </form>
      {result.error ? <ErrorAlert error={result.error} /> : null}
      <p role="status" className="app-result-count">
        {data ? t('jobseekers.count', { count: data.total }) : t('common.loading')}
      </p>
      {data && data.items.length > 0 ? (
        <table className="table table--zebra table--responsive-headers app-table">
          <caption className="sr-only">{t('jobseekers.tableCaption')}</caption>
          <thead>
            <tr>
              <SortHeader column="name" label={t('jobseeker.fields.name')} sort={sort} onSort={changeSort} />
              <th scope="col">{t('jobseeker.fields.cpr')}</th>
              <SortHeader column="birthDate" label={t('jobseeker.fields.birthDate')} sort={sort} onSort={changeSort} />
              <SortHeader column="municipality" label={t('jobseeker.fields.municipality')} sort={sort} onSort={changeSort} />
              <SortHeader column="created" label={t('jobseeker.fields.createdAt')} sort={sort} onSort={changeSort} />
            </tr>
          </thead>
          <tbody>
            {data.items.map((j) => (
              <tr key={j.id}>
                <td data-title={t('jobseeker.fields.name')}>
                  <Link to="/jobseekers/$id" params={{ id: j.id }}>
                    {j.firstName} {j.lastName}
                  </Link>
                </td>
                <td data-title={t('jobseeker.fields.cpr')}>{j.cprMasked}</td>
                <td data-title={t('jobseeker.fields.birthDate')}>{formatDate(j.birthDate)}</td>
                <td data-title={t('jobseeker.fields.municipality')}>{j.municipality?.name ?? ''}</td>
                <td data-title={t('jobseeker.fields.createdAt')}>{formatInstantDate(j.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data ? <Pagination label={t('jobseekers.paging')} page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })} /> : null}
    </>
  );
}
