import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportVacancies, useVacancyImports, type VacancyImportReport } from '../api/vacancies';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../i18n/format';

/** Brokers upload a JSON or CSV vacancy feed and see what was created, updated, unchanged and rejected. */
export function VacancyImportPage() {
  const { t } = useTranslation();
  const imports = useVacancyImports();
  const run = useImportVacancies();
  const [source, setSource] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const errors = fieldErrors(run.error);
  const contentError = fileError ?? errors.content ?? errors.format;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFileError(null);
    if (!file) {
      setFileError(t('vacancyImport.fileMissing'));
      return;
    }
    const format = /\.json$/i.test(file.name) ? 'json' : /\.csv$/i.test(file.name) ? 'csv' : null;
    if (!format) {
      setFileError(t('vacancyImport.fileKind'));
      return;
    }
    run.mutate({ source, format, content: await file.text() });
  }

  return (
    <>
      <PageHeading title={t('vacancyImport.title')}>{t('vacancyImport.title')}</PageHeading>
      <p>{t('vacancyImport.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField id="source" label={t('vacancyImport.source')} hint={t('vacancyImport.sourceHint')} value={source} onChange={setSource} error={errors.source} required maxLength={60} />
        <div className={contentError ? 'form-group form-error' : 'form-group'}>
          <label className="form-label" htmlFor="feed-file">
            {t('vacancyImport.file')}
            <span className="required-marker"> {t('form.required')}</span>
          </label>
          <span className="form-hint" id="feed-file-hint">
            {t('vacancyImport.fileHint')}
          </span>
          {contentError ? (
            <span className="form-error-message" id="feed-file-error">
              <span className="sr-only">{t('form.errorPrefix')} </span>
              {contentError}
            </span>
          ) : null}
          <input
            id="feed-file"
            name="feed-file"
            type="file"
            className="form-input"
            accept=".csv,.json,text/csv,application/json"
            aria-describedby={contentError ? 'feed-file-error feed-file-hint' : 'feed-file-hint'}
            aria-invalid={contentError ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {run.error && !errors.source && !errors.content && !errors.format ? <ErrorAlert error={run.error} /> : null}
        <button type="submit" className="button button-primary" disabled={run.isPending}>
          {run.isPending ? t('vacancyImport.importing') : t('vacancyImport.submit')}
        </button>
      </form>
      <div aria-live="polite">{run.data ? <ImportReport report={run.data} /> : null}</div>
      <section aria-labelledby="earlier-imports">
        <h2 id="earlier-imports">{t('vacancyImport.earlier')}</h2>
        {imports.isLoading ? <Loading /> : null}
        {imports.error ? <ErrorAlert error={imports.error} /> : null}
        {imports.data ? (
          imports.data.items.length === 0 ? (
            <p>{t('vacancyImport.none')}</p>
          ) : (
            <table className="table table--zebra table--responsive-headers app-table">
              <caption className="sr-only">{t('vacancyImport.earlier')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('vacancyImport.at')}</th>
                  <th scope="col">{t('vacancyImport.source')}</th>
                  <th scope="col">{t('vacancyImport.counts')}</th>
                </tr>
              </thead>
              <tbody>
                {imports.data.items.map((i) => (
                  <tr key={i.importId}>
                    <td data-title={t('vacancyImport.at')}>{formatDateTime(i.at)}</td>
                    <td data-title={t('vacancyImport.source')}>{i.source}</td>
                    <td data-title={t('vacancyImport.counts')}>{t('vacancyImport.summary', i)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : null}
      </section>
    </>
  );
}

function ImportReport({ report }: { report: VacancyImportReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  return (
    <section aria-labelledby="import-report" className={report.rejected > 0 ? 'alert alert-warning' : 'alert alert-success'}>
      <div className="alert-body">
        <h2 id="import-report" className="alert-heading">
          {t('vacancyImport.reportTitle', { source: report.source })}
        </h2>
        <p className="alert-text">{t('vacancyImport.summary', report)}</p>
        {report.rejections.length > 0 ? (
          <table className="table table--responsive-headers app-table">
            <caption>{t('vacancyImport.rejectedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('vacancyImport.line')}</th>
                <th scope="col">{t('vacancyImport.externalId')}</th>
                <th scope="col">{t('vacancyImport.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejections.map((r) => (
                <tr key={r.line}>
                  <td data-title={t('vacancyImport.line')}>{r.line}</td>
                  <td data-title={t('vacancyImport.externalId')}>{r.externalId ?? '–'}</td>
                  <td data-title={t('vacancyImport.reason')}>{r.reason[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}
