// End-to-end: the planner's dashboard in Chromium over the demo tenant's supply network and its
// delivery history, written by the real background job (supply.demo-deliveries) and rolled up. The
// issue's acceptance: a newcomer opens the dashboard from the supply navigation and sees every KPI
// with its value, trend and sparkline, the open anomalies and the recent decisions, and follows a
// decision to its page; an analyst dismisses an anomaly.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoTenant } from '../../src/modules/identity/index.ts';
import { seedDemoSupply } from '../../src/modules/supply/index.ts';
import { startDemoDeliveries } from '../../src/modules/supply/metrics/demo-deliveries.job.ts';
import { eventually } from '../../src/platform/jobs/testing.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

const LIVE_TIMEOUT = 120_000;
const ANALYST = 'analyst@demo.local';
const KPIS = [
  'fill_rate',
  'otif',
  'cost_per_order',
  'inventory_turns',
  'co2_per_delivery',
  'vehicle_utilisation',
  'stock_outs',
];

describe('the planner’s dashboard in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let baseUrl: string;

  before(async () => {
    suite = await startBrowserSuite(async (t) => {
      const { tenant } = await seedDemoTenant(t.database.db, { password: DEMO_PASSWORD }, () => {});
      await seedDemoSupply(t.database.db, { tenantId: tenant.id });
      // What the server does at start for a fresh demo tenant: the delivery history job.
      const [jobId] = await startDemoDeliveries({ db: t.database.db, jobs: t.runtime.jobs });
      assert.ok(jobId, 'the delivery history job was submitted');
      await eventually(
        async () => {
          const job = await t.runtime.jobs.get(tenant.id, jobId);
          if (job?.status === 'failed') throw new Error(`demo deliveries failed: ${job.error}`);
          return job?.status === 'completed' ? true : undefined;
        },
        'the demo delivery history',
        LIVE_TIMEOUT,
      );
    });
    ({ baseUrl } = suite);
  });
  after(async () => {
    await suite?.close();
  });

  async function openDashboard(): Promise<Page> {
    const page = await suite.newTab();
    await signInAs(page, baseUrl, ANALYST, DEMO_PASSWORD, '/supply');
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.waitForURL(`${baseUrl}/supply/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Planner’s dashboard' }).waitFor();
    return page;
  }

  test('a newcomer sees every KPI with its value, trend against the period before and sparkline', async () => {
    const page = await openDashboard();
    await page.getByTestId('kpi-grid').waitFor();
    for (const kpi of KPIS) {
      const tile = page.getByTestId(`kpi-tile-${kpi}`);
      await tile.waitFor();
      const value = (await tile.getByTestId(`kpi-value-${kpi}`).textContent()) ?? '';
      assert.match(value, /\d/, `${kpi} has a value: ${value}`);
      const trend = tile.getByTestId(`kpi-trend-${kpi}`);
      assert.notEqual(await trend.getAttribute('data-direction'), 'none', `${kpi} has a trend`);
      const points = Number(await tile.getByTestId(`kpi-sparkline-${kpi}`).getAttribute('data-points'));
      assert.ok(points >= 20, `${kpi}: ${points} days on its sparkline`);
    }
    // The demo's deliveries grow more punctual: OTIF improves, and the tile says so.
    const otif = page.getByTestId('kpi-trend-otif');
    assert.equal(await otif.getAttribute('data-direction'), 'up');
    assert.match((await otif.textContent()) ?? '', /better/);
    assert.match((await page.getByTestId('kpi-tile-fill_rate').textContent()) ?? '', /Target ≥ 98 %/);
    assert.match((await page.getByTestId('kpi-period').textContent()) ?? '', /last 30 days/);
  });

  test('open anomalies and recent decisions; a decision opens on its page', async () => {
    const page = await openDashboard();
    await page.getByTestId('anomaly').first().waitFor();
    const kinds = await page
      .getByTestId('anomaly')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    assert.ok(kinds.length > 0 && kinds.length <= 5, `${kinds.length} anomalies listed`);
    const decision = page.getByTestId('recent-decision-link').first();
    assert.match((await decision.textContent()) ?? '', /Routing/);
    await decision.click();
    await page.waitForURL(/\/supply\/decisions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });

  test('an analyst dismisses an anomaly; the count follows', async () => {
    const page = await openDashboard();
    const count = page.getByTestId('count-open-anomalies').locator('dd');
    await page.getByTestId('anomaly').first().waitFor();
    const before = Number(((await count.textContent()) ?? '').replace(/\D/g, ''));
    await page.getByTestId('anomaly').first().getByRole('button', { name: 'Dismiss' }).click();
    await eventually(
      async () =>
        Number(((await count.textContent()) ?? '').replace(/\D/g, '')) === before - 1 ? true : undefined,
      'the open anomaly count to drop',
      LIVE_TIMEOUT,
    );
  });
});
