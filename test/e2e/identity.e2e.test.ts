// End-to-end: signing in, the session, and the administration pages, on the real server in Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ensureSuperadmin, seedDemoTenant } from '../../src/modules/identity/index.ts';
import { type BrowserSuite, DEMO_PASSWORD, fillSignIn, signInAs, startBrowserSuite } from './helpers.ts';

const ROOT = { email: 'root@plantintel.local', password: 'root-pass-1' };
/** Low, so the rate-limit test needs few attempts; only operator@demo.local is used for it. */
const MAX_FAILURES_PER_EMAIL = 3;
const SESSION_KEY = 'plantintel.session';

interface StoredSession {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

describe('identity in the browser', () => {
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
    // biome-ignore lint/suspicious/noExplicitAny: the assertions below check the bodies' shape
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

  test('a protected page sends visitors to sign in, and back there afterwards', async () => {
    const page = await newTab();
    await page.goto(`${baseUrl}/admin/users`);
    await page.waitForURL(`${baseUrl}/login?next=%2Fadmin%2Fusers`);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sign in');

    await fillSignIn(page, 'admin@demo.local', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}/admin/users`);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Users');
    await page.getByTestId('member-viewer@demo.local').waitFor();
    await page.close();
  });

  test('a wrong password shows the error with its request ID', async () => {
    const page = await newTab();
    await page.goto(`${baseUrl}/login`);
    await fillSignIn(page, 'analyst@demo.local', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /Invalid email or password/);
    assert.match((await page.getByTestId('error-request-id').textContent()) ?? '', /\S+/);
    assert.equal(await page.getByRole('button', { name: 'Sign in' }).isEnabled(), true);
    assert.equal(await storedSession(page), null);
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.close();
  });

  test('repeated failures show when signing in may be tried again', async () => {
    const page = await newTab();
    await page.goto(`${baseUrl}/login`);
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_EMAIL; attempt++) {
      await fillSignIn(page, 'operator@demo.local', `wrong-${attempt}`);
      await page.getByText('Invalid email or password').waitFor();
      await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'visible' });
    }
    await fillSignIn(page, 'operator@demo.local', DEMO_PASSWORD);
    const retry = page.getByTestId('retry-after');
    await retry.waitFor();
    assert.match((await retry.textContent()) ?? '', /try again in (1[45]) minutes/);
    await page.close();
  });

  test('the admin sees the user menu with the organisation, and a reload keeps the session', async () => {
    const page = await newTab();
    await signIn(page, 'admin@demo.local');
    const menu = page.getByTestId('user-menu');
    assert.equal(await menu.getByTestId('user-name').textContent(), 'Dana Admin');
    assert.equal(await menu.getByTestId('user-organisation').textContent(), 'Demo Manufacturing');
    await menu.getByRole('button', { name: /Dana Admin/ }).click();
    assert.equal(await menu.getByTestId('user-role').textContent(), 'Admin');
    for (const entry of ['Users', 'API keys', 'Audit log']) {
      assert.equal(await nav(page).getByRole('link', { name: entry }).count(), 1, entry);
    }
    assert.equal(await nav(page).getByRole('link', { name: 'Customers' }).count(), 0);

    await page.reload();
    await page.getByTestId('user-organisation').waitFor();
    assert.equal(await page.getByTestId('user-organisation').textContent(), 'Demo Manufacturing');
    await page.close();
  });

  test('the admin invites a member, who accepts and is signed in', async () => {
    const page = await newTab();
    await signIn(page, 'admin@demo.local');
    await nav(page).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Add member' }).click();
    const form = page.getByRole('region', { name: 'Add member' });
    await form.getByLabel('Name').fill('Ina Inspector');
    await form.getByLabel('Email').fill('ina@demo.local');
    await form.getByLabel('Role').selectOption('operator');
    await form.getByRole('button', { name: 'Add member' }).click();

    const link = await page.getByTestId('invitation-link').inputValue();
    assert.match(link, new RegExp(`^${baseUrl}/accept-invitation\\?token=.+`));
    const row = page.getByTestId('member-ina@demo.local');
    await row.waitFor();
    assert.equal(await row.getByRole('combobox').inputValue(), 'operator');
    assert.match((await row.textContent()) ?? '', /invited/);

    const token = await accessTokenOf('admin@demo.local');
    const stored = await call('/api/v1/users?search=ina%40demo.local', { token });
    assert.equal(stored.body.total, 1);
    assert.equal(stored.body.items[0].role, 'operator');
    assert.equal(stored.body.items[0].passwordSet, false);

    const invitee = await newTab();
    await invitee.goto(link);
    await invitee.getByLabel('New password').fill('ina-pass-1');
    await invitee.getByLabel('Repeat the password').fill('ina-pass-1');
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
    await invitee.waitForURL(`${baseUrl}/`);
    await invitee.getByTestId('user-organisation').waitFor();
    assert.equal(await invitee.getByTestId('user-name').textContent(), 'Ina Inspector');
    assert.equal(await invitee.getByTestId('user-organisation').textContent(), 'Demo Manufacturing');
    await accessTokenOf('ina@demo.local', 'ina-pass-1');
    await invitee.close();
    await page.close();
  });

  test('the admin adds a member with a password, changes the role, deactivates them', async () => {
    const page = await newTab();
    await signIn(page, 'admin@demo.local');
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByRole('button', { name: 'Add member' }).click();
    const form = page.getByRole('region', { name: 'Add member' });
    await form.getByLabel('Name').fill('Pat Planner');
    await form.getByLabel('Email').fill('pat@demo.local');
    await form.getByLabel('Set a password now').check();
    await form.getByLabel('Password', { exact: true }).fill('pat-pass-12');
    await form.getByRole('button', { name: 'Add member' }).click();
    await page.getByText('Pat Planner (pat@demo.local) was added as viewer.').waitFor();

    const row = page.getByTestId('member-pat@demo.local');
    await row.getByRole('combobox', { name: 'Role of Pat Planner' }).selectOption('analyst');
    const token = await accessTokenOf('admin@demo.local');
    const roleOf = async () => (await call('/api/v1/users?search=pat%40demo.local', { token })).body.items[0];
    await waitUntil(async () => (await roleOf()).role === 'analyst');

    await row.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await row.getByRole('button', { name: 'Reactivate' }).waitFor();
    assert.equal((await roleOf()).status, 'inactive');
    const refused = await call('/api/v1/auth/login', {
      method: 'POST',
      body: { email: 'pat@demo.local', password: 'pat-pass-12' },
    });
    assert.notEqual(refused.status, 200);

    // The last admin cannot demote themselves: the server's reason is shown.
    await page
      .getByTestId('member-admin@demo.local')
      .getByRole('combobox', { name: 'Role of Dana Admin' })
      .selectOption('viewer');
    await page.getByText('This is the last active admin of the organisation').waitFor();
    assert.equal(
      await page.getByTestId('member-admin@demo.local').getByRole('combobox').inputValue(),
      'admin',
    );
    await page.close();
  });

  test('an API key is shown once, works, and stops working when revoked', async () => {
    const page = await newTab();
    await signIn(page, 'admin@demo.local');
    await nav(page).getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'Create API key' }).click();
    await page.getByLabel('Name').fill('Historian export');
    assert.equal(await page.getByRole('checkbox', { name: /read/ }).isChecked(), true);
    await page.getByRole('button', { name: 'Create key' }).click();

    const key = await page.getByTestId('new-api-key').inputValue();
    assert.match(key, /\S{20,}/);
    assert.match((await page.getByRole('note').textContent()) ?? '', /Shown once/);
    const me = await call('/api/v1/auth/me', { apiKey: key });
    assert.equal(me.status, 200);
    assert.equal(me.body.principal, 'apiKey');
    assert.deepEqual(me.body.scopes, ['read']);

    const row = page.getByTestId('api-key-Historian export');
    await row.waitFor();
    assert.ok(key.startsWith(((await row.locator('code').first().textContent()) ?? '').replace('…', '')));
    await page.getByRole('button', { name: 'Done, I have saved it' }).click();
    assert.equal(await page.getByTestId('new-api-key').count(), 0);
    await page.reload();
    await row.waitFor();
    assert.equal((await page.content()).includes(key), false, 'the key must not be shown again');

    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await row.waitFor({ state: 'detached' });
    assert.equal((await call('/api/v1/auth/me', { apiKey: key })).status, 401);
    await page.close();
  });

  test('signing out returns to the sign-in page and ends the session on the server', async () => {
    const page = await newTab();
    await signIn(page, 'admin@demo.local');
    await page.goto(`${baseUrl}/admin/audit-log`);
    await page.getByRole('cell', { name: 'auth.login' }).first().waitFor();
    const session = await storedSession(page);
    assert.ok(session);

    await page
      .getByTestId('user-menu')
      .getByRole('button', { name: /Dana Admin/ })
      .click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseUrl}/login`);
    await page.getByText('You have signed out.').waitFor();
    assert.equal(await storedSession(page), null);
    const refresh = await call('/api/v1/auth/refresh', {
      method: 'POST',
      body: { refreshToken: session.refreshToken },
    });
    assert.equal(refresh.status, 401);

    await page.goto(`${baseUrl}/plant`);
    await page.waitForURL(`${baseUrl}/login?next=%2Fplant`);
    await page.close();
  });

  test('a viewer sees neither Users nor Audit log, and keys offer only their scopes', async () => {
    const page = await newTab();
    await signIn(page, 'viewer@demo.local');
    await nav(page).getByRole('link', { name: 'API keys' }).waitFor();
    for (const hidden of ['Users', 'Audit log', 'Customers']) {
      assert.equal(await nav(page).getByRole('link', { name: hidden }).count(), 0, hidden);
    }
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByTestId('not-allowed').waitFor();

    await page.goto(`${baseUrl}/admin/api-keys`);
    await page.getByRole('button', { name: 'Create API key' }).click();
    const offered = await page.getByRole('group', { name: 'Scopes' }).getByRole('checkbox').all();
    assert.deepEqual(await Promise.all(offered.map((box) => box.getAttribute('value'))), ['read']);
    await page.close();
  });

  test('the superadmin creates a customer, finds it in the list and adds a facility', async () => {
    const page = await newTab();
    await signIn(page, ROOT.email, ROOT.password);
    assert.equal(await page.getByTestId('user-organisation').textContent(), 'Platform administration');
    await nav(page).getByRole('link', { name: 'Customers' }).click();
    await page.getByTestId('customer-Demo Manufacturing').waitFor();

    await page.getByRole('button', { name: 'New customer' }).click();
    const form = page.getByRole('region', { name: 'New customer' });
    await form.getByLabel('Name').fill('Acme Foundry');
    await form.getByLabel('Email').fill('ops@acme.example');
    await form.getByLabel('Contact person').fill('Ada Foundry');
    await form.getByLabel('Plan').selectOption('subscription');
    await form.getByRole('button', { name: 'Create customer' }).click();
    const row = page.getByTestId('customer-Acme Foundry');
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /ops@acme\.example.*Ada Foundry.*subscription.*trial/);

    const token = await accessTokenOf(ROOT.email, ROOT.password);
    const stored = await call('/api/v1/admin/customers?search=Acme', { token });
    assert.equal(stored.body.total, 1);
    assert.equal(stored.body.items[0].plan, 'subscription');

    await page.getByLabel('Search').fill('Acme');
    await page.getByTestId('customer-Demo Manufacturing').waitFor({ state: 'detached' });
    await row.getByRole('link', { name: 'Acme Foundry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acme Foundry' }).waitFor();
    const facility = page.getByRole('form', { name: 'Add facility' });
    await facility.getByLabel('Code').fill('ACME-1');
    await facility.getByLabel('Name').fill('Foundry one');
    await facility.getByLabel('Time zone').fill('Europe/Berlin');
    await facility.getByRole('button', { name: 'Add facility' }).click();
    await page.getByTestId('facility-ACME-1').waitFor();

    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate customer' }).click();
    await page.getByTestId('customer-status').getByText('inactive').waitFor();
    const detail = await call(`/api/v1/admin/customers/${stored.body.items[0].id}`, { token });
    assert.equal(detail.body.customer.status, 'inactive');
    assert.deepEqual(
      detail.body.facilities.map((f: { code: string; timezone: string }) => [f.code, f.timezone]),
      [['ACME-1', 'Europe/Berlin']],
    );
    await page.close();
  });

  test('concurrent requests with an expiring token share one refresh', async () => {
    const page = await newTab();
    await signIn(page, 'admin@demo.local');
    const before = await storedSession(page);
    assert.ok(before);
    // Make the access token look about to expire: every request of the next load wants a refresh.
    await page.evaluate(
      ([key, session]) => sessionStorage.setItem(key, JSON.stringify({ ...session, expiresAt: Date.now() })),
      [SESSION_KEY, before] as const,
    );
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/auth/refresh')) refreshes.push(request.url());
    });
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByTestId('member-admin@demo.local').waitFor();
    assert.equal(refreshes.length, 1);
    const after = await storedSession(page);
    assert.ok(after);
    assert.notEqual(after.refreshToken, before.refreshToken);

    // A refused access token (401) is renewed once and the request repeated.
    await page.evaluate(
      ([key, session]) =>
        sessionStorage.setItem(key, JSON.stringify({ ...session, accessToken: 'not-a-token' })),
      [SESSION_KEY, after] as const,
    );
    await page.reload();
    await page.getByTestId('member-admin@demo.local').waitFor();
    assert.equal(refreshes.length, 2);
    const latest = await storedSession(page);
    assert.ok(latest);
    // The rotated token is the live one: the sign-in was not ended by a reused refresh token.
    const rotated = await call('/api/v1/auth/refresh', {
      method: 'POST',
      body: { refreshToken: latest.refreshToken },
    });
    assert.equal(rotated.status, 200);
    await page.close();
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
