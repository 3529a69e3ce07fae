// End-to-end: the supply pages in Chromium over a small data set made through the real API (one
// warehouse, three SKUs, a year of daily demand imported as CSV). The acceptance: a
// newcomer opens a SKU, sees its forecast and reorder point, runs a replenishment decision, reads
// why it proposes each quantity and approves it; a viewer reads the same decision but cannot
// approve it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoTenant } from '../../src/modules/identity/index.ts';
import { seededRandom } from '../../src/platform/random.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

/** Jobs (import, forecast, decision) on a busy machine: generous, as every wait is on a condition. */
const LIVE_TIMEOUT = 90_000;
const ANALYST = 'analyst@demo.local';
const VIEWER = 'viewer@demo.local';
const WAREHOUSE = 'E2E-WH';
const HISTORY_DAYS = 365;

/** A year of daily demand ending yesterday: a steady item, a seasonal one with promotions, an intermittent one. */
function demandCsv(): string {
  const random = seededRandom(16);
  const rows = ['sku,warehouse,date,quantity,promotion'];
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  for (let d = HISTORY_DAYS; d >= 1; d--) {
    const day = new Date(today - d * 86_400_000).toISOString().slice(0, 10);
    const season = 1 + 0.4 * Math.sin((2 * Math.PI * d) / 365);
    const promotion = d % 61 < 4;
    rows.push(`E2E-STEADY,${WAREHOUSE},${day},${Math.round(20 + 6 * random())},false`);
    rows.push(
      `E2E-SEASONAL,${WAREHOUSE},${day},${Math.round((12 + 4 * random()) * season * (promotion ? 1.8 : 1))},${promotion}`,
    );
    rows.push(`E2E-RARE,${WAREHOUSE},${day},${random() < 0.15 ? Math.ceil(6 * random()) : 0},false`);
  }
  return `${rows.join('\n')}\n`;
}

describe('supply in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let baseUrl: string;
  const tokens = new Map<string, string>();
  const ids: Record<string, string> = {};
  let decisionId = '';

  async function token(email: string): Promise<string> {
    const known = tokens.get(email);
    if (known) return known;
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    assert.equal(response.status, 200, `login of ${email}`);
    const access = ((await response.json()) as { accessToken: string }).accessToken;
    tokens.set(email, access);
    return access;
  }

  /** A call as `email`; answers other than 2xx fail. */
  async function call(
    email: string,
    path: string,
    init: { method?: string; json?: unknown; csv?: string } = {},
    // biome-ignore lint/suspicious/noExplicitAny: the assertions check the bodies' shape
  ): Promise<any> {
    const headers: Record<string, string> = { authorization: `Bearer ${await token(email)}` };
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (init.csv !== undefined) headers['content-type'] = 'text/csv';
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: init.method ?? (init.json !== undefined || init.csv !== undefined ? 'POST' : 'GET'),
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : (init.csv ?? null),
    });
    assert.ok(response.ok, `${path}: HTTP ${response.status} ${await response.clone().text()}`);
    return response.status === 204 ? undefined : response.json();
  }

  /** Waits until the job has ended and returns it; fails when it failed. */
  async function jobDone(email: string, jobId: string) {
    const deadline = Date.now() + LIVE_TIMEOUT;
    for (;;) {
      const job = await call(email, `/jobs/${jobId}`);
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
    const warehouse = await call(ANALYST, '/supply/entities/warehouses', {
      json: { code: WAREHOUSE, name: 'E2E central warehouse', capacity: 100_000 },
    });
    const common = {
      warehouseId: warehouse.id,
      unitCost: 4,
      orderingCost: 50,
      holdingCostRate: 0.25,
      leadTimeDays: 7,
      leadTimeSdDays: 2,
      serviceLevel: 0.95,
      supplier: 'E2E supplies',
    };
    for (const [sku, onHand, description] of [
      ['E2E-STEADY', 30, 'Steady seller'],
      ['E2E-SEASONAL', 400, 'Seasonal item with promotions'],
      ['E2E-RARE', 5, 'Slow mover'],
    ] as const) {
      ids[sku] = (
        await call(ANALYST, '/supply/entities/inventory', { json: { ...common, sku, onHand, description } })
      ).id;
    }
    const started = await call(ANALYST, '/supply/imports/demand', { csv: demandCsv() });
    await jobDone(ANALYST, started.jobId);
  });

  after(async () => {
    await suite?.close();
    assert.deepEqual(suite?.pageErrors ?? [], [], 'uncaught errors in the page');
  });

  const openAs = async (email: string, path: string) => {
    const page = await suite.newTab({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(LIVE_TIMEOUT);
    await signInAs(page, baseUrl, email, DEMO_PASSWORD, path);
    return page;
  };
  const text = async (page: Page, testId: string) =>
    (await page.getByTestId(testId).first().textContent()) ?? '';

  test('a newcomer opens a SKU: its demand and forecast charted, the reorder point, a what-if', async () => {
    const page = await openAs(ANALYST, '/supply');
    await page.getByRole('heading', { level: 1, name: 'Inventory' }).waitFor();
    await page.getByTestId('inventory-E2E-STEADY').waitFor();
    await page.getByTestId('sku-link-E2E-STEADY').click();
    await page.waitForURL(`${baseUrl}/supply/inventory/${ids['E2E-STEADY']}`);
    await page.getByRole('heading', { level: 1, name: 'SKU E2E-STEADY' }).waitFor();

    // No forecast yet: the analyst makes one from the page and sees it drawn after the history.
    await page.getByTestId('forecast-none').waitFor();
    await page.getByRole('button', { name: 'Forecast this SKU now' }).click();
    await page.getByTestId('forecast-method').waitFor();
    const stored = await call(ANALYST, `/supply/entities/inventory/${ids['E2E-STEADY']}/forecast`);
    assert.ok(stored.forecast.mean.length > 0);
    assert.ok((await text(page, 'forecast-error')).includes('MASE') || stored.forecast.mase === null);
    const summary = await text(page, 'demand-chart-summary');
    assert.match(summary, /Demand over the last \d+ weeks/);
    assert.match(summary, /Forecast for the next \d+ weeks/);

    // The reorder point and the policy behind it, as the engine computes them.
    const policy = await call(ANALYST, '/supply/explain', { json: { inventoryId: ids['E2E-STEADY'] } });
    const trigger = await text(page, 'policy-trigger');
    assert.match(trigger, /\d/);
    assert.equal(policy.item.policy.trigger.kind, 'reorder_point');
    // Shown to one decimal (formatQuantity): 12.96 reads "13.0", so the figures are compared, not digits.
    const shown = Number(trigger.replace(/[^\d.]/g, ''));
    const level: number = policy.item.policy.trigger.level;
    assert.ok(Math.abs(shown - level) <= 0.05 + 1e-9, `the page shows "${trigger}" for a level of ${level}`);
    await page.getByTestId('policy-factors').waitFor();

    // The month view rescales the weekly forecast, and says so.
    await page.getByLabel('month', { exact: true }).check();
    await page.getByText(/made per week: the interval is rescaled/).waitFor();

    // What if the service level were 99 %: a higher safety stock.
    await page.getByLabel('Service level (%)').fill('99');
    await page.getByRole('button', { name: 'Recompute' }).click();
    await page.getByTestId('what-if-result').waitFor();
    const cells = page
      .getByTestId('what-if-result')
      .getByRole('row', { name: /Safety stock/ })
      .locator('td');
    const [now, then] = (await cells.allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    assert.ok(
      now !== undefined && then !== undefined && then > now,
      `safety stock at 99 % (${then}) above 95 % (${now})`,
    );
  });

  test('the analyst runs a replenishment decision, reads why each quantity and approves it', async () => {
    const page = await openAs(ANALYST, '/supply/decisions');
    await page.getByRole('heading', { level: 1, name: 'Replenishment decisions' }).waitFor();
    await page.getByRole('button', { name: 'New replenishment decision' }).click();
    await page.getByLabel('One warehouse').check();
    await page.getByLabel('Budget (optional)').fill('100000');
    await page.getByRole('button', { name: 'Compute the proposal' }).click();
    await page.waitForURL(/\/supply\/decisions\/[0-9a-f-]{36}$/);
    decisionId = page.url().split('/').at(-1) ?? '';

    await page.locator('[data-testid="decision-status"][data-status="proposed"]').waitFor();
    const decision = await call(ANALYST, `/supply/decisions/${decisionId}`);
    assert.equal(decision.status, 'proposed');
    assert.ok(decision.actionCount >= 1, 'the steady seller, out of stock soon, is ordered');
    await page.getByTestId('decision-summary').waitFor();
    await page.getByTestId('decision-costs').waitFor();
    assert.match(await text(page, 'decision-confidence'), /%/);

    // The steady seller's line opens to its factors, which add up to its quantity.
    const row = page.getByTestId('action-E2E-STEADY');
    const quantity = (await row.getByTestId('action-quantity').textContent()) ?? '';
    await row.getByRole('button', { name: /Why\?/ }).click();
    const why = page.getByTestId('action-why-E2E-STEADY');
    await why.waitFor();
    const factors = why.getByTestId('factor');
    assert.ok((await factors.count()) >= 2, 'several factors');
    assert.match((await factors.first().textContent()) ?? '', /[A-Za-z]{3,}.*\d/);
    const sum = (await why.getByTestId('factor-sum').textContent()) ?? '';
    assert.match(sum, /= the quantity proposed/);
    assert.ok(sum.includes(quantity.trim()), `"${sum}" names the quantity ${quantity}`);
    const explanation = await call(ANALYST, `/supply/decisions/${decisionId}/explanation`);
    for (const item of explanation.items) {
      const total = item.factors.reduce((s: number, f: { weight: number }) => s + f.weight, 0);
      assert.ok(Math.abs(total - item.quantity) < 0.01, `${item.sku}: factors ${total} = ${item.quantity}`);
    }

    await page.getByLabel(/^Note/).fill('Checked against the supplier calendar');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.locator('[data-testid="decision-status"][data-status="approved"]').waitFor();
    await page.getByRole('button', { name: 'Execute' }).waitFor();
    const approved = await call(ANALYST, `/supply/decisions/${decisionId}`);
    assert.equal(approved.status, 'approved');
    assert.equal(approved.decisionNote, 'Checked against the supplier calendar');
  });

  test('a viewer reads the decision and its reasons but has no approve or new-decision button', async () => {
    assert.ok(decisionId, 'the decision of the previous test');
    const page = await openAs(VIEWER, `/supply/decisions/${decisionId}`);
    await page.locator('[data-testid="decision-status"][data-status="approved"]').waitFor();
    await page.getByTestId('actions-table').waitFor();
    await page.getByTestId('decision-decided').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Approve', exact: true }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Execute' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Reject' }).count(), 0);

    await page.getByRole('link', { name: 'Replenishment', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Replenishment decisions' }).waitFor();
    await page.getByTestId('decision-link').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'New replenishment decision' }).count(), 0);
  });

  test('forecast runs, the model registry and the network: what the decision used, and a warehouse edited', async () => {
    const page = await openAs(ANALYST, '/supply/forecasts');
    const runs = await call(ANALYST, '/supply/forecasts');
    assert.ok(runs.total >= 2, 'the SKU’s run and the decision’s');
    const rows = page.getByTestId('runs-table').locator('tbody tr');
    await rows.nth(runs.items.length - 1).waitFor();
    assert.equal(await rows.count(), runs.items.length);
    await page.getByRole('link', { name: 'Model registry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Model registry' }).waitFor();
    const models = await call(ANALYST, '/supply/models');
    const used = models.items[0];
    await page
      .getByTestId('models-table')
      .getByRole('rowheader', { name: `${used.name} v${used.version}` })
      .waitFor();

    await page.getByRole('link', { name: 'Network' }).click();
    const table = page.getByTestId('warehouses-table');
    await table.getByRole('rowheader', { name: WAREHOUSE }).waitFor();
    await table.getByRole('button', { name: `Edit ${WAREHOUSE}` }).click();
    await page.getByLabel('Name').fill('E2E main warehouse');
    await page.getByRole('button', { name: 'Save' }).click();
    await table.getByRole('cell', { name: 'E2E main warehouse' }).waitFor();
    const warehouses = await call(ANALYST, '/supply/entities/warehouses');
    assert.equal(warehouses.items[0].name, 'E2E main warehouse');
  });

  test('the analyst executes the approved decision: its purchase order appears, goes on order, is received', async () => {
    assert.ok(decisionId, 'the decision approved above');
    const before = await call(ANALYST, `/supply/entities/inventory/${ids['E2E-STEADY']}`);
    const line = (await call(ANALYST, `/supply/decisions/${decisionId}`)).actions.find(
      (a: { sku: string }) => a.sku === 'E2E-STEADY',
    );
    const page = await openAs(ANALYST, `/supply/decisions/${decisionId}`);
    await page.locator('[data-testid="decision-status"][data-status="approved"]').waitFor();
    await page.getByRole('button', { name: 'Execute', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Execute' }).click();
    await page.locator('[data-testid="decision-status"][data-status="executed"]').waitFor();
    await page.getByTestId('decision-executed').waitFor();
    const ordered = await call(ANALYST, `/supply/entities/inventory/${ids['E2E-STEADY']}`);
    assert.equal(ordered.onOrder, before.onOrder + line.quantity);

    await page.goto(`${baseUrl}/supply/network?kind=orders`);
    const reference = `REPL-${decisionId.slice(0, 8)}`;
    const row = page.getByTestId('orders-table').getByRole('row', { name: new RegExp(reference) });
    await row.getByText('confirmed', { exact: true }).waitFor();
    assert.match((await row.textContent()) ?? '', /E2E-STEADY/);
    await row.getByRole('button', { name: `Mark received order ${reference}` }).click();
    // Exact: the row's own button ("Mark received order …") holds the word too.
    await row.getByText('received', { exact: true }).waitFor();
    const received = await call(ANALYST, `/supply/entities/inventory/${ids['E2E-STEADY']}`);
    assert.equal(received.onOrder, before.onOrder);
    assert.equal(received.onHand, before.onHand + line.quantity);
  });
  test('the analyst imports stock points from a CSV file, sees the refused row, and adds a client with two windows', async () => {
    const page = await openAs(ANALYST, '/supply/network?kind=import');
    await page.getByRole('heading', { level: 2, name: 'Import from a file' }).waitFor();
    await page.getByLabel('What the file holds').selectOption('inventory');
    const csv = [
      'warehouse,sku,description,on_hand,unit_cost',
      `${WAREHOUSE},E2E-IMPORTED-A,Imported first,12,2.5`,
      `${WAREHOUSE},E2E-IMPORTED-B,Imported second,8,3`,
      `${WAREHOUSE},E2E-IMPORTED-BAD,Negative stock,-4,1`,
    ].join('\n');
    await page
      .getByLabel('File (CSV or XLSX)')
      .setInputFiles({ name: 'stock.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) });
    await page.getByRole('button', { name: 'Import the file' }).click();
    await page.getByTestId('import-counts').waitFor();
    assert.equal((await text(page, 'import-created')).trim(), '2');
    assert.equal((await text(page, 'import-rejected')).trim(), '1');
    // The fourth line of the file (after the header) is refused, on its on_hand column.
    const refused = page.getByTestId('import-errors').getByRole('row', { name: /^4\b/ });
    await refused.waitFor();
    assert.match((await refused.textContent()) ?? '', /on_hand/);
    const stored = await call(ANALYST, '/supply/entities/inventory?search=E2E-IMPORTED');
    assert.deepEqual(stored.items.map((r: { sku: string }) => r.sku).sort(), [
      'E2E-IMPORTED-A',
      'E2E-IMPORTED-B',
    ]);

    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByRole('button', { name: 'New client' }).click();
    await page.getByLabel('Name', { exact: true }).fill('E2E corner shop');
    await page.getByRole('button', { name: 'Add a window' }).click();
    await page.getByLabel('Window 1 from (HH:MM)').fill('08:00');
    await page.getByLabel('Window 1 until (HH:MM)').fill('12:00');
    await page.getByRole('button', { name: 'Add a window' }).click();
    await page.getByLabel('Window 2 from (HH:MM)').fill('13:30');
    await page.getByLabel('Window 2 until (HH:MM)').fill('17:00');
    await page.getByRole('button', { name: 'Create client' }).click();
    const row = page.getByTestId('clients-table').getByRole('row', { name: /E2E corner shop/ });
    await row.getByText('08:00–12:00, 13:30–17:00').waitFor();
    const clients = await call(ANALYST, '/supply/entities/clients');
    const client = clients.items.find((c: { name: string }) => c.name === 'E2E corner shop');
    assert.deepEqual(client.timeWindows, [
      { start: '08:00', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ]);
  });
});
