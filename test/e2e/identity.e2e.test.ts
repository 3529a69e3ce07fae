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
/** The second organisation, whose admin invites people who already have an account. */
const BETA = 'Beta Plastics';

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

  const invitationUrl = (token: string) => `${baseUrl}/accept-invitation?token=${encodeURIComponent(token)}`;

  /** A second customer, Beta, made through the API with an active administrator (once per run). */
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
    assert.match((await page.getByTestId('invitation-how').textContent()) ?? '', /account they already have/);
    const row = page.getByTestId('member-ina@demo.local');
    await row.waitFor();
    assert.equal(await row.getByRole('combobox').inputValue(), 'operator');
    assert.equal(await row.getByTestId('member-status').textContent(), 'Invitation pending');

    const token = await accessTokenOf('admin@demo.local');
    const stored = await call('/api/v1/users?search=ina%40demo.local', { token });
    assert.equal(stored.body.total, 1);
    assert.equal(stored.body.items[0].role, 'operator');
    assert.equal(stored.body.items[0].status, 'invited');
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

  test('the admin invites a member who chooses a password, then changes their role and deactivates them', async () => {
    const page = await newTab();
    await signIn(page, 'admin@demo.local');
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByRole('button', { name: 'Add member' }).click();
    const form = page.getByRole('region', { name: 'Add member' });
    assert.equal(await form.getByLabel('Password').count(), 0, 'an admin never sets a password');
    await form.getByLabel('Name').fill('Pat Planner');
    await form.getByLabel('Email').fill('pat@demo.local');
    await form.getByRole('button', { name: 'Add member' }).click();
    const link = await page.getByTestId('invitation-link').inputValue();

    const pat = await newTab();
    await acceptAsNewPerson(pat, link, 'pat-pass-12');
    await pat.getByTestId('user-organisation').waitFor();
    assert.equal(await pat.getByTestId('user-name').textContent(), 'Pat Planner');
    assert.equal(await roleInMenu(pat, 'Pat Planner'), 'Viewer');

    const row = page.getByTestId('member-pat@demo.local');
    await row.getByRole('combobox', { name: 'Role of Pat Planner' }).selectOption('analyst');
    const token = await accessTokenOf('admin@demo.local');
    const memberNow = async () =>
      (await call('/api/v1/users?search=pat%40demo.local', { token })).body.items[0];
    await waitUntil(async () => (await memberNow()).role === 'analyst');
    assert.equal((await memberNow()).status, 'active');

    // A role change applies to Pat's next request: still signed in, now as analyst.
    await pat.reload();
    await pat.getByTestId('user-organisation').waitFor();
    assert.equal(await roleInMenu(pat, 'Pat Planner'), 'Analyst');
    await pat.close();

    await row.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await row.getByRole('button', { name: 'Reactivate' }).waitFor();
    assert.equal((await memberNow()).status, 'inactive');
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

  test('an invited member shows "Invitation pending"; a new link replaces the old one', async () => {
    const page = await newTab();
    await signIn(page, 'admin@demo.local');
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByRole('button', { name: 'Add member' }).click();
    const form = page.getByRole('region', { name: 'Add member' });
    await form.getByLabel('Name').fill('Nico Newlink');
    await form.getByLabel('Email').fill('nico@demo.local');
    await form.getByLabel('Role').selectOption('operator');
    await form.getByRole('button', { name: 'Add member' }).click();
    const first = await page.getByTestId('invitation-link').inputValue();
    await page.getByRole('button', { name: 'Done, I have saved it' }).click();
    await page.getByTestId('invitation-link').waitFor({ state: 'detached' });

    await page.getByLabel('Status', { exact: true }).selectOption('invited');
    await page.getByTestId('member-admin@demo.local').waitFor({ state: 'detached' });
    const row = page.getByTestId('member-nico@demo.local');
    assert.equal(await row.getByTestId('member-status').textContent(), 'Invitation pending');
    for (const absent of ['Deactivate', 'Reactivate']) {
      assert.equal(await row.getByRole('button', { name: absent }).count(), 0, absent);
    }

    await row.getByRole('button', { name: 'New link' }).click();
    await page.getByRole('region', { name: 'New invitation link for Nico Newlink' }).waitFor();
    const second = await page.getByTestId('invitation-link').inputValue();
    assert.match(second, new RegExp(`^${baseUrl}/accept-invitation\\?token=.+`));
    assert.notEqual(second, first);

    const nico = await newTab();
    await acceptAsNewPerson(nico, first, 'nico-pass-1', { waitForHome: false });
    await nico.getByText('Could not accept the invitation').waitFor();
    assert.equal(new URL(nico.url()).pathname, '/accept-invitation');
    assert.equal(await storedSession(nico), null);

    await acceptAsNewPerson(nico, second, 'nico-pass-1');
    await nico.getByTestId('user-organisation').waitFor();
    assert.equal(await nico.getByTestId('user-name').textContent(), 'Nico Newlink');
    assert.equal(await roleInMenu(nico, 'Nico Newlink'), 'Operator');
    await nico.close();
    await page.close();
  });

  test('cancelling an invitation makes its link stop working; a new link invites again', async () => {
    const token = await accessTokenOf('admin@demo.local');
    const invited = await call('/api/v1/users', {
      method: 'POST',
      token,
      body: { email: 'cora@demo.local', name: 'Cora Cancelled', role: 'viewer' },
    });
    assert.equal(invited.status, 201);

    const page = await newTab();
    await signIn(page, 'admin@demo.local');
    await page.goto(`${baseUrl}/admin/users`);
    const row = page.getByTestId('member-cora@demo.local');
    await row.getByRole('button', { name: 'Cancel invitation' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel invitation' }).click();
    await row.getByTestId('member-status').getByText('inactive').waitFor();
    const withdrawn = await call('/api/v1/auth/accept-invitation', {
      method: 'POST',
      body: { token: invited.body.invitation.token, password: 'cora-pass-1' },
    });
    assert.equal(withdrawn.status, 400);

    // Reactivating waits for Cora to accept; a new link invites her again.
    await row.getByRole('button', { name: 'Reactivate' }).click();
    await page.getByText('This person has not accepted the invitation').waitFor();
    await row.getByRole('button', { name: 'New link' }).click();
    await page.getByRole('region', { name: 'New invitation link for Cora Cancelled' }).waitFor();
    await row.getByTestId('member-status').getByText('Invitation pending').waitFor();
    const link = new URL(await page.getByTestId('invitation-link').inputValue());
    const accepted = await call('/api/v1/auth/accept-invitation', {
      method: 'POST',
      body: { token: link.searchParams.get('token'), password: 'cora-pass-1' },
    });
    assert.equal(accepted.status, 200);
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

  test('an existing account opens an invitation of another organisation, signs in on the page and lands there', async () => {
    const beta = await secondOrganisation();
    const invited = await call('/api/v1/users', {
      method: 'POST',
      token: beta.adminToken,
      body: { email: 'analyst@demo.local', name: 'Alex at Beta', role: 'viewer' },
    });
    assert.equal(invited.status, 201);
    // The answer does not tell Beta that the address already has an account.
    assert.equal(invited.body.user.status, 'invited');
    assert.equal(invited.body.user.passwordSet, false);
    assert.equal(invited.body.user.lastLoginAt, null);
    assert.equal(invited.body.user.name, 'Alex at Beta');

    const page = await newTab();
    await acceptAsNewPerson(page, invitationUrl(invited.body.invitation.token), 'another-pass-1', {
      waitForHome: false,
    });
    const told = page.getByTestId('sign-in-required');
    await told.waitFor();
    assert.match((await told.textContent()) ?? '', /existing PlantIntel account/);
    assert.equal(await storedSession(page), null);

    await page.getByLabel('Email').fill('analyst@demo.local');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    // The sign-in made only to accept is ended once the accepted one is stored.
    const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'));
    await page.getByRole('button', { name: 'Sign in and accept' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByTestId('user-organisation').getByText(BETA).waitFor();
    assert.equal(await roleInMenu(page, 'Alex Analyst'), 'Viewer');
    assert.equal((await loggedOut).status(), 204);

    const members = await call('/api/v1/users?search=analyst%40demo.local', { token: beta.adminToken });
    assert.equal(members.body.items[0].status, 'active');
    // The stored sign-in is the accepted one (Beta) and it lives on.
    const session = await storedSession(page);
    assert.ok(session);
    const me = await call('/api/v1/auth/me', { token: session.accessToken });
    assert.equal(me.body.tenant.name, BETA);
    await page.close();
    const rotated = await call('/api/v1/auth/refresh', {
      method: 'POST',
      body: { refreshToken: session.refreshToken },
    });
    assert.equal(rotated.status, 200);
  });

  test('someone signed in opens an invitation link and accepts it as themselves', async () => {
    const beta = await secondOrganisation();
    const invited = await call('/api/v1/users', {
      method: 'POST',
      token: await accessTokenOf('admin@demo.local'),
      body: { email: beta.admin.email, name: 'Bea from Beta', role: 'analyst' },
    });
    assert.equal(invited.status, 201);

    const page = await newTab();
    await signIn(page, beta.admin.email, beta.admin.password);
    assert.equal(await page.getByTestId('user-organisation').textContent(), BETA);
    const before = await storedSession(page);
    assert.ok(before);

    await page.goto(invitationUrl(invited.body.invitation.token));
    assert.equal(
      await page.getByRole('button', { name: 'Use another account' }).isVisible(),
      true,
      'another account can be chosen',
    );
    const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'));
    await page.getByRole('button', { name: `Accept as ${beta.admin.email}` }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByTestId('user-organisation').getByText('Demo Manufacturing').waitFor();
    assert.equal(await roleInMenu(page, 'Bea Boss'), 'Analyst');

    // The Beta sign-in this tab had is over; the new one is stored.
    await loggedOut;
    const old = await call('/api/v1/auth/refresh', {
      method: 'POST',
      body: { refreshToken: before.refreshToken },
    });
    assert.equal(old.status, 401);
    const after = await storedSession(page);
    assert.ok(after);
    assert.notEqual(after.refreshToken, before.refreshToken);
    await page.close();
  });

  test("the superadmin adds a customer's first administrator and gets the invitation link", async () => {
    const root = await accessTokenOf(ROOT.email, ROOT.password);
    const customer = await call('/api/v1/admin/customers', {
      method: 'POST',
      token: root,
      body: { name: 'Gamma Castings', email: 'office@gamma.example' },
    });
    assert.equal(customer.status, 201);

    const page = await newTab();
    await signIn(page, ROOT.email, ROOT.password);
    await page.goto(`${baseUrl}/admin/customers/${customer.body.id}`);
    await page.getByRole('heading', { level: 1, name: 'Gamma Castings' }).waitFor();
    const form = page.getByRole('form', { name: 'Add an administrator' });
    assert.equal(await form.getByLabel('Role').inputValue(), 'admin');
    await form.getByLabel('Name').fill('Gil Gamma');
    await form.getByLabel('Email').fill('gil@gamma.example');
    await form.getByRole('button', { name: 'Add administrator' }).click();
    await page.getByRole('region', { name: 'Invitation for Gil Gamma' }).waitFor();
    const link = await page.getByTestId('invitation-link').inputValue();
    assert.match(link, new RegExp(`^${baseUrl}/accept-invitation\\?token=.+`));

    const gil = await newTab();
    await acceptAsNewPerson(gil, link, 'gil-pass-12');
    await gil.getByTestId('user-organisation').getByText('Gamma Castings').waitFor();
    assert.equal(await roleInMenu(gil, 'Gil Gamma'), 'Admin');
    await nav(gil).getByRole('link', { name: 'Users' }).waitFor();
    await gil.close();

    // With a password, a person new to PlantIntel is an active member at once.
    await page.getByRole('button', { name: 'Done, I have saved it' }).click();
    await form.getByLabel('Name').fill('Gwen Gamma');
    await form.getByLabel('Email').fill('gwen@gamma.example');
    await form.getByLabel('Password (optional)').fill('gwen-pass-12');
    await form.getByRole('button', { name: 'Add administrator' }).click();
    await page.getByText('Gwen Gamma (gwen@gamma.example) was added as admin.').waitFor();
    assert.equal(await page.getByTestId('invitation-link').count(), 0);
    await accessTokenOf('gwen@gamma.example', 'gwen-pass-12');

    // An existing account never gets a password chosen by someone else.
    await form.getByLabel('Name').fill('Vera Viewer');
    await form.getByLabel('Email').fill('viewer@demo.local');
    await form.getByLabel('Password (optional)').fill('chosen-pass-1');
    await form.getByRole('button', { name: 'Add administrator' }).click();
    await page.getByText('Could not add the person').waitFor();
    await accessTokenOf('viewer@demo.local');
    await page.close();
  });

  test('an admin who demotes themselves stays signed in, with the new role in the menu', async () => {
    const root = await accessTokenOf(ROOT.email, ROOT.password);
    const customer = await call('/api/v1/admin/customers', {
      method: 'POST',
      token: root,
      body: { name: 'Delta Mills', email: 'office@delta.example' },
    });
    for (const [email, name] of [
      ['dora@delta.example', 'Dora Delta'],
      ['dirk@delta.example', 'Dirk Delta'],
    ] as const) {
      const added = await call(`/api/v1/admin/customers/${customer.body.id}/users`, {
        method: 'POST',
        token: root,
        body: { email, name, password: 'delta-pass-1' },
      });
      assert.equal(added.status, 201, email);
    }

    const page = await newTab();
    await signIn(page, 'dora@delta.example', 'delta-pass-1');
    await page.goto(`${baseUrl}/admin/users`);
    await page
      .getByTestId('member-dora@delta.example')
      .getByRole('combobox', { name: 'Role of Dora Delta' })
      .selectOption('analyst');
    // The page she was on is now out of her reach; she is still signed in, as analyst.
    await page.getByTestId('not-allowed').waitFor();
    assert.equal(await roleInMenu(page, 'Dora Delta'), 'Analyst');
    assert.equal(await nav(page).getByRole('link', { name: 'Users' }).count(), 0);
    await page.reload();
    await page.getByTestId('user-organisation').getByText('Delta Mills').waitFor();
    assert.equal(await roleInMenu(page, 'Dora Delta'), 'Analyst');
    await page.close();
  });

  test('an API key expires at most a year ahead: no "never", and the date stops there', async () => {
    const page = await newTab();
    await signIn(page, 'admin@demo.local');
    await page.goto(`${baseUrl}/admin/api-keys`);
    await page.getByRole('button', { name: 'Create API key' }).click();
    const expiry = page.getByLabel('Expires');
    const choices = await expiry
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));
    assert.deepEqual(choices, ['30', '90', '365', 'custom']);

    await expiry.selectOption('custom');
    const date = page.getByLabel('Expiry date');
    const latest = await date.getAttribute('max');
    assert.ok(latest);
    const yearAhead = await page.evaluate(() => {
      const at = new Date(Date.now() + 365 * 24 * 3600 * 1000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
    });
    assert.equal(latest, yearAhead);
    await date.fill(latest);
    await page.getByLabel('Name').fill('Yearly export');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByTestId('new-api-key').waitFor();

    const token = await accessTokenOf('admin@demo.local');
    const keys = await call('/api/v1/api-keys', { token });
    const key = keys.body.items.find((k: { name: string }) => k.name === 'Yearly export');
    const daysAhead = (Date.parse(key.expiresAt) - Date.now()) / (24 * 3600 * 1000);
    assert.ok(daysAhead > 363 && daysAhead <= 365, `expires in ${daysAhead} days`);
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
