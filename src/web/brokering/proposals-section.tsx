import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { correctionSteps, NOT_HIRED_REASONS, useMoveProposal, usePropose, useProposals, type MoveProposalInput, type NotHiredReason, type Proposal, type ProposalStep } from '../api/brokering';
import { ErrorAlert, fieldErrors } from '../components/error-alert';
import { SelectField, TextField } from '../components/form-field';
import { Loading } from '../components/loading';
import { formatDate } from '../i18n/format';
import { useJobseekerSearch } from '../api/jobseekers';

const PLAIN_STEPS = ['candidate_contacted', 'sent_to_employer', 'interview'] as const;

/** The candidates proposed for a job order, each with the steps it can take next. */
export function ProposalsSection({ jobOrderId, orderKind, canWrite, canPropose }: { jobOrderId: string; orderKind: string; canWrite: boolean; canPropose: boolean }) {
  const { t } = useTranslation();
  const proposals = useProposals(jobOrderId);
  return (
    <section aria-labelledby="proposals">
      <h2 id="proposals">{t('placements.title')}</h2>
      {proposals.isLoading ? <Loading /> : null}
      <ErrorAlert error={proposals.error} />
      {proposals.data && proposals.data.items.length === 0 ? <p>{t('placements.none')}</p> : null}
      {proposals.data && proposals.data.items.length > 0 ? (
        <ul className="app-proposals">
          {proposals.data.items.map((p) => (
            <ProposalItem key={p.id} jobOrderId={jobOrderId} orderKind={orderKind} proposal={p} canWrite={canWrite} />
          ))}
        </ul>
      ) : null}
      {canPropose ? <ProposeOther jobOrderId={jobOrderId} proposed={new Set((proposals.data?.items ?? []).map((p) => p.jobseekerId))} /> : null}
    </section>
  );
}

/** Any jobseeker of the organisation can be proposed, not only the ranked ones; the server checks the active spell. */
function ProposeOther({ jobOrderId, proposed }: { jobOrderId: string; proposed: Set<string> }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = q.trim();
  const search = useJobseekerSearch({ q: term, page: 1, pageSize: 5, sort: 'name' }, { enabled: term.length >= 2 });
  const propose = usePropose(jobOrderId);
  return (
    <>
      <TextField id="propose-search" label={t('placements.searchOther')} hint={t('placements.searchHint')} value={q} onChange={setQ} />
      {term.length >= 2 && search.data ? (
        search.data.items.length === 0 ? (
          <p>{t('placements.noneFound')}</p>
        ) : (
          <ul className="app-proposal-search">
            {search.data.items.map((j) => {
              const name = `${j.firstName} ${j.lastName}`;
              return (
                <li key={j.id}>
                  {name}{' '}
                  {proposed.has(j.id) ? (
                    t('placements.proposed')
                  ) : (
                    <button type="button" className="button button-secondary" disabled={propose.isPending} onClick={() => propose.mutate({ jobseekerId: j.id })} aria-label={`${t('placements.propose')} ${name}`}>
                      {t('placements.propose')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )
      ) : null}
      <ErrorAlert error={propose.error} />
    </>
  );
}

function ProposalItem({ jobOrderId, orderKind, proposal: p, canWrite }: { jobOrderId: string; orderKind: string; proposal: Proposal; canWrite: boolean }) {
  const { t } = useTranslation();
  const move = useMoveProposal(jobOrderId, p.id);
  const [reason, setReason] = useState('');
  const [startDate, setStartDate] = useState('');
  const errors = fieldErrors(move.error);
  const go = (input: Omit<MoveProposalInput, 'version'>) => move.mutate({ ...input, version: p.version });
  const open = canWrite && p.nextSteps.length > 0;
  return (
    <li className="app-proposal">
      <p>
        <strong>{p.jobseekerName}</strong> – {t(`placements.steps.${p.step}`)}
        {p.matchScore !== null ? ` · ${t('brokering.match.score', { score: p.matchScore })}` : ''}
        {p.notHiredReason ? ` · ${t(`placements.reasons.${p.notHiredReason}`)}` : ''}
        {p.hiredStartDate ? ` · ${t('placements.startsOn', { date: formatDate(p.hiredStartDate) })}` : ''}
      </p>
      {open ? (
        <>
          <p className="app-proposal-steps">
            {PLAIN_STEPS.filter((s) => p.nextSteps.includes(s)).map((s) => (
              <button key={s} type="button" className="button button-secondary" disabled={move.isPending} onClick={() => go({ step: s })} aria-label={`${t(`placements.steps.${s}`)}: ${p.jobseekerName}`}>
                {t(`placements.steps.${s}`)}
              </button>
            ))}
          </p>
          <SelectField
            id={`not-hired-reason-${p.id}`}
            label={t('placements.notHiredReason', { name: p.jobseekerName })}
            value={reason}
            onChange={setReason}
            options={NOT_HIRED_REASONS.map((r) => ({ value: r, label: t(`placements.reasons.${r}`) }))}
            emptyLabel={t('placements.chooseReason')}
            error={errors.notHiredReason}
          />
          <p>
            <button type="button" className="button button-secondary" disabled={move.isPending} onClick={() => go({ step: 'not_hired', ...(reason ? { notHiredReason: reason as NotHiredReason } : {}) })} aria-label={`${t('placements.steps.not_hired')}: ${p.jobseekerName}`}>
              {t('placements.steps.not_hired')}
            </button>
          </p>
          <TextField id={`hired-start-${p.id}`} type="date" label={t('placements.hiredStartDate', { name: p.jobseekerName })} hint={t(orderKind === 'wage_subsidy' || orderKind === 'internship' ? `placements.hiredHintActivity.${orderKind}` : 'placements.hiredHint')} value={startDate} onChange={setStartDate} error={errors.hiredStartDate} />
          <p>
            <button type="button" className="button button-primary" disabled={move.isPending} onClick={() => go({ step: 'hired', ...(startDate ? { hiredStartDate: startDate } : {}) })} aria-label={`${t('placements.steps.hired')}: ${p.jobseekerName}`}>
              {t('placements.steps.hired')}
            </button>
          </p>
        </>
      ) : null}
      {canWrite && correctionSteps(p.step).length > 0 ? <CorrectStep jobOrderId={jobOrderId} proposal={p} /> : null}
      <ErrorAlert error={move.error} knownFields={['notHiredReason', 'hiredStartDate']} />
    </li>
  );
}

/** Putting a proposal back a step is a correction: it needs a reason, which the audit log keeps. */
function CorrectStep({ jobOrderId, proposal: p }: { jobOrderId: string; proposal: Proposal }) {
  const { t } = useTranslation();
  const move = useMoveProposal(jobOrderId, p.id);
  const [step, setStep] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(move.error);
  const submit = () => move.mutate({ step: (step || p.step) as ProposalStep, version: p.version, ...(reason.trim() ? { correctionReason: reason } : {}) }, { onSuccess: () => setReason('') });
  return (
    <details className="app-proposal-correct">
      <summary>{t('placements.correct.summary')}</summary>
      <SelectField
        id={`correct-step-${p.id}`}
        label={t('placements.correct.step', { name: p.jobseekerName })}
        value={step}
        onChange={setStep}
        options={correctionSteps(p.step).map((s) => ({ value: s, label: t(`placements.steps.${s}`) }))}
        emptyLabel={t('placements.correct.chooseStep')}
        error={errors.step}
      />
      <TextField id={`correct-reason-${p.id}`} label={t('placements.correct.reason')} hint={t('placements.correct.reasonHint')} value={reason} onChange={setReason} error={errors.correctionReason} />
      <p>
        <button type="button" className="button button-secondary" disabled={move.isPending} onClick={submit} aria-label={`${t('placements.correct.submit')}: ${p.jobseekerName}`}>
          {t('placements.correct.submit')}
        </button>
      </p>
      <ErrorAlert error={move.error} knownFields={['step', 'correctionReason']} />
    </details>
  );
}
