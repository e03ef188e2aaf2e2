import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbsenceReport, useSendAbsenceReport } from '../api/offers';
import { useOrganisation } from '../api/organisation';
import { ErrorAlert, SuccessAlert } from '../components/error-alert';
import { SelectField, TextField } from '../components/form-field';
import { PageHeading } from '../components/page-heading';
import { formatDate } from '../i18n/format';

function previousMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** The monthly absence report per unit for the availability team: on screen, as XLSX or PDF, and sent as a task. */
export function AbsenceReportPage() {
  const { t } = useTranslation();
  const organisation = useOrganisation();
  const [month, setMonth] = useState(previousMonth);
  const [unitId, setUnitId] = useState('');
  const report = useAbsenceReport(month, unitId);
  const send = useSendAbsenceReport();
  const query = `month=${encodeURIComponent(month)}&unitId=${encodeURIComponent(unitId)}`;
  const ready = /^\d{4}-\d{2}$/.test(month) && unitId !== '';

  return (
    <>
      <PageHeading title={t('absenceReport.title')}>{t('absenceReport.title')}</PageHeading>
      <form className="app-filters" noValidate onSubmit={(e) => e.preventDefault()}>
        <TextField id="month" label={t('absenceReport.month')} hint={t('absenceReport.monthHint')} value={month} onChange={setMonth} className="input-width-s" />
        <SelectField id="unit" label={t('absenceReport.unit')} value={unitId} onChange={setUnitId} emptyLabel={t('absenceReport.chooseUnit')} options={(organisation.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
      </form>
      <ErrorAlert error={report.error ?? send.error} />
      {report.data ? (
        <>
          <p role="status">{t('absenceReport.summary', { absences: report.data.absences, people: report.data.people })}</p>
          {report.data.rows.length > 0 ? (
            <table className="table table--zebra table--responsive-headers app-table">
              <caption className="sr-only">{t('absenceReport.caption', { month: report.data.month })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('absenceReport.fields.day')}</th>
                  <th scope="col">{t('absenceReport.fields.name')}</th>
                  <th scope="col">{t('absenceReport.fields.session')}</th>
                  <th scope="col">{t('absenceReport.fields.reason')}</th>
                  <th scope="col">{t('absenceReport.fields.counts')}</th>
                </tr>
              </thead>
              <tbody>
                {report.data.rows.map((r, i) => (
                  <tr key={`${r.day}-${r.name}-${i}`}>
                    <td data-title={t('absenceReport.fields.day')}>{formatDate(r.day)}</td>
                    <td data-title={t('absenceReport.fields.name')}>{r.name}</td>
                    <td data-title={t('absenceReport.fields.session')}>{r.sessionTitle}</td>
                    <td data-title={t('absenceReport.fields.reason')}>{r.reasonLabel}</td>
                    <td data-title={t('absenceReport.fields.counts')}>{r.countsTowardAvailability ? t('common.yes') : t('common.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
      {ready ? (
        <p className="app-actions">
          <a className="button button-secondary" href={`/api/v1/absence-report?${query}&format=xlsx`} download>
            {t('absenceReport.downloadXlsx')}
          </a>{' '}
          <a className="button button-secondary" href={`/api/v1/absence-report?${query}&format=pdf`} download>
            {t('absenceReport.downloadPdf')}
          </a>{' '}
          <button type="button" className="button button-primary" onClick={() => send.mutate({ month, unitId })} disabled={send.isPending}>
            {t('absenceReport.send')}
          </button>
        </p>
      ) : null}
      {send.data ? <SuccessAlert>{send.data.taskCreated ? t('absenceReport.sent') : t('absenceReport.alreadySent')}</SuccessAlert> : null}
    </>
  );
}
