import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth } from './support/session';

const e2e = useE2E();
const { axe, newPage, logIn } = e2e;

const DANISH_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
/** 'YYYY-MM' as the page names it: 'november 2026'. */
const monthName = (month: string) => `${DANISH_MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
const addMonths = (month: string, n: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** A row's button: its word, then (for screen readers) the month it acts on. */
const rowButton = (word: string, month: string) => new RegExp(`^${word}\\b.*${monthName(month)}$`);

const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

type WageHoursMonth = { month: string; hours: number; source: string };

describe('paid hours on the case page', () => {
  it('lets a caseworker on a phone enter a month’s paid hours, correct them, see bad input refused beside the field, and remove the month with a confirmation and an undo', async () => {
    const caseworker = await e2e.api('konsulent@jobcenter.demo');
    const caseload = await caseworker<{ items: { spellId: string; startDate: string }[]; today: string }>('GET', '/api/v1/caseload');
    const thisMonth = caseload.json.today.slice(0, 7);
    // A spell that began before this month, so it can hold an earlier month too.
    const spellId = caseload.json.items.find((i) => i.startDate.slice(0, 7) < thisMonth)!.spellId;
    const earlier = addMonths(thisMonth, -1);
    // Set up through the API: an earlier month the list must show below the new one.
    expect((await caseworker('PUT', `/api/v1/spells/${spellId}/wage-hours`, { month: earlier, hours: 20, source: 'jobseeker' })).status).toBe(200);
    const held = async () => (await caseworker<WageHoursMonth[]>('GET', `/api/v1/spells/${spellId}/wage-hours`)).json;
    expect((await held()).some((m) => m.month === thisMonth)).toBe(false);

    const { context, page } = await newPage(375, 800);
    await logIn(page, 'konsulent@jobcenter.demo');
    await page.goto(`${e2e.server.baseUrl}/spells/${spellId}`);
    await page.getByRole('navigation', { name: 'Dele af forløbet' }).getByRole('link', { name: 'Løntimer' }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'wage-hours');
    const section = page.getByRole('region', { name: 'Løntimer' });
    const list = page.getByTestId('wage-hours');
    await list.waitFor();
    await expect(section.textContent()).resolves.toContain('indgår i indikatorerne for andelen med løntimer');
    await expect(list.getByRole('listitem').filter({ hasText: monthName(earlier) }).textContent()).resolves.toMatch(/20 timer.*Oplyst af borgeren, registreret \d{2}-\d{2}-\d{4}/s);
    await expectAccessible(page, 'phone: paid hours tab', axe);
    expect(await fitsWidth(page)).toBe(true);

    // The form opens in place with focus on its heading, on the month just ended.
    await section.getByRole('button', { name: 'Registrér løntimer' }).click();
    const form = page.getByRole('region', { name: 'Løntimer for en måned' });
    await expect.poll(() => activeText(page)).toBe('Løntimer for en måned');
    await expect(form.getByLabel('Måned').inputValue()).resolves.toBe(earlier);
    await expect(form.locator('#wage-hours-new-month-hint').textContent()).resolves.toContain(`Der er allerede 20 timer for ${monthName(earlier)}; tallet erstattes, når du gemmer.`);

    // Too many hours: the server's Danish message stands beside the field, tied to it.
    await form.getByLabel('Måned').fill(thisMonth);
    await form.getByLabel('Løntimer').fill('800');
    await form.getByRole('button', { name: 'Gem løntimer' }).click();
    await form.locator('#wage-hours-new-hours-error').waitFor();
    await expect(form.locator('#wage-hours-new-hours-error').textContent()).resolves.toContain('Timetallet skal være mellem 0 og 744.');
    await expect(form.getByLabel('Løntimer').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(form.getByLabel('Løntimer').getAttribute('aria-describedby')).resolves.toContain('wage-hours-new-hours-error');
    await expectAccessible(page, 'phone: paid hours form with an error', axe);
    expect(await fitsWidth(page)).toBe(true);

    // Words instead of a number are refused before sending, with focus back on the field.
    await form.getByLabel('Løntimer').fill('fem');
    await form.getByRole('button', { name: 'Gem løntimer' }).click();
    await expect(form.locator('#wage-hours-new-hours-error').textContent()).resolves.toContain('Skriv timetallet som et tal, fx 37,5.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wage-hours-new-hours');

    // A month not yet over: the month is refused, and nothing typed is lost.
    await form.getByLabel('Måned').fill(addMonths(thisMonth, 1));
    await form.getByLabel('Løntimer').fill('37,5');
    await form.getByRole('button', { name: 'Gem løntimer' }).click();
    await form.locator('#wage-hours-new-month-error').waitFor();
    await expect(form.locator('#wage-hours-new-month-error').textContent()).resolves.toContain('Måneden ligger efter denne måned.');
    await expect(form.getByLabel('Løntimer').inputValue()).resolves.toBe('37,5');
    expect((await held()).some((m) => m.month === thisMonth)).toBe(false);

    await form.getByLabel('Måned').fill(thisMonth);
    await form.getByRole('button', { name: 'Gem løntimer' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => activeText(page)).toBe('Løntimer');
    expect((await held()).find((m) => m.month === thisMonth)).toMatchObject({ hours: 37.5, source: 'eindkomst' });
    // Newest first: this month above the earlier one, each named in Danish.
    const names = await list.getByRole('heading', { level: 3 }).allTextContents();
    expect(names.slice(0, 2)).toEqual([monthName(thisMonth), monthName(earlier)]);
    const item = list.getByRole('listitem').filter({ has: page.getByRole('heading', { name: monthName(thisMonth), exact: true }) });
    await expect(item.textContent()).resolves.toMatch(/37,5 timer.*eIndkomst/s);

    // Correcting: the month stays, the hours and source change.
    await item.getByRole('button', { name: rowButton('Ret', thisMonth) }).click();
    const correct = page.getByRole('region', { name: `Ret løntimerne for ${monthName(thisMonth)}` });
    await expect.poll(() => activeText(page)).toBe(`Ret løntimerne for ${monthName(thisMonth)}`);
    await expect(correct.getByLabel('Løntimer').inputValue()).resolves.toBe('37,5');
    await correct.getByLabel('Løntimer').fill('12,25');
    await correct.getByLabel('Oplyst af arbejdsgiveren').check();
    await correct.getByRole('button', { name: 'Gem rettelsen' }).click();
    await correct.waitFor({ state: 'detached' });
    await expect.poll(() => item.textContent()).toMatch(/12,25 timer.*Oplyst af arbejdsgiveren/s);
    expect((await held()).find((m) => m.month === thisMonth)).toMatchObject({ hours: 12.25, source: 'employer' });
    await expectAccessible(page, 'phone: paid hours corrected', axe);

    // Removing, by keyboard: a confirmation first; cancelling returns focus to the button.
    const removeButton = item.getByRole('button', { name: rowButton('Fjern', thisMonth) });
    await removeButton.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('region', { name: `Fjern løntimerne for ${monthName(thisMonth)}?` });
    await expect.poll(() => activeText(page)).toBe(`Fjern løntimerne for ${monthName(thisMonth)}?`);
    await expect(confirm.textContent()).resolves.toContain('Er timetallet (12,25 timer) forkert, så ret det i stedet.');
    await expectAccessible(page, 'phone: confirm removing a month', axe);
    await confirm.getByRole('button', { name: 'Annullér' }).click();
    await expect.poll(() => activeText(page)).toBe(`Fjern: ${monthName(thisMonth)}`);
    expect((await held()).some((m) => m.month === thisMonth)).toBe(true);

    await page.keyboard.press('Enter');
    await expect.poll(() => activeText(page)).toBe(`Fjern løntimerne for ${monthName(thisMonth)}?`);
    await page.keyboard.press('Tab');
    await expect.poll(() => activeText(page)).toBe('Ja, fjern måneden');
    await page.keyboard.press('Enter');
    const notice = page.getByTestId('wage-hours-removed');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain(`Løntimerne for ${monthName(thisMonth)} (12,25 timer) er fjernet.`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('wage-hours-removed');
    await item.waitFor({ state: 'detached' });
    expect((await held()).some((m) => m.month === thisMonth)).toBe(false);
    await expectAccessible(page, 'phone: a month removed, with undo', axe);
    expect(await fitsWidth(page)).toBe(true);

    // A mistaken removal is undone: the same figure and source come back.
    await page.keyboard.press('Tab');
    await expect.poll(() => activeText(page)).toBe('Fortryd fjernelsen');
    await page.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });
    await expect.poll(() => item.textContent()).toMatch(/12,25 timer.*Oplyst af arbejdsgiveren/s);
    expect((await held()).find((m) => m.month === thisMonth)).toMatchObject({ hours: 12.25, source: 'employer' });

    // And removed for good.
    await item.getByRole('button', { name: rowButton('Fjern', thisMonth) }).click();
    await confirm.getByRole('button', { name: 'Ja, fjern måneden' }).click();
    await item.waitFor({ state: 'detached' });
    expect((await held()).some((m) => m.month === thisMonth)).toBe(false);

    // Someone else removes the earlier month while the confirmation is open: the refusal says so,
    // and the list is fetched again, so the month that is gone is no longer shown.
    const earlierItem = list.getByRole('listitem').filter({ has: page.getByRole('heading', { name: monthName(earlier), exact: true }) });
    await earlierItem.getByRole('button', { name: rowButton('Fjern', earlier) }).click();
    const earlierConfirm = page.getByRole('region', { name: `Fjern løntimerne for ${monthName(earlier)}?` });
    await earlierConfirm.waitFor();
    expect((await caseworker('DELETE', `/api/v1/spells/${spellId}/wage-hours/${earlier}`)).status).toBe(204);
    await earlierConfirm.getByRole('button', { name: 'Ja, fjern måneden' }).click();
    await section.getByRole('alert').filter({ hasText: 'Listen var ikke opdateret: en anden har ændret eller fjernet måneden.' }).waitFor();
    await earlierItem.waitFor({ state: 'detached' });
    await expect.poll(() => activeText(page)).toBe('Løntimer');
    await expectAccessible(page, 'phone: a removal refused as out of date', axe);

    await context.close();
  });
});
