import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { jobseekers, outbox } from '../../src/db/schema';
import { runVacancyDigests } from '../../src/server/vacancies/saved-searches';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { portalLoginAs, type PortalSession } from '../support/portal';
import { createSpellThroughApi } from '../support/spells';

let t: TestApp;
let broker: Session;
let anna: PortalSession;
let bo: PortalSession;

beforeAll(async () => {
  t = await createTestApp();
  broker = await loginAs(t.app, 'formidler@akasse.demo');
  const vera = await loginAs(t.app, 'vejleder@akasse.demo');
  const a = await createSpellThroughApi(vera, { startDate: '2026-08-03' });
  const b = await createSpellThroughApi(vera, { startDate: '2026-08-03' });
  anna = await portalLoginAs(t.app, t.connection.db, a.jobseekerId);
  bo = await portalLoginAs(t.app, t.connection.db, b.jobseekerId);
  await t.connection.db.update(jobseekers).set({ email: 'anna@example.dk', firstName: 'Anna' }).where(eq(jobseekers.id, a.jobseekerId));
});
afterAll(async () => t?.close());

const HEADER = 'external_id,title,employer_name,cvr,occupation_code,occupation_text,municipality_code,description,deadline,url';
const importCsv = (rows: string[]) => {
  t.clock.advance(60_000);
  return broker.request('POST', '/api/v1/vacancy-imports', { source: 'digest-feed', format: 'csv', content: [HEADER, ...rows].join('\n') });
};
const digests = () => t.connection.db.select().from(outbox).where(and(eq(outbox.jobseekerId, anna.jobseekerId), like(outbox.idempotencyKey, 'vacancy_digest:%')));

describe('saved searches and the daily vacancy digest', () => {
  it('saves a search for the jobseeker, and another jobseeker neither sees nor deletes it', async () => {
    const bad = await anna.request('POST', '/api/portal/saved-searches', { occupationCodes: ['9999'] });
    expect(bad.statusCode).toBe(400);
    const res = await anna.request('POST', '/api/portal/saved-searches', { occupationCodes: ['2342'], municipalityCode: 630, radiusKm: 30, freeText: 'vuggestue' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await bo.request('GET', '/api/portal/saved-searches')).json().items).toEqual([]);
    expect((await bo.request('DELETE', `/api/portal/saved-searches/${res.json().id}`)).statusCode).toBe(404);
    expect((await anna.request('GET', '/api/portal/saved-searches')).json().items).toHaveLength(1);
  });

  it('e-mails the new matching vacancies once a day, and nothing the second time', async () => {
    await importCsv([
      'D-1,Pædagog til vuggestue,Vuggestuen Mariehønen,,2342,,607,,2026-12-15,https://job.example/d1',
      'D-2,Pædagog til børnehave,Børnehaven Regnbuen,,2342,,630,,,',
      'D-3,Pædagog til vuggestue,Vuggestuen København,,2342,,101,,,',
    ]);
    t.clock.advance(60_000);
    expect(await runVacancyDigests(t.connection.db, t.clock)).toMatchObject({ queued: 1 });
    const [mail] = await digests();
    expect(mail).toMatchObject({ recipient: 'anna@example.dk', subject: '1 nye job til din søgning' });
    expect(mail!.body).toContain('Pædagog til vuggestue – Vuggestuen Mariehønen (2026-12-15)');
    expect(mail!.body).not.toContain('København');
    expect(mail!.body).not.toContain('Regnbuen');

    // The same day: a new match waits for tomorrow rather than being lost or sent twice.
    await importCsv(['D-4,Vuggestuepædagog,Vuggestuen Bien,,2342,,630,vuggestue,,']);
    t.clock.advance(60_000);
    expect(await runVacancyDigests(t.connection.db, t.clock)).toMatchObject({ queued: 0 });
    expect(await digests()).toHaveLength(1);

    // Tomorrow it comes, and only it.
    t.clock.advance(24 * 3600_000);
    expect(await runVacancyDigests(t.connection.db, t.clock)).toMatchObject({ queued: 1 });
    const all = await digests();
    expect(all).toHaveLength(2);
    const second = all.find((m) => m.id !== mail!.id)!;
    expect(second.body).toContain('Vuggestuen Bien');
    expect(second.body).not.toContain('Mariehønen');

    // Re-importing the same feed creates nothing new, so nothing more is sent.
    await importCsv(['D-4,Vuggestuepædagog,Vuggestuen Bien,,2342,,630,vuggestue,,']);
    t.clock.advance(24 * 3600_000);
    expect(await runVacancyDigests(t.connection.db, t.clock)).toMatchObject({ queued: 0 });
  });

  it('stops when the jobseeker deletes the search', async () => {
    anna = await portalLoginAs(t.app, t.connection.db, anna.jobseekerId); // two days on, a new portal session
    const [search] = (await anna.request('GET', '/api/portal/saved-searches')).json().items;
    expect((await anna.request('DELETE', `/api/portal/saved-searches/${search.id}`)).statusCode).toBe(204);
    expect((await anna.request('GET', '/api/portal/saved-searches')).json().items).toEqual([]);
  });
});
