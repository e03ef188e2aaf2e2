import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dueJourneySteps, fillJourneyText, ZJourneyDefinition } from './journeys';

const guide = ZJourneyDefinition.parse(JSON.parse(readFileSync(new URL('../../../templates/journeys/job-search-guide.json', import.meta.url), 'utf8')));

describe('the job-search guide journey', () => {
  it('has five mails, each in Danish and English', () => {
    expect(guide.steps).toHaveLength(5);
    for (const step of guide.steps) expect(step.body.da).not.toBe(step.body.en);
  });
  it('sends the first mail on the notice date', () => {
    expect(dueJourneySteps({ steps: guide.steps, anchorDate: '2026-11-02', startedOn: '2026-11-02', today: '2026-11-02', sentSteps: [], stopped: false })).toEqual([0]);
  });
  it('sends a step only once', () => {
    expect(dueJourneySteps({ steps: guide.steps, anchorDate: '2026-11-02', startedOn: '2026-11-02', today: '2026-11-05', sentSteps: [0, 1], stopped: false })).toEqual([]);
  });
  it('catches up a step the daily run missed', () => {
    expect(dueJourneySteps({ steps: guide.steps, anchorDate: '2026-11-02', startedOn: '2026-11-02', today: '2026-11-10', sentSteps: [0], stopped: false })).toEqual([1, 2]);
  });
  it('skips steps that were already past when the member joined late', () => {
    expect(dueJourneySteps({ steps: guide.steps, anchorDate: '2026-11-02', startedOn: '2026-11-12', today: '2026-11-16', sentSteps: [], stopped: false })).toEqual([3]);
  });
  it('sends nothing once the member has a job', () => {
    expect(dueJourneySteps({ steps: guide.steps, anchorDate: '2026-11-02', startedOn: '2026-11-02', today: '2026-12-31', sentSteps: [], stopped: true })).toEqual([]);
  });
  it('fills in the member’s first name and the organisation', () => {
    expect(fillJourneyText('Kære {firstName} – {organisation}', { firstName: 'Ida', organisation: 'Demo A-kasse' })).toBe('Kære Ida – Demo A-kasse');
  });
});
