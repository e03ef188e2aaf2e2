import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toCopenhagenIsoDate } from '../../src/core/calendar/iso-date';
import { createWorkingCalendar } from '../../src/core/calendar/working-calendar';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth, heading } from './support/session';

const CPR = '150592-3317';
const FIRST_NAME = 'Sigrid';
const LAST_NAME = 'Kontaktsen';
const NAME = `${FIRST_NAME} ${LAST_NAME}`;
const CV_TALK = 'CV- og kontaktsamtale 1';
const EXTRA_TALK = 'Ekstra kontaktsamtale';
// After the demo data's meetings (08:30–15:15), so the caseworker's calendar is free.
const CV_TIME = '15:30';
const EXTRA_TIME = '16:30';

const e2e = useE2E();
const { axe, timings, newPage, logIn } = e2e;
let spellPath = '';

// The talks are booked on the next working days, in the CV talk's two-week window from today.
const calendar = createWorkingCalendar();
const today = toCopenhagenIsoDate(new Date());
const firstWorkingDay = calendar.addWorkingDays(today, 1);

/**
 * After logging in, a caseworker or manager starts on the caseload once the server offers it
 * (permission caseload.read), and on the jobseeker list before that. Says which it was.
 */
async function startPage(page: Page): Promise<'caseload' | 'jobseekers'> {
  const h1 = page.getByRole('heading', { level: 1, name: /^(Min sagsstamme|Jobsøgende)$/ });
  await h1.waitFor();
  return (await h1.textContent()) === 'Min sagsstamme' ? 'caseload' : 'jobseekers';
}

/** A question of the questionnaire, found by its number. */
function question(page: Page, number: number): Locator {
  return page.getByRole('group', { name: new RegExp(`^${number}\\. `) });
}

function talk(page: Page, label: string): Locator {
  return page.locator('.app-timeline-item').filter({ has: page.getByRole('heading', { level: 3, name: label, exact: true }) });
}

describe('the contact course in the browser', () => {
  it('takes a new spell from intake through profiling, segment, booking, holding the CV talk and Min Plan to a no-show task', async () => {
    const started = Date.now();
    const { context, page } = await newPage();

    // The caseworker's start page is the caseload.
    await logIn(page, 'vejleder@akasse.demo');
    const start = await startPage(page);
    if (start === 'caseload') {
      await page.getByRole('heading', { level: 2, name: 'Mine opgaver' }).waitFor();
      await page.locator('tbody tr[data-light]').first().waitFor();
      await expectAccessible(page, 'caseload', axe);
    }

    // A new jobseeker, then "Opret forløb" from their page.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Jobsøgende' }).click();
    await heading(page, 'Jobsøgende');
    await page.getByRole('link', { name: 'Opret jobsøgende' }).click();
    await heading(page, 'Opret jobsøgende');
    await page.getByLabel('CPR-nummer').fill(CPR);
    await page.getByLabel('Fornavn').fill(FIRST_NAME);
    await page.getByLabel('Efternavn').fill(LAST_NAME);
    await page.getByRole('button', { name: 'Opret', exact: true }).click();
    await heading(page, NAME);
    await page.getByText('Den jobsøgende har ingen forløb endnu.').waitFor();
    await page.getByRole('link', { name: 'Opret forløb' }).click();
    await heading(page, `Opret forløb for ${NAME}`);
    await expectAccessible(page, 'new spell', axe);
    expect(await page.getByLabel('Første ledighedsdag').inputValue()).toBe(today);
    await page.getByRole('button', { name: 'Opret forløb' }).click();

    // The case page opens on the profiling tab.
    await page.waitForURL(/\/spells\//);
    await heading(page, NAME);
    spellPath = new URL(page.url()).pathname;
    expect(spellPath).toMatch(/^\/spells\/[0-9a-f-]{36}$/);
    await page.getByText('150592-xxxx').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Forberedelsesskema før din første samtale' }).waitFor();
    await expectAccessible(page, 'profiling questionnaire', axe);

    // Sending with a question left out shows the error beside that question, and keeps the answers given.
    await question(page, 1).getByLabel('Om mere end 6 måneder').check();
    await question(page, 2).getByLabel('1 – Meget dårlige').check();
    await page.getByRole('button', { name: 'Gem svar og beregn risiko' }).click();
    await page.locator('#q-health_limitations-error').waitFor();
    expect(await question(page, 1).getByLabel('Om mere end 6 måneder').isChecked()).toBe(true);
    await question(page, 3).getByLabel('Ja').check();
    await question(page, 4).getByLabel('Kun inden for mit eget fag').check();
    await question(page, 5).getByLabel('Op til 30 minutter').check();
    await question(page, 6).getByLabel('Nej').check();
    await question(page, 7).getByLabel('Nej').check();
    await question(page, 8).getByLabel('1 – Meget usikker').check();
    await question(page, 9).getByLabel('Nej').check();
    await page.getByRole('button', { name: 'Gem svar og beregn risiko' }).click();

    // The risk score, each input's contribution and the suggested segment.
    await page.getByRole('heading', { level: 2, name: 'Risiko for langtidsledighed' }).waitFor();
    expect(await page.getByTestId('suggested-segment').textContent()).toContain('HK gruppe 2');
    const contributions = page.getByRole('table', { name: 'Hvad trækker risikoen op og ned' });
    expect(await contributions.getByRole('row').count()).toBeGreaterThan(5);
    await contributions.getByRole('rowheader', { name: 'Forventet tid til job' }).waitFor();
    expect(await contributions.getByRole('row').filter({ hasText: 'Forventet tid til job' }).textContent()).toContain('Om mere end 6 måneder');

    // A segment other than the suggested one needs a reason.
    await page.getByRole('group', { name: /^Gruppe/ }).getByLabel(/HK gruppe 1/).check();
    await page.getByRole('button', { name: 'Beslut gruppe' }).click();
    const reasonError = page.locator('#segment-reason-error');
    await reasonError.waitFor();
    expect(await page.getByLabel(/^Begrundelse/).getAttribute('aria-describedby')).toContain('segment-reason-error');
    expect(await page.getByRole('group', { name: /^Gruppe/ }).getByLabel(/HK gruppe 1/).isChecked()).toBe(true);
    await expectAccessible(page, 'segment decision with error', axe);
    await page.getByLabel(/^Begrundelse/).fill('Har et stærkt netværk i branchen og to samtaler i kalenderen.');
    await page.getByRole('button', { name: 'Beslut gruppe' }).click();

    // The planned conversations appear with their windows.
    await page.getByRole('heading', { level: 2, name: 'Samtaler' }).waitFor();
    const cvTalk = talk(page, CV_TALK);
    await cvTalk.getByText('Planlagt').waitFor();
    expect(await cvTalk.textContent()).toMatch(/\d{2}-\d{2}-\d{4} – \d{2}-\d{2}-\d{4}/);
    expect(await talk(page, 'Fællessamtale og overdragelse til jobcentret').count()).toBe(1);

    // Book the CV talk inside its window.
    await cvTalk.getByRole('button', { name: /^Book/ }).click();
    const bookPanel = cvTalk.getByRole('region', { name: `Book ${CV_TALK}` });
    await bookPanel.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H4');
    await bookPanel.getByLabel(/^Dato og tidspunkt/).fill(`${firstWorkingDay}T${CV_TIME}`);
    await bookPanel.getByLabel('Telefon').check();
    await bookPanel.getByLabel(/^Sted/).fill('Telefon 11 22 33 44');
    await expectAccessible(page, 'conversation timeline with booking form', axe);
    await bookPanel.getByRole('button', { name: 'Book samtalen' }).click();
    await cvTalk.locator('[data-status="booked"]').first().waitFor();
    expect(await cvTalk.textContent()).toContain(`${CV_TIME}, Telefon, Telefon 11 22 33 44`);

    // Hold it, with notes guided by the CV talk's preparation guide and an agreement.
    await cvTalk.getByRole('button', { name: /^Registrér som holdt/ }).click();
    const holdPanel = cvTalk.getByRole('region', { name: `Notat til ${CV_TALK}` });
    await holdPanel.getByRole('group', { name: 'Forberedelsesguide' }).waitFor();
    await holdPanel.getByLabel('Er CV\'et opdateret og synligt for arbejdsgivere?').fill('Ja, men mangler resultater.');
    await holdPanel.getByLabel(/^Notat/).fill('CV gennemgået. Søger kontorjob i Vejle.');
    await holdPanel.getByLabel('Aftale 1').fill('Opdatere CV inden fredag');
    await expectAccessible(page, 'hold conversation', axe);
    await holdPanel.getByRole('button', { name: 'Gem som holdt' }).click();
    await cvTalk.locator('[data-status="held"]').first().waitFor();
    expect(await cvTalk.textContent()).toContain('CV gennemgået. Søger kontorjob i Vejle.');
    expect(await cvTalk.getByRole('listitem').filter({ hasText: 'Opdatere CV inden fredag' }).count()).toBe(1);

    // Agree Min Plan: a job goal and an activity; it is saved as version 1.
    await page.getByRole('navigation', { name: 'Dele af forløbet' }).getByRole('link', { name: 'Min Plan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Min Plan' }).waitFor();
    await page.getByText('Der er endnu ingen Min Plan.').waitFor();
    await page.getByLabel('Jobmål 1', { exact: true }).fill('Kontorassistent');
    await page.getByLabel('Aktivitet 1', { exact: true }).fill('Søge to stillinger om ugen');
    await page.getByLabel('Frist for aktivitet 1').fill(calendar.addWorkingDays(today, 5));
    await page.getByLabel(/^Krav til jobsøgning/).fill('2');
    await page.getByRole('button', { name: 'Tilføj aktivitet' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('activity-1-title');
    await page.getByRole('button', { name: 'Fjern aktivitet 2' }).click();
    await page.getByRole('button', { name: 'Gem som ny version' }).click();
    await page.getByTestId('plan-version').filter({ hasText: 'Version 1 fra' }).waitFor();
    await page.getByRole('link', { name: /Udskriv \/ PDF/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Versionshistorik' }).waitFor();
    await expectAccessible(page, 'Min Plan', axe);

    // Another talk: added beyond the cadence, booked, and then the jobseeker does not come.
    await page.getByRole('navigation', { name: 'Dele af forløbet' }).getByRole('link', { name: 'Samtaler' }).click();
    await page.getByRole('heading', { level: 2, name: 'Samtaler' }).waitFor();
    await page.getByLabel('Samtaletype').selectOption('extra_contact');
    await page.getByRole('button', { name: 'Tilføj samtale' }).click();
    const extraTalk = talk(page, EXTRA_TALK);
    await extraTalk.waitFor();
    await extraTalk.getByRole('button', { name: /^Book/ }).click();
    await extraTalk.getByLabel(/^Dato og tidspunkt/).fill(`${firstWorkingDay}T${EXTRA_TIME}`);
    await extraTalk.getByRole('button', { name: 'Book samtalen' }).click();
    await extraTalk.locator('[data-status="booked"]').first().waitFor();
    await extraTalk.getByRole('button', { name: /^Udeblivelse/ }).click();
    await extraTalk.getByRole('button', { name: 'Registrér udeblivelse' }).click();
    await extraTalk.first().locator('[data-status="no_show"]').first().waitFor();

    // The no-show raised a follow-up task, shown on the case page and in the caseworker's task list.
    const openTasks = page.getByTestId('open-tasks');
    await openTasks.getByText(/Udeblevet fra Ekstra kontaktsamtale den .*: vurdér rådighed/).waitFor();
    if (start === 'caseload') {
      await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Min sagsstamme' }).click();
      await heading(page, 'Min sagsstamme');
      // Overdue tasks come first, so the new one (due in two working days) may be a page or two on.
      const tasks = page.getByRole('region', { name: 'Mine opgaver' });
      const list = (pageNumber: number) => tasks.locator(`[data-testid="task-list"][data-page="${pageNumber}"][aria-busy="false"]`);
      await list(1).waitFor();
      const newTask = tasks.getByRole('link', { name: /Udeblevet fra Ekstra kontaktsamtale/ });
      for (let pageNumber = 1; pageNumber < 20 && (await newTask.count()) === 0; pageNumber++) {
        await tasks.getByRole('button', { name: 'Næste side' }).click();
        await list(pageNumber + 1).waitFor();
      }
      await newTask.waitFor();
      // Overdue first, and marked in words.
      const overdueFlags = await tasks.locator('.app-task').evaluateAll((items) => items.map((i) => i.classList.contains('app-task--overdue')));
      expect(overdueFlags).toEqual([...overdueFlags].sort((x, y) => Number(y) - Number(x)));
      if (overdueFlags[0]) expect(await tasks.locator('.app-task').first().textContent()).toContain('Overskredet');
      await expectAccessible(page, 'caseload with the new task', axe);
    }

    await context.close();
    timings.caseworkerFlow = Date.now() - started;
    // Generous for a loaded machine; on an idle one the whole spec takes well under a minute.
  }, 240_000);

  it('lets a manager switch a cadence, read its conversations, and add and remove a closing day', async () => {
    const started = Date.now();
    const { context, page } = await newPage();
    await logIn(page, 'leder@akasse.demo');
    await startPage(page);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Samtalekadencer' }).click();
    await heading(page, 'Samtalekadencer');
    const bupl = page.getByRole('switch', { name: /BUPL-A: kontaktforløb i risiko for langtidsledighed aktiv/ });
    expect(await bupl.getAttribute('aria-checked')).toBe('false');
    await bupl.click();
    await expect.poll(() => bupl.getAttribute('aria-checked'), { timeout: 15_000 }).toBe('true');
    await bupl.click();
    await expect.poll(() => bupl.getAttribute('aria-checked'), { timeout: 15_000 }).toBe('false');
    await expectAccessible(page, 'cadences', axe);
    await page.getByRole('link', { name: 'HK gruppe 1: kontaktforløb i a-kassen' }).click();
    await heading(page, 'HK gruppe 1: kontaktforløb i a-kassen');
    const conversations = page.getByRole('table', { name: 'Samtaler i kadencen' });
    expect(await conversations.getByRole('row').filter({ hasText: CV_TALK }).textContent()).toContain('Senest efter 2 uger');
    expect(await conversations.getByRole('row').filter({ hasText: 'Rådigheds- og kontaktsamtale 2' }).textContent()).toContain('I uge 9');
    await expectAccessible(page, 'cadence', axe);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Lukkedage' }).click();
    await heading(page, 'Lukkedage');
    await page.getByLabel(/^Dato/).fill('2027-12-24');
    await page.getByLabel(/^Årsag/).fill('Juleaften');
    await page.getByRole('button', { name: 'Tilføj lukkedag' }).click();
    await page.getByRole('cell', { name: '24-12-2027', exact: true }).waitFor();
    // The same day twice: the error stands beside the date, and what was typed stays.
    await page.getByLabel(/^Dato/).fill('2027-12-24');
    await page.getByLabel(/^Årsag/).fill('Juleaften igen');
    await page.getByRole('button', { name: 'Tilføj lukkedag' }).click();
    await page.locator('#closing-day-error').waitFor();
    expect(await page.getByLabel(/^Årsag/).inputValue()).toBe('Juleaften igen');
    await expectAccessible(page, 'closing days', axe);
    await page.getByRole('button', { name: 'Fjern 24-12-2027' }).click();
    await page.getByText('Der er ingen lukkedage.').waitFor();

    await context.close();
    timings.managerFlow = Date.now() - started;
  });

  it('works on a 375 px wide phone, without sideways scrolling', async () => {
    const started = Date.now();
    const { context, page } = await newPage(375, 740);
    await logIn(page, 'vejleder@akasse.demo');
    if ((await startPage(page)) === 'caseload') {
      await page.locator('tbody tr[data-light]').first().waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await expectAccessible(page, 'phone: caseload', axe);
    }

    await page.goto(`${e2e.server.baseUrl}${spellPath}`);
    await heading(page, NAME);
    await page.getByRole('heading', { level: 2, name: 'Samtaler' }).waitFor();
    const next = talk(page, 'Rådigheds- og kontaktsamtale 2');
    await next.getByRole('button', { name: /^Book/ }).click();
    await next.getByRole('region').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'phone: timeline with booking form', axe);
    // Escape hatch: cancelling the form gives focus back to the button that opened it.
    await next.getByRole('button', { name: 'Annullér' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), { timeout: 15_000 }).toContain('Book');

    for (const [tab, label] of [
      ['profiling', 'Profilafklaring'],
      ['plan', 'Min Plan'],
      ['spell', 'Ydelsestimer og afslutning'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Dele af forløbet' }).getByRole('link', { name: label }).click();
      await page.waitForURL((url) => url.searchParams.get('tab') === tab);
      await page.locator('.app-tab-panel h2').first().waitFor();
      expect(await fitsWidth(page)).toBe(true);
      // The desktop pass checked the other tabs with axe; this one only the phone visits.
      if (tab === 'spell') await expectAccessible(page, `phone: ${tab} tab`, axe);
    }

    await context.close();
    timings.phoneFlow = Date.now() - started;
  });
});
