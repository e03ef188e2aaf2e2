import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { useAnswerJobOrder, useCandidates, useJobOrder, usePropose, useProposals, type Label } from '../api/brokering';
import { ErrorAlert } from '../components/error-alert';
import { SelectField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { formatDate, formatDateTime } from '../i18n/format';
import { Fact } from './fact';
import { municipalityName } from './options';
import { ProposalsSection } from './proposals-section';

const route = getRouteApi('/authenticated/job-orders/$id');
const RISKS = ['low', 'medium', 'high'] as const;

/** One job order: its facts and response time, and candidates ranked with reasons and the weights behind them. */
export function JobOrderDetailPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { id } = route.useParams();
  const order = useJobOrder(id);
  const answer = useAnswerJobOrder(id);
  const [risk, setRisk] = useState('');
  const candidates = useCandidates(id, { risk: risk || undefined });
  const proposals = useProposals(id);
  const propose = usePropose(id);
  const label = (l: Label | null | undefined) => (l ? (i18n.language === 'en' ? l.en : l.da) : '');

  if (order.isLoading) return <Loading />;
  if (!order.data) return <ErrorAlert error={order.error} />;
  const o = order.data;
  const canPropose = o.status === 'open' && can(me, 'job_order.write');
  const proposed = new Set((proposals.data?.items ?? []).map((p) => p.jobseekerId));

  return (
    <>
      <PageHeading title={o.title}>{o.title}</PageHeading>
      <dl className="app-facts">
        <Fact label={t('brokering.jobOrders.fields.employer')}>{o.employerName}</Fact>
        <Fact label={t('brokering.jobOrders.fields.occupation')}>{`${label(o.occupationTitle)} (${o.occupationCode})`}</Fact>
        <Fact label={t('brokering.jobOrders.fields.place')}>{municipalityName(o.municipalityCode)}</Fact>
        <Fact label={t('brokering.jobOrders.fields.hours')}>{o.hoursPerWeek}</Fact>
        <Fact label={t('brokering.jobOrders.fields.kind')}>{t(`brokering.kinds.${o.kind}`)}</Fact>
        <Fact label={t('brokering.jobOrders.fields.wantedStart')}>{o.wantedStart ? formatDate(o.wantedStart) : '–'}</Fact>
        <Fact label={t('brokering.jobOrders.fields.skills')}>{o.skills.length ? o.skills.join(', ') : '–'}</Fact>
        <Fact label={t('brokering.jobOrders.fields.contact')}>{[o.contactName, o.contactEmail, o.contactPhone].filter(Boolean).join(' · ') || '–'}</Fact>
        <Fact label={t('brokering.jobOrders.fields.response')}>
          {t(`brokering.response.${o.responseState}`)}
          {' – '}
          {o.answeredAt ? t('brokering.jobOrders.answeredBy', { at: formatDateTime(o.answeredAt), name: o.answeredByName ?? '' }) : t('brokering.jobOrders.dueAt', { at: formatDateTime(o.responseDueAt) })}
        </Fact>
      </dl>
      {o.description ? <p>{o.description}</p> : null}
      {!o.answeredAt && can(me, 'job_order.write') ? (
        <p>
          <button type="button" className="button button-secondary" onClick={() => answer.mutate()} disabled={answer.isPending}>
            {t('brokering.jobOrders.markAnswered')}
          </button>
        </p>
      ) : null}
      <ErrorAlert error={answer.error} />

      <ProposalsSection jobOrderId={id} orderKind={o.kind} canWrite={can(me, 'job_order.write')} canPropose={canPropose} />

      <section aria-labelledby="candidates">
        <h2 id="candidates">{t('brokering.match.title')}</h2>
        <p>{t('brokering.match.advice')}</p>
        <SelectField id="risk" label={t('brokering.match.risk')} value={risk} onChange={setRisk} options={RISKS.map((r) => ({ value: r, label: t(`brokering.match.risks.${r}`) }))} emptyLabel={t('brokering.all')} />
        {candidates.isLoading ? <Loading /> : null}
        {candidates.error ? <ErrorAlert error={candidates.error} /> : null}
        <ErrorAlert error={propose.error} />
        {candidates.data ? (
          <>
            <p>
              {t('brokering.match.considered', { count: candidates.data.considered, radius: candidates.data.radiusKm })}
              {candidates.data.shortlisted < candidates.data.considered ? ` ${t('brokering.match.shortlisted', { count: candidates.data.shortlisted })}` : ''}
            </p>
            <p>
              {t('brokering.match.weights')}{' '}
              {Object.entries(candidates.data.weights)
                .map(([part, w]) => `${t(`brokering.match.parts.${part}`)} ${w}`)
                .join(' · ')}
            </p>
            {candidates.data.items.length === 0 ? (
              <p>{t('brokering.match.none')}</p>
            ) : (
              <ol className="app-candidates">
                {candidates.data.items.map((c) => (
                  <li key={c.jobseekerId}>
                    <strong>{c.name}</strong> – {t('brokering.match.score', { score: c.score })}
                    {c.riskBand ? ` · ${t(`brokering.match.risks.${c.riskBand}`)}` : ''}
                    <br />
                    <span>{label(c.summary)}</span>
                    {proposed.has(c.jobseekerId) ? (
                      <>
                        <br />
                        <span>{t('placements.proposed')}</span>
                      </>
                    ) : canPropose ? (
                      <>
                        <br />
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={propose.isPending}
                          onClick={() => propose.mutate({ jobseekerId: c.jobseekerId, matchScore: Math.round(c.score) })}
                          aria-label={`${t('placements.propose')} ${c.name}`}
                        >
                          {t('placements.propose')}
                        </button>
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </>
        ) : null}
      </section>
    </>
  );
}
