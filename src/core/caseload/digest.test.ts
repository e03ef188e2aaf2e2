import { describe, expect, it } from 'vitest';
import { composeWeeklyDigest, DIGEST_MAX_LINES } from './digest.js';

const base = { recipientName: 'Vera Vejleder', recipientRole: 'caseworker' as const, week: '2026-W45', today: '2026-11-02' };

describe('the weekly digest e-mail', () => {
  it('is not sent when nothing is overdue', () => {
    expect(composeWeeklyDigest({ ...base, conversations: [], tasks: [] })).toBeNull();
  });

  it('lists a caseworker’s overdue talks and tasks, oldest first, with how late they are', () => {
    const mail = composeWeeklyDigest({
      ...base,
      conversations: [
        { jobseekerName: 'Hanne Jensen', caseworkerName: 'Vera Vejleder', label: 'CV-samtale', latest: '2026-10-30' },
        { jobseekerName: 'Bo Hansen', caseworkerName: 'Vera Vejleder', label: 'Rådighedssamtale', latest: '2026-10-01' },
      ],
      tasks: [{ jobseekerName: 'Bo Hansen', caseworkerName: 'Vera Vejleder', title: 'Udeblevet fra Rådighedssamtale: vurdér rådighed', dueDate: '2026-11-01' }],
    })!;
    expect(mail.subject).toBe('Jobspor uge 45: 3 overskredne frister');
    expect(mail.body).toContain('Hej Vera Vejleder');
    expect(mail.body).toContain('Samtaler over fristen (2):\n- Bo Hansen: Rådighedssamtale, senest 1. oktober 2026 (32 dage over)\n- Hanne Jensen: CV-samtale, senest 30. oktober 2026 (3 dage over)');
    expect(mail.body).toContain('Opgaver over fristen (1):\n- Bo Hansen: Udeblevet fra Rådighedssamtale: vurdér rådighed, frist 1. november 2026 (1 dag over)');
  });

  it('tells a manager who holds each case', () => {
    const mail = composeWeeklyDigest({
      ...base,
      recipientName: 'Lise Leder',
      recipientRole: 'manager',
      scopeName: 'Afdeling Nord',
      conversations: [{ jobseekerName: 'Hanne Jensen', caseworkerName: 'Vera Vejleder', label: 'CV-samtale', latest: '2026-10-30' }],
      tasks: [],
    })!;
    expect(mail.subject).toBe('Jobspor uge 45: 1 overskredet frist');
    expect(mail.body).toContain('i Afdeling Nord');
    expect(mail.body).toContain('- Hanne Jensen (Vera Vejleder): CV-samtale');
  });

  it('keeps a long list short and points to the app for the rest', () => {
    const conversations = Array.from({ length: DIGEST_MAX_LINES + 7 }, (_, i) => ({ jobseekerName: `Person ${i}`, caseworkerName: null, label: 'Kontaktsamtale', latest: '2026-10-30' }));
    const mail = composeWeeklyDigest({ ...base, conversations, tasks: [] })!;
    expect(mail.body.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(DIGEST_MAX_LINES);
    expect(mail.body).toContain('… og 7 mere i Jobspor.');
  });
});
