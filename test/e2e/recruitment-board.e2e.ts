import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth, heading } from './support/session';

const e2e = useE2E();
const { axe, newPage, logIn } = e2e;

describe('recruitment board page', () => {
  it('lets a broker on a phone share an internship place, see it listed, and subscribe to internship places', async () => {
    const { context, page } = await newPage(375, 800);
    await logIn(page, 'formidler@akasse.demo');
    await page.getByRole('link', { name: 'Rekrutteringstavle' }).click();
    await heading(page, 'Rekrutteringstavle');
    // The demo data fills the board.
    await page.getByRole('list', { name: 'Opslag på tavlen' }).waitFor();
    await expectAccessible(page, 'recruitment board', axe);
    expect(await fitsWidth(page)).toBe(true);

    const form = page.getByRole('region', { name: 'Del et opslag' });
    // Sent empty, each field says what is wrong beside itself, tied to it for screen readers.
    await form.getByLabel('Overskrift').fill('');
    await form.getByRole('button', { name: 'Del opslaget' }).click();
    await form.getByText('Vælg typen: ledig stilling, rekrutteringsbehov eller praktikplads.').waitFor();
    await expect(form.getByLabel('Overskrift').getAttribute('aria-describedby')).resolves.toBe('title-error');
    await expect(form.locator('#title-error').textContent()).resolves.toContain('Feltet skal udfyldes.');
    await expect(form.getByLabel('Kommune').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'recruitment board with errors', axe);

    await form.getByLabel('Praktikplads').check();
    await form.getByLabel('Overskrift').fill('E2E praktikplads i børnehave');
    await form.getByLabel('Beskrivelse').fill('Praktik i 8 uger, hverdage 8–14.');
    await form.getByLabel('Stilling (DISCO-08)').selectOption('5311');
    await form.getByLabel('Kommune').selectOption('630');
    await form.getByLabel('Antal pladser').fill('2');
    await form.getByRole('button', { name: 'Del opslaget' }).click();
    await form.getByText('E2E praktikplads i børnehave er delt på tavlen.').waitFor();

    const post = page.getByRole('article', { name: 'E2E praktikplads i børnehave' });
    await post.waitFor();
    await expect(post.textContent()).resolves.toMatch(/Praktikplads.*Vejle.*Frede Formidler/s);
    // The author may close it; the form opens in place, and cancelling gives focus back.
    await post.getByRole('button', { name: 'Luk opslag' }).click();
    await post.getByLabel('Hvorfor lukkes opslaget?').waitFor();
    await post.getByRole('button', { name: 'Annullér' }).click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Luk opslag');

    // Editing happens in place too, and the typed values come back saved.
    await post.getByRole('button', { name: 'Ret' }).click();
    const edit = post.getByRole('form', { name: 'Ret E2E praktikplads i børnehave' });
    await expect(edit.getByLabel('Antal pladser').inputValue()).resolves.toBe('2');
    await edit.getByLabel('Antal pladser').fill('3');
    await edit.getByRole('button', { name: 'Gem' }).click();
    await post.getByRole('button', { name: 'Ret' }).waitFor();
    await expect(post.textContent()).resolves.toMatch(/Antal pladser3/);

    const subs = page.getByRole('region', { name: 'Mine abonnementer' });
    await subs.getByText('Du abonnerer ikke på tavlen endnu.').waitFor();
    await subs.getByLabel('Type').selectOption('internship');
    await subs.getByRole('button', { name: 'Abonnér' }).click();
    await subs.getByRole('listitem').filter({ hasText: 'Praktikplads' }).waitFor();
    await expectAccessible(page, 'recruitment board after posting', axe);
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });
});
