import type { Session } from './app';

let serial = 0;

/** A CPR number not used before in this process: a real birth date, serial digits varying. */
export function nextCpr(birthYear = 1985): string {
  serial++;
  const day = String((serial % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(serial / 28) % 12) + 1).padStart(2, '0');
  return `${day}${month}${String(birthYear % 100).padStart(2, '0')}-${String(1000 + (serial % 9000)).padStart(4, '0')}`;
}

export type SpellPlan = { startDate: string; end?: { endDate: string; endReason: string }; birthYear?: number; targetGroup?: string; unitId?: string; caseworkerId?: string };

/** Registers a jobseeker and a spell through the API (and ends it when asked); returns the spell id. */
export async function createSpellThroughApi(session: Session, plan: SpellPlan): Promise<{ spellId: string; jobseekerId: string }> {
  const js = await session.request('POST', '/api/v1/jobseekers', { cpr: nextCpr(plan.birthYear), firstName: 'Test', lastName: `Måling${serial}` });
  if (js.statusCode !== 201) throw new Error(`jobseeker: ${js.statusCode} ${js.body}`);
  const jobseekerId = js.json().id as string;
  const sp = await session.request('POST', `/api/v1/jobseekers/${jobseekerId}/spells`, {
    kind: 'unemployment',
    startDate: plan.startDate,
    targetGroup: plan.targetGroup ?? 'unemployment_insurance',
    ...(plan.unitId ? { unitId: plan.unitId } : {}),
    ...(plan.caseworkerId ? { caseworkerId: plan.caseworkerId } : {}),
  });
  if (sp.statusCode !== 201) throw new Error(`spell: ${sp.statusCode} ${sp.body}`);
  const spellId = sp.json().id as string;
  if (plan.end) await endSpellThroughApi(session, spellId, plan.end);
  return { spellId, jobseekerId };
}

export async function endSpellThroughApi(session: Session, spellId: string, end: { endDate: string; endReason: string }): Promise<void> {
  const current = await session.request('GET', `/api/v1/spells/${spellId}`);
  const res = await session.request('POST', `/api/v1/spells/${spellId}/end`, { ...end, version: current.json().version });
  if (res.statusCode >= 300) throw new Error(`end: ${res.statusCode} ${res.body}`);
}
