/**
 * Codes the contact course uses, in the order they are offered. Their labels are in the
 * translations (targetGroups.*, endReasons.*); the server checks every code it is sent.
 */
export const TARGET_GROUP_CODES = [
  'unemployment_insurance',
  'cash_benefit_job_ready',
  'cash_benefit_activity_ready',
  'education_benefit_education_ready',
  'education_benefit_activity_ready',
  'transition_benefit',
  'sickness_benefit',
  'rehabilitation',
  'resource_course',
  'job_clarification_course',
  'flex_job_unemployment',
  'disability_pension',
  'self_supporting',
] as const;

/** An a-kasse meets only insured members on dagpenge; a jobcentre meets every group. */
export function targetGroupsFor(kind: 'akasse' | 'jobcenter'): readonly string[] {
  return kind === 'akasse' ? ['unemployment_insurance'] : TARGET_GROUP_CODES;
}

/** "became_unemployed" is set by turning a notice spell into an unemployment spell, not chosen. */
export const END_REASON_CODES = ['ordinary_job', 'education', 'handed_over', 'moved', 'sickness', 'other'] as const;

/** Conversation types a caseworker may add beyond the cadence. */
export const AD_HOC_TYPES = ['extra_contact', 'contact', 'sparring', 'availability', 'closing'] as const;
