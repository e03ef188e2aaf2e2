import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type AxeReport } from './browser';
import { startServer, type RunningServer } from './server';
import { apiClient, logIn, newPage, type ApiClient } from './session';
import { ensureWebBuild } from './web-build';

export type E2ESuite = {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The server's data folder, kept across `restartServer` and removed after the spec. */
  readonly dataDir: string;
  /** Every axe run of the spec, printed after it. */
  readonly axe: AxeReport[];
  /** Milliseconds per named step, printed after the spec (build, server start and browser launch are always there). */
  readonly timings: Record<string, number>;
  newPage(width?: number, height?: number): Promise<{ context: BrowserContext; page: Page }>;
  logIn(page: Page, email: string): Promise<string>;
  api(email: string): Promise<ApiClient>;
  /** Stops the server and starts it again on the same data (the embedded database has one owner at a time). */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
};

/**
 * One spec's running Jobspor and Chromium: the web build checked, a server on its own embedded
 * database with demo data, a browser — started before the spec's tests and stopped after them.
 * `env` is read when the server starts, so a spec can start what the server needs first.
 */
export function useE2E(options: { env?: () => Record<string, string> | Promise<Record<string, string>> } = {}): E2ESuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  let env: Record<string, string> = {};
  const axe: AxeReport[] = [];
  const timings: Record<string, number> = {};
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The e2e ${what} is not running`);
    return value;
  };
  const start = async () => {
    const started = Date.now();
    server = await startServer({ dataDir, env });
    timings.serverStart ??= Date.now() - started;
  };

  const suite: E2ESuite = {
    get server() {
      return required(server, 'server');
    },
    get browser() {
      return required(browser, 'browser');
    },
    get dataDir() {
      return required(dataDir, 'data folder');
    },
    axe,
    timings,
    newPage: (width = 1280, height = 900) => newPage(suite.browser, { width, height }),
    logIn: (page, email) => logIn(page, suite.server.baseUrl, email),
    api: (email) => apiClient(suite.server.baseUrl, email),
    async stopServer() {
      await server?.stop();
      server = undefined;
    },
    startServer: start,
  };

  beforeAll(async () => {
    timings.build = ensureWebBuild().ms;
    dataDir = mkdtempSync(path.join(tmpdir(), 'jobspor-e2e-'));
    env = (await options.env?.()) ?? {};
    await start();
    const launched = Date.now();
    browser = await launchBrowser();
    timings.browserLaunch = Date.now() - launched;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    console.log(`axe: ${axe.map((r) => `${r.page}: ${r.violations} violation(s), ${r.blocking} serious/critical (${r.ms} ms)`).join('; ')}`);
    console.log(`e2e timings (ms): ${JSON.stringify(timings)}`);
  });
  return suite;
}
