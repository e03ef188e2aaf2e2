import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await t.connection.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describe('the demo data on first start', () => {
  it.each(['leder@akasse.demo', 'leder@jobcenter.demo'])('has spells in every segment the organisation offers, in every state (%s)', async (email) => {
    const manager = await loginAs(t.app, email);
    const me = (await manager.request('GET', '/api/v1/auth/me')).json() as { organisationId: string };
    const { organisationId } = me;
    const segments = (await rows<{ segment: string }>(sql`
      select distinct definition->>'segment' as segment from org_templates
      where organisation_id = ${organisationId} and kind = 'cadence' and active`)).map((r) => r.segment);
    expect(segments.length).toBeGreaterThan(0);
    const bySegment = await rows<{ segment: string | null; kind: string; status: string; n: number }>(sql`
      select segment, kind, status, count(*)::int as n from spells where organisation_id = ${organisationId} group by 1, 2, 3`);
    const seen = new Set(bySegment.filter((r) => r.status === 'active').map((r) => r.segment));
    for (const segment of segments) expect(seen, `active spells in segment ${segment}`).toContain(segment);
    expect(seen, 'active spells still waiting for a segment').toContain(null);
    const states = new Set(bySegment.map((r) => `${r.kind}/${r.status}`));
    // Notice spells (opsagt, still in work) are the a-kasse's: the jobcenter meets people once unemployed.
    const expected = email.endsWith('akasse.demo') ? ['unemployment/active', 'unemployment/ended', 'notice/active', 'notice/ended'] : ['unemployment/active', 'unemployment/ended'];
    expect([...states].sort()).toEqual(expected.sort());
    const talks = await rows<{ status: string }>(sql`select distinct status from conversations where organisation_id = ${organisationId}`);
    for (const status of ['planned', 'booked', 'held', 'no_show', 'cancelled', 'exempted']) expect(talks.map((r) => r.status), `a talk ${status}`).toContain(status);
  });
});
