import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, like } from 'drizzle-orm';
import { outbox } from '../../src/db/schema';
import { runDueJourneys } from '../../src/server/offers/journeys';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';

// TEST_TODAY is Monday 2026-11-02: the member got notice today.
let t: TestApp;
let cw: Session;
let spellId: string;
let jobseekerId: string;

const mails = (id: string) => t.connection.db.select().from(outbox).where(and(eq(outbox.jobseekerId, id), like(outbox.template, 'journey:%'))).orderBy(asc(outbox.template));

beforeAll(async () => {
  t = await createTestApp();
  cw = await loginAs(t.app, 'vejleder@akasse.demo');
  jobseekerId = (await cw.request('POST', '/api/v1/jobseekers', { cpr: '050575-1234', firstName: 'Ole', lastName: 'Opsagt', email: 'ole.opsagt@eksempel.dk' })).json().id;
  spellId = (await cw.request('POST', `/api/v1/jobseekers/${jobseekerId}/spells`, { kind: 'notice', startDate: '2026-11-02', noticeEndDate: '2027-01-31', targetGroup: 'unemployment_insurance' })).json().id;
});
afterAll(async () => t?.close());

describe('the 5-mail job-search guide for a member under notice', () => {
  it('sends the first mail on the notice date when the member is put on it', async () => {
    const res = await cw.request('POST', `/api/v1/spells/${spellId}/journeys`, { journeyKey: 'job-search-guide' });
    expect(res.statusCode).toBe(201);
    expect(res.json()[0].steps.map((s: { day: number; sent: boolean }) => [s.day, s.sent])).toEqual([
      [0, true],
      [3, false],
      [7, false],
      [14, false],
      [21, false],
    ]);
    const sent = await mails(jobseekerId);
    expect(sent.map((m) => m.subject)).toEqual(['Kom godt i gang med jobsøgningen']);
    expect(sent[0]!.body).toContain('Kære Ole');
    expect(sent[0]!.body).toContain('Demo A-kasse');
  });

  it('writes each due mail once, however often the daily run goes', async () => {
    t.clock.set('2026-11-09T06:00:00Z');
    expect(await runDueJourneys({ db: t.connection.db, clock: t.clock })).toMatchObject({ sent: 2 });
    expect(await runDueJourneys({ db: t.connection.db, clock: t.clock })).toMatchObject({ sent: 0 });
    expect((await mails(jobseekerId)).map((m) => m.template)).toEqual(['journey:job-search-guide:1', 'journey:job-search-guide:2', 'journey:job-search-guide:3']);
  });

  it('stops when the member gets a job', async () => {
    cw = await loginAs(t.app, 'vejleder@akasse.demo');
    const spell = (await cw.request('GET', `/api/v1/spells/${spellId}`)).json();
    const ended = await cw.request('POST', `/api/v1/spells/${spellId}/end`, { endDate: '2026-11-12', endReason: 'ordinary_job', version: spell.version });
    expect(ended.statusCode).toBe(200);
    t.clock.set('2026-11-30T06:00:00Z');
    expect(await runDueJourneys({ db: t.connection.db, clock: t.clock })).toMatchObject({ sent: 0, stopped: 1 });
    expect(await mails(jobseekerId)).toHaveLength(3);
    cw = await loginAs(t.app, 'vejleder@akasse.demo');
    expect((await cw.request('GET', `/api/v1/spells/${spellId}/journeys`)).json()[0]).toMatchObject({ status: 'stopped', stopReason: 'job' });
  });

  it('refuses the guide on an unemployment spell', async () => {
    const other = (await cw.request('POST', '/api/v1/jobseekers', { cpr: '060676-1235', firstName: 'Lis', lastName: 'Ledig', email: 'lis@eksempel.dk' })).json().id;
    const spell = (await cw.request('POST', `/api/v1/jobseekers/${other}/spells`, { kind: 'unemployment', startDate: '2026-11-02', targetGroup: 'unemployment_insurance' })).json().id;
    const res = await cw.request('POST', `/api/v1/spells/${spell}/journeys`, { journeyKey: 'job-search-guide' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.journeyKey).toBe('Forløbet er for opsagte: start det på et opsigelsesforløb.');
  });
});
