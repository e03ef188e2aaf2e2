import { afterAll, describe, expect, it } from 'vitest';
import { toCopenhagenIsoDate } from '../../src/core/calendar/iso-date';
import { freePort, startTestBroker, type TestBroker } from '../support/oidc-broker';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth, heading } from './support/session';

/**
 * A jobseeker logs in to the portal with MitID: Chromium follows the real redirects to a real
 * OpenID Connect provider (oidc-provider on 127.0.0.1, standing in for the broker) and back.
 */
let broker: TestBroker;
const CPR = '1408911237';
/** A person known to both the demo a-kasse and the demo jobcentre. */
const CPR_TWO_PLACES = '2206881234';

const e2e = useE2E({
  env: async () => {
    const port = await freePort();
    broker = await startTestBroker(`http://127.0.0.1:${port}/api/portal/auth/oidc/callback`);
    broker.accounts.set('mitid-user', CPR);
    broker.accounts.set('stranger', '0101901234');
    broker.accounts.set('two-places', CPR_TWO_PLACES);
    return {
      PORT: String(port),
      JOBSPOR_PORTAL_OIDC_ISSUER: broker.issuer,
      JOBSPOR_PORTAL_OIDC_CLIENT_ID: broker.clientId,
      JOBSPOR_PORTAL_OIDC_CLIENT_SECRET: broker.clientSecret,
      JOBSPOR_PORTAL_OIDC_REDIRECT_URI: `http://127.0.0.1:${port}/api/portal/auth/oidc/callback`,
      JOBSPOR_PORTAL_OIDC_CPR_CLAIM: broker.cprClaim,
      JOBSPOR_PORTAL_OIDC_SCOPE: broker.scope,
    };
  },
});
const { axe, newPage } = e2e;
afterAll(async () => broker?.close());

describe('portal login with MitID', () => {
  it('logs a known jobseeker in and lands on the portal, on a 375 px phone', async () => {
    const staff = await e2e.api('vejleder@akasse.demo');
    const person = await staff<{ id: string }>('POST', '/api/v1/jobseekers', { cpr: '140891-1237', firstName: 'Mille', lastName: 'MitID', email: 'mille.mitid@example.dk', educationLevel: 'vocational' });
    expect(person.status).toBe(201);
    const spell = await staff('POST', `/api/v1/jobseekers/${person.json.id}/spells`, { kind: 'unemployment', startDate: toCopenhagenIsoDate(new Date()), targetGroup: 'unemployment_insurance' });
    expect(spell.status).toBe(201);

    const { context, page } = await newPage(375, 800);
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(`${e2e.server.baseUrl}/portal/login`);
    await heading(page, 'Log ind på Min side');
    const mitid = page.getByRole('link', { name: 'Log ind med MitID' });
    await mitid.waitFor();
    await expectAccessible(page, 'portal login with MitID (375 px)', axe);
    expect(await fitsWidth(page)).toBe(true);

    broker.loginAs('mitid-user');
    await mitid.click();
    await heading(page, /^Hej /);
    expect(new URL(page.url()).pathname).toBe('/portal');
    for (const url of urls) expect(url).not.toContain(CPR);
    await context.close();
  });

  it('tells a person the organisations do not know, in Danish, and keeps them logged out', async () => {
    const { context, page } = await newPage(375, 800);
    await page.goto(`${e2e.server.baseUrl}/portal/login`);
    broker.loginAs('stranger');
    await page.getByRole('link', { name: 'Log ind med MitID' }).click();
    await page.getByRole('alert').getByText('Vi kan ikke finde dig som jobsøgende her.', { exact: false }).waitFor();
    await heading(page, 'Log ind på Min side');
    expect(new URL(page.url()).search).toBe('?mitid=unknown_person');
    await expectAccessible(page, 'portal login, MitID refused (375 px)', axe);
    const me = await page.request.get(`${e2e.server.baseUrl}/api/portal/auth/me`);
    expect(me.status()).toBe(401);
    await context.close();
  });

  it('lets a person known in two organisations choose where to log in, with the keyboard, and only once', async () => {
    const ids: string[] = [];
    for (const email of ['vejleder@akasse.demo', 'konsulent@jobcenter.demo']) {
      const staff = await e2e.api(email);
      const created = await staff<{ id: string }>('POST', '/api/v1/jobseekers', { cpr: '220688-1234', firstName: 'Valde', lastName: 'Tosteder', educationLevel: 'vocational' });
      expect(created.status).toBe(201);
      ids.push(created.json.id);
    }

    const { context, page } = await newPage(375, 800);
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(`${e2e.server.baseUrl}/portal/login`);
    broker.loginAs('two-places');
    await page.getByRole('link', { name: 'Log ind med MitID' }).click();
    await heading(page, 'Vælg hvor du vil logge ind');
    expect(new URL(page.url()).pathname).toBe('/portal/login/choose');
    const places = page.getByRole('group', { name: /Steder, hvor du er tilmeldt/ });
    const akasse = places.getByRole('radio', { name: 'Demo A-kasse' });
    await akasse.waitFor();
    expect(await places.getByRole('radio').count()).toBe(2);
    // Only the organisations' names: nothing about the person before they have chosen.
    expect(await page.locator('main').textContent()).not.toMatch(/Valde|Tosteder/);
    await expectAccessible(page, 'portal MitID choice (375 px)', axe);
    expect(await fitsWidth(page)).toBe(true);

    // Sent without a choice: the group says what is missing.
    const logIn = page.getByRole('button', { name: 'Log ind' });
    await logIn.focus();
    await page.keyboard.press('Enter');
    await places.getByText('Vælg, hvor du vil logge ind.').waitFor();
    await expectAccessible(page, 'portal MitID choice, nothing chosen (375 px)', axe);

    // Space picks the first, the arrow key moves to the jobcentre, Tab reaches the button.
    await akasse.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await places.getByRole('radio', { name: 'Demo Jobcenter' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await logIn.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await heading(page, /^Hej /);
    expect(new URL(page.url()).pathname).toBe('/portal');
    const me = await page.request.get(`${e2e.server.baseUrl}/api/portal/auth/me`);
    expect(await me.json()).toMatchObject({ id: ids[1], organisationName: 'Demo Jobcenter', method: 'oidc' });

    // The choice is used up: opening the page again offers nothing and points back to the login.
    await page.goto(`${e2e.server.baseUrl}/portal/login/choose`);
    await page.getByRole('alert').getByText('er udløbet eller allerede brugt', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Gå til log ind' }).waitFor();
    await expectAccessible(page, 'portal MitID choice used up (375 px)', axe);
    for (const url of urls) {
      expect(url).not.toContain(CPR_TWO_PLACES);
      for (const id of ids) expect(url).not.toContain(id);
    }
    await context.close();
  });
});
