// End-to-end: the automation pages (schedules, notification rules and channels, the bell and the
// inbox) and the facility comparison, on the demo tenant, in Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { eventually } from '../../src/platform/jobs/testing.ts';
import { seedDemoData } from '../../src/server.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

const WAIT = 60_000;

describe('automation and comparison in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let baseUrl: string;
  let token: string;

  before(async () => {
    suite = await startBrowserSuite(async (t) => {
      assert.equal(await seedDemoData(t.database.db, DEMO_PASSWORD, () => {}), true);
    });
    ({ baseUrl } = suite);
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.local', password: DEMO_PASSWORD }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
  });

  after(async () => {
    await suite?.close();
    assert.deepEqual(suite?.pageErrors ?? [], [], 'uncaught errors in the page');
  });

  // biome-ignore lint/suspicious/noExplicitAny: the tests read the fields they need
  async function api(path: string, body?: unknown): Promise<any> {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(response.ok, `${path}: HTTP ${response.status} ${await response.clone().text()}`);
    return response.json();
  }

  const open = async (path: string): Promise<Page> => {
    const page = await suite.newTab({ viewport: { width: 1280, height: 900 } });
    await signInAs(page, baseUrl, 'admin@demo.local', DEMO_PASSWORD, path);
    return page;
  };

  test('the comparison shows both demo facilities side by side', async () => {
    const page = await open('/analytics/compare');
    const table = page.getByTestId('compare-table');
    await table.waitFor({ timeout: WAIT });
    await table.getByText('DEMO-1', { exact: false }).first().waitFor({ timeout: WAIT });
    await table.getByText('DEMO-2', { exact: false }).first().waitFor({ timeout: WAIT });
    assert.ok((await table.getByRole('row').count()) > 3, 'a row per metric');
  });

  test('a schedule made through the API is listed, and its page offers to run it now', async () => {
    const facilities = await api('/facilities');
    const demo1 = (facilities.items ?? facilities).find((f: { code: string }) => f.code === 'DEMO-1');
    const profile = await api('/analytics/profiles', {
      name: 'Browser test profile',
      mappings: [
        { field: 'workOrder', column: 'Order' },
        { field: 'partNumber', column: 'Part' },
        { field: 'qtyCompleted', column: 'Good' },
      ],
    });
    const schedule = await api('/analytics/schedules', {
      name: 'Nightly export from the ERP',
      facilityId: demo1.id,
      cron: '0 2 * * *',
      source: { kind: 'folder' },
      profileId: profile.id,
    });
    const page = await open('/automation/schedules');
    await page.getByRole('link', { name: 'Nightly export from the ERP' }).click({ timeout: WAIT });
    await page.waitForURL(`${baseUrl}/automation/schedules/${schedule.id}`, { timeout: WAIT });
    await page.getByRole('button', { name: /run now/i }).waitFor({ timeout: WAIT });
    // The form for a new one previews the next runs of what is typed.
    await page.goto(`${baseUrl}/automation/schedules/new`);
    const cron = page.getByLabel('When (cron expression)');
    await cron.waitFor({ timeout: WAIT });
    await cron.fill('30 6 * * 1-5');
    await page.getByText(/06:30/).first().waitFor({ timeout: WAIT });
  });

  test('the demo rules are listed, and a test on the in-app channel rings the bell live', async () => {
    const page = await open('/automation/notifications');
    await page
      .getByRole('cell', { name: 'Analysis completed', exact: true })
      .first()
      .waitFor({ timeout: WAIT });
    const bell = page.getByRole('link', { name: /^Notifications, / });
    await bell.waitFor({ timeout: WAIT });
    const before_ = (await bell.getAttribute('aria-label')) ?? '';
    const row = page.getByRole('row', { name: /Everyone \(in-app\)/ });
    await row.getByRole('button', { name: 'Send a test' }).click();
    // The count arrives by live push (no reload): the bell's label moves on from what it said.
    const unreadIn = (label: string) => Number(/(\d+) unread/.exec(label)?.[1] ?? 0);
    await eventually(
      async () => {
        const label = (await bell.getAttribute('aria-label')) ?? '';
        return unreadIn(label) > unreadIn(before_) ? label : undefined;
      },
      'the bell to count the test notification',
      WAIT,
    );
    await bell.click();
    await page.waitForURL(`${baseUrl}/automation/inbox`, { timeout: WAIT });
    await page
      .getByRole('heading', { name: /Notifications/ })
      .first()
      .waitFor({ timeout: WAIT });
    await page.goto(`${baseUrl}/automation/deliveries`);
    await page.getByRole('heading', { name: 'Deliveries' }).waitFor({ timeout: WAIT });
  });
});
