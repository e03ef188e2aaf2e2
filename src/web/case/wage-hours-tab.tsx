import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { can, useMe } from '../api/auth';
import type { SpellDetail } from '../api/spell-types';
import { isStaleWrite, useRemoveWageHours, useSetWageHours, useWageHours, WAGE_HOURS_SOURCES, type WageHoursMonth, type WageHoursSource } from '../api/wage-hours';
import { ActionPanel } from '../components/action-panel';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { FormButtons } from '../components/form-buttons';
import { RadioGroup, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { copenhagenToday, formatInstantDate, formatMonthName, formatNumber, parseDecimal } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';
import { defaultWageHoursMonth, newestFirst } from './wage-hours-month';

type RowAction = 'correct' | 'remove';
type Open = { form: 'new' } | { form: RowAction; month: string } | null;

const HEADING_ID = 'wage-hours-heading';
const NEW_BUTTON_ID = 'wage-hours-new';
const rowButtonId = (action: RowAction, month: string) => `wage-hours-${action}-${month}`;

function focusSoon(id: string) {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/** '37,5 timer' in Danish, '37.5 hours' in English. */
function hoursText(t: TFunction, language: string, hours: number): string {
  return t('wageHours.hoursCount', { count: hours, hours: formatNumber(hours, language) });
}

/**
 * The case page's "Løntimer": ordinary paid hours per month on the spell, newest first, for the
 * share-with-paid-hours indicators. Forms open inline under the month they act on; a removal
 * asks first and can be undone by putting the same figure back.
 */
export function WageHoursTab({ spell }: { spell: SpellDetail }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const writable = can(me, 'wage_hours.write');
  const list = useWageHours(spell.id);
  const [open, setOpen] = useState<Open>(null);
  const [removed, setRemoved] = useState<WageHoursMonth | null>(null);
  // A removal refused because someone else got there first: its row may be gone after the refetch, so the message stands here.
  const [staleRemoval, setStaleRemoval] = useState<unknown>(null);
  const months = newestFirst(list.data ?? []);
  const isOpen = (form: RowAction, month: string) => open?.form === form && open.month === month;

  function toggle(next: Exclude<Open, null>) {
    // A removal is undone only from right after it: another change could otherwise be overwritten.
    setRemoved(null);
    setStaleRemoval(null);
    const same = open?.form === next.form && (next.form === 'new' || (open.form !== 'new' && open.month === next.month));
    setOpen(same ? null : next);
  }

  function close(returnTo: string) {
    setOpen(null);
    focusSoon(returnTo);
  }

  return (
    <section aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} tabIndex={-1}>
        {t('wageHours.title')}
      </h2>
      <p className="app-note app-narrow">{t('wageHours.intro')}</p>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {staleRemoval ? <ErrorAlert error={staleRemoval} title={t('wageHours.stale')} /> : null}
      {removed ? (
        <RemovedNotice
          spellId={spell.id}
          removed={removed}
          onRestored={() => {
            setRemoved(null);
            focusSoon(HEADING_ID);
          }}
        />
      ) : null}
      {list.data?.length === 0 ? <p>{t('wageHours.none')}</p> : null}
      {months.length > 0 ? (
        <ul className="nobullet-list app-month-list" aria-label={t('wageHours.listLabel')} data-testid="wage-hours">
          {months.map((m) => {
            const name = formatMonthName(m.month, i18n.language);
            return (
              <li key={m.month} className="app-month-item">
                <div className="app-month-head">
                  <h3 className="h4 app-month-name">{name}</h3>
                  <p className="app-month-hours">{hoursText(t, i18n.language, m.hours)}</p>
                  <p className="app-muted">{t('wageHours.registered', { source: t(`wageHours.sources.${m.source}`), date: formatInstantDate(m.createdAt) })}</p>
                </div>
                {writable ? (
                  <div className="app-actions app-actions--compact no-print">
                    {(['correct', 'remove'] as const).map((action) => (
                      <button key={action} id={rowButtonId(action, m.month)} type="button" className="button button-secondary" aria-expanded={isOpen(action, m.month)} onClick={() => toggle({ form: action, month: m.month })}>
                        {t(`wageHours.${action}`)}
                        <span className="sr-only">
                          {': '}
                          {name}
                        </span>
                      </button>
                    ))}
                  </div>
                ) : null}
                {isOpen('correct', m.month) ? (
                  <ActionPanel id={`wage-hours-correct-panel-${m.month}`} title={t('wageHours.correctTitle', { month: name })}>
                    <WageHoursForm spell={spell} months={months} current={m} onClose={(done) => close(done ? HEADING_ID : rowButtonId('correct', m.month))} />
                  </ActionPanel>
                ) : null}
                {isOpen('remove', m.month) ? (
                  <ActionPanel id={`wage-hours-remove-panel-${m.month}`} title={t('wageHours.removeTitle', { month: name })}>
                    <RemoveForm
                      spellId={spell.id}
                      entry={m}
                      onStale={(error) => {
                        setOpen(null);
                        setStaleRemoval(error);
                        focusSoon(HEADING_ID);
                      }}
                      onClose={(done) => {
                        if (done) {
                          setOpen(null);
                          setRemoved(m);
                        } else close(rowButtonId('remove', m.month));
                      }}
                    />
                  </ActionPanel>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {writable ? (
        <>
          <div className="app-actions no-print">
            <button id={NEW_BUTTON_ID} type="button" className="button button-primary" aria-expanded={open?.form === 'new'} onClick={() => toggle({ form: 'new' })}>
              {t('wageHours.new')}
            </button>
          </div>
          {open?.form === 'new' ? (
            <ActionPanel id="wage-hours-new-panel" title={t('wageHours.newTitle')} level={3}>
              <WageHoursForm spell={spell} months={months} onClose={(done) => close(done ? HEADING_ID : NEW_BUTTON_ID)} />
            </ActionPanel>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/**
 * Enter a month's hours, or correct a month already held (`current`: the month is fixed then).
 * A new figure for a month that has one replaces it, and the form says so before saving.
 */
function WageHoursForm({ spell, months, current, onClose }: { spell: SpellDetail; months: WageHoursMonth[]; current?: WageHoursMonth; onClose: (done: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const announce = useAnnounce();
  const save = useSetWageHours(spell.id);
  const today = copenhagenToday();
  const id = current ? `wage-hours-${current.month}` : 'wage-hours-new';
  const [month, setMonth] = useState(current?.month ?? defaultWageHoursMonth(spell, today));
  const [hours, setHours] = useState(current ? formatNumber(current.hours, lang, 4) : '');
  const [source, setSource] = useState<WageHoursSource>(current?.source ?? 'eindkomst');
  const [notANumber, setNotANumber] = useState(false);
  const errors = fieldErrors(save.error);
  const held = current ?? months.find((m) => m.month === month);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = parseDecimal(hours, lang);
    if (value === null) {
      // Not a number at all: said here, since the server can only be sent numbers.
      save.reset();
      setNotANumber(true);
      document.getElementById(`${id}-hours`)?.focus();
      return;
    }
    setNotANumber(false);
    save.mutate(
      { month, hours: value, source },
      {
        onSuccess: (saved) => {
          const args = { month: formatMonthName(saved.month, lang), hours: hoursText(t, lang, saved.hours) };
          announce(held ? t('wageHours.corrected', args) : t('wageHours.saved', args));
          onClose(true);
        },
      },
    );
  }

  const monthHint = held && !current ? `${t('wageHours.fields.monthHint')} ${t('wageHours.fields.monthHeld', { month: formatMonthName(held.month, lang), hours: hoursText(t, lang, held.hours) })}` : t('wageHours.fields.monthHint');
  return (
    <form onSubmit={submit} noValidate className="app-form">
      <ErrorAlert error={save.error} knownFields={current ? ['hours', 'source'] : ['month', 'hours', 'source']} />
      {current ? null : (
        <TextField id={`${id}-month`} type="month" label={t('wageHours.fields.month')} hint={monthHint} value={month} onChange={setMonth} error={errors.month} required min={spell.startDate.slice(0, 7)} max={today.slice(0, 7)} className="input-width-s" />
      )}
      <TextField
        id={`${id}-hours`}
        label={t('wageHours.fields.hours')}
        hint={t('wageHours.fields.hoursHint')}
        value={hours}
        onChange={setHours}
        error={notANumber ? t('wageHours.hoursNotNumber') : errors.hours}
        required
        inputMode="decimal"
        autoComplete="off"
        className="input-width-xs"
      />
      <RadioGroup
        id={`${id}-source`}
        legend={t('wageHours.fields.source')}
        value={source}
        onChange={(value) => setSource(value as WageHoursSource)}
        error={errors.source}
        required
        options={WAGE_HOURS_SOURCES.map((s) => ({ value: s, label: t(`wageHours.sources.${s}`) }))}
      />
      <FormButtons pending={save.isPending} submitLabel={current ? t('wageHours.submitCorrect') : t('wageHours.submitNew')} onCancel={() => onClose(false)} />
    </form>
  );
}

/** The confirmation step of a removal. */
function RemoveForm({ spellId, entry, onClose, onStale }: { spellId: string; entry: WageHoursMonth; onClose: (done: boolean) => void; onStale: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const remove = useRemoveWageHours(spellId);

  function submit(event: FormEvent) {
    event.preventDefault();
    remove.mutate(entry.month, {
      onSuccess: () => onClose(true),
      onError: (error) => {
        if (isStaleWrite(error)) onStale(error);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <ErrorAlert error={remove.error} />
      <p className="app-narrow">{t('wageHours.removeExplain', { hours: hoursText(t, i18n.language, entry.hours) })}</p>
      <FormButtons pending={remove.isPending} submitLabel={t('wageHours.submitRemove')} pendingLabel={t('wageHours.removing')} onCancel={() => onClose(false)} />
    </form>
  );
}

/** Says what was removed, with focus, and offers to put the same figure back. */
function RemovedNotice({ spellId, removed, onRestored }: { spellId: string; removed: WageHoursMonth; onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const restore = useSetWageHours(spellId);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [removed]);
  const month = formatMonthName(removed.month, i18n.language);

  function undo() {
    restore.mutate(
      { month: removed.month, hours: removed.hours, source: removed.source },
      {
        onSuccess: () => {
          announce(t('wageHours.restored', { month }));
          onRestored();
        },
      },
    );
  }

  return (
    <div ref={ref} tabIndex={-1} className="alert alert-success app-removed-notice" data-testid="wage-hours-removed">
      <div className="alert-body">
        <p className="alert-text">{t('wageHours.removed', { month, hours: hoursText(t, i18n.language, removed.hours) })}</p>
        <ErrorAlert error={restore.error} />
        <button type="button" className="button button-secondary" disabled={restore.isPending} onClick={undo}>
          {restore.isPending ? t('wageHours.restoring') : t('wageHours.undo')}
        </button>
      </div>
    </div>
  );
}
