import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth, heading } from './support/session';

const e2e = useE2E();
const { axe, newPage, logIn } = e2e;

type Candidate = { jobseekerId: string; name: string };

describe('brokering: from the public form to a placement', () => {
  it('takes a job order from an employer on a phone through ranked candidates and three proposals to one hire that ends the spell', async () => {
    const api = await e2e.api('formidler@akasse.demo');
    const org = await api<{ id: string }>('GET', '/api/v1/organisation');
    expect(org.status).toBe(200);
    // The employer asks for an occupation and place where the demo has at least three candidates.
    const orders = await api<{ items: { id: string }[] }>('GET', '/api/v1/job-orders?status=open&pageSize=100');
    let wanted: { occupationCode: string; municipalityCode: number } | undefined;
    for (const o of orders.json.items) {
      const c = await api<{ items: Candidate[] }>('GET', `/api/v1/job-orders/${o.id}/candidates`);
      if (c.json.items.length >= 3) {
        wanted = (await api<{ occupationCode: string; municipalityCode: number }>('GET', `/api/v1/job-orders/${o.id}`)).json;
        break;
      }
    }
    expect(wanted).toBeDefined();

    // The employer fills in the public form on a 375 px phone, without logging in.
    const phone = await newPage(375, 800);
    await phone.page.goto(`${e2e.server.baseUrl}/jobordre/${org.json.id}`);
    await heading(phone.page, /Send en jobordre til/);
    await expectAccessible(phone.page, 'public job-order form', axe);
    expect(await fitsWidth(phone.page)).toBe(true);
    await phone.page.getByLabel('CVR-nummer').fill('20000120');
    await phone.page.getByLabel('Virksomhedens navn').fill('Plejehjemmet Lindely');
    await phone.page.getByLabel('Dit navn').fill('Lone Leder');
    await phone.page.getByLabel('Din e-mail').fill('lone@lindely.example');
    await phone.page.getByLabel('Stillingsbetegnelse').fill('Nyt job fra formularen, nattevagt');
    await phone.page.getByLabel('Stilling (DISCO-08)').selectOption(wanted!.occupationCode);
    await phone.page.getByLabel('Arbejdssted (kommune)').selectOption(String(wanted!.municipalityCode));
    await phone.page.getByLabel('Timer om ugen').fill('32');
    await phone.page.getByRole('button', { name: 'Send jobordre' }).click();
    await phone.page.getByRole('status').filter({ hasText: /Jobordren er modtaget med reference [0-9A-F]{8}/ }).waitFor();
    await expectAccessible(phone.page, 'public job-order receipt', axe);
    await phone.context.close();

    // The broker finds it among the orders waiting for an answer, on a phone too, and answers it.
    const { context, page } = await newPage(375, 800);
    await logIn(page, 'formidler@akasse.demo');
    await page.goto(`${e2e.server.baseUrl}/job-orders`);
    await heading(page, 'Jobordrer');
    await expectAccessible(page, 'job orders', axe);
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole('link', { name: 'Nyt job fra formularen, nattevagt' }).click();
    await heading(page, 'Nyt job fra formularen, nattevagt');
    await page.getByText('Afventer svar').first().waitFor();
    await page.getByRole('button', { name: 'Arbejdsgiveren har fået svar' }).click();
    await page.getByText('Besvaret til tiden').waitFor();
    // Ranked candidates, with the weights in view.
    await page.getByText(/Vægte \(ud af 100\): stilling 35/).waitFor();
    await expectAccessible(page, 'job order with candidates', axe);
    expect(await fitsWidth(page)).toBe(true);
    const orderId = /\/job-orders\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const ranked = await api<{ items: Candidate[] }>('GET', `/api/v1/job-orders/${orderId}/candidates`);
    expect(ranked.json.items.length).toBeGreaterThanOrEqual(3);
    const names = ranked.json.items.slice(0, 3);

    // Three proposals from the top of the list.
    await page.getByText('Ingen kandidater er foreslået endnu.').waitFor();
    for (const c of names) {
      await page.getByRole('button', { name: `Foreslå ${c.name}` }).click();
      await page.getByRole('button', { name: `Kandidat kontaktet: ${c.name}` }).waitFor();
    }
    // A fourth from the search is refused (three open proposals per position, or no active spell), saying why.
    await page.getByLabel('Foreslå en anden jobsøgende').fill('an');
    await page.locator('.app-proposal-search').getByRole('button', { name: /^Foreslå / }).first().click();
    await page.getByRole('alert').filter({ hasText: /3 åbne forslag til jobordren|har ikke et aktivt forløb/ }).waitFor();
    const [kept, rejected, hired] = names as [Candidate, Candidate, Candidate];
    await page.getByRole('button', { name: `Kandidat kontaktet: ${kept.name}` }).click();
    await page.getByRole('button', { name: `Sendt til arbejdsgiver: ${kept.name}` }).waitFor();

    // Not hired without a reason: the message stands beside the field.
    await page.getByRole('button', { name: `Ikke ansat: ${rejected.name}` }).click();
    await page.getByText('Vælg, hvorfor kandidaten ikke blev ansat.').waitFor();
    await page.getByLabel(`Hvorfor blev ${rejected.name} ikke ansat?`).selectOption('employer_chose_other');
    await page.getByRole('button', { name: `Ikke ansat: ${rejected.name}` }).click();
    await page.getByText(new RegExp(`${rejected.name} – Ikke ansat .*Arbejdsgiveren valgte en anden`)).waitFor();

    // That was a mistake: putting the proposal back a step is a correction, and it asks why.
    const correction = page.locator('details').filter({ has: page.getByLabel(`Sæt ${rejected.name} tilbage til`) });
    await correction.getByText('Ret trin').first().click();
    await correction.getByLabel(`Sæt ${rejected.name} tilbage til`).selectOption('interview');
    await correction.getByRole('button', { name: `Ret trin: ${rejected.name}` }).click();
    await correction.getByText(/er en rettelse: skriv en begrundelse/).first().waitFor();
    await correction.getByLabel('Begrundelse for rettelsen').fill('Registreret på den forkerte kandidat');
    await correction.getByRole('button', { name: `Ret trin: ${rejected.name}` }).click();
    await page.getByText(new RegExp(`${rejected.name} – Samtale`)).waitFor();
    await expectAccessible(page, 'job order with a corrected proposal', axe);

    await page.getByLabel(`Første arbejdsdag for ${hired.name}`).fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: `Ansat: ${hired.name}`, exact: true }).click();
    await page.getByText(new RegExp(`${hired.name} – Ansat`)).waitFor();
    await expectAccessible(page, 'job order with proposals', axe);
    expect(await fitsWidth(page)).toBe(true);

    // The hire ended the spell as an ordinary job.
    const manager = await e2e.api('leder@akasse.demo');
    const spells = await manager<{ status: string; endReason: string | null }[]>('GET', `/api/v1/jobseekers/${hired.jobseekerId}/spells`);
    expect(spells.status).toBe(200);
    expect(spells.json.some((s) => s.status === 'ended' && s.endReason === 'ordinary_job')).toBe(true);

    // The employer registered from the form; the broker logs the call back on it.
    await page.goto(`${e2e.server.baseUrl}/employers`);
    await heading(page, 'Virksomheder');
    await page.getByRole('link', { name: 'Plejehjemmet Lindely' }).click();
    await heading(page, 'Plejehjemmet Lindely');
    await page.getByLabel('Type').selectOption('call');
    await page.getByLabel('Tidspunkt').fill('2026-11-02T10:00');
    await page.getByLabel('Resultat').fill('Ringet tilbage om nattevagten');
    await page.getByRole('button', { name: 'Gem kontakt' }).click();
    await page.getByRole('status').filter({ hasText: 'Kontakten er gemt.' }).waitFor();
    await page.getByRole('cell', { name: 'Ringet tilbage om nattevagten' }).waitFor();
    // A second contact person: a mistyped e-mail is named beside its field, and nothing is lost.
    const personForm = page.getByRole('region', { name: 'Tilføj kontaktperson' });
    await personForm.getByLabel(/^Navn/).fill('Nina Nattevagt');
    await personForm.getByLabel(/^E-mail/).fill('nina@');
    await personForm.getByRole('button', { name: 'Tilføj kontaktperson' }).click();
    await personForm.getByText('Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.').first().waitFor();
    await personForm.getByLabel(/^E-mail/).fill('nina@lindely.example');
    await personForm.getByRole('button', { name: 'Tilføj kontaktperson' }).click();
    await page.getByText('Nina Nattevagt er tilføjet som kontaktperson.').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Nina Nattevagt · nina@lindely.example' }).waitFor();
    await expectAccessible(page, 'employer with contact log', axe);
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });

  it('keeps the CV a broker edits for matching, and shows the open job orders that fit it', async () => {
    const api = await e2e.api('formidler@akasse.demo');
    const { context, page } = await newPage(375, 800);
    await logIn(page, 'formidler@akasse.demo');
    const found = await api<{ items: { id: string }[] }>('POST', '/api/v1/jobseekers/search', { page: 1, pageSize: 1 });
    const personId = found.json.items[0]!.id;
    await page.goto(`${e2e.server.baseUrl}/jobseekers/${personId}/cv`);
    await heading(page, 'CV til jobformidling');
    await page.getByLabel('Ønsket stilling (DISCO-08)').selectOption('5321');
    await page.getByLabel('Kompetencer').fill('medicinhåndtering, demens');
    await page.getByLabel('Højst km til arbejde').fill('40');
    await page.getByRole('button', { name: 'Gem CV' }).click();
    await page.getByRole('status').filter({ hasText: "CV'et er gemt." }).waitFor();
    await page.getByRole('heading', { name: 'Åbne jobordrer, der passer' }).waitFor();
    await expectAccessible(page, 'CV', axe);
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });
});
