import { describe, expect, it } from 'vitest';
import { toCopenhagenIsoDate } from '../../src/core/calendar/iso-date';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth, heading } from './support/session';

const e2e = useE2E();
const { axe, newPage, logIn } = e2e;

/** Logs a jobseeker in to the portal the way the code login works: ask, read the code in the outbox, verify. */
async function portalCookie(email: string): Promise<string> {
  const asked = await fetch(`${e2e.server.baseUrl}/api/portal/auth/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  expect(asked.status).toBe(202);
  const admin = await e2e.api('admin@akasse.demo');
  const outbox = await admin<{ items: { template: string; recipient: string; body: string }[] }>('GET', `/api/v1/outbox?template=portal_login_code&recipient=${encodeURIComponent(email)}&pageSize=5`);
  const message = outbox.json.items.find((i) => i.recipient === email)!;
  const code = /\b(\d{6})\b/.exec(message.body)![1];
  const verified = await fetch(`${e2e.server.baseUrl}/api/portal/auth/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ recipient: email, code }) });
  expect(verified.status).toBe(200);
  return /jobspor_portal=([^;]+)/.exec(verified.headers.get('set-cookie') ?? '')![1]!;
}

describe('secure messages', () => {
  it('a jobseeker sends a job question on a phone; the caseworker sees it and answers; the jobseeker reads the answer', async () => {
    const vera = await e2e.api('vejleder@akasse.demo');
    const me = await vera<{ id: string }>('GET', '/api/v1/auth/me');
    const email = 'mette.besked@example.dk';
    const created = await vera<{ id: string }>('POST', '/api/v1/jobseekers', { cpr: '150385-3019', firstName: 'Mette', lastName: 'Beskedsen', email, preferredLanguage: 'da' });
    expect(created.status).toBe(201);
    const spell = await vera('POST', `/api/v1/jobseekers/${created.json.id}/spells`, { kind: 'unemployment', startDate: toCopenhagenIsoDate(new Date()), targetGroup: 'unemployment_insurance', caseworkerId: me.json.id });
    expect(spell.status).toBe(201);

    // The jobseeker, on a 375 px phone.
    const phone = await newPage(375, 800);
    await phone.context.addCookies([{ name: 'jobspor_portal', value: await portalCookie(email), url: e2e.server.baseUrl, httpOnly: true, sameSite: 'Strict' }]);
    await phone.page.goto(`${e2e.server.baseUrl}/portal/messages`);
    await heading(phone.page, 'Mine beskeder');
    await expectAccessible(phone.page, 'portal: my messages (375 px)', axe);
    expect(await fitsWidth(phone.page)).toBe(true);
    await phone.page.getByLabel('Emne').fill('Jobopslag hos Vejle Lager');
    await phone.page.getByLabel('Job og jobsøgning').check();
    await phone.page.getByLabel('Besked', { exact: true }).fill('Må jeg søge et job som lagerarbejder, selvom det er på deltid?');
    await phone.page.getByRole('button', { name: 'Send' }).click();
    await phone.page.getByText(/Din besked er sendt\. Du får svar senest/).waitFor();
    await phone.page.getByRole('link', { name: 'Jobopslag hos Vejle Lager' }).waitFor();

    // The caseworker sees it in her inbox and answers.
    const desk = await newPage();
    await logIn(desk.page, 'vejleder@akasse.demo');
    await desk.page.getByRole('link', { name: 'Beskeder', exact: true }).click();
    await heading(desk.page, 'Beskeder');
    const row = desk.page.getByRole('row').filter({ hasText: 'Jobopslag hos Vejle Lager' });
    await expect.poll(() => row.textContent()).toContain('Mette Beskedsen');
    expect(await row.textContent()).toContain('1 ulæst');
    await expectAccessible(desk.page, 'staff: inbox', axe);
    await row.getByRole('link', { name: 'Jobopslag hos Vejle Lager' }).click();
    await heading(desk.page, 'Jobopslag hos Vejle Lager');
    await desk.page.getByText('Må jeg søge et job som lagerarbejder, selvom det er på deltid?').waitFor();
    await expectAccessible(desk.page, 'staff: thread', axe);
    await desk.page.getByLabel('Dit svar').fill('Ja, det må du gerne. Skriv det i din joblog.');
    await desk.page.getByRole('button', { name: 'Send svar' }).click();
    await desk.page.getByText('Ja, det må du gerne. Skriv det i din joblog.').waitFor();
    await desk.page.getByText('Besvaret').first().waitFor();

    // The jobseeker reads the answer.
    await phone.page.goto(`${e2e.server.baseUrl}/portal/messages`);
    await heading(phone.page, 'Mine beskeder');
    await phone.page.getByText('1 nyt svar').waitFor();
    await phone.page.getByRole('link', { name: 'Jobopslag hos Vejle Lager' }).click();
    await heading(phone.page, 'Jobopslag hos Vejle Lager');
    await phone.page.getByText('Ja, det må du gerne. Skriv det i din joblog.').waitFor();
    await phone.page.getByText('Vera Vejleder').first().waitFor();
    await expectAccessible(phone.page, 'portal: thread (375 px)', axe);
    expect(await fitsWidth(phone.page)).toBe(true);

    // The alerts about both messages are in the outbox, which the caseworker can read.
    await desk.page.goto(`${e2e.server.baseUrl}/outbox`);
    await heading(desk.page, 'Udbakke');
    // Other mail (reminders, joblog nudges) may be newer: find the person's own messages.
    await desk.page.getByLabel('Modtager').fill(email);
    await desk.page.getByRole('button', { name: 'Vis' }).click();
    await desk.page.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Ny besked til jobsøgende' }).first().waitFor();
    await expectAccessible(desk.page, 'staff: outbox', axe);
    const narrow = await newPage(375, 800);
    await logIn(narrow.page, 'admin@akasse.demo');
    await narrow.page.goto(`${e2e.server.baseUrl}/outbox`);
    await heading(narrow.page, 'Udbakke');
    await expectAccessible(narrow.page, 'admin: outbox (375 px)', axe);
    expect(await fitsWidth(narrow.page)).toBe(true);
    await Promise.all([phone.context.close(), desk.context.close(), narrow.context.close()]);
  });
});
