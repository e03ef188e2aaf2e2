import type { Label } from '../reference/label';

// A proposal: a broker puts a jobseeker forward for a job order. It moves forward one step at a
// time (a step may be skipped) to hired or not hired; going back is a correction and needs a reason.

export const PROPOSAL_STEPS = ['proposed', 'candidate_contacted', 'sent_to_employer', 'interview', 'hired', 'not_hired'] as const;
export type ProposalStep = (typeof PROPOSAL_STEPS)[number];

export const PROPOSAL_STEP_LABELS: Record<ProposalStep, Label> = {
  proposed: { da: 'Foreslået', en: 'Proposed' },
  candidate_contacted: { da: 'Kandidat kontaktet', en: 'Candidate contacted' },
  sent_to_employer: { da: 'Sendt til arbejdsgiver', en: 'Sent to employer' },
  interview: { da: 'Samtale', en: 'Interview' },
  hired: { da: 'Ansat', en: 'Hired' },
  not_hired: { da: 'Ikke ansat', en: 'Not hired' },
};

export const NOT_HIRED_REASONS = ['employer_chose_other', 'candidate_declined', 'not_qualified', 'no_show', 'position_withdrawn', 'other'] as const;
export type NotHiredReason = (typeof NOT_HIRED_REASONS)[number];

export const NOT_HIRED_REASON_LABELS: Record<NotHiredReason, Label> = {
  employer_chose_other: { da: 'Arbejdsgiveren valgte en anden', en: 'The employer chose someone else' },
  candidate_declined: { da: 'Kandidaten takkede nej', en: 'The candidate declined' },
  not_qualified: { da: 'Kvalifikationerne passede ikke', en: 'The qualifications did not fit' },
  no_show: { da: 'Kandidaten mødte ikke op', en: 'The candidate did not show up' },
  position_withdrawn: { da: 'Stillingen blev trukket tilbage', en: 'The position was withdrawn' },
  other: { da: 'Andet', en: 'Other' },
};

/** A broker proposes this many candidates for an order, at most (the issue asks for 2–3). */
export const MAX_ACTIVE_PROPOSALS_PER_POSITION = 3;

const rank = (s: ProposalStep) => (s === 'not_hired' ? PROPOSAL_STEPS.indexOf('hired') : PROPOSAL_STEPS.indexOf(s));

export const isFinalStep = (s: ProposalStep) => s === 'hired' || s === 'not_hired';

export type MoveCheck = { ok: true; correction: boolean } | { ok: false; field: 'step' | 'correctionReason'; message: Label };

/**
 * Whether a proposal may move from one step to another. Forward (skipping steps is allowed) is a
 * move; back, or from one outcome to the other, is a correction and needs a reason. A hire is
 * final: it ended the spell or started an activity on it, which is corrected there, not here.
 */
export function checkMove(from: ProposalStep, to: ProposalStep, correctionReason: string | null | undefined): MoveCheck {
  const toLabel = PROPOSAL_STEP_LABELS[to];
  const fromLabel = PROPOSAL_STEP_LABELS[from];
  if (from === to) return { ok: false, field: 'step', message: { da: `Forslaget står allerede på "${toLabel.da}".`, en: `The proposal is already at "${toLabel.en}".` } };
  if (from === 'hired')
    return {
      ok: false,
      field: 'step',
      message: { da: 'Ansættelsen er registreret og kan ikke ændres her; ret forløbet i stedet.', en: 'The hire is recorded and cannot be changed here; correct the spell instead.' },
    };
  const forward = rank(to) > rank(from);
  if (forward) return { ok: true, correction: false };
  if (!correctionReason || correctionReason.trim() === '')
    return {
      ok: false,
      field: 'correctionReason',
      message: {
        da: `Fra "${fromLabel.da}" til "${toLabel.da}" er en rettelse: skriv en begrundelse.`,
        en: `From "${fromLabel.en}" to "${toLabel.en}" is a correction: give a reason.`,
      },
    };
  return { ok: true, correction: true };
}

/** The steps a broker can press next from a step (forward moves only; corrections go through the form). */
export function nextSteps(from: ProposalStep): ProposalStep[] {
  if (isFinalStep(from)) return [];
  return PROPOSAL_STEPS.filter((s) => rank(s) > rank(from));
}

/** The steps a proposal can be put back to, as a correction with a reason (a hire is final). */
export function correctionSteps(from: ProposalStep): ProposalStep[] {
  if (from === 'hired') return [];
  return PROPOSAL_STEPS.filter((s) => rank(s) < rank(from));
}

/** The order is filled when its hires reach its positions. */
export function isFilled(positions: number, hires: number): boolean {
  return hires >= positions;
}
