import { describe, expect, it } from 'vitest';
import { passesCvrModulus11 } from '../../src/core/identity/cvr';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { heading, type ApiClient } from './support/session';

const e2e = useE2E();
const { axe, newPage, logIn } = e2e;

type Contact = { outcome: string; mergedFromEmployerId: string | null };
type Employer = {
  id: string;
  name: string;
  cvr: string | null;
  version: number;
  mergedIntoId: string | null;
  contactPersons: { name: string; email: string | null }[];
  contacts: Contact[];
  mergedFrom: { id: string }[];
};
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

/** A valid CVR number that no employer of the organisation has yet, so the spec does not depend on the demo's. */
async function freeCvr(api: ApiClient): Promise<string> {
  for (let n = 31_000_000; ; n++) {
    const cvr = String(n);
    if (!passesCvrModulus11(cvr)) continue;
    const found = await api<{ total: number }>('GET', `/api/v1/employers?q=${cvr}&includeMerged=yes`);
    if (found.json.total === 0) return cvr;
  }
}

async function newEmployerWithContact(api: ApiClient, employer: Record<string, unknown>, outcome: string): Promise<Employer> {
  const created = await api<Employer>('POST', '/api/v1/employers', employer);
  expect(created.status).toBe(201);
  const logged = await api<Employer>('POST', `/api/v1/employers/${created.json.id}/contacts`, { kind: 'call', occurredAt: '2026-11-02T10:00:00+01:00', outcome });
  expect(logged.status).toBe(201);
  return logged.json;
}

describe('employers: a contact person and merging a duplicate record', () => {
  it('adds a contact person by keyboard, merges a duplicate with both histories kept, and refuses a merge into itself', async () => {
    const api = await e2e.api('formidler@akasse.demo');
    const cvr = await freeCvr(api);
    // Two records of the same employer: one registered with its CVR, one typed in later without it.
    const kept = await newEmployerWithContact(api, { cvr, name: 'Bageriet Kornblomsten', city: 'Vejle', municipalityCode: 630 }, 'Aftalt besøg om praktikpladser');
    const duplicate = await newEmployerWithContact(api, { name: 'Kornblomsten Bageri', trade: 'Bagerier' }, 'Spurgt til en elev efter sommer');

    const { context, page } = await newPage();
    await logIn(page, 'formidler@akasse.demo');
    await page.goto(`${e2e.server.baseUrl}/employers/${kept.id}`);
    await heading(page, 'Bageriet Kornblomsten');
    await page.getByRole('cell', { name: 'Aftalt besøg om praktikpladser' }).waitFor();
    await expectAccessible(page, 'employer', axe);

    // A contact person, by keyboard only: type, Tab between the fields, Enter sends.
    const personForm = page.getByRole('region', { name: 'Tilføj kontaktperson' });
    await personForm.getByLabel(/^Navn/).focus();
    await page.keyboard.type('Karen Kornblomst');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Indehaver');
    await page.keyboard.press('Tab');
    await page.keyboard.type('75 12 34 56');
    await page.keyboard.press('Tab');
    await page.keyboard.type('karen@kornblomsten.example');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Karen Kornblomst er tilføjet som kontaktperson.' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: /^Karen Kornblomst · Indehaver · .+ · karen@kornblomsten\.example$/ }).waitFor();
    expect(await personForm.getByLabel(/^Navn/).inputValue()).toBe('');
    await expectAccessible(page, 'employer with a new contact person', axe);

    // Merging: find the duplicate, choose it by keyboard; the question takes focus.
    const mergeForm = page.getByRole('region', { name: 'Flet en anden registrering af samme virksomhed ind' });
    await mergeForm.getByLabel('Find den anden registrering').fill('Kornblomst');
    // The record itself is never offered as the other one.
    await mergeForm.getByRole('button', { name: 'Vælg: Kornblomsten Bageri' }).waitFor();
    expect(await mergeForm.getByRole('button', { name: 'Vælg: Bageriet Kornblomsten' }).count()).toBe(0);
    await mergeForm.getByRole('button', { name: 'Vælg: Kornblomsten Bageri' }).focus();
    await page.keyboard.press('Enter');
    const question = page.getByText('Flet Kornblomsten Bageri ind i Bageriet Kornblomsten? Det kan ikke fortrydes her.');
    await question.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'merge-confirm');
    await expectAccessible(page, 'employer merge question', axe);

    // Not confirmed: cancelling sends nothing, and both records stay as they were.
    await mergeForm.getByRole('button', { name: 'Annullér' }).click();
    await question.waitFor({ state: 'detached' });
    const untouched = await api<Employer>('GET', `/api/v1/employers/${duplicate.id}`);
    expect(untouched.json).toMatchObject({ mergedIntoId: null, version: 1, contacts: [{ outcome: 'Spurgt til en elev efter sommer' }] });
    expect((await api<Employer>('GET', `/api/v1/employers/${kept.id}`)).json.mergedFrom).toEqual([]);

    // Confirmed: both histories stand on the kept record, the moved one marked as from the merged record.
    await mergeForm.getByRole('button', { name: 'Vælg: Kornblomsten Bageri' }).click();
    await mergeForm.getByRole('button', { name: 'Flet', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Kornblomsten Bageri er flettet ind. Historikken står nu her.' }).waitFor();
    await page.getByRole('cell', { name: 'Aftalt besøg om praktikpladser' }).waitFor();
    await page.getByRole('cell', { name: 'Spurgt til en elev efter sommer (fra flettet virksomhed)' }).waitFor();
    expect(await page.getByText('(fra flettet virksomhed)').count()).toBe(1);
    // The empty trade came over from the duplicate.
    await page.getByText('Bagerier').waitFor();
    await expectAccessible(page, 'employer after a merge', axe);

    const survivor = (await api<Employer>('GET', `/api/v1/employers/${kept.id}`)).json;
    expect(survivor).toMatchObject({ cvr, mergedIntoId: null, version: 2, mergedFrom: [{ id: duplicate.id }] });
    expect(survivor.contacts.map((c) => [c.outcome, c.mergedFromEmployerId]).sort()).toEqual([
      ['Aftalt besøg om praktikpladser', null],
      ['Spurgt til en elev efter sommer', duplicate.id],
    ]);
    expect(survivor.contactPersons.map((p) => p.name)).toEqual(['Karen Kornblomst']);
    // The duplicate stays for history, marked merged, and is out of the list unless asked for.
    expect((await api<Employer>('GET', `/api/v1/employers/${duplicate.id}`)).json).toMatchObject({ mergedIntoId: kept.id, contacts: [] });
    const listed = await api<{ items: { id: string }[] }>('GET', '/api/v1/employers?q=Kornblomst');
    expect(listed.json.items.map((e) => e.id)).toEqual([kept.id]);
    const withMerged = await api<{ items: { id: string }[] }>('GET', '/api/v1/employers?q=Kornblomst&includeMerged=yes');
    expect(withMerged.json.items.map((e) => e.id).sort()).toEqual([kept.id, duplicate.id].sort());

    // The merged record's page says where its history went and offers no forms.
    await page.goto(`${e2e.server.baseUrl}/employers/${duplicate.id}`);
    await heading(page, 'Kornblomsten Bageri');
    await page.getByText('Denne virksomhed er flettet ind i en anden. Historikken er flyttet dertil.').waitFor();
    expect(await page.getByRole('region', { name: 'Tilføj kontaktperson' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: /^Flet en anden registrering/ }).count()).toBe(0);
    await expectAccessible(page, 'merged employer', axe);
    await context.close();

    // Refused, with the field named in Danish and nothing changed: a merge into itself, and merging the merged record again.
    const self = await api<ErrorBody>('POST', `/api/v1/employers/${kept.id}/merge`, { fromEmployerId: kept.id, version: survivor.version });
    expect(self.status).toBe(400);
    expect(self.json.error.fields?.fromEmployerId).toBe('Vælg en anden virksomhed end den, du fletter ind i.');
    const again = await api<ErrorBody>('POST', `/api/v1/employers/${kept.id}/merge`, { fromEmployerId: duplicate.id, version: survivor.version });
    expect(again.status).toBe(400);
    expect(again.json.error.fields?.fromEmployerId).toBe('En af virksomhederne er allerede flettet.');
    expect((await api<Employer>('GET', `/api/v1/employers/${kept.id}`)).json).toMatchObject({ version: survivor.version, mergedFrom: [{ id: duplicate.id }] });
  });
});
