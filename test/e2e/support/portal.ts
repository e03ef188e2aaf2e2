import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiClient } from './session';

type OutboxRow = { recipient: string; template: string; body: string };

/**
 * The newest portal login code sent to an address, read from the organisation's outbox through
 * the staff API (an admin's client), the way a demo user reads it on the Udbakke page.
 */
export async function readLoginCode(admin: ApiClient, recipient: string): Promise<string> {
  // Filtered, so newer mail to others (reminders, joblog nudges) cannot push the code off the page.
  const res = await admin<{ items: OutboxRow[] }>('GET', `/api/v1/outbox?template=portal_login_code&recipient=${encodeURIComponent(recipient.toLowerCase())}&limit=50`);
  expect(res.status).toBe(200);
  const row = res.json.items.find((r) => r.template === 'portal_login_code' && r.recipient === recipient.toLowerCase());
  const code = row && /\b(\d{6})\b/.exec(row.body)?.[1];
  if (!code) throw new Error(`no login code in the outbox for ${recipient}`);
  return code;
}

/** A jobseeker's portal client over plain HTTP: asks for a code, reads it from the outbox, logs in. */
export async function portalApiClient(baseUrl: string, email: string, admin: ApiClient): Promise<ApiClient> {
  const asked = await fetch(`${baseUrl}/api/portal/auth/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  expect(asked.status).toBe(202);
  const code = await readLoginCode(admin, email);
  const login = await fetch(`${baseUrl}/api/portal/auth/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ recipient: email, code }) });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as never };
  };
}

/** Logs a jobseeker in through the portal's login page, reading the code from the outbox; waits for the front page. */
export async function portalLogIn(page: Page, baseUrl: string, email: string, admin: ApiClient): Promise<void> {
  await page.goto(`${baseUrl}/portal/login`);
  await page.getByRole('heading', { level: 1, name: 'Log ind på Min side' }).waitFor();
  await page.getByLabel('E-mail eller mobilnummer').fill(email);
  await page.getByRole('button', { name: 'Send kode' }).click();
  await page.getByLabel('Kode').waitFor();
  await page.getByLabel('Kode').fill(await readLoginCode(admin, email));
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
}
