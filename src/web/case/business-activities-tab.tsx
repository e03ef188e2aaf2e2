import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useDeferredValue, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { can, useMe } from '../api/auth';
import { useEmployers } from '../api/brokering';
import { BUSINESS_ACTIVITY_KINDS, businessActivitiesKey, useBusinessActivities, useCreateBusinessActivity, useEndBusinessActivity, type BusinessActivity } from '../api/business-activities';
import { isApiError } from '../api/client';
import type { SpellDetail } from '../api/spell-types';
import { ActionPanel } from '../components/action-panel';
import { FormButtons } from '../components/form-buttons';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { RadioGroup, SelectField, TextAreaField, TextField, type SelectOption } from '../components/form-field';
import { Loading } from '../components/loading';
import { copenhagenToday, formatDate } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

type Open = { form: 'new' } | { form: 'end'; activityId: string } | null;

const HEADING_ID = 'activities-heading';
const NEW_BUTTON_ID = 'activity-new';
const endButtonId = (activityId: string) => `activity-end-${activityId}`;

/**
 * The case page's "Virksomhedsrettede tilbud": work trials and wage subsidies on the spell,
 * registered here or by a hire on a job order. Forms open inline, as elsewhere on the case page.
 */
export function BusinessActivitiesTab({ spell }: { spell: SpellDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const writable = can(me, 'business_activity.write');
  const list = useBusinessActivities(spell.id);
  const [open, setOpen] = useState<Open>(null);

  function close(returnTo: string) {
    setOpen(null);
    window.setTimeout(() => document.getElementById(returnTo)?.focus(), 0);
  }

  return (
    <section aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} tabIndex={-1}>
        {t('businessActivity.title')}
      </h2>
      <p className="app-note app-narrow">{t('businessActivity.intro')}</p>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data?.length === 0 ? <p>{t('businessActivity.none')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <ol className="app-timeline" aria-label={t('businessActivity.listLabel')} data-testid="business-activities">
          {list.data.map((a) => (
            <li key={a.id} className={`app-timeline-item app-timeline-item--${a.endDate && a.endDate < copenhagenToday() ? 'held' : 'booked'}`}>
              <ActivitySummary activity={a} />
              {writable ? (
                <div className="app-actions app-actions--compact no-print">
                  <button
                    id={endButtonId(a.id)}
                    type="button"
                    className="button button-secondary"
                    aria-expanded={open?.form === 'end' && open.activityId === a.id}
                    onClick={() => setOpen(open?.form === 'end' && open.activityId === a.id ? null : { form: 'end', activityId: a.id })}
                  >
                    {a.endDate ? t('businessActivity.changeEnd') : t('businessActivity.end')}
                    <span className="sr-only">
                      {': '}
                      {activityName(t, a)}
                    </span>
                  </button>
                </div>
              ) : null}
              {open?.form === 'end' && open.activityId === a.id ? (
                <ActionPanel id={`end-${a.id}`} title={t('businessActivity.endTitle', { name: activityName(t, a) })}>
                  <EndForm spellId={spell.id} activity={a} onClose={(done) => close(done ? HEADING_ID : endButtonId(a.id))} />
                </ActionPanel>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {writable ? (
        <>
          <div className="app-actions no-print">
            <button id={NEW_BUTTON_ID} type="button" className="button button-primary" aria-expanded={open?.form === 'new'} onClick={() => setOpen(open?.form === 'new' ? null : { form: 'new' })}>
              {t('businessActivity.register')}
            </button>
          </div>
          {open?.form === 'new' ? (
            <ActionPanel id="new-activity" title={t('businessActivity.newTitle')}>
              <NewActivityForm spellId={spell.id} onClose={(done) => close(done ? HEADING_ID : NEW_BUTTON_ID)} />
            </ActionPanel>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function activityName(t: TFunction, a: BusinessActivity): string {
  const kind = t(`businessActivity.kinds.${a.kind}`);
  return a.employerName ? t('businessActivity.kindAt', { kind, employer: a.employerName }) : kind;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ActivitySummary({ activity: a }: { activity: BusinessActivity }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="h4 app-timeline-title">{t(`businessActivity.kinds.${a.kind}`)}</h3>
      <dl className="app-facts app-facts--small">
        <Fact label={t('businessActivity.fields.employer')}>{a.employerName ?? t('common.notStated')}</Fact>
        <Fact label={t('businessActivity.fields.agreedOn')}>{formatDate(a.agreedOn)}</Fact>
        <Fact label={t('businessActivity.fields.startDate')}>{formatDate(a.startDate)}</Fact>
        <Fact label={t('businessActivity.fields.endDate')}>{a.endDate ? formatDate(a.endDate) : t('businessActivity.noEnd')}</Fact>
        {a.jobOrder ? (
          <Fact label={t('businessActivity.fromHire')}>
            <Link to="/job-orders/$id" params={{ id: a.jobOrder.id }}>
              {a.jobOrder.title}
            </Link>
          </Fact>
        ) : null}
      </dl>
      {a.note ? (
        <>
          <h4 className="h5">{t('businessActivity.fields.note')}</h4>
          <p className="app-prewrap">{a.note}</p>
        </>
      ) : null}
    </>
  );
}

const NEW_FIELDS = ['kind', 'employerId', 'agreedOn', 'startDate', 'endDate', 'note'];

function NewActivityForm({ spellId, onClose }: { spellId: string; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const create = useCreateBusinessActivity(spellId);
  const [kind, setKind] = useState('');
  const [employer, setEmployer] = useState<SelectOption | null>(null);
  const [agreedOn, setAgreedOn] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [note, setNote] = useState('');
  const errors = fieldErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { kind, employerId: employer?.value ?? null, ...(agreedOn ? { agreedOn } : {}), startDate, endDate: endDate || null, note: note.trim() || null },
      {
        onSuccess: (saved) => {
          announce(t('businessActivity.registered', { name: activityName(t, saved) }));
          onClose(true);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <ErrorAlert error={create.error} knownFields={NEW_FIELDS} />
      <RadioGroup id="activity-kind" legend={t('businessActivity.fields.kind')} value={kind} onChange={setKind} error={errors.kind} required options={BUSINESS_ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`businessActivity.kinds.${k}`) }))} />
      <EmployerPicker id="activity-employer" value={employer} onChange={setEmployer} error={errors.employerId} />
      <TextField id="activity-agreedOn" type="date" label={t('businessActivity.fields.agreedOn')} hint={t('businessActivity.fields.agreedOnHint')} value={agreedOn} onChange={setAgreedOn} error={errors.agreedOn} className="input-width-s" />
      <TextField id="activity-startDate" type="date" label={t('businessActivity.fields.startDate')} value={startDate} onChange={setStartDate} error={errors.startDate} required className="input-width-s" />
      <TextField id="activity-endDate" type="date" label={t('businessActivity.fields.endDate')} hint={t('businessActivity.fields.endDateHint')} value={endDate} onChange={setEndDate} error={errors.endDate} className="input-width-s" />
      <TextAreaField id="activity-note" label={t('businessActivity.fields.note')} value={note} onChange={setNote} error={errors.note} rows={3} maxLength={2000} />
      <FormButtons pending={create.isPending} submitLabel={t('businessActivity.submitRegister')} onCancel={() => onClose(false)} />
    </form>
  );
}

/**
 * Search the organisation's employers, then choose one of the matches. The chosen one stays
 * choosable while another search runs, so a new search never drops it silently.
 */
function EmployerPicker({ id, value, onChange, error }: { id: string; value: SelectOption | null; onChange: (value: SelectOption | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useDeferredValue(q.trim());
  const employers = useEmployers({ q: search || undefined, page: 1 });
  const options: SelectOption[] = (employers.data?.items ?? []).map((e) => ({ value: e.id, label: e.city ? `${e.name}, ${e.city}` : e.name }));
  if (value && !options.some((o) => o.value === value.value)) options.unshift(value);
  const total = employers.data?.total;
  const shown = employers.data?.items.length ?? 0;
  return (
    <fieldset className="app-employer-picker">
      <legend className="form-label">{t('businessActivity.fields.employer')}</legend>
      <TextField id={`${id}-search`} type="search" label={t('businessActivity.fields.employerSearch')} hint={t('businessActivity.fields.employerSearchHint')} value={q} onChange={setQ} />
      <p className="form-hint" role="status">
        {total === undefined ? '' : t('businessActivity.employerMatches', { count: total })}
        {total !== undefined && shown < total ? ` ${t('businessActivity.employerFirst', { shown })}` : ''}
      </p>
      <SelectField id={id} label={t('businessActivity.fields.employerChoice')} value={value?.value ?? ''} onChange={(chosen) => onChange(options.find((o) => o.value === chosen) ?? null)} options={options} error={error} emptyLabel={t('businessActivity.noEmployer')} />
    </fieldset>
  );
}

function EndForm({ spellId, activity: a, onClose }: { spellId: string; activity: BusinessActivity; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const end = useEndBusinessActivity(spellId, a.id);
  const today = copenhagenToday();
  const [endDate, setEndDate] = useState(a.endDate ?? (today < a.startDate ? a.startDate : today));
  const conflict = isApiError(end.error) && end.error.code === 'version_conflict';

  function submit(event: FormEvent) {
    event.preventDefault();
    // The version shown now: after fetching the newest, the same date can be sent again.
    end.mutate(
      { version: a.version, endDate },
      {
        onSuccess: (saved) => {
          announce(t('businessActivity.ended', { name: activityName(t, saved), date: formatDate(saved.endDate) }));
          onClose(true);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <ErrorAlert error={end.error} knownFields={['endDate', 'version']} />
      {conflict ? (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-text">{t('businessActivity.conflict.explain')}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void queryClient.invalidateQueries({ queryKey: businessActivitiesKey(spellId) }).then(() => announce(t('businessActivity.conflict.reloaded')))}
            >
              {t('businessActivity.conflict.reload')}
            </button>
          </div>
        </div>
      ) : null}
      <p className="app-narrow">{t('businessActivity.endExplain', { date: formatDate(a.startDate) })}</p>
      <TextField id={`end-${a.id}-date`} type="date" label={t('businessActivity.fields.lastDay')} value={endDate} onChange={setEndDate} error={fieldErrors(end.error).endDate} required className="input-width-s" />
      <FormButtons pending={end.isPending} submitLabel={t('businessActivity.submitEnd')} onCancel={() => onClose(false)} />
    </form>
  );
}
