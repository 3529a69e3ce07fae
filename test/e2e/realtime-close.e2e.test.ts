// End-to-end: what the dashboard's live connection does when the server ends it — 4403 (read access
// lost) and 4401 (credential ended) — in Chromium. The real server serves the app and the API; /ws is
// answered by the test, so each close comes exactly when the test wants it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoTenant } from '../../src/modules/identity/index.ts';
import { type BrowserSuite, browserPhase, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

const FORBIDDEN_CLOSE = 4403;
const UNAUTHORIZED_CLOSE = 4401;
/** The page that listens live (one topic per production line of the demo). */
const LIVE_PAGE = '/plant';

/** The little of the page the init script touches (the tests compile without the DOM library). */
interface SocketGlobals {
  WebSocket: new (url: string, protocols?: string | string[]) => object;
  performance: { now(): number };
  /** When each WebSocket was opened, on the page's clock (ms). */
  __sockets: number[];
}

/**
 * Runs in the page before its scripts: notes when every WebSocket is created. Add it after
 * `routeWebSocket`, whose own stand-in for WebSocket would otherwise replace this one.
 */
function recordSockets() {
  const page = globalThis as unknown as SocketGlobals;
  const Native = page.WebSocket;
  page.__sockets = [];
  page.WebSocket = class extends Native {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      page.__sockets.push(page.performance.now());
    }
  };
}

const socketsOpened = (page: Page) => page.evaluate(() => (globalThis as unknown as SocketGlobals).__sockets);

/**
 * Stands in for /ws: accepts every `auth` message (`ready`) and closes the connection at once with
 * `code`. `connections(n)` resolves once n connections have been made.
 */
async function closingServer(page: Page, code: number) {
  let count = 0;
  const waiting: { count: number; resolve: () => void }[] = [];
  await page.routeWebSocket(
    (url) => url.pathname === '/ws',
    (ws) => {
      count += 1;
      for (const waiter of waiting) if (count >= waiter.count) waiter.resolve();
      ws.onMessage((message) => {
        if (JSON.parse(String(message)).type !== 'auth') return;
        ws.send(JSON.stringify({ type: 'ready', tenantId: null, principal: 'user' }));
        ws.close({ code, reason: 'closed by the test' });
      });
    },
  );
  return {
    connections: (wanted: number, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        if (count >= wanted) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`${count} of ${wanted} connections in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiting.push({
          count: wanted,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
  };
}

describe('the live connection when the server ends it', { skip: browserPhase }, () => {
  let suite: BrowserSuite;
  let baseUrl: string;

  before(async () => {
    suite = await startBrowserSuite((t) =>
      seedDemoTenant(t.database.db, { password: DEMO_PASSWORD }, () => {}),
    );
    ({ baseUrl } = suite);
    await addLine();
  });

  /** One production line, so the plant overview has a topic to listen to. */
  async function addLine() {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const login = await post('/api/v1/auth/login', { email: 'admin@demo.local', password: DEMO_PASSWORD });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = await fetch(`${baseUrl}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const { facilities } = (await me.json()) as { facilities: { id: string }[] };
    const line = await post(
      '/api/v1/plant-ops/lines',
      { facilityId: facilities[0]?.id, code: 'L1', name: 'Line one' },
      accessToken,
    );
    assert.equal(line.status, 201, 'line created');
  }

  after(async () => {
    await suite?.close();
    assert.deepEqual(suite?.pageErrors ?? [], [], 'uncaught errors in the page');
  });

  test('after 4403 (read access lost) it reconnects ever more slowly, not in a tight loop', async () => {
    const page = await suite.newTab();
    const server = await closingServer(page, FORBIDDEN_CLOSE);
    await page.addInitScript(recordSockets);
    await signInAs(page, baseUrl, 'viewer@demo.local', DEMO_PASSWORD, LIVE_PAGE);
    await server.connections(5);

    const opened = await socketsOpened(page);
    const gaps = opened.slice(1).map((at, i) => at - (opened[i] ?? at));
    // Backoff 0.5 s, 1 s, 2 s, 4 s with equal jitter: each wait is at least half its ceiling. A
    // connection the server accepted (`ready`) must not start the backoff over.
    assert.ok((gaps[2] ?? 0) >= 1_000, `third wait ${gaps[2]} ms`);
    assert.ok((gaps[3] ?? 0) >= 2_000, `fourth wait ${gaps[3]} ms`);
    await page.close();
  });

  test('after 4401 whose renewal fails, signing out leaves the connection closed', async () => {
    const page = await suite.newTab();
    // Fake timers (time still flows) so the test can later jump past every reconnect delay.
    await page.clock.install();
    const server = await closingServer(page, UNAUTHORIZED_CLOSE);
    await page.addInitScript(recordSockets);
    let refreshes = 0;
    await page.route(
      (url) => url.pathname === '/api/v1/auth/refresh',
      (route) => {
        refreshes += 1;
        return route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: 'Refresh is down for this test' } }),
        });
      },
    );
    await signInAs(page, baseUrl, 'admin@demo.local', DEMO_PASSWORD, LIVE_PAGE);
    // It keeps trying after the failed renewal (the server may have been out of reach)…
    await server.connections(2);
    assert.ok(refreshes >= 1, 'the refused token was renewed first');

    await page
      .getByTestId('user-menu')
      .getByRole('button', { name: /Dana Admin/ })
      .click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseUrl}/login`);
    const atSignOut = (await socketsOpened(page)).length;
    assert.ok(atSignOut >= 2, `${atSignOut} connections noted in the page`);

    // …but not once signed out: past the longest backoff (15 s), no connection was opened again.
    await page.clock.runFor(60_000);
    assert.equal((await socketsOpened(page)).length, atSignOut);
    await page.close();
  });
});
