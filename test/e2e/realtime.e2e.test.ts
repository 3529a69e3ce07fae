// End-to-end: background jobs on the status page, their progress pushed live over /ws, in Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoTenant } from '../../src/modules/identity/index.ts';
import type { TestApp } from '../../src/platform/http/testing.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

/** A JobUpdated event as the page received it on one of its WebSockets. */
interface PushedUpdate {
  socket: number;
  jobId: string;
  status: string;
  progress: number;
}

/** What the page's WebSockets carried: their addresses and the job updates pushed on them. */
interface SocketLog {
  urls: string[];
  updates: PushedUpdate[];
}

/** The little of the DOM the page-side helpers use (the tests compile without the DOM library). */
interface PageGlobals {
  document: {
    querySelector(
      selector: string,
    ): { getAttribute(name: string): string | null; textContent: string | null } | null;
  };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void };
  __seen: Record<string, string[]>;
}

/**
 * Runs in the page from its first script on and records every distinct value the watched elements
 * show (`attribute`, or the text when null): a value shown between two polls of the test is not lost.
 */
function watchValues(watched: Record<string, { selector: string; attribute: string | null }>) {
  const page = globalThis as unknown as PageGlobals;
  const seen: Record<string, string[]> = {};
  page.__seen = seen;
  const record = () => {
    for (const [name, { selector, attribute }] of Object.entries(watched)) {
      const element = page.document.querySelector(selector);
      if (!element) continue;
      const value = attribute ? element.getAttribute(attribute) : element.textContent;
      const values = seen[name] ?? [];
      seen[name] = values;
      if (value !== null && values.at(-1) !== value) values.push(value);
    }
  };
  new page.MutationObserver(record).observe(page.document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}

const seenValues = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).__seen);

const intermediate = (values: number[]) => [...new Set(values.filter((v) => v > 0 && v < 100))];

describe('live background jobs in the browser', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let t: TestApp;
  let baseUrl: string;

  before(async () => {
    suite = await startBrowserSuite((app) =>
      seedDemoTenant(app.database.db, { password: DEMO_PASSWORD }, () => {}),
    );
    ({ t, baseUrl } = suite);
  });

  after(async () => {
    await suite?.close();
    assert.deepEqual(suite?.pageErrors ?? [], [], 'uncaught errors in the page');
  });

  async function newTab(): Promise<{ page: Page; sockets: SocketLog }> {
    const page = await suite.newTab();
    const sockets: SocketLog = { urls: [], updates: [] };
    page.on('websocket', (ws) => {
      const socket = sockets.urls.push(ws.url()) - 1;
      ws.on('framereceived', ({ payload }) => {
        const message = JSON.parse(String(payload));
        if (message.type !== 'event' || message.event?.type !== 'JobUpdated') return;
        const { jobId, status, progress } = message.event.data;
        sockets.updates.push({ socket, jobId, status, progress });
      });
    });
    return { page, sockets };
  }

  const signIn = (page: Page, email: string) => signInAs(page, baseUrl, email, DEMO_PASSWORD);

  // biome-ignore lint/suspicious/noExplicitAny: the assertions below check the bodies' shape
  async function call(path: string, init: { token?: string; body?: unknown } = {}): Promise<any> {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    assert.ok(response.ok, `${path}: HTTP ${response.status}`);
    return response.json();
  }

  const accessTokenOf = async (email: string) =>
    (await call('/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } })).accessToken as string;

  test('an admin runs the self-check and watches its progress arrive live', async () => {
    const { page, sockets } = await newTab();
    await page.addInitScript(watchValues, {
      progress: { selector: '[data-testid="self-check-progress"]', attribute: 'aria-valuenow' },
      status: { selector: '[data-testid="self-check-status"]', attribute: null },
      connection: { selector: '[data-testid="realtime-state"]', attribute: 'data-status' },
    });
    await signIn(page, 'admin@demo.local');
    const card = page.getByTestId('background-jobs');
    await card.getByRole('heading', { name: 'Background jobs' }).waitFor();

    const [started] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/jobs/diagnostics') && r.status() === 202),
      card.getByRole('button', { name: 'Run self-check' }).click(),
    ]);
    const jobId: string = (await started.json()).id;
    await card.getByTestId('self-check-result').waitFor({ timeout: 30_000 });

    assert.equal(await card.getByTestId('self-check-status').textContent(), 'completed');
    assert.match((await card.getByTestId('self-check-median').textContent()) ?? '', /^\d+(\.\d+)? ms$/);
    assert.match((await card.getByTestId('self-check-max').textContent()) ?? '', /^\d+(\.\d+)? ms$/);
    assert.equal(await card.getByRole('button', { name: 'Run self-check' }).isEnabled(), true);

    const seen = await seenValues(page);
    const shown = (seen.progress ?? []).map(Number);
    // Several values between 0 and 100 on screen: one reload after subscribing could show one at most.
    assert.ok(intermediate(shown).length >= 2, `progress shown: ${shown.join(', ')}`);
    assert.deepEqual(
      shown,
      [...shown].sort((a, b) => a - b),
      'progress only moves forward',
    );
    assert.ok(seen.status?.includes('running'), `statuses shown: ${seen.status?.join(', ')}`);
    assert.equal(seen.status?.at(-1), 'completed');
    assert.ok(seen.connection?.includes('open'), `connection states: ${seen.connection?.join(', ')}`);

    // The values came over the WebSocket, which was authenticated by message, not by URL.
    const pushed = sockets.updates.filter((u) => u.jobId === jobId);
    assert.ok(intermediate(pushed.map((u) => u.progress)).length >= 2, JSON.stringify(pushed));
    assert.equal(pushed.at(-1)?.status, 'completed');
    assert.ok(sockets.urls.length >= 1);
    for (const url of sockets.urls) assert.doesNotMatch(url, /token=/);

    // The server agrees.
    const job = await call(`/api/v1/jobs/${jobId}`, { token: await accessTokenOf('admin@demo.local') });
    assert.equal(job.status, 'completed');
    assert.equal(job.progress, 100);
    assert.equal(job.result.rounds, 40);
    assert.ok(job.result.medianMs <= job.result.maxMs);
    const tenantId = (await call('/api/v1/auth/me', { token: await accessTokenOf('admin@demo.local') }))
      .tenant.id;
    assert.equal((await t.runtime.jobs.get(tenantId, jobId))?.status, 'completed');

    // The recent list shows it finished too.
    const row = card.getByTestId(`job-${jobId}`);
    await row.getByText('completed').waitFor();
    await page.close();
  });

  test('a viewer sees recent jobs live, without the self-check, also across a lost connection', async () => {
    const adminToken = await accessTokenOf('admin@demo.local');
    const job = await call('/api/v1/jobs/diagnostics', { token: adminToken, body: { rounds: 200 } });
    const progressOfRow = `[data-testid="job-${job.id}"] [role="progressbar"]`;

    const { page, sockets } = await newTab();
    await page.addInitScript(watchValues, {
      progress: { selector: progressOfRow, attribute: 'aria-valuenow' },
      connection: { selector: '[data-testid="realtime-state"]', attribute: 'data-status' },
    });
    await signIn(page, 'viewer@demo.local');
    const card = page.getByTestId('background-jobs');
    const row = card.getByTestId(`job-${job.id}`);
    await row.waitFor();
    assert.equal(await page.getByRole('button', { name: 'Run self-check' }).count(), 0);
    assert.equal(await card.getByTestId('self-check-run').count(), 0);

    // Live before the connection is lost …
    await page.waitForFunction(
      (selector) => {
        const { document } = globalThis as unknown as PageGlobals;
        const value = Number(document.querySelector(selector)?.getAttribute('aria-valuenow'));
        return value > 0 && value < 100;
      },
      progressOfRow,
      { timeout: 15_000 },
    );
    // Drop the connection only once it is open: dropped while still connecting, there would be no
    // "open → closed → open" to see.
    await page.locator('[data-testid="realtime-state"][data-status="open"]').waitFor({ timeout: 15_000 });
    const statesBefore = ((await seenValues(page)).connection ?? []).length;
    const socketsBefore = sockets.urls.length;
    t.runtime.realtime.dropConnections();

    // … and after: the client reconnects, subscribes again and the row finishes without a reload.
    await row.getByText('completed').waitFor({ timeout: 30_000 });
    assert.ok(sockets.urls.length > socketsBefore, 'the page opened a new WebSocket');
    const afterReconnect = sockets.updates.filter((u) => u.jobId === job.id && u.socket >= socketsBefore);
    assert.ok(
      intermediate(afterReconnect.map((u) => u.progress)).length >= 1,
      JSON.stringify(afterReconnect),
    );
    const seen = await seenValues(page);
    const states = seen.connection ?? [];
    const lost = states.indexOf('closed', statesBefore - 1);
    assert.ok(
      states[statesBefore - 1] === 'open' && lost >= statesBefore && states.indexOf('open', lost) > lost,
      `connection states: ${states.join(', ')} (open when dropped: ${states[statesBefore - 1]})`,
    );
    const shown = (seen.progress ?? []).map(Number);
    assert.ok(intermediate(shown).length >= 2, `progress shown: ${shown.join(', ')}`);

    const stored = await call(`/api/v1/jobs/${job.id}`, { token: adminToken });
    assert.equal(stored.status, 'completed');
    await page.close();
  });

  test('signed-out visitors see the status page without jobs and open no WebSocket', async () => {
    const { page, sockets } = await newTab();
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('ready-status').waitFor();
    assert.equal(await page.getByTestId('background-jobs').count(), 0);
    assert.deepEqual(sockets.urls, []);
    await page.close();
  });
});
