import { toCopenhagenIsoDate } from '../../src/core/calendar/iso-date';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { heading } from './support/session';
import { portalApiClient, portalLogIn } from './support/portal';

const e2e = useE2E();
const { axe, newPage, logIn } = e2e;

describe('offers: job club, waitlist, roll-call and the absence report', () => {
  it('runs a job club from creation to the monthly absence report', async () => {
    const today = toCopenhagenIsoDate(new Date());
    const { context, page } = await newPage();
    await logIn(page, 'vejleder@akasse.demo');

    // Staff create a job club in the catalogue …
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Tilbud' }).click();
    await heading(page, 'Tilbud');
    await expectAccessible(page, 'catalogue', axe);
    await page.getByLabel('Type').selectOption('job_club');
    await page.getByLabel('Titel').fill('Jobklub Handel & kontor');
    await page.getByLabel('Fag/branche').fill('Handel & kontor');
    await page.getByRole('button', { name: 'Opret tilbud' }).click();
    await page.getByRole('status').filter({ hasText: 'Tilbuddet "Jobklub Handel & kontor" er oprettet.' }).waitFor();
    await page.getByRole('link', { name: 'Jobklub Handel & kontor' }).click();
    await heading(page, 'Jobklub Handel & kontor');
    await expectAccessible(page, 'offer', axe);

    // … and a session with 31 seats and 10 % overbooking, meeting from today.
    await page.getByLabel('Dato for første gang').fill(today);
    await page.getByLabel('Starttid').fill('08:00');
    await page.getByLabel('Sluttid').fill('15:00');
    await page.getByLabel('Sted').fill('Jobcaféen, lokale 1');
    await page.getByLabel('Antal pladser').fill('31');
    await page.getByLabel('Overbooking i procent').fill('10');
    await page.getByRole('button', { name: 'Opret hold' }).click();
    await heading(page, /Jobklub Handel & kontor, /);
    await page.getByText('0 af 34 pladser besat (31 pladser + 10 % overbooking)').waitFor();
    const sessionId = /\/offer-sessions\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
    expect(sessionId).not.toBe('');
    await expectAccessible(page, 'session (empty)', axe);

    // Jobseekers sign up in the portal until the waitlist starts: 34 seats, then 2 waiting. Most
    // do it through the portal API, each logged in with the code from their own e-mail (read in
    // the outbox); the last two on the portal's offers page at 375 px.
    const api = await e2e.api('vejleder@akasse.demo');
    const admin = await e2e.api('admin@akasse.demo');
    const found = await api<{ items: { id: string; firstName: string; lastName: string; email: string | null }[] }>('POST', '/api/v1/jobseekers/search', { page: 1, pageSize: 200, sort: 'name' });
    const emails = found.json.items.map((j) => j.email?.toLowerCase());
    // An address two people share would deliver two codes; keep to people with their own.
    const withEmail = found.json.items.filter((j) => j.email && emails.filter((e) => e === j.email!.toLowerCase()).length === 1);
    const signUps = withEmail.slice(0, 36);
    const results: { status: string; waitlistPosition: number | null }[] = [];
    for (const person of signUps.slice(0, 34)) {
      const portal = await portalApiClient(e2e.server.baseUrl, person.email!, admin);
      const res = await portal<{ status: string; waitlistPosition: number | null }>('POST', `/api/portal/offers/sessions/${sessionId}/signup`, {});
      expect(res.status).toBe(201);
      results.push(res.json);
    }
    expect(results.filter((r) => r.status === 'seated')).toHaveLength(34);
    for (const [i, person] of signUps.slice(34).entries()) {
      const portal = await newPage(375, 740);
      await portalLogIn(portal.page, e2e.server.baseUrl, person.email!, admin);
      await portal.page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name: 'Tilbud', exact: true }).click();
      await heading(portal.page, 'Tilbud');
      await portal.page.getByRole('button', { name: 'Tilmeld mig Jobklub Handel & kontor' }).click();
      await portal.page.getByRole('status').filter({ hasText: `Holdet er fuldt. Du er nr. ${i + 1} på ventelisten.` }).waitFor();
      if (i === 0) await expectAccessible(portal.page, 'portal offers (waitlisted, phone)', axe);
      await portal.context.close();
    }
    const firstWaiting = signUps[34]!;
    const leaving = signUps[0]!;
    const leavingName = `${leaving.firstName} ${leaving.lastName}`;

    // Staff sign one more up through the page: the session is full, so the waitlist.
    await page.reload();
    await heading(page, /Jobklub Handel & kontor, /);
    await page.getByText('34 af 34 pladser besat (31 pladser + 10 % overbooking)').waitFor();
    await page.getByRole('cell', { name: 'Venteliste nr. 2' }).waitFor();
    await expectAccessible(page, 'session (full, waitlist)', axe);

    // One cancels; the first on the waitlist gets the seat and is told (an outbox message).
    await page.getByRole('button', { name: `Afmeld ${leavingName}` }).click();
    await page.getByLabel('Årsag til afmelding').fill('Har fået job');
    await page.getByRole('button', { name: 'Afmeld', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `${leavingName} er afmeldt.` }).waitFor();
    const promotedRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: `${firstWaiting.firstName} ${firstWaiting.lastName}`, exact: true }) });
    await promotedRow.getByText('Har plads – rykket op fra ventelisten, besked sendt på e-mail').waitFor();
    await page.getByRole('cell', { name: 'Venteliste nr. 1' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Venteliste nr. 2' }).count()).toBe(0);
    await expectAccessible(page, 'session (after cancellation)', axe);
    await context.close();

    // Roll-call on a 375 px wide phone: one tap per participant.
    const phone = await newPage(375, 740);
    await logIn(phone.page, 'vejleder@akasse.demo');
    await phone.page.goto(`${e2e.server.baseUrl}/offer-sessions/${sessionId}/roll-call`);
    await heading(phone.page, 'Fremmøde');
    await phone.page.getByRole('status').filter({ hasText: '0 af 34 registreret' }).waitFor();
    await expectAccessible(phone.page, 'roll-call (phone)', axe);
    const absentee = signUps[1]!;
    const absenteeName = `${absentee.firstName} ${absentee.lastName}`;
    const card = phone.page.getByRole('group', { name: absenteeName, exact: true });
    await card.getByRole('button', { name: 'Fravær' }).click();
    await card.getByText('Fravær: Udeblevet uden afbud').waitFor();
    for (const person of [signUps[2]!, signUps[3]!, firstWaiting]) {
      const other = phone.page.getByRole('group', { name: `${person.firstName} ${person.lastName}`, exact: true });
      await other.getByRole('button', { name: 'Mødt' }).click();
      await other.getByText('Mødt', { exact: true }).first().waitFor();
    }
    await phone.page.getByRole('status').filter({ hasText: '4 af 34 registreret' }).waitFor();
    const box = await card.getByRole('button', { name: 'Mødt' }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(phone.page, 'roll-call (phone, registered)', axe);
    await phone.context.close();

    // The monthly absence report for the unit lists the absentee.
    const desk = await newPage();
    await logIn(desk.page, 'vejleder@akasse.demo');
    await desk.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Fraværsrapport' }).click();
    await heading(desk.page, 'Fraværsrapport');
    await desk.page.getByLabel('Måned').fill(today.slice(0, 7));
    await desk.page.getByLabel('Afdeling').selectOption({ label: 'Afdeling Nord' });
    await desk.page.getByRole('status').filter({ hasText: '1 fravær, 1 personer' }).waitFor();
    await desk.page.getByRole('cell', { name: absenteeName }).waitFor();
    await desk.page.getByRole('cell', { name: 'Udeblevet uden afbud' }).waitFor();
    await expectAccessible(desk.page, 'absence report', axe);
    const xlsx = await desk.page.request.get(`${e2e.server.baseUrl}/api/v1/absence-report?month=${today.slice(0, 7)}&unitId=${encodeURIComponent(await desk.page.getByLabel('Afdeling').inputValue())}&format=xlsx`);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await desk.page.getByRole('button', { name: 'Send til rådighedsteamet' }).click();
    await desk.page.getByRole('status').filter({ hasText: 'Rapporten er sendt til rådighedsteamet som en opgave.' }).waitFor();

    // The referrals page, empty for now, is reachable and accessible too.
    await desk.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Henvisninger' }).click();
    await heading(desk.page, 'Henvisninger');
    await desk.page.getByRole('status').filter({ hasText: '0 henvisninger' }).waitFor();
    await expectAccessible(desk.page, 'referrals', axe);
    await desk.context.close();
    // Many steps on one slow shared machine: more than the default per-test time.
  }, 420_000);
});
