import { useTranslation } from 'react-i18next';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScorecardTable, SurvivalCurves } from '../api/measurement';
import { formatFigure, formatMonth } from './format-value';

const COLOURS = ['#0059b3', '#b35900', '#2b7a0b', '#7a0b6e', '#555555'];

/** Share in job by week since the start, with the 95 % band, and the same numbers as a table. */
export function SurvivalChart({ data }: { data: SurvivalCurves }) {
  const { t, i18n } = useTranslation();
  const shown = data.curves.filter((c) => !c.suppressed);
  const hidden = data.curves.filter((c) => c.suppressed);
  const groupName = (g: string) => (g === 'all' ? t('results.allSpells') : g);
  if (shown.length === 0) return <p>{t('results.noCurve')}</p>;
  const curve = shown[0]!;
  const points = curve.points.map((p) => ({ week: Math.round(p.day / 7), share: p.share, band: [p.lower ?? p.share, p.upper ?? p.share] as [number, number] }));
  return (
    <figure className="app-figure">
      <figcaption>{t('results.survivalCaption', { months: data.cohortMonths, n: curve.n })}</figcaption>
      <div className="app-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={280}>
          <ComposedChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" label={{ value: t('results.weeksSinceStart'), position: 'insideBottom', offset: -8 }} />
            <YAxis domain={[0, 100]} unit=" %" />
            <Tooltip />
            <Legend verticalAlign="top" />
            <Area type="stepAfter" dataKey="band" name={t('results.band')} stroke="none" fill={COLOURS[0]} fillOpacity={0.2} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="share" name={groupName(curve.group)} stroke={COLOURS[0]} dot={false} strokeWidth={2} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details className="app-details" open>
        <summary>{t('results.chartNumbers')}</summary>
        <table className="table table--compact app-table">
          <caption className="sr-only">{t('results.survivalTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.week')}</th>
              <th scope="col">{t('results.shareInJob')}</th>
              <th scope="col">{t('results.lower')}</th>
              <th scope="col">{t('results.upper')}</th>
              <th scope="col">{t('results.atRisk')}</th>
            </tr>
          </thead>
          <tbody>
            {curve.points
              .filter((p) => p.day % 28 === 0 || p.day === 91 || p.day === 182)
              .map((p) => (
                <tr key={p.day}>
                  <th scope="row">{Math.round(p.day / 7)}</th>
                  <td>{formatFigure(p.share, 'percent', i18n.language)}</td>
                  <td>{formatFigure(p.lower, 'percent', i18n.language)}</td>
                  <td>{formatFigure(p.upper, 'percent', i18n.language)}</td>
                  <td>{p.atRisk}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
      {hidden.length > 0 ? <p className="app-note">{t('results.hiddenGroups', { count: hidden.length })}</p> : null}
    </figure>
  );
}

/** One indicator's months against its target line, and the same numbers as a table. */
export function TrendChart({ table, code }: { table: ScorecardTable; code: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const row = table.rows.find((r) => r.indicatorCode === code);
  if (!row) return null;
  const points = row.cells.map((c) => ({ month: formatMonth(c.month, lang), value: c.value, target: c.target }));
  return (
    <figure className="app-figure">
      <figcaption>{t('results.trendCaption', { name: row.name[lang] })}</figcaption>
      <div className="app-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={240}>
          <ComposedChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis />
            <Tooltip />
            <Legend verticalAlign="top" />
            <Line type="monotone" dataKey="value" name={t('results.value')} stroke={COLOURS[0]} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="target" name={t('results.target')} stroke={COLOURS[1]} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details className="app-details">
        <summary>{t('results.chartNumbers')}</summary>
        <table className="table table--compact app-table">
          <caption className="sr-only">{t('results.trendTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.month')}</th>
              <th scope="col">{t('results.value')}</th>
              <th scope="col">{t('results.target')}</th>
            </tr>
          </thead>
          <tbody>
            {row.cells.map((c) => (
              <tr key={c.month}>
                <th scope="row">{formatMonth(c.month, lang)}</th>
                <td>{c.status === 'ok' ? formatFigure(c.value, row.unit, i18n.language) : t(`results.status.${c.status}`)}</td>
                <td>{formatFigure(c.target, row.unit, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
