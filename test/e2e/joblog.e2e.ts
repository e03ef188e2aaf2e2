import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, type AxeReport } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { apiClient, fitsWidth, logIn, newPage } from './support/session';
import { ensureWebBuild } from './support/web-build';

let server: RunningServer;
let browser: Browser;
const axe: AxeReport[] = [];

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

describe('the joblog on the case page', () => {
  it('lets the caseworker add a job search on the jobseeker’s behalf and see the trend against the benchmark, also on a phone', async () => {
    const api = await apiClient(server.baseUrl, 'vejleder@akasse.demo');
    const js = await api<{ id: string }>('POST', '/api/v1/jobseekers', { cpr: '0101901239', firstName: 'Jonna', lastName: 'Joblog' });
    expect(js.status).toBe(201);
    const spell = await api<{ id: string }>('POST', `/api/v1/jobseekers/${js.json.id}/spells`, { kind: 'unemployment', startDate: '2026-08-03', targetGroup: 'unemployment_insurance' });
    expect(spell.status).toBe(201);
    for (const date of ['2026-10-05', '2026-10-12', '2026-10-19']) {
      expect((await api('POST', `/api/v1/jobseekers/${js.json.id}/joblog`, { date, employer: 'Nordlys Logistik ApS', jobTitle: 'Lagermedarbejder', kind: 'advertised' })).status).toBe(201);
    }

    const { context, page } = await newPage(browser);
    await logIn(page, server.baseUrl, 'vejleder@akasse.demo');
    await page.goto(`${server.baseUrl}/spells/${spell.json.id}?tab=joblog`);
    await page.getByRole('heading', { level: 2, name: 'Udvikling måned for måned' }).waitFor();
    const trend = page.getByRole('table', { name: 'Jobsøgninger pr. måned med pejlemærke og krav' });
    expect(await trend.getByRole('row', { name: /okt/i }).textContent()).toContain('Lysegrøn');
    expect(await page.getByTestId('joblog-hits').textContent()).toContain('mod kravet på 2');
    await expectAccessible(page, 'case joblog', axe);

    await page.getByRole('button', { name: 'Tilføj jobsøgning' }).click();
    const form = page.getByRole('region', { name: 'Ny jobsøgning' });
    await form.getByLabel('Arbejdsgiver').fill('Fjordbyens Tandklinik');
    await form.getByLabel('Stilling').fill('Klinikassistent');
    await form.getByLabel('Type').selectOption({ label: 'Uopfordret ansøgning' });
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('4 registreringer').waitFor();
    expect(await page.getByTestId('joblog-entries').textContent()).toContain('Fjordbyens Tandklinik');

    await page.setViewportSize({ width: 375, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'case joblog on a phone', axe);
    await context.close();
  });
});
