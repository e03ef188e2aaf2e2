import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A fresh browser context in Danish, in Danish time, with one page. */
export async function newPage(browser: Browser, options: { width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: options.width ?? 1280, height: options.height ?? 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Waits for the page's level-1 heading; the app moves focus to it after every navigation. */
export async function heading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: typeof text === 'string' }).waitFor();
}

/**
 * Logs in through the form and waits for the start page, whichever the role lands on
 * (a caseworker's caseload, a manager's results …). Returns that page's heading.
 */
export async function logIn(page: Page, baseUrl: string, email: string): Promise<string> {
  await page.goto(`${baseUrl}/`);
  await heading(page, 'Log ind');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill('demo');
  await page.getByRole('button', { name: 'Log ind' }).click();
  const landing = page.getByRole('heading', { level: 1 }).filter({ hasNotText: /^Log ind$/ });
  await landing.waitFor();
  return (await landing.textContent()) ?? '';
}

export type ApiClient = <T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown) => Promise<{ status: number; json: T }>;

/** A logged-in staff client over plain HTTP with the session cookie and CSRF token, for fast setup. */
export async function apiClient(baseUrl: string, email: string): Promise<ApiClient> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo' }) });
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

/** True when the page does not scroll sideways (a phone layout that fits). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}
