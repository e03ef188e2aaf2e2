import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const BLOCKING = new Set(['serious', 'critical']);

export type AxeReport = { page: string; violations: number; blocking: number; ms: number };

/**
 * Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is now, and fails on serious or critical
 * violations with a readable list: rule, impact, what to fix, and where.
 */
export async function expectAccessible(page: Page, label: string, reports?: AxeReport[]): Promise<void> {
  const started = Date.now();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  reports?.push({ page: label, violations: results.violations.length, blocking: blocking.length, ms: Date.now() - started });
  if (blocking.length === 0) return;
  const lines = blocking.flatMap((v) => [
    `- ${v.id} (${v.impact}): ${v.help}`,
    `  ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
  ]);
  throw new Error(`Accessibility problems on "${label}" (${page.url()}):\n${lines.join('\n')}`);
}
