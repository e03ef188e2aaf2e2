import { addMonthsClamped, type IsoDate } from '../calendar/iso-date';
import { MENTOR_MAX_MONTHS } from './catalogue';

export type Mentor = { id: string; fields: readonly string[]; municipalityCode: number; active: boolean; activeMentees: number; maxMentees: number };

/**
 * Mentors (employed volunteers) for a jobseeker: same field first, then same municipality,
 * leaving out mentors who are full. Field is required: a mentor from another field cannot
 * speak to the jobseeker's job goal.
 */
export function matchMentors(mentors: readonly Mentor[], jobseeker: { field: string; municipalityCode: number | null }): { mentor: Mentor; sameArea: boolean }[] {
  return mentors
    .filter((m) => m.active && m.activeMentees < m.maxMentees && m.fields.includes(jobseeker.field))
    .map((mentor) => ({ mentor, sameArea: jobseeker.municipalityCode !== null && mentor.municipalityCode === jobseeker.municipalityCode }))
    .sort((a, b) => Number(b.sameArea) - Number(a.sameArea) || a.mentor.activeMentees - b.mentor.activeMentees || a.mentor.id.localeCompare(b.mentor.id));
}

/** The last day of a mentor programme started on `start`: at most 2 months. */
export function mentorProgrammeEnd(start: IsoDate): IsoDate {
  return addMonthsClamped(start, MENTOR_MAX_MONTHS);
}
