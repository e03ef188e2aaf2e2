import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth } from './support/session';

const e2e = useE2E();
const { axe, newPage, logIn } = e2e;

const activeText = (page: Parameters<typeof fitsWidth>[0]) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('business-oriented activities on the case page', () => {
  it('lets a caseworker on a phone register a work trial, see what was wrong beside the field, and end it', async () => {
    const caseworker = await e2e.api('vejleder@akasse.demo');
    const caseload = await caseworker<{ items: { spellId: string }[]; today: string }>('GET', '/api/v1/caseload');
    const spellId = caseload.json.items[0]!.spellId;
    const { today } = caseload.json;

    const { context, page } = await newPage(375, 800);
    await logIn(page, 'vejleder@akasse.demo');
    await page.goto(`${e2e.server.baseUrl}/spells/${spellId}`);
    await page.getByRole('navigation', { name: 'Dele af forløbet' }).getByRole('link', { name: 'Virksomhedsrettede tilbud' }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'activities');
    const section = page.getByRole('region', { name: 'Virksomhedsrettede tilbud' });
    await section.getByRole('button', { name: 'Registrér virksomhedsrettet tilbud' }).waitFor();
    await expectAccessible(page, 'phone: business activities tab', axe);
    expect(await fitsWidth(page)).toBe(true);

    // The form opens in place with focus on its heading; cancelling gives focus back.
    await section.getByRole('button', { name: 'Registrér virksomhedsrettet tilbud' }).click();
    const form = page.getByRole('region', { name: 'Nyt virksomhedsrettet tilbud' });
    await expect.poll(() => activeText(page)).toBe('Nyt virksomhedsrettet tilbud');
    await form.getByRole('button', { name: 'Annullér' }).click();
    await expect.poll(() => activeText(page)).toBe('Registrér virksomhedsrettet tilbud');
    await section.getByRole('button', { name: 'Registrér virksomhedsrettet tilbud' }).click();

    await form.getByLabel('Virksomhedspraktik').check();
    await form.getByLabel('Søg efter virksomhed').fill('Mælkebøtten');
    const employer = form.getByLabel('Vælg virksomhed').locator('option', { hasText: 'Børnehuset Mælkebøtten' });
    await employer.waitFor({ state: 'attached' });
    await form.getByLabel('Vælg virksomhed').selectOption((await employer.getAttribute('value'))!);
    // A start long before the spell: the server's message stands beside the field, tied to it.
    await form.getByLabel('Startdato').fill('2000-01-03');
    await form.getByLabel('Note').fill('E2E-praktik i børnehaven, 4 uger.');
    await form.getByRole('button', { name: 'Registrér', exact: true }).click();
    await form.locator('#activity-startDate-error').waitFor();
    await expect(form.locator('#activity-startDate-error').textContent()).resolves.toContain('Startdatoen ligger før forløbets start.');
    await expect(form.getByLabel('Startdato').getAttribute('aria-describedby')).resolves.toBe('activity-startDate-error');
    await expect(form.getByLabel('Startdato').getAttribute('aria-invalid')).resolves.toBe('true');
    // Nothing typed is lost.
    await expect(form.getByLabel('Note').inputValue()).resolves.toBe('E2E-praktik i børnehaven, 4 uger.');
    await expectAccessible(page, 'phone: business activity form with an error', axe);
    expect(await fitsWidth(page)).toBe(true);

    await form.getByLabel('Startdato').fill(today);
    await form.getByRole('button', { name: 'Registrér', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => activeText(page)).toBe('Virksomhedsrettede tilbud');
    const item = page.getByTestId('business-activities').getByRole('listitem').filter({ hasText: 'E2E-praktik i børnehaven' });
    await expect(item.textContent()).resolves.toMatch(/Virksomhedspraktik.*Børnehuset Mælkebøtten.*Slutdato\s*Ikke fastsat/s);

    // Ending it: a last day before the start is refused beside the field, then the right one is saved.
    await item.getByRole('button', { name: /^Afslut\b.*Virksomhedspraktik hos Børnehuset Mælkebøtten/ }).click();
    const end = page.getByRole('region', { name: 'Sidste dag for Virksomhedspraktik hos Børnehuset Mælkebøtten' });
    await end.getByLabel('Sidste dag').fill('2000-01-03');
    await end.getByRole('button', { name: 'Gem sidste dag' }).click();
    await end.getByText('Slutdatoen ligger før startdatoen.').waitFor();
    await expectAccessible(page, 'phone: end form with an error', axe);
    await end.getByLabel('Sidste dag').fill(today);
    await end.getByRole('button', { name: 'Gem sidste dag' }).click();
    await end.waitFor({ state: 'detached' });
    const [y, m, d] = today.split('-');
    await expect.poll(() => item.textContent()).toMatch(new RegExp(`Slutdato\\s*${d}-${m}-${y}`));
    await item.getByRole('button', { name: /^Ret slutdato/ }).waitFor();
    await expectAccessible(page, 'phone: business activity ended', axe);
    expect(await fitsWidth(page)).toBe(true);

    await context.close();
  });
});
