import { useTranslation } from 'react-i18next';
import type { ScorecardTable as Table } from '../api/measurement';
import { formatDate, formatDateTime } from '../i18n/format';
import { formatFigure, formatMonth } from './format-value';
import { TrafficLight } from './traffic-light';

type Cell = Table['rows'][number]['cells'][number];

function CellValue({ cell, unit }: { cell: Pick<Cell, 'status' | 'value'>; unit: string }) {
  const { t, i18n } = useTranslation();
  switch (cell.status) {
    case 'ok':
      return <>{formatFigure(cell.value, unit, i18n.language)}</>;
    case 'suppressed':
      return <span title={t('results.suppressedHint')}>{t('results.suppressed')}</span>;
    case 'awaiting_data':
      return <span className="app-muted">{t('results.awaiting')}</span>;
    case 'no_data':
      return <span className="app-muted">{t('results.noData')}</span>;
    default:
      return cell.status satisfies never;
  }
}

/** The statusskema: indicator rows, baseline, a column per month, minimum targets at milestones. */
export function ScorecardTable({ table }: { table: Table }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const revised = table.months.filter((m) => m.revisions > 1);
  return (
    <>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label={t('results.tableRegion', { name: table.name })}>
        <table className="table table--compact app-table app-scorecard">
          <caption>{t('results.caption', { name: table.name, date: formatDate(table.measuredOn) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.indicator')}</th>
              <th scope="col">{t('results.baseline')}</th>
              {table.months.map((m) => (
                <th scope="col" key={m.month}>
                  {formatMonth(m.month, lang)}
                  <span className="app-col-note">
                    {m.source === 'provisional' ? t('results.provisional') : m.source === 'live' ? t('results.live') : m.revisions > 1 ? t('results.revision', { revision: m.revision, count: m.revisions }) : t('results.stored')}
                  </span>
                </th>
              ))}
              {table.milestones.map((d) => (
                <th scope="col" key={d}>
                  {t('results.targetAt', { date: formatDate(d) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.indicatorCode} data-indicator={row.indicatorCode}>
                <th scope="row">
                  {row.name[lang]}
                  <span className="app-col-note">{t(`results.units.${row.unit}`)}</span>
                </th>
                <td>
                  {row.baseline.status === 'none' ? null : <CellValue cell={{ status: row.baseline.status, value: row.baseline.value }} unit={row.unit} />}
                  {row.baseline.date ? <span className="app-col-note">{formatDate(row.baseline.date)}</span> : null}
                </td>
                {row.cells.map((c) => (
                  <td key={c.month} data-month={c.month}>
                    <CellValue cell={c} unit={row.unit} />
                    {c.light !== 'none' ? (
                      <span className="app-col-note">
                        <TrafficLight light={c.light} />
                      </span>
                    ) : null}
                  </td>
                ))}
                {table.milestones.map((d) => {
                  const target = row.targets.find((x) => x.date === d);
                  return (
                    <td key={d}>
                      {target ? formatFigure(target.value, row.unit, i18n.language) : null}
                      {target && target.light !== 'none' ? (
                        <span className="app-col-note">
                          <TrafficLight light={target.light} />
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="app-note">{t('results.suppressedNote')}</p>
      {revised.map((m) => (
        <p className="app-note" key={m.month}>
          {t('results.revisedNote', { month: formatMonth(m.month, lang), revision: m.revision, count: m.revisions, at: formatDateTime(m.computedAt) })}
        </p>
      ))}
      <details className="app-details">
        <summary>{t('results.howCounted')}</summary>
        <dl>
          {table.rows.map((row) => (
            <div key={row.indicatorCode}>
              <dt>{row.name[lang]}</dt>
              <dd>{row.description[lang]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
