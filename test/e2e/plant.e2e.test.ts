// End-to-end: the plant pages (overview, batches, reports) on the demo plant, live, in Chromium.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoData } from '../../src/server.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

const LIVE_TIMEOUT = 10_000;

interface ApiLine {
  id: string;
  name: string;
  status: string;
  statusReasonCode: string | null;
}

/** How the dashboard writes a ratio (see web/src/plant/format.ts). */
const percent = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)} %`;

const STATUS_LABEL: Record<string, string> = {
  running: 'Running',
  idle: 'Idle',
  down: 'Down',
  maintenance: 'Maintenance',
};

describe('plant operations in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let baseUrl: string;

  before(async () => {
    suite = await startBrowserSuite(async (t) => {
      assert.equal(await seedDemoData(t.database.db, DEMO_PASSWORD, () => {}), true);
    });
    ({ baseUrl } = suite);
  });

  after(async () => {
    await suite?.close();
    assert.deepEqual(suite?.pageErrors ?? [], [], 'uncaught errors in the page');
    assert.deepEqual(cspViolations, [], 'Content-Security-Policy violations (charts included)');
  });

  // Chromium reports each resource or inline code the page's CSP blocks as a console message.
  const cspViolations: string[] = [];
  const newTab = async () => {
    const page = await suite.newTab({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    return page;
  };

  const signIn = (page: Page, email: string, path = '/plant') =>
    signInAs(page, baseUrl, email, DEMO_PASSWORD, path);

  async function call(
    path: string,
    init: { token: string; method?: string; body?: unknown },
    // biome-ignore lint/suspicious/noExplicitAny: the assertions below check the bodies' shape
  ): Promise<any> {
    const headers: Record<string, string> = { authorization: `Bearer ${init.token}` };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    assert.ok(response.ok, `${path}: HTTP ${response.status} ${await response.clone().text()}`);
    return response.json();
  }

  async function tokenOf(email: string): Promise<string> {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async function linesByName(token: string): Promise<Map<string, ApiLine>> {
    const page = await call('/api/v1/plant-ops/lines', { token });
    return new Map((page.items as ApiLine[]).map((line) => [line.name, line]));
  }

  const card = (page: Page, name: string) => page.getByRole('article', { name });

  /** Waits until the card shows `status` (its data-status attribute, set from the live state). */
  const waitForStatus = (page: Page, name: string, status: string) =>
    card(page, name)
      .and(page.locator(`[data-status="${status}"]`))
      .waitFor({ timeout: LIVE_TIMEOUT });

  test('the overview shows both lines with their status and today’s OEE', async () => {
    const token = await tokenOf('analyst@demo.local');
    const lines = await linesByName(token);
    assert.deepEqual([...lines.keys()].sort(), ['Filling line 1', 'Packaging line 2']);
    const today = new Date().toISOString().slice(0, 10);
    const report = await call(`/api/v1/plant-ops/oee?groupBy=line&from=${today}&to=${today}`, { token });

    const page = await newTab();
    await signIn(page, 'analyst@demo.local');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Plant overview');
    const nav = page.getByRole('navigation', { name: 'Modules' });
    for (const entry of ['Overview', 'Batches', 'Reports']) {
      assert.equal(await nav.getByRole('link', { name: entry, exact: true }).count(), 1, entry);
    }
    for (const [name, line] of lines) {
      const lineCard = card(page, name);
      await lineCard.waitFor();
      assert.equal(await lineCard.getByTestId('line-status').textContent(), STATUS_LABEL[line.status]);
      assert.match((await lineCard.getByTestId('line-since').textContent()) ?? '', /^Since /);
      const oee = lineCard.getByTestId('line-oee-today');
      const group = report.groups.find((g: { key: string }) => g.key === line.id);
      const expected = percent(group?.oee);
      await oee.and(page.getByText(expected, { exact: true })).waitFor();
      assert.equal(await oee.textContent(), expected, `today's OEE of ${name}`);
      assert.match((await lineCard.textContent()) ?? '', /Target \d+ %/);
      // An analyst may read but not operate.
      assert.equal(await lineCard.getByRole('button', { name: 'Down' }).count(), 0);
    }
    await page.close();
  });

  test('an operator stops a line with a reason; a viewer sees it live, without status buttons', async () => {
    const token = await tokenOf('operator@demo.local');
    const line = (await linesByName(token)).get('Filling line 1') as ApiLine;

    const viewer = await newTab();
    await signIn(viewer, 'viewer@demo.local');
    await card(viewer, line.name).waitFor();
    await viewer.getByTestId('realtime-state').and(viewer.locator('[data-status="open"]')).waitFor();
    assert.equal(
      await card(viewer, line.name).getByRole('button').count(),
      0,
      'viewer has no status buttons',
    );
    await viewer.evaluate(() => {
      (globalThis as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    const operator = await newTab();
    await signIn(operator, 'operator@demo.local');
    const lineCard = card(operator, line.name);
    await lineCard.getByRole('button', { name: 'Down' }).click();
    const form = lineCard.getByRole('form', { name: `Set ${line.name} to Down` });
    // Down offers unplanned reasons only.
    const offered = await form.getByLabel('Reason').locator('option').allTextContents();
    assert.ok(offered.includes('Equipment breakdown'), offered.join(', '));
    assert.ok(!offered.includes('Planned maintenance'), offered.join(', '));
    await form.getByLabel('Reason').selectOption('BREAKDOWN');
    await form.getByLabel('Note (optional)').fill('Capper jammed');
    await form.getByRole('button', { name: 'Set Down' }).click();

    await waitForStatus(operator, line.name, 'down');
    assert.equal(await lineCard.getByTestId('line-status').textContent(), 'Down');
    assert.equal(await lineCard.getByTestId('line-reason').textContent(), 'Equipment breakdown');
    assert.equal(await lineCard.getByRole('button', { name: 'Down' }).getAttribute('aria-pressed'), 'true');

    const detail = await call(`/api/v1/plant-ops/lines/${line.id}`, { token });
    assert.equal(detail.line.status, 'down');
    assert.equal(detail.line.statusReasonCode, 'BREAKDOWN');
    assert.equal(detail.recentStatus[0].note, 'Capper jammed');

    // The viewer's page changed by push, not by a reload.
    await waitForStatus(viewer, line.name, 'down');
    assert.equal(
      await card(viewer, line.name).getByTestId('line-reason').textContent(),
      'Equipment breakdown',
    );
    assert.equal(
      await viewer.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument),
      true,
    );
    assert.equal(await card(viewer, line.name).getByRole('button').count(), 0);

    // Back to running, straight from the button.
    await lineCard.getByRole('button', { name: 'Running' }).click();
    await waitForStatus(viewer, line.name, 'running');
    await viewer.close();
    await operator.close();
  });

  test('the reports show the OEE trend, OEE by shift and the downtime Pareto with data', async () => {
    const token = await tokenOf('analyst@demo.local');
    const now = Date.now();
    const pareto = await call(
      `/api/v1/plant-ops/downtime/pareto?from=${new Date(now - 21 * 86_400_000).toISOString()}&to=${new Date(now).toISOString()}`,
      { token },
    );
    assert.ok(pareto.items.length > 0, 'the demo plant has downtime');

    const page = await newTab();
    await signIn(page, 'analyst@demo.local', '/plant/reports');
    await page.getByLabel('21 days').check();

    const trend = page.getByTestId('oee-trend');
    await trend.getByTestId('oee-trend-summary').waitFor();
    assert.match((await trend.getByTestId('oee-trend-summary').textContent()) ?? '', /^OEE \d+\.\d %/);
    assert.equal(await trend.locator('.recharts-line').count(), 4, 'OEE, availability, performance, quality');
    assert.ok((await trend.locator('.recharts-line-curve').count()) >= 1);
    await trend.getByText('Data table').click();
    const dayRows = trend.getByRole('table').locator('tbody tr');
    assert.ok((await dayRows.count()) >= 14, `days in the table: ${await dayRows.count()}`);
    assert.match((await dayRows.first().textContent()) ?? '', /\d+\.\d %/);
    assert.match((await page.getByTestId('total-oee').textContent()) ?? '', /^\d+\.\d %$/);

    const chart = page.getByTestId('downtime-pareto');
    const top = pareto.items[0];
    const topRow = chart.getByTestId(`pareto-${top.reasonCode}`);
    await topRow.waitFor();
    assert.match((await topRow.textContent()) ?? '', new RegExp(top.label));
    assert.match((await chart.getByTestId('downtime-pareto-summary').textContent()) ?? '', /Largest: /);
    assert.ok((await chart.locator('.recharts-bar-rectangle').count()) >= pareto.items.length);
    assert.match(
      (await chart.getByRole('img').getAttribute('aria-label')) ?? '',
      new RegExp(`Downtime Pareto: .*${top.label}`),
    );

    const shifts = page.getByTestId('oee-shift');
    await shifts.getByTestId('oee-shift-summary').waitFor();
    for (const shift of ['Early', 'Late', 'Night']) {
      assert.match((await shifts.getByTestId('oee-shift-summary').textContent()) ?? '', new RegExp(shift));
    }
    await page.close();
  });

  test('an operator plans, starts and completes a batch and reads its OEE', async () => {
    const token = await tokenOf('operator@demo.local');
    const line = (await linesByName(token)).get('Packaging line 2') as ApiLine;
    const page = await newTab();
    await signIn(page, 'operator@demo.local');

    // One batch runs per line: finish the demo's running one first, from its card.
    const running = (await call(`/api/v1/plant-ops/lines/${line.id}`, { token })).currentBatch;
    if (running) {
      await card(page, line.name).getByRole('link', { name: running.code }).click();
      await page.getByRole('button', { name: 'Complete…' }).click();
      await completeWith(page, { good: '5000', scrap: '40', rework: '0', labour: '' });
    }

    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Batches' }).click();
    await page.getByRole('button', { name: 'New batch' }).click();
    const form = page.getByRole('region', { name: 'New batch' });
    await form.getByLabel('Line').selectOption({ label: line.name });
    await form.getByLabel('Product SKU').fill('E2E-PACK');
    await form.getByLabel('Product name (optional)').fill('E2E pack');
    await form.getByLabel('Planned quantity').fill('120');
    await form.getByLabel('Ideal cycle time (s per piece)').fill('0.5');
    await form.getByLabel('Batch code (optional)').fill('E2E-001');
    await form.getByLabel('Labour rate per hour (optional)').fill('30');
    await form.getByLabel('Material cost per unit (optional)').fill('0.2');
    await form.getByRole('button', { name: 'Plan batch' }).click();
    await page.waitForURL(/\/plant\/batches\/[0-9a-f-]{36}$/);
    const batchId = page.url().split('/').at(-1) as string;
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Batch E2E-001');
    assert.equal(await page.getByTestId('batch-status').textContent(), 'Planned');

    await page.getByRole('button', { name: 'Start batch' }).click();
    await page.getByTestId('batch-status').getByText('Running').waitFor();

    // A second batch on the same line cannot start now: the server's 409 message is shown.
    const second = await call('/api/v1/plant-ops/batches', {
      token,
      body: { lineId: line.id, productSku: 'E2E-PACK', plannedQuantity: 10, idealCycleSeconds: 0.5 },
    });
    await page.goto(`${baseUrl}/plant/batches/${second.id}`);
    await page.getByRole('button', { name: 'Start batch' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /Batch E2E-001 is still running on this line/);

    await page.goto(`${baseUrl}/plant/batches/${batchId}`);
    await page.getByRole('button', { name: 'Complete…' }).click();
    await completeWith(page, { good: '100', scrap: '6', rework: '2', labour: '1.5' });
    const oee = page.getByTestId('batch-oee');
    assert.match((await page.getByTestId('batch-counts').textContent()) ?? '', /100 · 6 · 2/);

    const stored = await call(`/api/v1/plant-ops/batches/${batchId}`, { token });
    assert.equal(stored.status, 'completed');
    assert.ok(stored.oee, 'the server computed the OEE');
    assert.equal(stored.oee.totalCount, 108);
    assert.equal(await oee.getByTestId('batch-oee-value').textContent(), percent(stored.oee.oee));
    assert.match(
      (await oee.getByTestId('oee-quality').textContent()) ?? '',
      new RegExp(percent(stored.oee.quality)),
    );
    assert.equal(await oee.getByTestId('cost-labour').textContent(), '45.00');
    assert.equal(await oee.getByTestId('performance-flag').count(), stored.oee.performanceAboveIdeal ? 1 : 0);

    // The batch list shows it completed.
    await page.goto(`${baseUrl}/plant/batches?status=completed`);
    const row = page.getByTestId('batch-E2E-001');
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Completed/);

    // …and exports the filtered list: the browser saves the CSV the export route streamed.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download batches as CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^batches.*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFFBatch,Line,'), csv.slice(0, 80));
    assert.match(csv, /\r\nE2E-001,/);
    assert.ok(!csv.includes(',planned,') && !csv.includes(',running,'), 'only completed batches');
    await page.close();
  });

  async function completeWith(
    page: Page,
    counts: { good: string; scrap: string; rework: string; labour: string },
  ) {
    const form = page.getByRole('form', { name: /^Complete batch / });
    await form.getByLabel('Good pieces').fill(counts.good);
    await form.getByLabel('Scrap pieces').fill(counts.scrap);
    await form.getByLabel('Reworked pieces').fill(counts.rework);
    if (counts.labour) await form.getByLabel('Labour hours (optional)').fill(counts.labour);
    await form.getByRole('button', { name: 'Complete batch' }).click();
    await page.getByTestId('batch-oee').waitFor();
    assert.equal(await page.getByTestId('batch-status').textContent(), 'Completed');
  }
});
