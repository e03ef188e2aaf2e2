import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { BOOKING_MODES, useAddException, useAvailability, useFreeSlots, useRemoveException, useReplaceWeekly, type BookingMode, type NewException, type WeeklyBlock } from '../api/booking';
import { useOrganisation } from '../api/organisation';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { Checkbox, RadioGroup, SelectField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { RepeatingRows } from '../components/repeating-rows';
import { copenhagenToday, formatDate, formatTime } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

const WEEKDAYS = [1, 2, 3, 4, 5];

type BlockDraft = { weekday: string; start: string; end: string; slotMinutes: string; place: string; modes: BookingMode[] };
const emptyBlock = (): BlockDraft => ({ weekday: '1', start: '09:00', end: '12:00', slotMinutes: '45', place: '', modes: ['in_person', 'phone', 'video'] });
const toDraft = (b: WeeklyBlock): BlockDraft => ({ weekday: String(b.weekday), start: b.start, end: b.end, slotMinutes: String(b.slotMinutes), place: b.place ?? '', modes: b.modes });
const fromDraft = (d: BlockDraft): WeeklyBlock => ({ weekday: Number(d.weekday), start: d.start, end: d.end, slotMinutes: Number(d.slotMinutes), place: d.place.trim() || null, modes: d.modes });

function addDaysIso(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function ModeChoices({ id, value, onChange, legend }: { id: string; value: BookingMode[]; onChange: (modes: BookingMode[]) => void; legend: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-group app-checkbox-group">
      <legend className="form-label">{legend}</legend>
      {BOOKING_MODES.map((mode) => (
        <Checkbox key={mode} id={`${id}-${mode}`} label={t(`conversation.modes.${mode}`)} checked={value.includes(mode)} onChange={(on) => onChange(on ? [...value, mode] : value.filter((m) => m !== mode))} />
      ))}
    </fieldset>
  );
}

/** A caseworker publishes the times jobseekers can book; a manager can do it for the unit's caseworkers. */
export function AvailabilityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const org = useOrganisation();
  const [caseworkerId, setCaseworkerId] = useState<string | null>(me?.id ?? null);
  const availability = useAvailability(caseworkerId);
  const title = t('availability.title');
  const isManager = me?.role === 'manager';
  const choices = (org.data?.staff ?? []).filter((s) => s.active && (s.role === 'caseworker' || s.id === me?.id) && (!me?.unitId || s.unitId === me.unitId || s.id === me.id));

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="app-narrow">{t('availability.intro')}</p>
      {isManager ? (
        <SelectField
          id="availability-caseworker"
          label={t('availability.caseworker')}
          value={caseworkerId ?? ''}
          onChange={(v) => setCaseworkerId(v || null)}
          options={choices.map((s) => ({ value: s.id, label: s.name }))}
        />
      ) : null}
      {availability.error ? <ErrorAlert error={availability.error} /> : null}
      {availability.isPending && caseworkerId ? <Loading /> : null}
      {availability.data && caseworkerId ? (
        <>
          <WeeklyEditor key={caseworkerId} caseworkerId={caseworkerId} blocks={availability.data.weekly} canEdit={availability.data.canEdit && can(me, 'availability.manage')} />
          <Exceptions caseworkerId={caseworkerId} canEdit={availability.data.canEdit && can(me, 'availability.manage')} />
          <SlotPreview caseworkerId={caseworkerId} />
        </>
      ) : null}
    </>
  );
}

function WeeklyEditor({ caseworkerId, blocks, canEdit }: { caseworkerId: string; blocks: WeeklyBlock[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const replace = useReplaceWeekly(caseworkerId);
  const [drafts, setDrafts] = useState<BlockDraft[]>(() => blocks.map(toDraft));
  useEffect(() => setDrafts(blocks.map(toDraft)), [blocks]);
  const errors = fieldErrors(replace.error);
  const weekdayOptions = WEEKDAYS.map((d) => ({ value: String(d), label: t(`availability.weekdays.${d}`) }));

  if (!canEdit) {
    return (
      <section aria-labelledby="weekly-heading">
        <h2 id="weekly-heading">{t('availability.weekly')}</h2>
        {blocks.length === 0 ? (
          <p>{t('availability.noWeekly')}</p>
        ) : (
          <ul>
            {blocks.map((b, i) => (
              <li key={i}>{t('availability.blockSummary', { weekday: t(`availability.weekdays.${b.weekday}`), start: b.start, end: b.end, minutes: b.slotMinutes })}</li>
            ))}
          </ul>
        )}
      </section>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    replace.mutate(drafts.map(fromDraft), { onSuccess: () => announce(t('availability.saved')) });
  }

  return (
    <form onSubmit={submit} noValidate className="app-form" aria-labelledby="weekly-heading">
      <h2 id="weekly-heading">{t('availability.weekly')}</h2>
      {replace.error ? <ErrorAlert error={replace.error} knownFields={Object.keys(errors).filter((k) => k.startsWith('blocks.'))} /> : null}
      <RepeatingRows
        id="weekly-blocks"
        legend={t('availability.blocks')}
        hint={t('availability.blocksHint')}
        items={drafts}
        onChange={setDrafts}
        empty={emptyBlock}
        addLabel={t('availability.addBlock')}
        removeLabel={(i) => t('availability.removeBlock', { n: i + 1 })}
        renderRow={(d, i, update) => (
          <>
            <SelectField id={`block-${i}-weekday`} label={t('availability.weekday')} value={d.weekday} onChange={(weekday) => update({ ...d, weekday })} options={weekdayOptions} error={errors[`blocks.${i}.weekday`]} />
            <TextField id={`block-${i}-start`} type="time" label={t('availability.start')} value={d.start} onChange={(start) => update({ ...d, start })} error={errors[`blocks.${i}.start`]} className="input-width-xs" />
            <TextField id={`block-${i}-end`} type="time" label={t('availability.end')} value={d.end} onChange={(end) => update({ ...d, end })} error={errors[`blocks.${i}.end`]} className="input-width-xs" />
            <TextField
              id={`block-${i}-minutes`}
              type="number"
              inputMode="numeric"
              label={t('availability.slotMinutes')}
              value={d.slotMinutes}
              onChange={(slotMinutes) => update({ ...d, slotMinutes })}
              error={errors[`blocks.${i}.slotMinutes`]}
              className="input-width-xs"
            />
            <TextField id={`block-${i}-place`} label={t('availability.place')} value={d.place} onChange={(place) => update({ ...d, place })} error={errors[`blocks.${i}.place`]} />
            <ModeChoices id={`block-${i}-modes`} legend={t('availability.modes')} value={d.modes} onChange={(modes) => update({ ...d, modes })} />
            {errors[`blocks.${i}.modes`] ? <p className="form-error-message">{errors[`blocks.${i}.modes`]}</p> : null}
          </>
        )}
      />
      <button type="submit" className="button button-primary" disabled={replace.isPending}>
        {replace.isPending ? t('common.saving') : t('availability.save')}
      </button>
    </form>
  );
}

function Exceptions({ caseworkerId, canEdit }: { caseworkerId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const availability = useAvailability(caseworkerId);
  const add = useAddException(caseworkerId);
  const remove = useRemoveException(caseworkerId);
  const [draft, setDraft] = useState({ day: '', kind: 'day_off' as NewException['kind'], start: '13:00', end: '15:00', slotMinutes: '30', modes: ['phone'] as BookingMode[], note: '' });
  const errors = fieldErrors(add.error);
  const list = availability.data?.exceptions ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: NewException =
      draft.kind === 'day_off'
        ? { day: draft.day, kind: 'day_off', note: draft.note || undefined }
        : { day: draft.day, kind: 'extra', start: draft.start, end: draft.end, slotMinutes: Number(draft.slotMinutes), modes: draft.modes, note: draft.note || undefined };
    add.mutate(input, { onSuccess: () => announce(t('availability.exceptionAdded', { date: formatDate(draft.day) })) });
  }

  return (
    <section aria-labelledby="exceptions-heading">
      <h2 id="exceptions-heading">{t('availability.exceptions')}</h2>
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      {list.length === 0 ? (
        <p>{t('availability.noExceptions')}</p>
      ) : (
        <ul className="app-plain-list">
          {list.map((e) => (
            <li key={e.id}>
              {formatDate(e.day)}: {e.kind === 'day_off' ? t('availability.dayOff') : t('availability.extraSummary', { start: e.start, end: e.end, minutes: e.slotMinutes })}
              {e.note ? ` (${e.note})` : ''}{' '}
              {canEdit ? (
                <button type="button" className="button button-tertiary" onClick={() => remove.mutate(e.id, { onSuccess: () => announce(t('availability.exceptionRemoved', { date: formatDate(e.day) })) })}>
                  {t('availability.removeException')}
                  <span className="sr-only"> {formatDate(e.day)}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form onSubmit={submit} noValidate className="app-form app-narrow" aria-labelledby="add-exception-heading">
          <h3 id="add-exception-heading">{t('availability.addException')}</h3>
          {add.error ? <ErrorAlert error={add.error} knownFields={['day', 'start', 'end', 'slotMinutes', 'modes', 'note']} /> : null}
          <TextField id="exception-day" type="date" label={t('availability.day')} value={draft.day} onChange={(day) => setDraft({ ...draft, day })} error={errors.day} required className="input-width-s" />
          <RadioGroup
            id="exception-kind"
            legend={t('availability.kind')}
            value={draft.kind}
            onChange={(kind) => setDraft({ ...draft, kind: kind as NewException['kind'] })}
            options={[
              { value: 'day_off', label: t('availability.dayOff') },
              { value: 'extra', label: t('availability.extra') },
            ]}
          />
          {draft.kind === 'extra' ? (
            <>
              <TextField id="exception-start" type="time" label={t('availability.start')} value={draft.start} onChange={(start) => setDraft({ ...draft, start })} error={errors.start} className="input-width-xs" />
              <TextField id="exception-end" type="time" label={t('availability.end')} value={draft.end} onChange={(end) => setDraft({ ...draft, end })} error={errors.end} className="input-width-xs" />
              <TextField id="exception-minutes" type="number" inputMode="numeric" label={t('availability.slotMinutes')} value={draft.slotMinutes} onChange={(slotMinutes) => setDraft({ ...draft, slotMinutes })} error={errors.slotMinutes} className="input-width-xs" />
              <ModeChoices id="exception-modes" legend={t('availability.modes')} value={draft.modes} onChange={(modes) => setDraft({ ...draft, modes })} />
              {errors.modes ? <p className="form-error-message">{errors.modes}</p> : null}
            </>
          ) : null}
          <TextField id="exception-note" label={t('availability.note')} value={draft.note} onChange={(note) => setDraft({ ...draft, note })} error={errors.note} />
          <button type="submit" className="button button-primary" disabled={add.isPending}>
            {add.isPending ? t('common.saving') : t('availability.addException')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function SlotPreview({ caseworkerId }: { caseworkerId: string }) {
  const { t } = useTranslation();
  const from = copenhagenToday();
  const to = addDaysIso(from, 13);
  const slots = useFreeSlots(caseworkerId, from, to);
  const days = [...new Set((slots.data ?? []).map((s) => s.day))];
  return (
    <section aria-labelledby="slots-heading">
      <h2 id="slots-heading">{t('availability.freeSlots')}</h2>
      <p>{t('availability.freeSlotsIntro', { from: formatDate(from), to: formatDate(to) })}</p>
      {slots.error ? <ErrorAlert error={slots.error} /> : null}
      {slots.data && days.length === 0 ? <p>{t('availability.noFreeSlots')}</p> : null}
      {days.map((day) => (
        <div key={day}>
          <h3 className="h5">{formatDate(day)}</h3>
          <ul className="app-inline-list">
            {slots.data!
              .filter((s) => s.day === day)
              .map((s) => (
                <li key={s.start}>
                  {formatTime(s.start)}–{formatTime(s.end)}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
