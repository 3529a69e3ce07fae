// End-to-end: the simulations page in Chromium over a small data set made through the real API (a
// warehouse with two vans and a few clients, three SKUs with 13 weeks of daily demand imported as
// CSV). The acceptance: a newcomer runs a simulation comparing two reorder policies and
// sees the KPI distributions of both.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoTenant } from '../../src/modules/identity/index.ts';
import { seededRandom } from '../../src/platform/random.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

/** Jobs on a busy machine: generous, as every wait is on a condition. */
const LIVE_TIMEOUT = 120_000;
const ANALYST = 'analyst@demo.local';
const WAREHOUSE = 'SIM-WH';
const HISTORY_DAYS = 91;

function demandCsv(): string {
  const random = seededRandom(17);
  const rows = ['sku,warehouse,date,quantity,promotion'];
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  for (let d = HISTORY_DAYS; d >= 1; d--) {
    const day = new Date(today - d * 86_400_000).toISOString().slice(0, 10);
    rows.push(`SIM-STEADY,${WAREHOUSE},${day},${Math.round(20 + 8 * random())},false`);
    rows.push(`SIM-LUMPY,${WAREHOUSE},${day},${random() < 0.3 ? Math.ceil(30 * random()) : 0},false`);
    rows.push(`SIM-SLOW,${WAREHOUSE},${day},${random() < 0.2 ? Math.ceil(4 * random()) : 0},false`);
  }
  return `${rows.join('\n')}\n`;
}

describe('simulations in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let baseUrl: string;
  let token = '';

  // biome-ignore lint/suspicious/noExplicitAny: the assertions check the bodies' shape
  async function call(path: string, init: { json?: unknown; csv?: string } = {}): Promise<any> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (init.csv !== undefined) headers['content-type'] = 'text/csv';
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: init.json !== undefined || init.csv !== undefined ? 'POST' : 'GET',
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : (init.csv ?? null),
    });
    assert.ok(response.ok, `${path}: HTTP ${response.status} ${await response.clone().text()}`);
    return response.json();
  }

  async function jobDone(jobId: string) {
    const deadline = Date.now() + LIVE_TIMEOUT;
    for (;;) {
      const job = await call(`/jobs/${jobId}`);
      if (job.status === 'completed') return job;
      assert.notEqual(job.status, 'failed', `job ${job.name}: ${job.error}`);
      assert.ok(Date.now() < deadline, `job ${job.name} not done within ${LIVE_TIMEOUT / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  before(async () => {
    suite = await startBrowserSuite((t) =>
      seedDemoTenant(t.database.db, { password: DEMO_PASSWORD }, () => {}),
    );
    ({ baseUrl } = suite);
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ANALYST, password: DEMO_PASSWORD }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
    const warehouse = await call('/supply/entities/warehouses', {
      json: { code: WAREHOUSE, name: 'Simulation warehouse', latitude: 52.46, longitude: -1.84 },
    });
    for (const [sku, onHand] of [
      ['SIM-STEADY', 150],
      ['SIM-LUMPY', 40],
      ['SIM-SLOW', 6],
    ] as const)
      await call('/supply/entities/inventory', {
        json: {
          warehouseId: warehouse.id,
          sku,
          onHand,
          unitCost: 12,
          orderingCost: 40,
          holdingCostRate: 0.25,
          leadTimeDays: 6,
          leadTimeSdDays: 2,
          serviceLevel: 0.8,
          supplier: 'Simulation supplies',
        },
      });
    for (const code of ['SIM-VAN-1', 'SIM-VAN-2'])
      await call('/supply/entities/vehicles', {
        json: {
          code,
          type: 'van',
          capacityKg: 900,
          capacityM3: 9,
          costPerKm: 0.4,
          co2PerKm: 0.2,
          depotId: warehouse.id,
        },
      });
    for (let c = 0; c < 5; c++)
      await call('/supply/entities/clients', {
        json: { name: `Simulation client ${c + 1}`, latitude: 52.4 + 0.03 * c, longitude: -1.9 + 0.04 * c },
      });
    const started = await call('/supply/imports/demand', { csv: demandCsv() });
    await jobDone(started.jobId);
  });

  after(async () => {
    await suite?.close();
    assert.deepEqual(suite?.pageErrors ?? [], [], 'uncaught errors in the page');
  });

  test('a newcomer runs a simulation comparing two reorder policies and sees the distributions', async () => {
    const page = await suite.newTab({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(LIVE_TIMEOUT);
    await signInAs(page, baseUrl, ANALYST, DEMO_PASSWORD, '/supply');
    await page.getByRole('link', { name: 'Simulations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Simulations' }).waitFor();
    await page.getByText('No simulations yet.').waitFor();

    await page.getByRole('button', { name: 'New simulation' }).click();
    await page.getByLabel('Replications').fill('100');
    await page.getByLabel('Days simulated').fill('21');
    await page.getByLabel('Policy B').selectOption('service');
    await page.getByLabel('Service level (%)').fill('99');
    await page.getByLabel(/Lead-time noise/).check();
    await page.getByRole('button', { name: 'Run the simulation' }).click();
    await page.waitForURL(/\/supply\/simulations\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1) ?? '';

    await page.locator('[data-testid="simulation-status"][data-status="completed"]').waitFor();
    await page.getByTestId('simulation-status').getByText('completed', { exact: true }).waitFor();
    const simulation = await call(`/supply/simulations/${id}`);
    assert.equal(simulation.status, 'completed');
    assert.equal(simulation.config.replications, 100);
    assert.equal(simulation.results.items, 3);
    assert.ok(simulation.scenarioSetId, 'the chosen events were generated as a scenario set');
    assert.deepEqual(
      simulation.results.policies.map((p: { label: string }) => p.label),
      ['Current parameters', 'Current parameters, service level 0.99'],
    );

    // Both policies' distributions, charted per KPI with their figures in words and in a table.
    await page.getByTestId('simulation-summary').waitFor();
    const policies = await page.getByTestId('simulation-policies').textContent();
    assert.match(policies ?? '', /Current parameters, service level 0\.99/);
    const fill = page.getByTestId('kpi-fill_rate');
    await fill.waitFor();
    assert.equal(await fill.locator('svg g[data-policy]').count(), 2);
    const summary = (await page.getByTestId('kpi-fill_rate-summary').textContent()) ?? '';
    assert.match(summary, /Current parameters: mean \d+(\.\d)? %/);
    assert.match(summary, /better in \d+ % of replications/);
    for (const kpi of [
      'otif',
      'stockouts',
      'cost_per_order',
      'inventory_turns',
      'co2_kg',
      'vehicle_utilisation',
    ])
      await page.getByTestId(`kpi-${kpi}`).waitFor();
    const stockouts = simulation.results.kpis.find((k: { kpi: string }) => k.kpi === 'stockouts');
    assert.ok(
      stockouts.policies[1].mean <= stockouts.policies[0].mean,
      'the higher service level has no more stock-outs on average',
    );
    await page.getByTestId('kpi-fill_rate').getByText('Data table').click();
    const meanCell = await page
      .getByTestId('kpi-fill_rate')
      .getByRole('row', { name: /^Current parameters / })
      .first()
      .locator('td')
      .first()
      .textContent();
    const fillMean = simulation.results.kpis.find((k: { kpi: string }) => k.kpi === 'fill_rate').policies[0]
      .mean;
    assert.equal(meanCell, `${(fillMean * 100).toFixed(1)} %`);

    // The list shows it completed.
    await page.getByRole('link', { name: 'All simulations' }).click();
    await page.getByTestId('simulations-table').getByText('completed', { exact: true }).waitFor();
  });
});
