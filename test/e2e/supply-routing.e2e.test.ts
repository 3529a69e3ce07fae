// End-to-end: a routing decision in Chromium over the demo tenant's supply network (its vehicles,
// clients with delivery windows and a day of open orders). The acceptance: a newcomer runs
// a routing decision for the demo day, sees the routes and the vehicles' schedules, reads why an
// order went to its vehicle, approves it; executing it creates the vehicle assignments.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoTenant } from '../../src/modules/identity/index.ts';
import { seedDemoSupply } from '../../src/modules/supply/index.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

/** The routing job on a busy machine: generous, as every wait is on a condition. */
const LIVE_TIMEOUT = 120_000;
const ANALYST = 'analyst@demo.local';

/** What the page's function below uses of the page (the test's own types have no DOM). */
interface PageGlobals {
  document: { getElementById(id: string): { value: string } | null };
}

describe('routing decisions in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let baseUrl: string;
  let accessToken = '';
  let decisionId = '';

  // biome-ignore lint/suspicious/noExplicitAny: the assertions check the bodies' shape
  async function call(path: string): Promise<any> {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    assert.ok(response.ok, `${path}: HTTP ${response.status} ${await response.clone().text()}`);
    return response.json();
  }

  before(async () => {
    suite = await startBrowserSuite(async (t) => {
      const { tenant } = await seedDemoTenant(t.database.db, { password: DEMO_PASSWORD }, () => {});
      await seedDemoSupply(t.database.db, { tenantId: tenant.id });
    });
    ({ baseUrl } = suite);
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ANALYST, password: DEMO_PASSWORD }),
    });
    assert.equal(response.status, 200, 'login of the analyst');
    accessToken = ((await response.json()) as { accessToken: string }).accessToken;
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
  const status = (page: Page, value: string) =>
    page.locator(`[data-testid="decision-status"][data-status="${value}"]`);

  test('a newcomer plans the demo day, sees the routes and schedules, reads why and approves', async () => {
    const page = await openAs(ANALYST, '/supply/decisions');
    await page.getByRole('heading', { level: 1, name: 'Replenishment decisions' }).waitFor();
    await page.getByRole('button', { name: 'New routing decision' }).click();
    const form = page.getByRole('form', { name: 'New routing decision' });
    await form.waitFor();

    // The delivery day defaults to the first day with open customer orders.
    const day = page.getByLabel('Delivery day');
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return (document.getElementById('routing-date')?.value ?? '') !== '';
    });
    const demoDay = await day.inputValue();
    let open = 0;
    for (const state of ['confirmed', 'allocated'])
      open += (
        await call(
          `/supply/entities/orders?kind=customer&status=${state}&from=${demoDay}&to=${demoDay}&limit=1&offset=0`,
        )
      ).total;
    assert.ok(open > 0, `open customer orders on ${demoDay}`);

    await page.getByLabel('Search time (seconds)').fill('2');
    await page.getByLabel('Seed (optional)').fill('7');
    await form.getByRole('button', { name: 'Plan the routes' }).click();
    await page.waitForURL(/\/supply\/decisions\/[0-9a-f-]{36}$/);
    decisionId = page.url().split('/').at(-1) ?? '';
    await page.getByRole('heading', { level: 1, name: 'Routing decision' }).waitFor();

    // Computed in a job; the page follows it to the proposal.
    await status(page, 'proposed').waitFor({ timeout: LIVE_TIMEOUT });
    await page.getByTestId('decision-status').getByText('proposed', { exact: true }).waitFor();
    const routes = await call(`/supply/decisions/${decisionId}/routes`);
    assert.ok(routes.routes.length > 0, 'the plan uses vehicles');
    assert.equal(routes.date, demoDay);

    // The figures, the map (one line per vehicle used) and the schedules (one row per vehicle).
    const vehicles = Number((await page.getByTestId('figure-vehicles').textContent())?.match(/\d+/)?.[0]);
    assert.equal(vehicles, routes.routes.length, 'vehicles used');
    await page.getByTestId('route-map-svg').waitFor();
    assert.equal(await page.getByTestId('route-line').count(), vehicles, 'one polyline per vehicle used');
    const stops = routes.routes.reduce((sum: number, r: { stops: unknown[] }) => sum + r.stops.length, 0);
    assert.equal(await page.getByTestId('route-stop').count(), stops, 'every stop plotted');
    assert.equal(
      await page.getByTestId('unserved-marker').count(),
      routes.unserved.filter((u: { latitude: number | null }) => u.latitude !== null).length,
    );
    await page.getByTestId('schedule-gantt-svg').waitFor();
    assert.equal(await page.getByTestId('gantt-row').count(), vehicles, 'one schedule row per vehicle');
    assert.equal(await page.getByTestId('gantt-service').count(), stops, 'a service bar per stop');
    assert.ok(
      (await page.getByTestId('gantt-window').count()) > 0,
      'delivery windows drawn behind the stops',
    );
    assert.equal(await page.getByTestId('route-row').count(), vehicles);
    const checks = page.getByTestId('constraint-check');
    assert.ok((await checks.count()) >= 8, 'every hard constraint listed');
    assert.equal(await page.locator('[data-testid="constraint-check"][data-status="fail"]').count(), 0);

    // Clicking an order on the map explains why it went to its vehicle. Stops can overlap at this
    // scale, so the click is dispatched on the chosen stop itself rather than at a screen point.
    const first = routes.routes[0];
    const orderId = first.stops[0].orderId as string;
    await page.locator(`[data-testid="route-stop"][data-order-id="${orderId}"]`).dispatchEvent('click');
    const why = page.getByTestId('order-why');
    await why.waitFor();
    await why.getByText(`Stop 1 of ${first.vehicleCode}.`, { exact: true }).waitFor();
    const explained = await call(`/supply/decisions/${decisionId}/explanation?orderId=${orderId}`);
    assert.equal(explained.routing.order.vehicleCode, first.vehicleCode);
    assert.match(
      (await page.getByTestId('order-stop').textContent()) ?? '',
      new RegExp(`${first.vehicleCode}, stop 1 of`),
    );
    await page.getByTestId('order-marginal').waitFor();
    await page.getByTestId('order-alternative').waitFor();
    if (explained.routing.order.bestAlternative)
      assert.ok(
        ((await page.getByTestId('order-alternative').textContent()) ?? '').includes(
          explained.routing.order.bestAlternative.vehicleCode,
        ),
        'the best alternative vehicle named',
      );
    await page.getByTestId('gantt-window-selected').first().waitFor();

    // Approve it with a note, then execute it: each stop becomes a vehicle assignment.
    await page.getByLabel('Note (optional to approve, needed to reject)').fill('Routes look right');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await status(page, 'approved').waitFor();
    await page.getByTestId('decision-status').getByText('approved', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Execute', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Execute', exact: true }).click();
    await status(page, 'executed').waitFor();
    const assigned = page.getByTestId('routing-assignments');
    await assigned.waitFor();
    assert.match((await assigned.textContent()) ?? '', new RegExp(`^${stops} vehicle assignments created`));
    const assignments = await call(
      `/supply/entities/vehicle-assignments?vehicleId=${first.vehicleId}&orderId=${orderId}&limit=10&offset=0`,
    );
    assert.equal(assignments.items.filter((a: { status: string }) => a.status === 'planned').length, 1);
  });

  test('the analyst re-optimises after a breakdown: started stops stay, the broken vehicle takes nothing new', async () => {
    assert.ok(decisionId, 'the decision executed above');
    const before = await call(`/supply/decisions/${decisionId}/routes`);
    const broken = before.routes[0];
    const asOf = Date.parse(`${before.date}T10:00:00Z`);
    const started = broken.stops.filter((s: { start: string }) => Date.parse(s.start) <= asOf);

    const page = await openAs(ANALYST, `/supply/decisions/${decisionId}`);
    await status(page, 'executed').waitFor();
    await page.getByRole('button', { name: 'Re-optimise after a change…' }).click();
    const form = page.getByRole('form', { name: 'Re-optimise' });
    await form.getByLabel('Vehicle broken down').selectOption({ label: broken.vehicleCode });
    await form.getByLabel('Stops started by (optional)').fill('10:00');
    await form.getByLabel('Time limit (s)').fill('2');
    await form.getByRole('button', { name: 'Re-optimise', exact: true }).click();
    await page.waitForURL(
      (url) => /\/supply\/decisions\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(decisionId),
    );
    const nextId = page.url().split('/').at(-1) ?? '';
    await status(page, 'proposed').waitFor({ timeout: LIVE_TIMEOUT });
    await page.getByRole('link', { name: 'the earlier plan' }).waitFor();

    const after = await call(`/supply/decisions/${nextId}/routes`);
    const kept = after.routes.find((r: { vehicleId: string }) => r.vehicleId === broken.vehicleId);
    if (started.length === 0) assert.equal(kept, undefined, 'the broken vehicle takes no stop');
    else {
      assert.ok(kept.closed, 'the broken vehicle is marked');
      assert.deepEqual(
        kept.stops.map((s: { orderId: string; fixed: boolean }) => [s.orderId, s.fixed]),
        started.map((s: { orderId: string }) => [s.orderId, true]),
        'only its started stops, in their order',
      );
      await page
        .locator(`[data-testid="route-row"][data-vehicle="${broken.vehicleCode}"]`)
        .getByText('broken down', { exact: true })
        .waitFor();
    }
    await page.getByTestId('route-map-svg').waitFor();
    assert.equal(await page.getByTestId('route-line').count(), after.routes.length);
    assert.equal(await page.locator('[data-testid="constraint-check"][data-status="fail"]').count(), 0);
  });
});
