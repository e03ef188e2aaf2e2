import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth, heading } from './support/session';
import { portalLogIn, readLoginCode } from './support/portal';

const e2e = useE2E();
const { axe, newPage, logIn } = e2e;

type Question = { code: string; kind: string; text: { da: string }; options?: { label: { da: string } }[]; scaleLabels?: { da: string }[] };

describe('the jobseeker’s portal on a phone', () => {
  it('logs in with a code from the outbox, answers the questionnaire, comments on Min Plan, sees who looked, downloads the data and signs up for an offer', async () => {
    const staff = await e2e.api('vejleder@akasse.demo');
    const admin = await e2e.api('admin@akasse.demo');
    // A jobseeker with an e-mail address and an active spell; the caseworker gives them a plan with a deadline.
    const found = await staff<{ items: { id: string; firstName: string; email: string | null }[] }>('POST', '/api/v1/jobseekers/search', { page: 1, pageSize: 100, sort: 'name' });
    type Person = { id: string; firstName: string; email: string };
    let person: Person | null = null;
    let spellId = '';
    for (const candidate of found.json.items.filter((j) => j.email)) {
      const spells = await staff<{ id: string; status: string }[] | { items: { id: string; status: string }[] }>('GET', `/api/v1/jobseekers/${candidate.id}/spells`);
      const list = Array.isArray(spells.json) ? spells.json : spells.json.items;
      const active = list.find((s) => s.status === 'active');
      if (active) {
        person = candidate as Person;
        spellId = active.id;
        break;
      }
    }
    expect(person).not.toBeNull();
    const plan = await staff<{ current: { version: number } | null }>('GET', `/api/v1/spells/${spellId}/plan`);
    const saved = await staff('POST', `/api/v1/spells/${spellId}/plan`, {
      basedOnVersion: plan.json.current?.version ?? 0,
      jobGoals: [{ title: 'Lagermedarbejder' }],
      activities: [{ title: 'Opdatér dit CV på Jobnet', dueDate: '2027-01-15', status: 'open' }],
      searchRequirementPerWeek: 2,
    });
    expect(saved.status).toBe(201);
    const offer = await staff<{ id: string }>('POST', '/api/v1/offers', { kind: 'workshop', title: 'CV-værksted' });
    const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const session = await staff('POST', `/api/v1/offers/${offer.json.id}/sessions`, { startsAt: `${startsAt}T09:00:00+01:00`, endsAt: `${startsAt}T12:00:00+01:00`, place: 'Lokale 2', capacity: 10, overbookingPercent: 0, cancellationDeadlineHours: 24 });
    expect(session.status).toBe(201);

    const { context, page } = await newPage(375, 740);
    // The login page, at 375 px.
    await page.goto(`${e2e.server.baseUrl}/portal`);
    await heading(page, 'Log ind på Min side');
    await expectAccessible(page, 'portal login', axe);
    expect(await fitsWidth(page)).toBe(true);
    // A wrong code first: the page says so, and the typed address is kept.
    await page.getByLabel('E-mail eller mobilnummer').fill(person!.email);
    await page.getByRole('button', { name: 'Send kode' }).click();
    await page.getByLabel('Kode').waitFor();
    const sent = await readLoginCode(admin, person!.email);
    await page.getByLabel('Kode').fill(sent === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Koden er forkert eller udløbet' }).waitFor();
    await expectAccessible(page, 'portal login (code)', axe);
    await portalLogIn(page, e2e.server.baseUrl, person!.email, admin);
    await heading(page, `Hej ${person!.firstName}`);
    await page.getByRole('link', { name: /Opdatér dit CV på Jobnet – senest 15-01-2027/ }).waitFor();
    await expectAccessible(page, 'portal front page', axe);
    expect(await fitsWidth(page)).toBe(true);

    // The questionnaire: the first choice of every question, "Nej" to yes/no.
    await page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name: 'Spørgeskema' }).click();
    await heading(page, 'Spørgeskema før din første samtale');
    await expectAccessible(page, 'portal questionnaire', axe);
    const q = await staff<{ questionnaire: { definition: { questions: Question[] } } }>('GET', `/api/v1/spells/${spellId}/profiling`);
    for (const [i, question] of q.json.questionnaire.definition.questions.entries()) {
      const group = page.getByRole('group', { name: `${i + 1}. ${question.text.da}` });
      if (question.kind === 'single_choice') await group.getByRole('radio').first().check();
      if (question.kind === 'likert') await group.getByRole('radio').nth(2).check();
      if (question.kind === 'yes_no') await group.getByRole('radio', { name: 'Nej' }).check();
    }
    await page.getByRole('button', { name: 'Send mine svar' }).click();
    await page.getByRole('status').filter({ hasText: 'Tak. Dine svar er sendt til din vejleder.' }).waitFor();
    const answered = await staff<{ response: { answeredBy: string } | null }>('GET', `/api/v1/spells/${spellId}/profiling`);
    expect(answered.json.response?.answeredBy).toBe('jobseeker');

    // Min Plan: a comment the caseworker sees on the case page.
    await page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name: 'Min Plan', exact: true }).click();
    await heading(page, 'Min Plan');
    await page.getByText('Lagermedarbejder').waitFor();
    await page.getByLabel('Skriv en kommentar til din plan').fill('Jeg vil også gerne søge job som chauffør.');
    await page.getByRole('button', { name: 'Send kommentar' }).click();
    await page.getByRole('status').filter({ hasText: 'Kommentaren er sendt.' }).waitFor();
    await page.getByText('Jeg vil også gerne søge job som chauffør.').waitFor();
    await expectAccessible(page, 'portal Min Plan', axe);
    expect(await fitsWidth(page)).toBe(true);
    const staffPlan = await staff<{ comments: { body: string }[] }>('GET', `/api/v1/spells/${spellId}/plan`);
    expect(staffPlan.json.comments.map((c) => c.body)).toContain('Jeg vil også gerne søge job som chauffør.');

    // Who has looked: the caseworker's reads, by role and organisation, never by name.
    await page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name: 'Hvem har set mine data' }).click();
    await heading(page, 'Hvem har set mine data');
    await page.getByText(/^Jobvejleder, Demo A-kasse$/i).first().waitFor();
    expect(await page.getByText('Vera Vejleder').count()).toBe(0);
    await expectAccessible(page, 'portal access log', axe);
    expect(await fitsWidth(page)).toBe(true);

    // Download of all data, as PDF and JSON.
    await page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name: 'Mine data', exact: true }).click();
    await heading(page, 'Mine data');
    await expectAccessible(page, 'portal my data', axe);
    const json = await context.request.get(`${e2e.server.baseUrl}/api/portal/export.json`);
    expect(json.status()).toBe(200);
    expect(JSON.stringify(await json.json())).toContain('Jeg vil også gerne søge job som chauffør.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent mine data som PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('mine-data.pdf');

    // Offers: sign up for the workshop.
    await page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name: 'Tilbud', exact: true }).click();
    await heading(page, 'Tilbud');
    await expectAccessible(page, 'portal offers', axe);
    await page.getByRole('button', { name: 'Tilmeld mig CV-værksted' }).click();
    await page.getByRole('status').filter({ hasText: 'Du har fået en plads.' }).waitFor();
    await page.getByRole('button', { name: 'Afmeld CV-værksted' }).waitFor();
    await expectAccessible(page, 'portal offers (signed up)', axe);
    expect(await fitsWidth(page)).toBe(true);

    // Log out: the portal asks for a code again.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await heading(page, 'Log ind på Min side');
    await context.close();

    // The caseworker reads the comment on the case page's Min Plan tab.
    const caseworker = await newPage();
    await logIn(caseworker.page, 'vejleder@akasse.demo');
    await caseworker.page.goto(`${e2e.server.baseUrl}/spells/${spellId}?tab=plan`);
    await caseworker.page.getByRole('heading', { level: 2, name: 'Den jobsøgendes kommentarer' }).waitFor();
    await caseworker.page.getByTestId('plan-comments').getByText('Jeg vil også gerne søge job som chauffør.').waitFor();
    await expectAccessible(caseworker.page, 'case page Min Plan (with the comment)', axe);
    await caseworker.context.close();

    // In the demo, an admin reads login codes on the Udbakke page.
    const adminPage = await newPage();
    await logIn(adminPage.page, 'admin@akasse.demo');
    await adminPage.page.getByRole('link', { name: 'Udbakke' }).click();
    await heading(adminPage.page, 'Udbakke');
    // Other mail (reminders, joblog nudges) may be newer: find the person's own messages.
    await adminPage.page.getByLabel('Modtager').fill(person!.email);
    await adminPage.page.getByRole('button', { name: 'Vis' }).click();
    await adminPage.page.getByText(/Din kode til Jobspor er \d{6}\./).first().waitFor({ state: 'attached' });
    await expectAccessible(adminPage.page, 'staff outbox', axe);
    await adminPage.context.close();
    expect(axe.every((r) => r.blocking === 0)).toBe(true);
  });
});
