import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../../src/core/calendar/iso-date';
import { toCopenhagenIsoDate } from '../../src/core/calendar/iso-date';
import { expectAccessible, launchBrowser, type AxeReport } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { fitsWidth, heading, logIn as logInAt, newPage as openPage } from './support/session';
import { ensureWebBuild } from './support/web-build';

let server: RunningServer;
let browser: Browser;
const axe: AxeReport[] = [];

const newPage = (width = 1280, height = 900) => openPage(browser, { width, height });
const logIn = (page: Page, email: string) => logInAt(page, server.baseUrl, email);

/** The next Monday after today (a working day unless it is a holiday; the test only needs a date). */
function nextMonday(): string {
  let day = addDays(toCopenhagenIsoDate(new Date()), 1);
  while (isoWeekday(day) !== 1) day = addDays(day, 1);
  return day;
}

beforeAll(async () => {
  ensureWebBuild();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  console.log(`axe: ${axe.map((r) => `${r.page}: ${r.violations} violation(s), ${r.blocking} serious/critical`).join('; ')}`);
});

describe('self-booking: the caseworker publishes booking times', () => {
  it('shows the demo week, takes a day off and lists the free times, on a desktop and a 375 px phone', async () => {
    const { context, page } = await newPage();
    await logIn(page, 'vejleder@akasse.demo');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Tider til booking' }).click();
    await heading(page, 'Tider til booking');
    // The demo caseworker has Monday to Thursday 9–12 and Tuesday afternoon.
    await page.getByLabel('Ugedag').first().waitFor();
    await expect(page.getByLabel('Ugedag').count()).resolves.toBe(5);
    await page.getByRole('heading', { name: 'Ledige tider de næste 14 dage' }).waitFor();
    await expectAccessible(page, 'booking times', axe);

    const monday = nextMonday();
    const danish = `${monday.slice(8, 10)}-${monday.slice(5, 7)}-${monday.slice(0, 4)}`;
    await page.getByLabel(/^Dato/).fill(monday);
    await page.getByLabel('Note').fill('Kursus');
    await page.getByRole('button', { name: 'Tilføj fridag eller ekstra tider' }).click();
    await page.getByRole('status').filter({ hasText: `${danish} er tilføjet.` }).waitFor();
    await page.getByText(`${danish}: Fridag (Kursus)`).waitFor();
    // No free times on the day off.
    await expect(page.getByRole('heading', { level: 3, name: danish, exact: true }).count()).resolves.toBe(0);

    // A wrong block is refused beside its field, and nothing is lost.
    await page.getByLabel('Til kl.').first().fill('08:00');
    await page.getByRole('button', { name: 'Gem faste tider' }).click();
    await page.getByText('Sluttidspunktet skal ligge efter starttidspunktet.').waitFor();
    await expectAccessible(page, 'booking times (error)', axe);
    await context.close();

    const phone = await newPage(375, 800);
    await logIn(phone.page, 'vejleder@akasse.demo');
    await phone.page.goto(`${server.baseUrl}/availability`);
    await heading(phone.page, 'Tider til booking');
    await phone.page.getByRole('heading', { name: 'Ledige tider de næste 14 dage' }).waitFor();
    expect(await fitsWidth(phone.page)).toBe(true);
    await expectAccessible(phone.page, 'booking times (375 px)', axe);
    await phone.context.close();
  });
});
