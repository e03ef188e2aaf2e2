import { addDays, type IsoDate } from '../calendar/iso-date';

/** A period of days, both ends included. */
export type Period = { from: IsoDate; to: IsoDate };

export type ReferralState = 'sent' | 'accepted' | 'declined' | 'enrolled' | 'completed';
export type EnrolmentStatus = 'seated' | 'waitlisted' | 'pending_approval' | 'cancelled' | 'completed' | 'dropped_out';

function within(day: IsoDate, period: Period): boolean {
  return day >= period.from && day <= period.to;
}

/** Referrals sent in the period, and how far each has come now. */
export function countReferrals(referrals: readonly { sentOn: IsoDate; state: ReferralState }[], period: Period): Record<ReferralState, number> & { total: number } {
  const counts = { total: 0, sent: 0, accepted: 0, declined: 0, enrolled: 0, completed: 0 };
  for (const r of referrals) {
    if (!within(r.sentOn, period)) continue;
    counts.total++;
    counts[r.state]++;
  }
  return counts;
}

/** Enrolments made in the period that got a seat at some point (waitlisted-only ones are left out). */
export function countEnrolments(enrolments: readonly { enrolledOn: IsoDate; everSeated: boolean }[], period: Period): number {
  return enrolments.filter((e) => e.everSeated && within(e.enrolledOn, period)).length;
}

/** Share of registered attendances that were present; null when nothing was registered. */
export function attendanceRate(attendance: readonly { day: IsoDate; status: 'present' | 'absent' }[], period: Period): { present: number; absent: number; rate: number | null } {
  let present = 0;
  let absent = 0;
  for (const a of attendance) {
    if (!within(a.day, period)) continue;
    if (a.status === 'present') present++;
    else absent++;
  }
  return { present, absent, rate: present + absent === 0 ? null : present / (present + absent) };
}

/**
 * Of the participants whose course ended in the period, the share who completed it. A participant
 * who left because they got a job counts as completed: that is the point of the offer.
 */
export function completionRate(enrolments: readonly { endedOn: IsoDate | null; status: EnrolmentStatus; leftForJob?: boolean }[], period: Period): { ended: number; completed: number; rate: number | null } {
  let ended = 0;
  let completed = 0;
  for (const e of enrolments) {
    if (e.endedOn === null || !within(e.endedOn, period)) continue;
    if (e.status !== 'completed' && e.status !== 'dropped_out') continue;
    ended++;
    if (e.status === 'completed' || e.leftForJob) completed++;
  }
  return { ended, completed, rate: ended === 0 ? null : completed / ended };
}

/**
 * Share in an ordinary job within `weeks` weeks after the offer ended. Only participants whose
 * whole window has passed by `asOf` are counted, unless they already found a job: counting the
 * ones still inside their window would understate the share (they are censored, not failures).
 */
export function shareInJobWithinWeeks(
  participants: readonly { offerEndedOn: IsoDate; jobStartedOn: IsoDate | null }[],
  weeks: number,
  asOf: IsoDate,
): { counted: number; inJob: number; share: number | null } {
  let counted = 0;
  let inJob = 0;
  for (const p of participants) {
    const windowEnd = addDays(p.offerEndedOn, weeks * 7);
    const gotJob = p.jobStartedOn !== null && p.jobStartedOn <= windowEnd && p.jobStartedOn <= asOf;
    if (!gotJob && windowEnd > asOf) continue;
    counted++;
    if (gotJob) inJob++;
  }
  return { counted, inJob, share: counted === 0 ? null : inJob / counted };
}
