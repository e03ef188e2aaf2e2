import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportUrl, useInitiatives, useScorecard, useScorecards, useSurvivalCurves } from '../api/measurement';
import { ErrorAlert } from '../components/error-alert';
import { SelectField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { SurvivalChart, TrendChart } from './charts';
import { ScorecardTable } from './scorecard-table';

/** "Resultater": the manager's scorecards, survival curve and trends, with exports. */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const [initiativeId, setInitiativeId] = useState('');
  const [chosen, setChosen] = useState('');
  const [trendCode, setTrendCode] = useState('');
  const initiatives = useInitiatives();
  const cards = useScorecards();
  const visible = (cards.data ?? []).filter((c) => (initiativeId ? c.initiativeId === initiativeId : true));
  const scorecardId = visible.some((c) => c.id === chosen) ? chosen : visible[0]?.id;
  const table = useScorecard(scorecardId);
  const survival = useSurvivalCurves({ initiativeId: initiativeId || undefined });
  const trendOptions = (table.data?.rows ?? []).filter((r) => r.indicatorStatus === 'available');
  const trend = trendOptions.some((r) => r.indicatorCode === trendCode) ? trendCode : trendOptions[0]?.indicatorCode;

  return (
    <>
      <PageHeading title={t('results.title')}>{t('results.title')}</PageHeading>
      <p>{t('results.intro')}</p>
      <form className="app-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('results.choose')}>
        <SelectField
          id="initiative"
          label={t('results.initiative')}
          value={initiativeId}
          onChange={setInitiativeId}
          emptyLabel={t('results.wholeOrganisation')}
          options={(initiatives.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
        />
        <SelectField id="scorecard" label={t('results.scorecard')} value={scorecardId ?? ''} onChange={setChosen} options={visible.map((c) => ({ value: c.id, label: c.name }))} />
      </form>
      {cards.error ? <ErrorAlert error={cards.error} /> : null}
      {cards.data && visible.length === 0 ? <p>{t('results.noScorecards')}</p> : null}
      {table.error ? <ErrorAlert error={table.error} /> : null}
      {scorecardId && table.isPending ? <Loading /> : null}
      {table.data ? (
        <section aria-labelledby="scorecard-heading">
          <h2 id="scorecard-heading">{table.data.name}</h2>
          <ul className="app-actions" aria-label={t('results.exports')}>
            {(['xlsx', 'csv', 'pdf'] as const).map((format) => (
              <li key={format}>
                <a className="button button-secondary" href={exportUrl(table.data.id, format)} download>
                  {t(`results.export.${format}`)}
                </a>
              </li>
            ))}
          </ul>
          <ScorecardTable table={table.data} />
          {trend ? (
            <>
              <h2>{t('results.trendHeading')}</h2>
              <form className="app-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('results.trendChoose')}>
                <SelectField id="trend" label={t('results.trendIndicator')} value={trend} onChange={setTrendCode} options={trendOptions.map((r) => ({ value: r.indicatorCode, label: r.name[lang] }))} />
              </form>
              <TrendChart table={table.data} code={trend} />
            </>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="survival-heading">
        <h2 id="survival-heading">{t('results.survivalHeading')}</h2>
        <p>{t('results.survivalIntro')}</p>
        {survival.error ? <ErrorAlert error={survival.error} /> : null}
        {survival.data ? <SurvivalChart data={survival.data} /> : <Loading />}
      </section>
    </>
  );
}
