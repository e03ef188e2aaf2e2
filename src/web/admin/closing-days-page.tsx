import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { useAddClosingDay, useClosingDays, useRemoveClosingDay } from '../api/templates';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

/** The organisation's own closing days: deadlines planned later move off them. */
export function ClosingDaysPage() {
  const { t } = useTranslation();
  const me = useMe();
  const days = useClosingDays();
  const add = useAddClosingDay();
  const remove = useRemoveClosingDay();
  const announce = useAnnounce();
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(add.error);
  const manage = can(me, 'closing_day.manage');
  const title = t('closingDays.title');

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { day, reason },
      {
        onSuccess: () => {
          announce(t('closingDays.added', { date: formatDate(day) }));
          setDay('');
          setReason('');
        },
      },
    );
  }

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="app-narrow">{t('closingDays.intro')}</p>
      {days.error ? <ErrorAlert error={days.error} /> : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      {days.data ? (
        days.data.length > 0 ? (
          <table className="table table--zebra table--responsive-headers app-table app-table--narrow">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('closingDays.day')}</th>
                <th scope="col">{t('closingDays.reason')}</th>
                {manage ? (
                  <th scope="col">
                    <span className="sr-only">{t('closingDays.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {days.data.map((d) => (
                <tr key={d.id}>
                  <td data-title={t('closingDays.day')}>{formatDate(d.day)}</td>
                  <td data-title={t('closingDays.reason')}>{d.reason}</td>
                  {manage ? (
                    <td data-title={t('closingDays.actions')}>
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={remove.isPending && remove.variables === d.id}
                        onClick={() => remove.mutate(d.id, { onSuccess: () => announce(t('closingDays.removed', { date: formatDate(d.day) })) })}
                      >
                        {t('closingDays.remove')}
                        <span className="sr-only"> {formatDate(d.day)}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('closingDays.none')}</p>
        )
      ) : days.isPending ? (
        <Loading />
      ) : null}
      {manage ? (
        <form onSubmit={submit} noValidate className="app-form app-narrow" aria-labelledby="add-closing-day">
          <h2 id="add-closing-day">{t('closingDays.addTitle')}</h2>
          {add.error ? <ErrorAlert error={add.error} knownFields={['day', 'reason']} /> : null}
          <TextField id="closing-day" type="date" label={t('closingDays.day')} value={day} onChange={setDay} error={errors.day} required className="input-width-s" />
          <TextField id="closing-reason" label={t('closingDays.reason')} hint={t('closingDays.reasonHint')} value={reason} onChange={setReason} error={errors.reason} required />
          <button type="submit" className="button button-primary" disabled={add.isPending}>
            {add.isPending ? t('common.saving') : t('closingDays.add')}
          </button>
        </form>
      ) : null}
    </>
  );
}
