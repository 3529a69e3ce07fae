// What the identity browser tests share: the server with the demo organisation and a superadmin, the
// API called as a script would, the session the app keeps, and the steps of accepting an invitation.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { ensureSuperadmin, seedDemoTenant } from '../../src/modules/identity/index.ts';
import { type BrowserSuite, DEMO_PASSWORD, signInAs, startBrowserSuite } from './helpers.ts';

export const ROOT = { email: 'root@plantintel.local', password: 'root-pass-1' };
/** Low, so the rate-limit test needs few attempts; only operator@demo.local is used for it. */
export const MAX_FAILURES_PER_EMAIL = 3;
export const SESSION_KEY = 'plantintel.session';
/** The second organisation, whose admin invites people who already have an account. */
export const BETA = 'Beta Plastics';

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

/**
 * Starts a server of its own for the calling `describe` (in its `before`, closed in its `after`, which
 * also fails on uncaught page errors) and returns the helpers bound to it. Call it at the top of the
 * `describe`: the helpers work from the first test on, `baseUrl` and `suite` once the `before` has run.
 */
export function identityFixtures() {
  let suite: BrowserSuite;
  let baseUrl: string;

  before(async () => {
    suite = await startBrowserSuite(
      async (t) => {
        await seedDemoTenant(t.database.db, { password: DEMO_PASSWORD }, () => {});
        await ensureSuperadmin(t.database.db, ROOT, () => {});
      },
      { env: { LOGIN_MAX_FAILURES_PER_EMAIL: String(MAX_FAILURES_PER_EMAIL) } },
    );
    ({ baseUrl } = suite);
  });

  after(async () => {
    await suite?.close();
    assert.deepEqual(suite?.pageErrors ?? [], [], 'uncaught errors in the page');
  });

  const newTab = () => suite.newTab();

  const signIn = (page: Page, email: string, password = DEMO_PASSWORD) =>
    signInAs(page, baseUrl, email, password);

  async function call(
    path: string,
    init: { method?: string; token?: string; apiKey?: string; body?: unknown } = {},
    // biome-ignore lint/suspicious/noExplicitAny: the tests' assertions check the bodies' shape
  ): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.apiKey) headers['x-api-key'] = init.apiKey;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async function accessTokenOf(email: string, password = DEMO_PASSWORD): Promise<string> {
    const login = await call('/api/v1/auth/login', { method: 'POST', body: { email, password } });
    assert.equal(login.status, 200, `sign-in of ${email}`);
    return login.body.accessToken;
  }

  const storedSession = (page: Page) =>
    page.evaluate((key) => {
      const raw = sessionStorage.getItem(key);
      return raw ? (JSON.parse(raw) as StoredSession) : null;
    }, SESSION_KEY);

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });

  const invitationUrl = (token: string) => `${baseUrl}/accept-invitation?token=${encodeURIComponent(token)}`;

  /** A second customer, Beta, made through the API with an active administrator (once per server). */
  let beta: Promise<{ admin: { email: string; password: string }; adminToken: string }> | undefined;
  function secondOrganisation() {
    beta ??= (async () => {
      const root = await accessTokenOf(ROOT.email, ROOT.password);
      const customer = await call('/api/v1/admin/customers', {
        method: 'POST',
        token: root,
        body: { name: BETA, email: 'office@beta.example' },
      });
      assert.equal(customer.status, 201, 'Beta created');
      const admin = { email: 'bea@beta.example', password: 'bea-pass-12' };
      const added = await call(`/api/v1/admin/customers/${customer.body.id}/users`, {
        method: 'POST',
        token: root,
        body: { email: admin.email, name: 'Bea Boss', password: admin.password },
      });
      assert.equal(added.status, 201, 'Beta admin added');
      assert.equal(added.body.user.status, 'active');
      assert.equal(added.body.user.role, 'admin');
      assert.equal(added.body.invitation, null);
      return { admin, adminToken: await accessTokenOf(admin.email, admin.password) };
    })();
    return beta;
  }

  /** Opens an invitation link and chooses a password, as a person new to PlantIntel does. */
  async function acceptAsNewPerson(page: Page, link: string, password: string, { waitForHome = true } = {}) {
    await page.goto(link);
    await page.getByLabel('New password').fill(password);
    await page.getByLabel('Repeat the password').fill(password);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    if (waitForHome) await page.waitForURL(`${baseUrl}/`);
  }

  /** The role the user menu shows (it opens the menu, then closes it again). */
  async function roleInMenu(page: Page, name: string): Promise<string | null> {
    const menu = page.getByTestId('user-menu');
    const button = menu.getByRole('button', { name: new RegExp(name) });
    await button.click();
    const role = await menu.getByTestId('user-role').textContent();
    await button.click();
    return role;
  }

  return {
    get suite() {
      return suite;
    },
    get baseUrl() {
      return baseUrl;
    },
    newTab,
    signIn,
    call,
    accessTokenOf,
    storedSession,
    nav,
    invitationUrl,
    secondOrganisation,
    acceptAsNewPerson,
    roleInMenu,
  };
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
