import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { auditLog, jobseekers, outbox } from '../../src/db/schema';
import { createCprCipher } from '../../src/server/crypto/cpr-cipher';
import { runWeeklyDigest } from '../../src/server/digest/run-weekly-digest';
import { sweepAllSpellTasks } from '../../src/server/tasks/sync-spell-tasks';
import { createTestApp, TEST_CPR_KEY, TEST_TODAY, type TestApp } from '../support/app';
import { clearContactCourseData, findDemoOrganisation, insertSpellWithConversations, type DemoOrganisation } from '../support/contact-course';

let t: TestApp;
let akasse: DemoOrganisation;
let names: Map<string, string>;
let cprs: string[];

beforeAll(async () => {
  t = await createTestApp();
  await clearContactCourseData(t.connection.db);
  akasse = await findDemoOrganisation(t.connection.db, 'Demo A-kasse');
  const vera = akasse.staff['vejleder@akasse.demo']!;
  const birgitte = akasse.staff['vejleder2@akasse.demo']!;
  const add = (jobseekerId: string, who: { id: string; unitId: string | null }, conversations: Parameters<typeof insertSpellWithConversations>[1]['conversations']) =>
    insertSpellWithConversations(t.connection.db, { organisationId: akasse.id, jobseekerId, caseworkerId: who.id, unitId: who.unitId, startDate: '2026-10-05', conversations });
  const [a, b, c] = akasse.jobseekerIds as [string, string, string];
  await add(a, vera, [{ type: 'cv_contact', label: 'CV-samtale', latest: '2026-10-19' }]);
  await add(b, vera, [{ label: 'Rådighedssamtale', latest: '2026-10-30', status: 'no_show', scheduledAt: new Date('2026-10-27T09:00:00Z') }, { latest: '2026-12-01' }]);
  await add(c, birgitte, [{ label: 'Kontaktsamtale', latest: '2026-10-28', status: 'booked', scheduledAt: new Date('2026-11-05T09:00:00Z') }]);
  await sweepAllSpellTasks(t.connection.db, t.clock);
  const people = await t.connection.db.select().from(jobseekers).where(inArray(jobseekers.id, [a, b, c]));
  names = new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const cipher = createCprCipher(TEST_CPR_KEY);
  cprs = people.map((p) => cipher.decrypt(p.cprCiphertext));
});
afterAll(async () => t?.close());

const mails = () => t.connection.db.select().from(outbox).orderBy(asc(outbox.recipient));

describe('the weekly digest', () => {
  it('mails each caseworker their overdue items and the manager the whole organisation’s', async () => {
    const result = await runWeeklyDigest(t.connection.db, t.clock);
    expect(result).toEqual({ week: '2026-W45', recipients: 3, written: 3, alreadySent: 0 });
    const rows = await mails();
    expect(rows.map((m) => [m.recipient, m.idempotencyKey, m.template, m.status])).toEqual([
      ['leder@akasse.demo', `digest:${akasse.staff['leder@akasse.demo']!.id}:2026-W45`, 'weekly_digest', 'queued'],
      ['vejleder2@akasse.demo', `digest:${akasse.staff['vejleder2@akasse.demo']!.id}:2026-W45`, 'weekly_digest', 'queued'],
      ['vejleder@akasse.demo', `digest:${akasse.staff['vejleder@akasse.demo']!.id}:2026-W45`, 'weekly_digest', 'queued'],
    ]);
    const [a, b, c] = akasse.jobseekerIds.slice(0, 3).map((id) => names.get(id)!);
    const vera = rows.find((m) => m.recipient === 'vejleder@akasse.demo')!;
    expect(vera.subject).toBe('Jobspor uge 45: 2 overskredne frister');
    expect(vera.body).toContain(`- ${a}: CV-samtale, senest 19. oktober 2026 (14 dage over)`);
    expect(vera.body).toContain(`- ${b}: Udeblevet fra Rådighedssamtale den 27. oktober 2026: vurdér rådighed, frist 29. oktober 2026 (4 dage over)`);
    expect(vera.body).not.toContain(c);
    const lise = rows.find((m) => m.recipient === 'leder@akasse.demo')!;
    expect(lise.body).toContain('i hele organisationen');
    expect(lise.body).toContain(`- ${c} (Birgitte Bisgaard): Kontaktsamtale, senest 28. oktober 2026`);
    expect(lise.subject).toBe('Jobspor uge 45: 3 overskredne frister');
  });

  it('never puts a CPR number in a mail', async () => {
    for (const mail of await mails()) {
      for (const cpr of cprs) {
        expect(mail.body).not.toContain(cpr);
        expect(mail.body).not.toContain(`${cpr.slice(0, 6)}-${cpr.slice(6)}`);
      }
      expect(mail.body).not.toMatch(/\b\d{6}-?\d{4}\b/);
    }
  });

  it('writes nothing new when run twice in the same week', async () => {
    const before = await mails();
    t.clock.set('2026-11-04T09:00:00Z');
    try {
      expect(await runWeeklyDigest(t.connection.db, t.clock)).toEqual({ week: '2026-W45', recipients: 3, written: 0, alreadySent: 3 });
    } finally {
      t.clock.set(`${TEST_TODAY}T09:00:00Z`);
    }
    expect(await mails()).toEqual(before);
    expect(await t.connection.db.select().from(auditLog).where(eq(auditLog.subjectType, 'digest_email'))).toHaveLength(3);
  });

  it('mails again the next week', async () => {
    t.clock.set('2026-11-09T06:00:00Z');
    try {
      expect(await runWeeklyDigest(t.connection.db, t.clock)).toMatchObject({ week: '2026-W46', written: 3 });
    } finally {
      t.clock.set(`${TEST_TODAY}T09:00:00Z`);
    }
  });
});
