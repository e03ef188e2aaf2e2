import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { isApiError } from '../api/client';
import {
  attachmentUrl,
  JOBLOG_KINDS,
  JOBLOG_STATUSES,
  readFileAsBase64,
  useAttachApplication,
  useDeleteJoblogEntry,
  useJoblogEntries,
  useJoblogOverview,
  useSaveJoblogEntry,
  type JoblogBase,
  type JoblogEntry,
  type JoblogEntryInput,
  type JoblogHit,
  type JoblogMonth,
  type JoblogOverview,
  type JoblogSort,
} from '../api/joblog';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField, TextAreaField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { Pagination } from '../components/pagination';
import { SortHeader } from '../components/sort-header';
import { copenhagenToday, formatDate, formatNumber } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';
import { formatMonth } from '../results/format-value';

const PAGE_SIZE = 10;
const ATTACHMENT_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword', 'application/vnd.oasis.opendocument.text', 'text/plain'];
const MAX_BYTES = 5 * 1024 * 1024;

function useNumber() {
  const { i18n } = useTranslation();
  return (n: number) => formatNumber(n, i18n.language);
}

/**
 * The joblog of one jobseeker: what the monitoring rules see (in words), the monthly trend
 * against STAR's benchmark and the requirement (chart + table), and the entries. Staff use it
 * on the case page; the portal uses it for the jobseeker's own joblog (another `base`).
 */
export function JoblogPanel({ base, writable, audience }: { base: JoblogBase; writable: boolean; audience: 'staff' | 'jobseeker' }) {
  const overview = useJoblogOverview(base);
  return (
    <>
      {overview.error ? <ErrorAlert error={overview.error} /> : null}
      {overview.data ? (
        <>
          <JoblogHits overview={overview.data} audience={audience} />
          <JoblogTrend overview={overview.data} />
        </>
      ) : overview.isPending ? (
        <Loading />
      ) : null}
      <JoblogEntries base={base} writable={writable} />
    </>
  );
}

function HitText({ hit, overview, audience }: { hit: JoblogHit; overview: JoblogOverview; audience: 'staff' | 'jobseeker' }) {
  const { t, i18n } = useTranslation();
  const number = useNumber();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const p = hit.params;
  const key = audience === 'staff' ? 'joblog.hits' : 'joblog.hitsOwn';
  switch (hit.rule) {
    case 'benchmark_red':
      return <>{t(`${key}.benchmark_red`, { month: formatMonth(String(p.month), lang) })}</>;
    case 'below_requirement':
      return <>{t(`${key}.below_requirement`, { month: formatMonth(String(p.month), lang), perWeek: number(Number(p.perWeek)), requirement: number(Number(p.requirement)) })}</>;
    case 'no_activity':
      return <>{t(`${key}.no_activity`, { since: formatDate(String(p.since)), days: p.days })}</>;
    case 'no_interviews':
      return <>{t(`${key}.no_interviews`, { applications: p.applications, days: overview.rules.noInterviewsWindowDays })}</>;
    default:
      return hit.rule satisfies never;
  }
}

function JoblogHits({ overview, audience }: { overview: JoblogOverview; audience: 'staff' | 'jobseeker' }) {
  const { t } = useTranslation();
  const number = useNumber();
  return (
    <section aria-labelledby="joblog-hits-heading">
      <h2 id="joblog-hits-heading">{t(audience === 'staff' ? 'joblog.hitsTitle' : 'joblog.hitsTitleOwn')}</h2>
      <p>
        {overview.requirementPerWeek === null
          ? t('joblog.noRequirement', { green: number(overview.rules.greenPerWeek) })
          : t(`joblog.requirement.${overview.requirementSource ?? 'organisation'}`, { perWeek: number(overview.requirementPerWeek), green: number(overview.rules.greenPerWeek) })}
      </p>
      {overview.hits.length === 0 ? (
        <p data-testid="joblog-no-hits">{t(audience === 'staff' ? 'joblog.noHits' : 'joblog.noHitsOwn')}</p>
      ) : (
        <ul data-testid="joblog-hits">
          {overview.hits.map((hit) => (
            <li key={hit.rule} data-rule={hit.rule}>
              <HitText hit={hit} overview={overview} audience={audience} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BenchmarkLight({ month }: { month: JoblogMonth }) {
  const { t } = useTranslation();
  const icon = { green: '✓', light_green: '~', red: '!' }[month.benchmark];
  return (
    <span className={`app-light app-light--bench-${month.benchmark}`}>
      <span className="app-light-icon" aria-hidden="true">
        {icon}
      </span>
      {t(`joblog.benchmark.${month.benchmark}`)}
    </span>
  );
}

function JoblogTrend({ overview }: { overview: JoblogOverview }) {
  const { t, i18n } = useTranslation();
  const number = useNumber();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  if (overview.months.length === 0) return null;
  const points = overview.months.map((m) => ({ month: formatMonth(m.month, lang), perWeek: m.perWeek }));
  const top = Math.max(3, overview.rules.greenPerWeek, overview.requirementPerWeek ?? 0, ...overview.months.map((m) => m.perWeek)) + 0.5;
  return (
    <section aria-labelledby="joblog-trend-heading" className="app-section">
      <h2 id="joblog-trend-heading">{t('joblog.trendTitle')}</h2>
      <figure className="app-figure">
        <figcaption>{t('joblog.trendCaption', { green: number(overview.rules.greenPerWeek) })}</figcaption>
        <div className="app-chart app-chart--clip" aria-hidden="true">
          <ResponsiveContainer width="100%" height={220}>
            <ComposedChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              <YAxis domain={[0, Math.ceil(top)]} allowDecimals />
              <Legend verticalAlign="top" />
              <Bar dataKey="perWeek" name={t('joblog.perWeek')} fill="#0059b3" isAnimationActive={false} />
              <ReferenceLine y={overview.rules.greenPerWeek} stroke="#2b7a0b" strokeDasharray="6 4" label={{ value: t('joblog.benchmarkLine'), position: 'insideTopLeft', fontSize: 12 }} />
              {overview.requirementPerWeek !== null ? (
                <ReferenceLine y={overview.requirementPerWeek} stroke="#b35900" strokeDasharray="2 2" label={{ value: t('joblog.requirementLine'), position: 'insideTopRight', fontSize: 12 }} />
              ) : null}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <div className="app-table-scroll" role="region" aria-label={t('joblog.trendTable')} tabIndex={0}>
          <table className="table table--compact app-table" data-testid="joblog-trend-table">
            <caption className="sr-only">{t('joblog.trendTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('joblog.month')}</th>
                <th scope="col">{t('joblog.searches')}</th>
                <th scope="col">{t('joblog.perWeek')}</th>
                <th scope="col">{t('joblog.benchmarkColumn')}</th>
                <th scope="col">{t('joblog.requirementColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">
                    {formatMonth(m.month, lang)}
                    {m.provisional ? <span className="app-note"> {t('joblog.provisional')}</span> : null}
                  </th>
                  <td>{m.searches}</td>
                  <td>{number(m.perWeek)}</td>
                  <td>
                    <BenchmarkLight month={m} />
                  </td>
                  <td>{m.meetsRequirement === null ? t('joblog.noRequirementShort') : m.meetsRequirement ? t('joblog.met') : t('joblog.notMet')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
    </section>
  );
}

function JoblogEntries({ base, writable }: { base: JoblogBase; writable: boolean }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<JoblogSort>('-date');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<JoblogEntry | 'new' | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const entries = useJoblogEntries(base, { page, pageSize: PAGE_SIZE, sort });
  const items = entries.data?.items ?? [];
  const close = () => {
    setEditing(null);
    openerRef.current?.focus();
  };
  const open = (what: JoblogEntry | 'new', opener: HTMLElement) => {
    openerRef.current = opener;
    setEditing(what);
  };
  return (
    <section aria-labelledby="joblog-entries-heading" className="app-section">
      <div className="app-title-row">
        <h2 id="joblog-entries-heading">{t('joblog.entriesTitle')}</h2>
        {writable && editing !== 'new' ? (
          <button type="button" className="button button-primary" onClick={(e) => open('new', e.currentTarget)} data-testid="joblog-add">
            {t('joblog.add')}
          </button>
        ) : null}
      </div>
      {editing === 'new' ? <EntryForm base={base} entry={null} onDone={close} /> : null}
      <p role="status" className="app-result-count">
        {entries.data ? t('joblog.count', { count: entries.data.total }) : ''}
      </p>
      {entries.error ? <ErrorAlert error={entries.error} /> : null}
      {items.length > 0 ? (
        <div className="app-table-scroll" role="region" aria-label={t('joblog.entriesTitle')} tabIndex={0}>
          <table className="table table--compact app-table" data-testid="joblog-entries" aria-busy={entries.isFetching}>
            <caption className="sr-only">{t('joblog.entriesTitle')}</caption>
            <thead>
              <tr>
                <SortHeader column="date" label={t('joblog.fields.date')} sort={sort} onSort={(s) => (setSort(s), setPage(1))} />
                <SortHeader column="employer" label={t('joblog.fields.employer')} sort={sort} onSort={(s) => (setSort(s), setPage(1))} />
                <th scope="col">{t('joblog.fields.jobTitle')}</th>
                <SortHeader column="kind" label={t('joblog.fields.kind')} sort={sort} onSort={(s) => (setSort(s), setPage(1))} />
                <SortHeader column="status" label={t('joblog.fields.status')} sort={sort} onSort={(s) => (setSort(s), setPage(1))} />
                <th scope="col">{t('joblog.fields.application')}</th>
                {writable ? (
                  <th scope="col">
                    <span className="sr-only">{t('joblog.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="app-nowrap">{formatDate(e.date)}</td>
                  <td>{e.employer}</td>
                  <td>
                    {e.jobTitle}
                    {e.source ? <span className="app-note"> ({e.source})</span> : null}
                  </td>
                  <td>{t(`joblog.kinds.${e.kind}`)}</td>
                  <td>{t(`joblog.statuses.${e.status}`)}</td>
                  <td>
                    {e.attachment ? (
                      <a href={attachmentUrl(base, e.id)} download>
                        {t('joblog.download')}
                        <span className="sr-only"> {e.attachment.fileName}</span>
                      </a>
                    ) : (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="sr-only">{t('joblog.noAttachment')}</span>
                      </>
                    )}
                  </td>
                  {writable ? (
                    <td>
                      <button type="button" className="button button-secondary" onClick={(ev) => open(e, ev.currentTarget)}>
                        {t('joblog.edit')}
                        <span className="sr-only">
                          {' '}
                          {e.employer}, {formatDate(e.date)}
                        </span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing && editing !== 'new' ? <EntryForm key={editing.id} base={base} entry={editing} onDone={close} /> : null}
      {entries.data ? <Pagination page={page} pageSize={PAGE_SIZE} total={entries.data.total} onPage={setPage} label={t('joblog.pagination')} /> : null}
    </section>
  );
}

type Values = { date: string; employer: string; jobTitle: string; kind: string; source: string; status: string; note: string };

function EntryForm({ base, entry, onDone }: { base: JoblogBase; entry: JoblogEntry | null; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const headingId = `${id}-heading`;
  const save = useSaveJoblogEntry(base);
  const attach = useAttachApplication(base);
  const remove = useDeleteJoblogEntry(base);
  const announce = useAnnounce();
  const [values, setValues] = useState<Values>(() => ({
    date: entry?.date ?? copenhagenToday(),
    employer: entry?.employer ?? '',
    jobTitle: entry?.jobTitle ?? '',
    kind: entry?.kind ?? 'advertised',
    source: entry?.source ?? '',
    status: entry?.status ?? 'sent',
    note: entry?.note ?? '',
  }));
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const errors = { ...fieldErrors(save.error), ...fieldErrors(attach.error) };
  const conflict = isApiError(save.error) && save.error.code === 'version_conflict';
  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const busy = save.isPending || attach.isPending || remove.isPending;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (file && (!ATTACHMENT_TYPES.includes(file.type) || file.size > MAX_BYTES)) {
      setFileError(t('joblog.errors.file'));
      return;
    }
    setFileError(null);
    const input: JoblogEntryInput = {
      date: values.date,
      employer: values.employer,
      jobTitle: values.jobTitle,
      kind: values.kind as JoblogEntryInput['kind'],
      source: values.source.trim() || null,
      status: values.status as JoblogEntryInput['status'],
      note: values.note.trim() || null,
    };
    try {
      const saved = await save.mutateAsync({ id: entry?.id, version: entry?.version, input });
      if (file) await attach.mutateAsync({ id: saved.id, file: { fileName: file.name, contentType: file.type, contentBase64: await readFileAsBase64(file) } });
      announce(t(entry ? 'joblog.updated' : 'joblog.added'));
      onDone();
    } catch {
      // The errors are shown beside the fields; the typed values stay.
    }
  }

  async function del() {
    if (!entry) return;
    try {
      await remove.mutateAsync({ id: entry.id, version: entry.version });
      announce(t('joblog.deleted'));
      onDone();
    } catch {
      // shown below
    }
  }

  return (
    <div className="app-action-panel" role="region" aria-labelledby={headingId}>
      <h3 id={headingId} className="h4" tabIndex={-1} ref={headingRef}>
        {entry ? t('joblog.editTitle', { employer: entry.employer }) : t('joblog.addTitle')}
      </h3>
      <form noValidate onSubmit={(e) => void submit(e)} data-testid="joblog-form">
        <TextField id={`${id}-date`} label={t('joblog.fields.date')} type="date" value={values.date} onChange={set('date')} error={errors.date} required max={copenhagenToday()} />
        <TextField id={`${id}-employer`} label={t('joblog.fields.employer')} value={values.employer} onChange={set('employer')} error={errors.employer} required maxLength={200} autoComplete="organization" />
        <TextField id={`${id}-jobTitle`} label={t('joblog.fields.jobTitle')} value={values.jobTitle} onChange={set('jobTitle')} error={errors.jobTitle} required maxLength={200} hint={t('joblog.jobTitleHint')} />
        <SelectField id={`${id}-kind`} label={t('joblog.fields.kind')} value={values.kind} onChange={set('kind')} options={JOBLOG_KINDS.map((k) => ({ value: k, label: t(`joblog.kinds.${k}`) }))} error={errors.kind} required />
        <TextField id={`${id}-source`} label={t('joblog.fields.source')} value={values.source} onChange={set('source')} error={errors.source} maxLength={200} hint={t('joblog.sourceHint')} />
        <SelectField id={`${id}-status`} label={t('joblog.fields.status')} value={values.status} onChange={set('status')} options={JOBLOG_STATUSES.map((s) => ({ value: s, label: t(`joblog.statuses.${s}`) }))} error={errors.status} required />
        <TextAreaField id={`${id}-note`} label={t('joblog.fields.note')} value={values.note} onChange={set('note')} error={errors.note} rows={2} maxLength={2000} />
        <div className={fileError || errors.contentBase64 || errors.contentType ? 'form-group form-error' : 'form-group'}>
          <label className="form-label" htmlFor={`${id}-file`}>
            {t('joblog.fields.application')}
          </label>
          <span className="form-hint" id={`${id}-file-hint`}>
            {entry?.attachment ? t('joblog.fileReplaceHint', { name: entry.attachment.fileName }) : t('joblog.fileHint')}
          </span>
          {fileError || errors.contentBase64 || errors.contentType ? (
            <span className="form-error-message" id={`${id}-file-error`}>
              {fileError ?? errors.contentBase64 ?? errors.contentType}
            </span>
          ) : null}
          <input
            id={`${id}-file`}
            type="file"
            className="form-input"
            accept=".pdf,.doc,.docx,.odt,.txt"
            aria-describedby={fileError || errors.contentBase64 || errors.contentType ? `${id}-file-error ${id}-file-hint` : `${id}-file-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {save.error && !conflict && Object.keys(fieldErrors(save.error)).length === 0 ? <ErrorAlert error={save.error} /> : null}
        {conflict ? <ErrorAlert error={save.error} /> : null}
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        <div className="app-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {entry ? t('joblog.saveChanges') : t('joblog.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
          {entry ? (
            <button type="button" className="button button-tertiary" onClick={() => void del()} disabled={busy}>
              {t('joblog.delete')}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
