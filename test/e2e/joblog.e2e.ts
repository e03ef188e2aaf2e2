import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth, type ApiClient } from './support/session';

const e2e = useE2E();
const { axe, newPage, logIn } = e2e;
let staffApi: ApiClient;
let spellId: string;
const EMAIL = 'jonna.joblog@eksempel.dk';

beforeAll(async () => {
  staffApi = await e2e.api('vejleder@akasse.demo');
  const js = await staffApi<{ id: string }>('POST', '/api/v1/jobseekers', { cpr: '0101901239', firstName: 'Jonna', lastName: 'Joblog', email: EMAIL });
  expect(js.status).toBe(201);
  const spell = await staffApi<{ id: string }>('POST', `/api/v1/jobseekers/${js.json.id}/spells`, { kind: 'unemployment', startDate: '2026-08-03', targetGroup: 'unemployment_insurance' });
  expect(spell.status).toBe(201);
  spellId = spell.json.id;
  // Some history, so last month has a trend to judge.
  for (const date of ['2026-10-05', '2026-10-12', '2026-10-19']) {
    expect((await staffApi('POST', `/api/v1/jobseekers/${js.json.id}/joblog`, { date, employer: 'Nordlys Logistik ApS', jobTitle: 'Lagermedarbejder', kind: 'advertised' })).status).toBe(201);
  }
});

/** What sticks out on the right, when a page does not fit: names the culprit in the failure. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !insideScroller(el))
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${String((el as HTMLElement).className)} ${Math.round(el.getBoundingClientRect().left)}–${Math.round(el.getBoundingClientRect().right)}`)
      .concat([`scrollWidth ${document.documentElement.scrollWidth} / ${width}`]);
  });
}

/** Logs the jobseeker in the way the portal does it: a code by e-mail, read from the outbox (shown in test installs). */
async function portalLogIn(page: Page) {
  const asked = await page.request.post(`${e2e.server.baseUrl}/api/portal/auth/code`, { data: { email: EMAIL } });
  expect(asked.status()).toBe(202);
  const admin = await e2e.api('admin@akasse.demo');
  const outbox = await admin<{ items: { recipient: string; template: string; body: string }[] }>('GET', `/api/v1/outbox?template=portal_login_code&recipient=${encodeURIComponent(EMAIL)}&limit=50`);
  const message = outbox.json.items.find((m) => m.recipient === EMAIL && m.template === 'portal_login_code')!;
  const code = /\b(\d{6})\b/.exec(message.body)![1]!;
  const verified = await page.request.post(`${e2e.server.baseUrl}/api/portal/auth/verify`, { data: { recipient: EMAIL, code } });
  expect(verified.status()).toBe(200);
}

describe('the joblog, from the jobseeker’s phone to the caseworker’s case page', () => {
  it('lets the jobseeker add job searches in a few taps on a 375 px phone', async () => {
    const { context, page } = await newPage(375, 800);
    await portalLogIn(page);
    await page.goto(`${e2e.server.baseUrl}/portal/joblog`);
    await page.getByRole('heading', { level: 1, name: 'Min joblog' }).waitFor();
    await page.getByText('Hej Jonna.', { exact: false }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name: 'Min joblog' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'portal joblog (375 px)', axe);

    for (const [employer, title] of [
      ['Fjordbyens Tandklinik', 'Klinikassistent'],
      ['Bølgen Supermarked', 'Butiksassistent'],
    ]) {
      await page.getByRole('button', { name: 'Tilføj jobsøgning' }).click();
      const form = page.getByRole('region', { name: 'Ny jobsøgning' });
      await form.getByLabel('Arbejdsgiver').fill(employer!);
      await form.getByLabel('Stilling').fill(title!);
      await form.getByRole('button', { name: 'Gem' }).click();
      await form.waitFor({ state: 'detached' });
    }
    await page.getByText('5 registreringer').waitFor();
    expect(await page.getByTestId('joblog-entries').textContent()).toContain('Bølgen Supermarked');
    // The form says what is wrong beside the field, in Danish.
    await page.getByRole('button', { name: 'Tilføj jobsøgning' }).click();
    await page.getByRole('region', { name: 'Ny jobsøgning' }).getByRole('button', { name: 'Gem' }).click();
    await page.locator('.form-error-message').first().waitFor();
    await expectAccessible(page, 'portal joblog form with errors (375 px)', axe);
    expect(await fitsWidth(page), (await overflowing(page)).join(', ')).toBe(true);
    await context.close();
  });

  it('shows the caseworker the trend against the benchmark, the rule hits, and the entries the jobseeker added', async () => {
    const { context, page } = await newPage();
    await logIn(page, 'vejleder@akasse.demo');
    await page.goto(`${e2e.server.baseUrl}/spells/${spellId}?tab=joblog`);
    await page.getByRole('heading', { level: 2, name: 'Udvikling måned for måned' }).waitFor();
    const trend = page.getByRole('table', { name: 'Jobsøgninger pr. måned med pejlemærke og krav' });
    expect(await trend.getByRole('row', { name: /okt/i }).textContent()).toContain('Lysegrøn');
    expect(await page.getByTestId('joblog-hits').textContent()).toContain('mod kravet på 2');
    const entries = page.getByTestId('joblog-entries');
    expect(await entries.textContent()).toContain('Fjordbyens Tandklinik');
    await expectAccessible(page, 'case joblog', axe);

    await page.getByRole('button', { name: 'Tilføj jobsøgning' }).click();
    const form = page.getByRole('region', { name: 'Ny jobsøgning' });
    await form.getByLabel('Arbejdsgiver').fill('Havnens Værksted');
    await form.getByLabel('Stilling').fill('Mekaniker');
    await form.getByLabel('Type').selectOption({ label: 'Via netværk' });
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('6 registreringer').waitFor();

    await page.setViewportSize({ width: 375, height: 800 });
    // The chart follows the new width after a short debounce.
    await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 5000 }).catch(() => undefined);
    expect(await fitsWidth(page), (await overflowing(page)).join(', ')).toBe(true);
    await expectAccessible(page, 'case joblog (375 px)', axe);
    await context.close();
  });
});
