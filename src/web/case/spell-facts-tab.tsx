import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import type { SpellDetail } from '../api/spell-types';
import { useConvertNotice, useEndSpell, useSetBenefitHours } from '../api/spells';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField, TextField } from '../components/form-field';
import { copenhagenToday, formatDate } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';
import { END_REASON_CODES } from './reference-codes';

export function SpellFactsTab({ spell }: { spell: SpellDetail }) {
  const me = useMe();
  const writable = can(me, 'spell.write') && spell.status === 'active';
  return (
    <>
      <BenefitHours spell={spell} writable={can(me, 'spell.write')} />
      {writable && spell.kind === 'notice' ? <ConvertNotice spell={spell} /> : null}
      {writable ? <EndSpell spell={spell} /> : null}
    </>
  );
}

function monthText(month: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  return m ? `${m[2]}-${m[1]}` : month;
}

function BenefitHours({ spell, writable }: { spell: SpellDetail; writable: boolean }) {
  const { t, i18n } = useTranslation();
  const save = useSetBenefitHours(spell.id);
  const announce = useAnnounce();
  const [month, setMonth] = useState(copenhagenToday().slice(0, 7));
  const [hours, setHours] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const errors = fieldErrors(save.error);
  const total = spell.benefitHours.reduce((sum, h) => sum + h.hours, 0);
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 2 });

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(hours.replace(',', '.'));
    if (hours.trim() === '' || !Number.isFinite(value) || value < 0 || value > 744) {
      setLocalError(t('spell.hours.invalid'));
      return;
    }
    setLocalError(undefined);
    save.mutate(
      { month, hours: value },
      {
        onSuccess: () => {
          announce(t('spell.hours.saved'));
          setHours('');
        },
      },
    );
  }

  return (
    <section aria-labelledby="hours-heading">
      <h2 id="hours-heading">{t('spell.hours.title')}</h2>
      <p className="app-narrow">{spell.passed410On ? t('spell.hours.passed', { date: formatDate(spell.passed410On) }) : t('spell.hours.notPassed', { total: number.format(total) })}</p>
      {spell.benefitHours.length > 0 ? (
        <table className="table table--zebra app-table app-table--narrow">
          <caption className="sr-only">{t('spell.hours.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('spell.hours.month')}</th>
              <th scope="col" className="app-num">
                {t('spell.hours.hours')}
              </th>
            </tr>
          </thead>
          <tbody>
            {spell.benefitHours.map((h) => (
              <tr key={h.month}>
                <td>{monthText(h.month)}</td>
                <td className="app-num">{number.format(h.hours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {writable ? (
        <form onSubmit={submit} noValidate className="app-filters" aria-label={t('spell.hours.formLabel')}>
          {save.error ? <ErrorAlert error={save.error} knownFields={['month', 'hours']} /> : null}
          <TextField id="hours-month" type="month" label={t('spell.hours.month')} hint={t('spell.hours.monthHint')} value={month} onChange={setMonth} error={errors.month} required />
          <TextField id="hours-value" type="text" inputMode="decimal" label={t('spell.hours.hours')} value={hours} onChange={setHours} error={localError ?? errors.hours} required className="input-width-xs" />
          <div className="app-filter-submit">
            <button type="submit" className="button button-secondary" disabled={save.isPending}>
              {t('spell.hours.save')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function EndSpell({ spell }: { spell: SpellDetail }) {
  const { t } = useTranslation();
  const end = useEndSpell(spell.id);
  const announce = useAnnounce();
  const [endDate, setEndDate] = useState(copenhagenToday());
  const [endReason, setEndReason] = useState('');
  const errors = fieldErrors(end.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    end.mutate({ version: spell.version, endDate, endReason }, { onSuccess: () => announce(t('spell.end.done')) });
  }
  return (
    <form onSubmit={submit} noValidate className="app-form" aria-labelledby="end-heading">
      <h2 id="end-heading">{t('spell.end.title')}</h2>
      <p className="app-narrow">{t('spell.end.explain')}</p>
      {end.error ? <ErrorAlert error={end.error} knownFields={['endDate', 'endReason']} /> : null}
      <TextField id="endDate" type="date" label={t('spell.end.date')} value={endDate} onChange={setEndDate} error={errors.endDate} required className="input-width-s" />
      <SelectField id="endReason" label={t('spell.end.reason')} value={endReason} onChange={setEndReason} error={errors.endReason} required emptyLabel={t('spell.end.chooseReason')} options={END_REASON_CODES.map((code) => ({ value: code, label: t(`endReasons.${code}`) }))} />
      <button type="submit" className="button button-secondary" disabled={end.isPending}>
        {end.isPending ? t('common.saving') : t('spell.end.submit')}
      </button>
    </form>
  );
}

function ConvertNotice({ spell }: { spell: SpellDetail }) {
  const { t } = useTranslation();
  const convert = useConvertNotice(spell.id);
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [day, setDay] = useState(spell.noticeEndDate ?? copenhagenToday());
  function submit(event: FormEvent) {
    event.preventDefault();
    convert.mutate(
      { version: spell.version, firstDayOfUnemployment: day },
      {
        onSuccess: (created) => {
          announce(t('spell.convert.done'));
          void navigate({ to: '/spells/$id', params: { id: created.id }, search: { tab: undefined } });
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="app-form" aria-labelledby="convert-heading">
      <h2 id="convert-heading">{t('spell.convert.title')}</h2>
      <p className="app-narrow">{t('spell.convert.explain')}</p>
      {convert.error ? <ErrorAlert error={convert.error} knownFields={['firstDayOfUnemployment']} /> : null}
      <TextField id="firstDay" type="date" label={t('spell.convert.firstDay')} value={day} onChange={setDay} error={fieldErrors(convert.error).firstDayOfUnemployment} required className="input-width-s" />
      <button type="submit" className="button button-secondary" disabled={convert.isPending}>
        {t('spell.convert.submit')}
      </button>
    </form>
  );
}
