import { describe, expect, it } from 'vitest';
import { attendanceRate, completionRate, countEnrolments, countReferrals, shareInJobWithinWeeks } from './indicators';
import { matchMentors, mentorProgrammeEnd } from './mentor';
import { themeForMeeting, jobClubWeeks } from './catalogue';

const november = { from: '2026-11-01', to: '2026-11-30' };

describe('offer indicators', () => {
  it('counts referrals sent in the month by how far they came', () => {
    const result = countReferrals(
      [
        { sentOn: '2026-11-03', state: 'enrolled' },
        { sentOn: '2026-11-20', state: 'declined' },
        { sentOn: '2026-10-31', state: 'completed' },
      ],
      november,
    );
    expect(result).toEqual({ total: 2, sent: 0, accepted: 0, declined: 1, enrolled: 1, completed: 0 });
  });
  it('counts enrolments that got a seat, not those only on the waitlist', () => {
    expect(countEnrolments([{ enrolledOn: '2026-11-03', everSeated: true }, { enrolledOn: '2026-11-03', everSeated: false }], november)).toBe(1);
  });
  it('gives the attendance rate, or none when nothing was registered', () => {
    expect(attendanceRate([{ day: '2026-11-02', status: 'present' }, { day: '2026-11-09', status: 'present' }, { day: '2026-11-16', status: 'absent' }, { day: '2026-11-23', status: 'present' }], november).rate).toBe(0.75);
    expect(attendanceRate([], november).rate).toBeNull();
  });
  it('counts leaving for a job as completing', () => {
    expect(
      completionRate(
        [
          { endedOn: '2026-11-20', status: 'completed' },
          { endedOn: '2026-11-10', status: 'dropped_out', leftForJob: true },
          { endedOn: '2026-11-12', status: 'dropped_out' },
          { endedOn: null, status: 'seated' },
        ],
        november,
      ),
    ).toEqual({ ended: 3, completed: 2, rate: 2 / 3 });
  });
  it('leaves out participants still inside their window unless they already have a job', () => {
    const result = shareInJobWithinWeeks(
      [
        { offerEndedOn: '2026-08-01', jobStartedOn: '2026-09-01' }, // job within 13 weeks
        { offerEndedOn: '2026-08-01', jobStartedOn: '2026-12-01' }, // job, but too late
        { offerEndedOn: '2026-10-15', jobStartedOn: null }, // still inside the window: censored
        { offerEndedOn: '2026-10-15', jobStartedOn: '2026-10-20' }, // inside the window, already in job
      ],
      13,
      '2026-11-02',
    );
    expect(result).toEqual({ counted: 3, inJob: 2, share: 2 / 3 });
  });
});

describe('catalogue rules', () => {
  it('gives a dagpenge recipient the 5-week job club and a cash-benefit recipient 13 weeks', () => {
    expect(jobClubWeeks('unemployment_insurance')).toBe(5);
    expect(jobClubWeeks('cash_benefit_job_ready')).toBe(13);
  });
  it('rotates theme meetings through the themes', () => {
    const themes = ['Ansøgningen', 'Netværk & Canvas', 'Jobsamtalen'];
    expect([0, 1, 2, 3].map((i) => themeForMeeting(themes, i))).toEqual(['Ansøgningen', 'Netværk & Canvas', 'Jobsamtalen', 'Ansøgningen']);
  });
  it('matches mentors from the same field, the same municipality first, and ends the programme within 2 months', () => {
    const mentors = [
      { id: 'a', fields: ['daycare'], municipalityCode: 101, active: true, activeMentees: 0, maxMentees: 2 },
      { id: 'b', fields: ['daycare'], municipalityCode: 615, active: true, activeMentees: 1, maxMentees: 2 },
      { id: 'c', fields: ['school'], municipalityCode: 615, active: true, activeMentees: 0, maxMentees: 2 },
      { id: 'd', fields: ['daycare'], municipalityCode: 615, active: true, activeMentees: 2, maxMentees: 2 },
    ];
    expect(matchMentors(mentors, { field: 'daycare', municipalityCode: 615 }).map((m) => m.mentor.id)).toEqual(['b', 'a']);
    expect(mentorProgrammeEnd('2026-12-31')).toBe('2027-02-28');
  });
});
