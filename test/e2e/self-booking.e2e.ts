import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../../src/core/calendar/iso-date';
import { toCopenhagenIsoDate } from '../../src/core/calendar/iso-date';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth, heading } from './support/session';

const e2e = useE2E();
const { axe, newPage, logIn } = e2e;

/** The next Monday after today (a working day unless it is a holiday; the test only needs a date). */
function nextMonday(): string {
  let day = addDays(toCopenhagenIsoDate(new Date()), 1);
  while (isoWeekday(day) !== 1) day = addDays(day, 1);
  return day;
}

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
    await phone.page.goto(`${e2e.server.baseUrl}/availability`);
    await heading(phone.page, 'Tider til booking');
    await phone.page.getByRole('heading', { name: 'Ledige tider de næste 14 dage' }).waitFor();
    expect(await fitsWidth(phone.page)).toBe(true);
    await expectAccessible(phone.page, 'booking times (375 px)', axe);
    await phone.context.close();
  });
});

describe('self-booking: the jobseeker books the CV talk in the portal', () => {
  it('logs in with a code from the outbox, books a free time on a 375 px phone, and the caseworker sees it on the case page', async () => {
    // Set up through the API: a new member of Vera's with a spell in HK group 1, so the CV talk is planned.
    const staff = await e2e.api('vejleder@akasse.demo');
    const email = 'maja.selvbooker@example.dk';
    const person = await staff<{ id: string }>('POST', '/api/v1/jobseekers', { cpr: '150387-1236', firstName: 'Maja', lastName: 'Selvbooker', email, educationLevel: 'vocational' });
    expect(person.status).toBe(201);
    const spell = await staff<{ id: string }>('POST', `/api/v1/jobseekers/${person.json.id}/spells`, { kind: 'unemployment', startDate: toCopenhagenIsoDate(new Date()), targetGroup: 'unemployment_insurance' });
    expect(spell.status).toBe(201);
    const decided = await staff('POST', `/api/v1/spells/${spell.json.id}/segment`, { segment: 'hk-1', reason: 'Parat til job, kort ledighed forventet.' });
    expect(decided.status).toBe(200);

    const { context, page } = await newPage(375, 800);
    await page.goto(`${e2e.server.baseUrl}/portal`);
    await heading(page, 'Log ind på Min side');
    await expectAccessible(page, 'portal login (375 px)', axe);
    await page.getByLabel(/^E-mail eller mobilnummer/).fill(email);
    await page.getByRole('button', { name: 'Send kode' }).click();
    await page.getByLabel(/^Kode/).waitFor();
    // The embedded default "sends" the code into the outbox, where an admin can read it.
    const admin = await e2e.api('admin@akasse.demo');
    const messages = await admin<{ items: { recipient: string; template: string; body: string }[] }>('GET', `/api/v1/outbox?template=portal_login_code&recipient=${encodeURIComponent(email)}&limit=20`);
    const code = /\b(\d{6})\b/.exec(messages.json.items.find((m) => m.template === 'portal_login_code' && m.recipient === email)?.body ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel(/^Kode/).fill(code);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name: 'Book samtale', exact: true }).click();
    await heading(page, 'Book dine samtaler');
    await page.getByRole('heading', { level: 2, name: 'CV- og kontaktsamtale 1' }).waitFor();
    await expectAccessible(page, 'portal booking (375 px)', axe);
    expect(await fitsWidth(page)).toBe(true);

    await page.getByRole('button', { name: 'Vælg tid CV- og kontaktsamtale 1' }).click();
    await page.getByRole('heading', { name: 'Vælg tid til CV- og kontaktsamtale 1' }).waitFor();
    const firstTime = page.getByRole('group', { name: 'Tidspunkt' }).getByRole('radio').first();
    await firstTime.check();
    await page.getByRole('group', { name: 'Samtaleform' }).getByLabel('Telefon').check();
    await expectAccessible(page, 'portal booking, choosing a time (375 px)', axe);
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole('button', { name: 'Book tiden' }).click();
    const confirmation = page.getByRole('status').filter({ hasText: 'CV- og kontaktsamtale 1 er booket til' }).first();
    await confirmation.waitFor();
    const booked = /booket til (\d{2}-\d{2}-\d{4} \d{2}:\d{2})/.exec((await confirmation.textContent()) ?? '')?.[1] ?? '';
    expect(booked).not.toBe('');
    await page.getByRole('button', { name: 'Flyt CV- og kontaktsamtale 1' }).waitFor();
    await expectAccessible(page, 'portal booking, booked (375 px)', axe);
    await context.close();

    // The caseworker sees the booking on the case page, marked as self-booked.
    const desk = await newPage();
    await logIn(desk.page, 'vejleder@akasse.demo');
    await desk.page.goto(`${e2e.server.baseUrl}/spells/${spell.json.id}`);
    await heading(desk.page, /Maja Selvbooker/);
    await desk.page.getByText(`${booked}, Telefon`).waitFor();
    await desk.page.getByText('(selvbooket)').waitFor();
    await expectAccessible(desk.page, 'case page with a self-booked talk', axe);
    await desk.context.close();
  });
});
