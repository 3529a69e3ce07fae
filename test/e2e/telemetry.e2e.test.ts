// End-to-end: the telemetry pages (sensors, a sensor's chart, alarms) on the demo tenant in Chromium,
// with the demo simulator feeding the sensors through the real bulk API: 24 hours back-filled, then
// a reading every 5 seconds, so values change live and real alarms open.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PROCESSES } from '../../src/modules/telemetry/demo.ts';
import { type Simulator, startDemoSimulator } from '../../src/modules/telemetry/index.ts';
import type { Ingest, ReadingInput } from '../../src/modules/telemetry/ingest.service.ts';
import { seedDemoData } from '../../src/server.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

/** Live pushes and reloads on a busy machine: generous, as every wait is on a condition. */
const LIVE_TIMEOUT = 30_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Resolves once `check` holds, asking again every 200 ms (the page changes by push and reload, at
 * moments no test can pick); fails with `what` after `timeout`.
 */
async function eventually(what: string, check: () => Promise<boolean>, timeout = LIVE_TIMEOUT) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`not within ${timeout / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface ApiSensor {
  id: string;
  key: string;
  upperSpec: number | null;
}

interface ApiAlarm {
  id: string;
  sensorId: string;
  rule: string;
  status: string;
  ackNote: string | null;
  acknowledgedBy: string | null;
  clearNote: string | null;
}

describe('telemetry in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let baseUrl: string;
  let simulator: Simulator | undefined;
  const simulatorWarnings: string[] = [];
  const tokens = new Map<string, string>();

  async function login(email: string): Promise<string> {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    assert.equal(response.status, 200, `login of ${email}`);
    const token = ((await response.json()) as { accessToken: string }).accessToken;
    tokens.set(email, token);
    return token;
  }

  /** A call as `email` (signed in again when the token ran out). */
  async function call(
    email: string,
    path: string,
    body?: unknown,
    // biome-ignore lint/suspicious/noExplicitAny: the assertions check the bodies' shape
  ): Promise<any> {
    for (let attempt = 0; ; attempt++) {
      const token = tokens.get(email) ?? (await login(email));
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status === 401 && attempt === 0) {
        tokens.delete(email);
        continue;
      }
      assert.ok(response.ok, `${path}: HTTP ${response.status} ${await response.clone().text()}`);
      return response.json();
    }
  }

  /** The simulator's ingest, sent through POST /plant-ops/sensors/readings/bulk as an operator. */
  const httpIngest = {
    ingest: (_tenantId: string, rows: ReadingInput[]) =>
      call('operator@demo.local', '/api/v1/plant-ops/sensors/readings/bulk', { readings: rows }),
  } as unknown as Ingest;

  before(async () => {
    suite = await startBrowserSuite(async (t) => {
      assert.equal(await seedDemoData(t.database.db, DEMO_PASSWORD, () => {}), true);
    });
    ({ baseUrl } = suite);
    simulator = await startDemoSimulator(suite.t.database.db, httpIngest, {
      info: () => {},
      warn: (obj, msg) => simulatorWarnings.push(`${msg}: ${String((obj as { err?: unknown }).err)}`),
    });
    assert.ok(simulator, 'the demo tenant has a simulator');
    await simulator.caughtUp;
  });

  after(async () => {
    await simulator?.stop();
    await suite?.close();
    assert.deepEqual(suite?.pageErrors ?? [], [], 'uncaught errors in the page');
    assert.deepEqual(cspViolations, [], 'Content-Security-Policy violations');
    assert.deepEqual(simulatorWarnings, [], 'the simulator’s readings were all accepted');
  });

  const cspViolations: string[] = [];
  const newTab = async () => {
    const page = await suite.newTab({ viewport: { width: 1360, height: 1000 } });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    return page;
  };

  const signIn = (page: Page, email: string, path: string) =>
    signInAs(page, baseUrl, email, DEMO_PASSWORD, path);

  /** Marks the document, so that a later check tells a live change from a reload. */
  const markDocument = (page: Page) =>
    page.evaluate(() => {
      (globalThis as unknown as { sameDocument: boolean }).sameDocument = true;
    });
  const sameDocument = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument === true);

  /** Counts the SensorReadings events the page receives over its WebSocket. */
  function countPushedReadings(page: Page) {
    const counter = { readings: 0 };
    page.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => {
        if (typeof payload === 'string' && payload.includes('"SensorReadings"')) counter.readings++;
      });
    });
    return counter;
  }

  async function sensorsByKey(): Promise<Map<string, ApiSensor>> {
    const page = await call('analyst@demo.local', '/api/v1/plant-ops/sensors?limit=200');
    return new Map(
      (page.items as { sensor: ApiSensor }[]).map(
        ({ sensor }) => [sensor.key, sensor] as [string, ApiSensor],
      ),
    );
  }

  const activeAlarms = async (sensorId: string): Promise<ApiAlarm[]> =>
    (await call('analyst@demo.local', `/api/v1/plant-ops/sensors/${sensorId}`)).activeAlarms;

  /**
   * Sends one reading far above the sensor's upper spec limit through the bulk API, off the
   * simulator's 5-second grid (so it never collides with one of its readings). Spec limits judge
   * every reading, so this opens a spec alarm or signals the one already active.
   */
  async function forceSpecViolation(sensor: ApiSensor): Promise<ApiAlarm> {
    const ts = Math.floor(Date.now() / 5000) * 5000 - 1_234;
    const result = await call('operator@demo.local', '/api/v1/plant-ops/sensors/readings/bulk', {
      readings: [{ sensorId: sensor.id, ts, value: (sensor.upperSpec as number) + 1 }],
    });
    assert.equal(result.accepted, 1, JSON.stringify(result));
    const alarm = (await activeAlarms(sensor.id)).find((a) => a.rule === 'spec');
    assert.ok(alarm, `an active spec alarm on ${sensor.key}`);
    return alarm;
  }

  test('the sensors list shows the simulator’s sensors, their values changing live', async () => {
    const page = await newTab();
    const pushed = countPushedReadings(page);
    await signIn(page, 'operator@demo.local', '/telemetry');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sensors');
    const nav = page.getByRole('navigation', { name: 'Modules' });
    for (const entry of ['Sensors', 'Alarms', 'Import']) {
      assert.equal(await nav.getByRole('link', { name: entry, exact: true }).count(), 1, entry);
    }

    const table = page.getByTestId('sensors-table');
    await table.waitFor();
    for (const p of DEMO_PROCESSES) await page.getByTestId(`sensor-row-${p.key}`).waitFor();
    assert.equal(await table.locator('tbody tr').count(), DEMO_PROCESSES.length);
    const row = page.getByTestId('sensor-row-L1-FILL-WEIGHT');
    assert.match((await row.textContent()) ?? '', /Fill weight/);
    assert.match((await row.getByTestId('sensor-value').textContent()) ?? '', /^[\d,.]+ g$/);
    assert.match((await row.getByTestId('sensor-age').textContent()) ?? '', /ago$/);
    assert.equal(await row.locator('svg.sparkline').count(), 1, 'a sparkline of the last two hours');
    await page.getByTestId('realtime-state').and(page.locator('[data-status="open"]')).waitFor();

    // The values the page shows now; the simulator sends a reading every 5 seconds.
    const shown = async () =>
      Object.fromEntries(
        await Promise.all(
          DEMO_PROCESSES.map(async (p) => [
            p.key,
            await page.getByTestId(`sensor-row-${p.key}`).getByTestId('sensor-value').textContent(),
          ]),
        ),
      );
    const before = await shown();
    await markDocument(page);
    await eventually('a sensor’s value changes', async () => {
      const now = await shown();
      return DEMO_PROCESSES.some((p) => now[p.key] !== before[p.key]);
    });
    // The change may come from the list's periodic refetch before the first push lands: wait
    // for the push on its own rather than assume which of the two came first.
    await eventually('readings are pushed over the WebSocket', async () => pushed.readings > 0);
    assert.equal(await sameDocument(page), true, 'the values changed without a reload');

    // The text filter narrows the list (and keeps it in the address).
    await page.getByLabel('Search').fill('PUMP');
    const rows = table.locator('tbody tr');
    await eventually('two sensors match PUMP', async () => (await rows.count()) === 2);
    assert.match(page.url(), /q=PUMP/);
    await page.getByLabel('Type').selectOption('vibration');
    await eventually('one vibration sensor matches PUMP', async () => (await rows.count()) === 1);
    await page.getByTestId('sensor-row-L1-PUMP-VIB').waitFor();
    await page.close();
  });

  test('a sensor’s chart draws 24 hours, then 1 hour; an operator acknowledges a real alarm', async () => {
    const sensors = await sensorsByKey();
    const sensor = sensors.get('L1-TANK-PRESS') as ApiSensor;
    assert.ok(sensor && sensor.upperSpec !== null, 'the demo has L1-TANK-PRESS with spec limits');

    const page = await newTab();
    await signIn(page, 'operator@demo.local', '/telemetry');
    await page.getByRole('link', { name: 'L1-TANK-PRESS', exact: true }).click();
    await page.waitForURL(`${baseUrl}/telemetry/sensors/${sensor.id}`);
    await page.getByRole('heading', { level: 1, name: 'Buffer tank pressure' }).waitFor();
    assert.equal(await page.getByTestId('sensor-spec-limits').textContent(), '2 – 3 bar');

    // 24 hours (the default): 1-minute buckets, a point for each minute the simulator filled.
    const chart = page.getByTestId('sensor-chart');
    await chart.waitFor();
    const span = async () =>
      Number(await chart.getAttribute('data-to')) - Number(await chart.getAttribute('data-from'));
    const points = async () => Number(await chart.getAttribute('data-points'));
    await eventually('the chart draws a day of points', async () => (await points()) > 1000);
    assert.equal(await span(), DAY_MS);
    assert.ok((await points()) <= 1500, `24 h of 1-minute buckets, got ${await points()}`);
    assert.match(
      (await page.getByTestId('sensor-chart-summary').textContent()) ?? '',
      /24 h .* 1 min buckets/,
    );
    assert.equal(await page.getByRole('radio', { name: '24 h' }).isChecked(), true);
    for (const line of ['usl', 'lsl', 'cl', 'ucl', 'lcl']) {
      assert.equal(await chart.getByTestId(`chart-line-${line}`).count(), 1, `${line} drawn`);
    }
    assert.ok(((await chart.getByTestId('chart-mean').getAttribute('d')) ?? '').length > 1000, 'a mean line');
    assert.ok((await chart.getByTestId('chart-alarm').count()) > 0, 'the last day’s alarms are marked');

    // 1 hour: read again at a finer width (one point per 5-second reading).
    await page.getByRole('radio', { name: '1 h' }).check();
    const summary = page.getByTestId('sensor-chart-summary');
    await eventually('the chart shows the last hour in 2-second buckets', async () => {
      const text = (await summary.textContent()) ?? '';
      return (await span()) === HOUR_MS && /\b2 s buckets/.test(text) && !text.includes('loading');
    });
    const hourPoints = await points();
    assert.ok(hourPoints >= 600 && hourPoints <= 800, `an hour of 5-second readings, got ${hourPoints}`);

    // New readings are added to the recent range as they arrive, without reloading it.
    await markDocument(page);
    const shownTo = Number(await chart.getAttribute('data-to'));
    await eventually(
      'the chart moves on with a live reading',
      async () => Number(await chart.getAttribute('data-to')) > shownTo,
    );

    // A reading past the upper spec limit, through the real API: the detector opens (or signals) the
    // sensor's spec alarm, which the page shows without a reload; the operator acknowledges it.
    const alarm = await forceSpecViolation(sensor);
    const alarmsCard = page.getByTestId('sensor-alarms-card');
    const row = alarmsCard.getByTestId(`alarm-${alarm.id}`);
    await row.waitFor({ timeout: LIVE_TIMEOUT });
    assert.equal(await sameDocument(page), true);
    assert.equal(await row.getAttribute('data-status'), 'open');
    await row.getByRole('button', { name: 'Acknowledge…' }).click();
    const form = alarmsCard.getByRole('form', { name: /^Acknowledge alarm: / });
    await form.getByLabel('Note (optional)').fill('Relief valve checked');
    await form.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await alarmsCard.locator(`[data-testid="alarm-${alarm.id}"][data-status="acknowledged"]`).waitFor();
    assert.equal(await row.getByTestId('alarm-status').textContent(), 'Acknowledged');
    assert.match((await row.textContent()) ?? '', /Relief valve checked/);

    const stored = (await activeAlarms(sensor.id)).find((a) => a.id === alarm.id) as ApiAlarm;
    assert.equal(stored.status, 'acknowledged');
    assert.equal(stored.ackNote, 'Relief valve checked');
    const me = await call('operator@demo.local', '/api/v1/auth/me');
    assert.equal(stored.acknowledgedBy, me.user.id);
    await page.close();
  });

  test('a new alarm appears on the alarms page as it opens; an operator clears it with a note', async () => {
    const page = await newTab();
    await signIn(page, 'operator@demo.local', '/telemetry/alarms');
    await page.getByRole('heading', { level: 1, name: 'Alarms' }).waitFor();
    assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), 'active');
    await page.getByTestId('alarms-table').or(page.getByTestId('alarms-empty')).waitFor();
    await page.getByTestId('realtime-state').and(page.locator('[data-status="open"]')).waitFor();
    await markDocument(page);

    // A sensor without an active spec alarm: the forced reading opens a new one after the page loaded.
    let target: ApiSensor | undefined;
    for (const sensor of (await sensorsByKey()).values()) {
      if (sensor.upperSpec === null) continue;
      if (!(await activeAlarms(sensor.id)).some((a) => a.rule === 'spec')) {
        target = sensor;
        break;
      }
    }
    assert.ok(target, 'a demo sensor without an active spec alarm');
    const alarm = await forceSpecViolation(target);

    const row = page.getByTestId(`alarm-${alarm.id}`);
    await row.waitFor({ timeout: LIVE_TIMEOUT });
    assert.equal(await sameDocument(page), true, 'the alarm appeared without a reload');
    assert.match((await row.textContent()) ?? '', new RegExp(target.key));
    assert.match((await row.textContent()) ?? '', /Spec limit/);

    await row.getByRole('button', { name: 'Clear…' }).click();
    const form = page.getByRole('form', { name: /^Clear alarm: / });
    await form.getByLabel('Note (optional)').fill('Sensor re-seated');
    await form.getByRole('button', { name: 'Clear', exact: true }).click();
    // Cleared alarms leave the active list.
    await row.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
    const stored = await call('analyst@demo.local', `/api/v1/plant-ops/alarms/${alarm.id}`);
    assert.equal(stored.status, 'cleared');
    assert.equal(stored.clearNote, 'Sensor re-seated');
    await page.close();
  });

  test('the plant overview counts the sensor alarms and leads to them', async () => {
    const page = await newTab();
    await signIn(page, 'viewer@demo.local', '/plant');
    const card = page.getByTestId('overview-alarms');
    await card.waitFor();
    // The simulator keeps opening and clearing alarms: the card shows counts, whatever they are now.
    assert.match((await card.textContent()) ?? '', /\d+ open sensor alarms?.*\d+ acknowledged/);
    await card.getByRole('link', { name: 'Go to the alarms' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alarms' }).waitFor();
    await page.close();
  });

  test('an operator imports sensor history from a CSV file and reads the counts', async () => {
    const page = await newTab();
    await signIn(page, 'operator@demo.local', '/telemetry/import');
    await page.getByRole('heading', { level: 1, name: 'Import sensor history' }).waitFor();
    // Two readings from before the simulator's day, and a line whose time cannot be read.
    const at = (ms: number) => new Date(Date.now() - 30 * HOUR_MS + ms).toISOString();
    const csv = `sensor_key,ts,value\nL1-FLOW,${at(1_500)},121.5\nL1-FLOW,${at(6_500)},122.25\nL1-FLOW,yesterday,1\n`;
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'flow.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel(/^Long/).check();
    await page.getByRole('button', { name: 'Upload and import' }).click();

    // A server without the import route says so instead of failing.
    const done = page.locator('[data-testid="import-job"][data-status="completed"]');
    await done.or(page.getByTestId('import-unavailable')).waitFor({ timeout: LIVE_TIMEOUT });
    if (await page.getByTestId('import-unavailable').isVisible()) return void (await page.close());
    assert.equal(
      await page.getByRole('progressbar', { name: 'Upload progress' }).getAttribute('aria-valuenow'),
      '100',
    );
    assert.equal(
      await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow'),
      '100',
    );
    assert.equal(await page.getByTestId('import-accepted').textContent(), '2');
    assert.equal(await page.getByTestId('import-rejected').textContent(), '1');
    await page.close();
  });
});
