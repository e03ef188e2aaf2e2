import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth, heading } from './support/session';
import { portalLogIn } from './support/portal';

const e2e = useE2E();
const { axe, newPage } = e2e;

type Match = { source: 'job_order' | 'vacancy'; title: string; url: string | null };

describe('jobs for the jobseeker and saved searches in the portal, on a phone', () => {
  it('shows a demo jobseeker jobs for them with an imported vacancy, saves the search, then edits, pauses and deletes it', async () => {
    const caseworker = await e2e.api('vejleder@akasse.demo');
    const broker = await e2e.api('formidler@akasse.demo');
    const admin = await e2e.api('admin@akasse.demo');
    // A demo jobseeker with an e-mail address for whom an imported demo vacancy is ranked.
    const found = await caseworker<{ items: { id: string; email: string | null }[] }>('POST', '/api/v1/jobseekers/search', { page: 1, pageSize: 100, sort: 'name' });
    let person: { id: string; email: string } | null = null;
    let vacancy: Match | undefined;
    for (const candidate of found.json.items.filter((j) => j.email)) {
      const matches = await broker<{ items: Match[] }>('GET', `/api/v1/jobseekers/${candidate.id}/job-matches`);
      vacancy = matches.json.items.find((m) => m.source === 'vacancy');
      if (vacancy) {
        person = { id: candidate.id, email: candidate.email! };
        break;
      }
    }
    expect(person, 'a demo jobseeker with a matching demo vacancy').not.toBeNull();

    const { context, page } = await newPage(375, 740);
    await portalLogIn(page, e2e.server.baseUrl, person!.email, admin);
    const nav = page.getByRole('navigation', { name: 'Min side' });

    // Job til dig: the vacancy with its source, its reasons and a link to apply.
    await nav.getByRole('link', { name: 'Job til dig' }).click();
    await heading(page, 'Job til dig');
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: vacancy!.title }) }).first();
    await item.getByText('Stillingsopslag', { exact: true }).waitFor();
    await item.getByText(/Derfor: samme stilling|Derfor: beslægtet stilling|Derfor: har arbejdet i stillingen/).waitFor();
    await item.getByText(/timetal ikke oplyst/).waitFor();
    expect(await item.getByRole('link', { name: `Se opslaget og søg: ${vacancy!.title}` }).getAttribute('href')).toBe(vacancy!.url);
    await expectAccessible(page, 'portal jobs for me', axe);
    expect(await fitsWidth(page)).toBe(true);

    // A narrower search, then save it.
    await page.getByLabel('Afstand fra din bopæl').selectOption('300');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.getByText(/^Søgningen: .*højst 300 km fra /).waitFor();
    await page.getByRole('button', { name: 'Gem søgningen' }).click();
    await page.getByRole('status').filter({ hasText: 'Søgningen er gemt.' }).waitFor();
    await expectAccessible(page, 'portal jobs for me (saved)', axe);
    await page.getByRole('link', { name: 'Se dine gemte søgninger' }).click();

    // Gemte søgninger: the search is there, with its e-mail on and no digest yet.
    await heading(page, 'Gemte søgninger');
    const card = page.getByRole('region', { name: 'Søgning 1' });
    await card.getByText(/højst 300 km fra /).waitFor();
    await card.getByText('Daglig e-mail: til').waitFor();
    await card.getByText('Der er ikke sendt nogen e-mail for søgningen endnu.').waitFor();
    await expectAccessible(page, 'portal saved searches', axe);
    expect(await fitsWidth(page)).toBe(true);

    // Edit with a bad distance: the message sits beside the field, tied to it; the typed value stays.
    await card.getByRole('button', { name: 'Redigér' }).click();
    const radius = card.getByLabel('Afstand i km fra kommunen');
    await radius.fill('mange');
    await card.getByRole('button', { name: 'Gem søgning' }).click();
    const message = card.getByText('Afstanden skal være et helt antal km fra 0 til 300.');
    await message.waitFor();
    const describedBy = (await radius.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await message.locator('xpath=ancestor-or-self::*[@id][1]').getAttribute('id'));
    expect(await radius.inputValue()).toBe('mange');
    expect(await radius.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'portal saved search (error)', axe);
    expect(await fitsWidth(page)).toBe(true);
    await radius.fill('40');
    await card.getByRole('button', { name: 'Gem søgning' }).click();
    await card.getByText(/højst 40 km fra /).waitFor();
    // Focus comes back to the button that opened the form.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Redigér');

    // Pause the e-mail with the keyboard.
    await card.getByRole('button', { name: 'Sæt e-mail på pause' }).focus();
    await page.keyboard.press('Enter');
    await card.getByText('Daglig e-mail: på pause').waitFor();
    await card.getByRole('button', { name: 'Genoptag e-mail' }).waitFor();

    // Delete asks first; "no" keeps it, "yes" removes it.
    await card.getByRole('button', { name: 'Slet' }).click();
    await card.getByText('Vil du slette Søgning 1?', { exact: false }).waitFor();
    await expectAccessible(page, 'portal saved search (confirm delete)', axe);
    await card.getByRole('button', { name: 'Nej, behold den' }).click();
    await card.getByRole('button', { name: 'Slet' }).click();
    await card.getByRole('button', { name: 'Ja, slet søgningen' }).click();
    await page.getByText('Du har ingen gemte søgninger.', { exact: false }).waitFor();
    await context.close();
    expect(axe.every((r) => r.blocking === 0)).toBe(true);
  });
});
