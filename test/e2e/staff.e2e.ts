import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { heading } from './support/session';

const WRONG_CPR = '310299-1234'; // 31 February does not exist
const GOOD_CPR = '290288-4817'; // a leap day, so the date check has to be right
const FIRST_NAME = 'Tilde';
const LAST_NAME = 'Prøvesen';

const e2e = useE2E();
const { axe, timings, newPage, logIn } = e2e;
let jobseekerId = '';

/** A caseworker starts on the caseload once the server offers it; the jobseeker list is one click on. */
async function toJobseekerList(page: Page): Promise<void> {
  const h1 = page.getByRole('heading', { level: 1, name: /^(Min sagsstamme|Jobsøgende)$/ });
  await h1.waitFor();
  if ((await h1.textContent()) !== 'Jobsøgende') {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Jobsøgende' }).click();
    await heading(page, 'Jobsøgende');
  }
}

describe('staff web app', () => {
  it('lets a caseworker register a jobseeker, fixing a wrong CPR number, find them, and an admin see it in the audit log', async () => {
    const started = Date.now();
    const { context, page } = await newPage();

    // The start page sends a visitor who is not logged in to the login page.
    await page.goto(`${e2e.server.baseUrl}/`);
    await heading(page, 'Log ind');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
    await expectAccessible(page, 'login', axe);

    await logIn(page, 'vejleder@akasse.demo');
    await toJobseekerList(page);
    await page.getByRole('status').filter({ hasText: 'jobsøgende fundet' }).waitFor();
    await expectAccessible(page, 'jobseeker list', axe);

    // Register with a CPR number whose birth date does not exist.
    await page.getByRole('link', { name: 'Opret jobsøgende' }).click();
    await heading(page, 'Opret jobsøgende');
    await expectAccessible(page, 'create jobseeker', axe);
    await page.getByLabel('CPR-nummer').fill(WRONG_CPR);
    await page.getByLabel('Fornavn').fill(FIRST_NAME);
    await page.getByLabel('Efternavn').fill(LAST_NAME);
    await page.getByRole('button', { name: 'Opret', exact: true }).click();

    const cprError = page.locator('#cpr-error');
    await cprError.waitFor();
    expect(await cprError.textContent()).toContain('fødselsdato findes ikke');
    const cprInput = page.getByLabel('CPR-nummer');
    expect(await cprInput.getAttribute('aria-invalid')).toBe('true');
    expect(await cprInput.getAttribute('aria-describedby')).toContain('cpr-error');
    await page.getByRole('alert').filter({ hasText: 'Nogle felter er ikke udfyldt korrekt.' }).waitFor();
    // Nothing typed is lost.
    expect(await page.getByLabel('Fornavn').inputValue()).toBe(FIRST_NAME);
    expect(await page.getByLabel('Efternavn').inputValue()).toBe(LAST_NAME);
    expect(await cprInput.inputValue()).toBe(WRONG_CPR);
    await expectAccessible(page, 'create jobseeker with errors', axe);

    // Fix the CPR number and register.
    await cprInput.fill(GOOD_CPR);
    await page.getByRole('button', { name: 'Opret', exact: true }).click();
    await heading(page, `${FIRST_NAME} ${LAST_NAME}`);
    jobseekerId = /\/jobseekers\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
    expect(jobseekerId).not.toBe('');
    // The CPR number is masked until asked for, and the heading has focus after the navigation.
    await page.getByText('290288-xxxx').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByText('29-02-1988').count()).toBe(1);
    await expectAccessible(page, 'jobseeker detail', axe);
    await page.getByRole('button', { name: 'Vis CPR-nummer' }).click();
    await page.getByText(GOOD_CPR).waitFor();
    await page.getByRole('button', { name: 'Skjul CPR-nummer' }).click();
    await page.getByText('290288-xxxx').waitFor();

    // Find the jobseeker in the list by name; the name never goes into the URL.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Jobsøgende' }).click();
    await heading(page, 'Jobsøgende');
    await page.getByLabel('Søg efter jobsøgende').fill(LAST_NAME);
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 jobsøgende fundet' }).waitFor();
    await page.getByRole('link', { name: `${FIRST_NAME} ${LAST_NAME}` }).waitFor();
    expect(decodeURIComponent(page.url())).not.toContain(LAST_NAME);
    await expectAccessible(page, 'jobseeker search result', axe);

    // Sorting by a column header is announced through aria-sort.
    const birthHeader = page.getByRole('columnheader', { name: /Fødselsdato/ });
    expect(await birthHeader.getAttribute('aria-sort')).toBe('none');
    await birthHeader.getByRole('button').click();
    await expect.poll(() => birthHeader.getAttribute('aria-sort')).toBe('ascending');

    await page.getByRole('button', { name: 'Log ud' }).click();
    await heading(page, 'Log ind');
    await page.getByText('Du er logget ud.').waitFor();

    // The admin sees the registration and the read in the audit log.
    await logIn(page, 'admin@akasse.demo');
    await heading(page, 'Revisionslog');
    await page.getByLabel('Jobsøgendes id').fill(jobseekerId);
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('jobseekerId') === jobseekerId);
    await page.locator('tbody tr[data-action="create"]').first().waitFor();
    const actions = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toContain('create');
    expect(actions).toContain('read');
    expect(actions).toContain('reveal_cpr');
    expect(await page.locator('tbody tr[data-action="create"]').first().textContent()).toContain('Vera Vejleder');
    await expectAccessible(page, 'audit log', axe);

    await page.getByRole('link', { name: 'Medarbejdere' }).click();
    await heading(page, 'Medarbejdere');
    await expectAccessible(page, 'staff admin', axe);
    await page.getByRole('link', { name: 'Min profil' }).click();
    await heading(page, 'Min profil');
    await page.getByRole('button', { name: 'Opsæt totrinsbekræftelse' }).click();
    await page.getByText(/^otpauth:\/\//).waitFor();
    await expectAccessible(page, 'profile with two-factor set-up', axe);

    // The language switch changes the page and tells the server through a cookie.
    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, 'My profile');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await context.cookies()).find((c) => c.name === 'lang')?.value).toBe('en');
    await page.getByRole('button', { name: 'Dansk' }).click();
    await heading(page, 'Min profil');

    await context.close();
    timings.desktopFlow = Date.now() - started;
  });

  it('works on a 375 px wide phone, without sideways scrolling', async () => {
    const started = Date.now();
    const { context, page } = await newPage(375, 740);
    const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

    await page.goto(`${e2e.server.baseUrl}/`);
    await heading(page, 'Log ind');
    expect(await noSidewaysScroll()).toBe(true);
    await expectAccessible(page, 'phone: login', axe);

    await logIn(page, 'vejleder@akasse.demo');
    await toJobseekerList(page);
    await page.getByRole('status').filter({ hasText: 'jobsøgende fundet' }).waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await expectAccessible(page, 'phone: jobseeker list', axe);

    await page.goto(`${e2e.server.baseUrl}/jobseekers/${jobseekerId}`);
    await heading(page, `${FIRST_NAME} ${LAST_NAME}`);
    expect(await noSidewaysScroll()).toBe(true);
    await expectAccessible(page, 'phone: jobseeker detail', axe);

    await page.getByRole('link', { name: 'Ret oplysninger' }).click();
    await heading(page, `Ret ${FIRST_NAME} ${LAST_NAME}`);
    expect(await noSidewaysScroll()).toBe(true);
    await expectAccessible(page, 'phone: edit jobseeker', axe);

    // Someone else saves in between: the save is refused with a clear message, and the typed value stays.
    const me = (await (await page.request.get(`${e2e.server.baseUrl}/api/v1/auth/me`)).json()) as { csrfToken: string };
    const current = (await (await page.request.get(`${e2e.server.baseUrl}/api/v1/jobseekers/${jobseekerId}`)).json()) as { version: number };
    const patched = await page.request.patch(`${e2e.server.baseUrl}/api/v1/jobseekers/${jobseekerId}`, {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: { version: current.version, city: 'Vejle' },
    });
    expect(patched.status()).toBe(200);
    await page.getByLabel('By').fill('Odense');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('alert').filter({ hasText: 'ændret af en anden' }).waitFor();
    expect(await page.getByLabel('By').inputValue()).toBe('Odense');
    await expectAccessible(page, 'phone: edit conflict', axe);

    // Keyboard only: on a fresh page the skip link is the first stop and moves focus to the main content.
    await page.reload();
    await heading(page, `Ret ${FIRST_NAME} ${LAST_NAME}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til indhold');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    await context.close();
    timings.phoneFlow = Date.now() - started;
  });
});
