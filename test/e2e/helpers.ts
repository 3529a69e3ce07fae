// What every browser test starts from: the real server with the built web app on a free port, the
// system Chromium, and signing in through the login form as a person does.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadTestSettings } from '../../src/config.ts';
import { createTestApp, type TestApp, type TestAppOptions } from '../../src/platform/http/testing.ts';
import { WEB_DIST } from '../../src/platform/http/web.ts';
import { AccessibilityAudit } from './accessibility.ts';

/** The password the demo seed gives every demo user. */
export const DEMO_PASSWORD = 'demo-pass-1';

/**
 * The browser tests run once, in the embedded-database phase of the suite: they test the pages,
 * which use the same API that the API tests cover on both drivers. With DATABASE_URL set they are
 * skipped (CI's PostgreSQL phase), which keeps `.ci/run` within its time.
 */
export const browserPhase = loadTestSettings().databaseUrl
  ? 'browser tests run in the embedded-database phase (DATABASE_URL unset)'
  : false;

/** Chromium without its sandbox and GPU, and without traffic of its own (updates, sync, QUIC). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSuite {
  t: TestApp;
  /** `http://127.0.0.1:<port>` of the running server. */
  baseUrl: string;
  browser: Browser;
  /** The uncaught errors of the tabs opened with `newTab`. */
  pageErrors: string[];
  /** A fresh tab, with its own sessionStorage, whose uncaught errors go to `pageErrors`. */
  newTab(options?: { viewport: { width: number; height: number } }): Promise<Page>;
  /** WCAG A/AA violations axe-core found on the pages the tabs showed (see accessibility.ts). */
  accessibility: AccessibilityAudit;
  /**
   * Audits every open tab in its final state, closes the browser, then the server and its database;
   * fails when any page the suite showed had an accessibility violation.
   */
  close(): Promise<void>;
}

/** Builds the app on a fresh database, seeds it with `seed`, serves it on a free port and opens Chromium. */
export async function startBrowserSuite(
  seed: (t: TestApp) => Promise<unknown>,
  options: TestAppOptions = {},
): Promise<BrowserSuite> {
  const { chromiumPath } = loadTestSettings();
  assert.ok(existsSync(`${WEB_DIST}/index.html`), 'web app not built: run `npm run build:web`');
  assert.ok(
    existsSync(chromiumPath),
    `no browser at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
  );
  const t = await createTestApp(options);
  let browser: Browser;
  try {
    await seed(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  } catch (error) {
    await t.close();
    throw error;
  }
  const pageErrors: string[] = [];
  const accessibility = new AccessibilityAudit();
  return {
    t,
    baseUrl: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`,
    browser,
    pageErrors,
    accessibility,
    async newTab(tabOptions) {
      const page = await browser.newPage(tabOptions);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      accessibility.watch(page);
      return page;
    },
    async close() {
      try {
        const open = browser.contexts().flatMap((context) => context.pages());
        await Promise.all(open.map((page) => accessibility.check(page)));
      } finally {
        await browser.close();
        await t.close();
      }
      assert.deepEqual(accessibility.failures, [], 'accessibility audits that failed');
      assert.deepEqual([...accessibility.violations], [], 'accessibility violations (WCAG 2 A/AA, axe-core)');
    },
  };
}

/** Fills in and sends the login form that `page` shows. */
export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs in through the login page, asked to lead on to `next`, and waits until the app is there and
 * shows the signed-in user's menu.
 */
export async function signInAs(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  next = '/',
): Promise<void> {
  await page.goto(next === '/' ? `${baseUrl}/login` : `${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await fillSignIn(page, email, password);
  await page.waitForURL(`${baseUrl}${next}`);
  await page.getByTestId('user-organisation').waitFor();
}
