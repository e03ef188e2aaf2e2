import { z } from 'zod';
import type { Label } from './label';
import type { OrganisationKind } from './organisation-kinds';

// Target groups (målgrupper) as the employment-effort act names them. A-kasser meet only
// insured members on dagpenge; every group is the jobcentre's.
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
export type TargetGroup = (typeof TARGET_GROUP_CODES)[number];
export const ZTargetGroup = z.enum(TARGET_GROUP_CODES);

export type TargetGroupInfo = {
  code: TargetGroup;
  label: Label;
  /** Which kinds of organisation hold conversations with this group. */
  handledBy: readonly OrganisationKind[];
};

const JOBCENTER: readonly OrganisationKind[] = ['jobcenter'];

const INFO: Record<TargetGroup, Omit<TargetGroupInfo, 'code'>> = {
  unemployment_insurance: {
    label: { da: 'Dagpenge (forsikret ledig)', en: 'Unemployment insurance benefit (insured unemployed)' },
    handledBy: ['akasse', 'jobcenter'],
  },
  cash_benefit_job_ready: { label: { da: 'Kontanthjælp, jobparat', en: 'Cash benefit, job-ready' }, handledBy: JOBCENTER },
  cash_benefit_activity_ready: { label: { da: 'Kontanthjælp, aktivitetsparat', en: 'Cash benefit, activity-ready' }, handledBy: JOBCENTER },
  // The act calls the ready group on uddannelseshjælp "uddannelsesparat", not "jobparat".
  education_benefit_education_ready: {
    label: { da: 'Uddannelseshjælp, uddannelsesparat', en: 'Education benefit, education-ready' },
    handledBy: JOBCENTER,
  },
  education_benefit_activity_ready: {
    label: { da: 'Uddannelseshjælp, aktivitetsparat', en: 'Education benefit, activity-ready' },
    handledBy: JOBCENTER,
  },
  transition_benefit: {
    label: {
      da: 'Selvforsørgelses- og hjemrejseydelse / overgangsydelse',
      en: 'Self-support and return benefit / transition benefit',
    },
    handledBy: JOBCENTER,
  },
  sickness_benefit: { label: { da: 'Sygedagpenge', en: 'Sickness benefit' }, handledBy: JOBCENTER },
  rehabilitation: { label: { da: 'Revalidering', en: 'Vocational rehabilitation' }, handledBy: JOBCENTER },
  resource_course: { label: { da: 'Ressourceforløb', en: 'Resource course' }, handledBy: JOBCENTER },
  job_clarification_course: { label: { da: 'Jobafklaringsforløb', en: 'Job clarification course' }, handledBy: JOBCENTER },
  flex_job_unemployment: {
    label: { da: 'Ledighedsydelse (visiteret til fleksjob)', en: 'Unemployment benefit for people eligible for a flex job' },
    handledBy: JOBCENTER,
  },
  disability_pension: { label: { da: 'Førtidspension', en: 'Disability pension' }, handledBy: JOBCENTER },
  self_supporting: {
    label: { da: 'Selvforsørgende (uden offentlig forsørgelse)', en: 'Self-supporting (no public benefit)' },
    handledBy: JOBCENTER,
  },
};

export const TARGET_GROUPS: readonly TargetGroupInfo[] = TARGET_GROUP_CODES.map((code) => ({ code, ...INFO[code] }));

export function isTargetGroup(value: unknown): value is TargetGroup {
  return typeof value === 'string' && Object.hasOwn(INFO, value);
}

export function findTargetGroup(code: string): TargetGroupInfo | undefined {
  return isTargetGroup(code) ? { code, ...INFO[code] } : undefined;
}

export function listTargetGroupsFor(kind: OrganisationKind): TargetGroupInfo[] {
  return TARGET_GROUPS.filter((g) => g.handledBy.includes(kind));
}
