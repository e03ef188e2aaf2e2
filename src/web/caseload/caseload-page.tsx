import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { useCaseload, useReassign, type CaseloadSort } from '../api/caseload';
import { useOrganisation } from '../api/organisation';
import { TRAFFIC_LIGHTS, type CaseloadItem, type TrafficLight } from '../api/spell-types';
import { useCadenceTemplates } from '../api/templates';
import { TrafficLightBadge } from '../case/badges';
import { targetGroupsFor } from '../case/reference-codes';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { Checkbox, SelectField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';
import { Pagination } from '../components/pagination';
import { SortHeader } from '../components/sort-header';
import { formatDate, formatDateTime, formatWindow } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';
import { TaskList } from './task-list';

const route = getRouteApi('/authenticated/caseload');
const PAGE_SIZE = 25;
/** Special values of the caseworker filter besides a staff member's id. */
const MINE = 'mine';
const ALL = 'all';
const NONE = 'none';

/** The filter's choice as the API's scope or caseworker. */
function whose(choice: string): { scope?: 'mine' | 'organisation'; caseworkerId?: string } {
  if (choice === MINE) return { scope: 'mine' };
  if (choice === ALL) return { scope: 'organisation' };
  return { caseworkerId: choice };
}

export function CaseloadPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const organisation = useOrganisation();
  const cadences = useCadenceTemplates();
  const isManager = can(me, 'spell.assign');
  // A caseworker starts on their own spells, a manager on everyone's.
  const defaultChoice = isManager ? ALL : MINE;
  const caseworkerChoice = search.caseworker ?? defaultChoice;
  const sort: CaseloadSort = search.sort ?? 'light';
  const page = search.page ?? 1;
  const [filters, setFilters] = useState({ caseworker: caseworkerChoice, unitId: search.unitId ?? '', segment: search.segment ?? '', targetGroup: search.targetGroup ?? '', light: search.light ?? '' });
  const caseload = useCaseload({
    ...whose(caseworkerChoice),
    unitId: search.unitId,
    segment: search.segment,
    targetGroup: search.targetGroup,
    light: search.light,
    sort,
    page,
    pageSize: PAGE_SIZE,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const staff = (organisation.data?.staff ?? []).filter((s) => s.active && (s.role === 'caseworker' || s.role === 'manager'));
  const segments = [...new Map((cadences.data ?? []).filter((c) => c.active && c.segment).map((c) => [c.segment!, c.name])).entries()];
  const set = (key: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setSelected(new Set());
    void navigate({
      search: {
        caseworker: filters.caseworker === defaultChoice ? undefined : filters.caseworker,
        unitId: filters.unitId || undefined,
        segment: filters.segment || undefined,
        targetGroup: filters.targetGroup || undefined,
        light: (filters.light || undefined) as TrafficLight | undefined,
        sort: search.sort,
        page: undefined,
      },
    });
  }

  const data = caseload.data;
  const title = t('caseload.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <div className="app-caseload-layout">
        <div className="app-caseload-main">
          <form role="search" aria-label={t('caseload.filterLabel')} onSubmit={apply} className="app-filters" noValidate>
            <SelectField
              id="filter-caseworker"
              label={t('caseload.caseworker')}
              value={filters.caseworker}
              onChange={set('caseworker')}
              options={[
                { value: MINE, label: t('caseload.mine') },
                { value: ALL, label: t('caseload.allCaseworkers') },
                { value: NONE, label: t('caseload.noCaseworker') },
                ...staff.filter((s) => s.id !== me?.id).map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
            <SelectField id="filter-unit" label={t('caseload.unit')} value={filters.unitId} onChange={set('unitId')} emptyLabel={t('caseload.allUnits')} options={(organisation.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            <SelectField id="filter-segment" label={t('caseload.segment')} value={filters.segment} onChange={set('segment')} emptyLabel={t('caseload.allSegments')} options={segments.map(([segment, name]) => ({ value: segment, label: name }))} />
            <SelectField
              id="filter-target-group"
              label={t('caseload.targetGroup')}
              value={filters.targetGroup}
              onChange={set('targetGroup')}
              emptyLabel={t('caseload.allTargetGroups')}
              options={targetGroupsFor(me?.organisationKind ?? 'akasse').map((g) => ({ value: g, label: t(`targetGroups.${g}`) }))}
            />
            <SelectField id="filter-light" label={t('caseload.light')} value={filters.light} onChange={set('light')} emptyLabel={t('caseload.allLights')} options={TRAFFIC_LIGHTS.map((l) => ({ value: l, label: t(`caseload.lights.${l}`) }))} />
            <div className="app-filter-submit">
              <button type="submit" className="button button-primary">
                {t('caseload.apply')}
              </button>
            </div>
          </form>
          {caseload.error ? <ErrorAlert error={caseload.error} /> : null}
          <p role="status" className="app-result-count">
            {data ? t('caseload.count', { count: data.total }) : caseload.error ? '' : t('common.loading')}
          </p>
          {data && data.items.length > 0 ? (
            <div className="app-table-scroll">
              <table className="table table--zebra table--responsive-headers app-table app-caseload-table">
                <caption className="sr-only">{t('caseload.tableCaption')}</caption>
                <thead>
                  <tr>
                    {isManager ? (
                      <th scope="col">
                        <span className="sr-only">{t('caseload.select')}</span>
                      </th>
                    ) : null}
                    <SortHeader column="light" oneWay label={t('caseload.status')} sort={sort} onSort={(next) => void navigate({ search: (prev) => ({ ...prev, sort: next, page: undefined }) })} />
                    <SortHeader column="name" label={t('caseload.jobseeker')} sort={sort} onSort={(next) => void navigate({ search: (prev) => ({ ...prev, sort: next, page: undefined }) })} />
                    <th scope="col">{t('caseload.next')}</th>
                    <th scope="col">{t('caseload.segment')}</th>
                    <th scope="col">{t('caseload.caseworker')}</th>
                    <SortHeader column="startDate" label={t('caseload.startDate')} sort={sort} onSort={(next) => void navigate({ search: (prev) => ({ ...prev, sort: next, page: undefined }) })} />
                    <th scope="col" className="app-num">
                      {t('caseload.tasks')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <CaseloadRow
                      key={item.spellId}
                      item={item}
                      selectable={isManager}
                      selected={selected.has(item.spellId)}
                      onSelect={(on) =>
                        setSelected((prev) => {
                          const next = new Set(prev);
                          if (on) next.add(item.spellId);
                          else next.delete(item.spellId);
                          return next;
                        })
                      }
                      segmentName={segments.find(([s]) => s === item.segment)?.[1] ?? item.segment ?? t('spell.noSegment')}
                      caseworkerName={item.caseworker?.name ?? t('caseload.noCaseworker')}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {data ? <Pagination label={t('caseload.paging')} page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })} /> : null}
          {isManager && data && data.items.length > 0 ? <ReassignForm selected={[...selected]} staff={staff} onDone={() => setSelected(new Set())} /> : null}
        </div>
        <TaskList />
      </div>
    </>
  );
}

type RowProps = { item: CaseloadItem; selectable: boolean; selected: boolean; onSelect: (on: boolean) => void; segmentName: string; caseworkerName: string };

function CaseloadRow({ item, selectable, selected, onSelect, segmentName, caseworkerName }: RowProps) {
  const { t } = useTranslation();
  const next = item.nextConversation;
  const name = `${item.jobseeker.firstName} ${item.jobseeker.lastName}`;
  return (
    <tr data-light={item.light}>
      {selectable ? (
        <td data-title={t('caseload.select')}>
          <Checkbox id={`select-${item.spellId}`} label={t('caseload.selectNamed', { name })} checked={selected} onChange={onSelect} className="app-checkbox-sr" />
        </td>
      ) : null}
      <td data-title={t('caseload.status')}>
        <TrafficLightBadge light={item.light} />
      </td>
      <td data-title={t('caseload.jobseeker')}>
        <Link to="/spells/$id" params={{ id: item.spellId }}>
          {name}
        </Link>
      </td>
      <td data-title={t('caseload.next')}>
        {next ? (
          <>
            {next.label}
            <br />
            <span className="app-muted">{next.status === 'booked' && next.scheduledAt ? t('caseload.bookedAt', { at: formatDateTime(next.scheduledAt) }) : t('caseload.window', { window: formatWindow(next.earliest, next.latest) })}</span>
          </>
        ) : (
          t('caseload.noNext')
        )}
      </td>
      <td data-title={t('caseload.segment')}>{segmentName}</td>
      <td data-title={t('caseload.caseworker')}>{caseworkerName}</td>
      <td data-title={t('caseload.startDate')}>{formatDate(item.startDate)}</td>
      <td data-title={t('caseload.tasks')} className="app-num">
        {item.openTaskCount}
      </td>
    </tr>
  );
}

function ReassignForm({ selected, staff, onDone }: { selected: string[]; staff: { id: string; name: string }[]; onDone: () => void }) {
  const { t } = useTranslation();
  const reassign = useReassign();
  const announce = useAnnounce();
  const [caseworkerId, setCaseworkerId] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (selected.length === 0) {
      setLocalError(t('caseload.reassign.noneSelected'));
      return;
    }
    setLocalError(undefined);
    reassign.mutate(
      { spellIds: selected, caseworkerId },
      {
        onSuccess: () => {
          announce(t('caseload.reassign.done', { count: selected.length, name: staff.find((s) => s.id === caseworkerId)?.name ?? '' }));
          onDone();
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="app-form app-reassign no-print" aria-labelledby="reassign-heading">
      <h2 id="reassign-heading" className="h3">
        {t('caseload.reassign.title')}
      </h2>
      <p>{t('caseload.reassign.selected', { count: selected.length })}</p>
      {reassign.error ? <ErrorAlert error={reassign.error} knownFields={['caseworkerId']} /> : null}
      <div className="app-filters">
        <SelectField
          id="reassign-to"
          label={t('caseload.reassign.to')}
          value={caseworkerId}
          onChange={setCaseworkerId}
          emptyLabel={t('caseload.reassign.choose')}
          error={localError ?? fieldErrors(reassign.error).caseworkerId ?? fieldErrors(reassign.error).spellIds}
          required
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
        />
        <div className="app-filter-submit">
          <button type="submit" className="button button-secondary" disabled={reassign.isPending}>
            {t('caseload.reassign.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}

