import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';

const e2e = useE2E();
const { axe } = e2e;

describe('results for managers', () => {
  it('lets a manager open a scorecard, read its figures with their judgement in words, and download it as XLSX', async () => {
    const context = await e2e.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${e2e.server.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    await page.getByLabel('E-mail').fill('leder@jobcenter.demo');
    await page.getByLabel('Adgangskode').fill('demo');
    await page.getByRole('button', { name: 'Log ind' }).click();

    await page.getByRole('link', { name: 'Resultater' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resultater' }).waitFor();
    await page.getByLabel('Statusskema', { exact: true }).selectOption({ label: 'Jobcentrets resultater (seed 004)' });
    const table = page.getByRole('table', { name: /Jobcentrets resultater/ });
    await table.waitFor();
    // The baseline given by hand (seed 004's 18,8 weeks) and the milestone columns are there.
    const row = table.getByRole('row', { name: /Gennemsnitlig varighed af afsluttede forløb/ });
    expect(await row.getByRole('rowheader').textContent()).toContain('Gennemsnitlig varighed');
    const baseline = row.getByRole('cell').first();
    expect(await baseline.textContent()).toContain('18,8');
    expect(await table.getByRole('columnheader', { name: /Mindste mål pr\./ }).count()).toBeGreaterThan(0);
    // Computed from the demo's work trials and wage subsidies: figures beside the two targets, nothing waiting for data.
    const business = (await table.getByRole('row', { name: /virksomhedsrettet aktivitet inden 26/ }).textContent()) ?? '';
    expect(business).not.toContain('Afventer data');
    expect(business.match(/\d+(,\d)? %/g)?.length ?? 0).toBeGreaterThan(2);

    await page.getByRole('heading', { name: 'Andel i job efter forløbets start' }).waitFor();
    await expectAccessible(page, 'results', axe);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent som Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^statusskema-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    // An XLSX file is a zip archive.
    expect(Buffer.concat(chunks).subarray(0, 2).toString()).toBe('PK');

    // On a phone the table scrolls sideways and the page stays accessible.
    await page.setViewportSize({ width: 375, height: 800 });
    await expectAccessible(page, 'results on a phone', axe);
    await context.close();
  }, 180_000);
});
