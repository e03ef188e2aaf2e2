import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth, heading } from './support/session';

const e2e = useE2E();
const { axe, newPage, logIn } = e2e;

const CSV = [
  'external_id,title,employer_name,cvr,occupation_code,occupation_text,municipality_code,description,deadline,url',
  'E2E-1,Pædagog til vuggestue,Vuggestuen Mariehønen,20000074,2342,,630,"30 timer, fast",2026-12-15,https://job.example/1',
  'E2E-2,Kok,Kantinen,12345678,5120,,101,,,',
].join('\r\n');

describe('vacancy import page', () => {
  it('lets a broker on a phone upload a CSV feed and see the rows kept and the rejected line with its reason', async () => {
    const { context, page } = await newPage(375, 800);
    await logIn(page, 'formidler@akasse.demo');
    await page.goto(`${e2e.server.baseUrl}/vacancy-imports`);
    await heading(page, 'Importér stillingsopslag');
    await expectAccessible(page, 'vacancy import', axe);
    expect(await fitsWidth(page)).toBe(true);

    // Without a file the field says so beside itself.
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    await page.getByText('Vælg en fil.').waitFor();

    await page.getByLabel('Kilde').fill('e2e-feed');
    await page.getByLabel('Fil').setInputFiles({ name: 'feed.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    await page.getByRole('heading', { name: 'Import fra e2e-feed' }).waitFor();
    await page.getByText('1 oprettet, 0 opdateret, 0 uændret, 1 afvist').first().waitFor();
    await page.getByText('Afviste rækker').waitFor();
    await expect(page.locator('tr').filter({ hasText: 'E2E-2' }).textContent()).resolves.toMatch(/3.*E2E-2.*CVR 12345678 består ikke modulus 11-kontrollen/);
    await expectAccessible(page, 'vacancy import report', axe);
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });
});
