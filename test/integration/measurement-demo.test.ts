import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Table = { name: string; milestones: string[]; rows: { indicatorCode: string; indicatorStatus: string; targets: unknown[]; cells: { month: string; status: string; value: number | null }[] }[] };

describe('the demo’s scorecards', () => {
  it.each(['leder@akasse.demo', 'leder@jobcenter.demo'])('show the seed targets with figures computed from the demo spells (%s)', async (email) => {
    const manager = await loginAs(t.app, email);
    const cards = (await manager.request('GET', '/api/v1/scorecards')).json() as { id: string }[];
    expect(cards.length).toBeGreaterThanOrEqual(2);
    const summary: string[] = [];
    let computed = 0;
    for (const card of cards) {
      const table = (await manager.request('GET', `/api/v1/scorecards/${card.id}`)).json() as Table;
      expect(table.milestones.length).toBeGreaterThan(0);
      for (const row of table.rows) {
        const now = row.cells.at(-1)!;
        summary.push(`${table.name} | ${row.indicatorCode}: ${now.status} ${now.value ?? ''}`);
        if (row.indicatorStatus === 'awaiting_data') expect(row.cells.every((c) => c.status === 'awaiting_data' && c.value === null)).toBe(true);
        if (row.cells.some((c) => c.status === 'ok' && c.value !== null && c.value > 0)) computed++;
      }
    }
    console.log(summary.join('\n'));
    // The demo holds spells in every state, so most computable rows have real figures.
    expect(computed).toBeGreaterThanOrEqual(3);
  });
});
