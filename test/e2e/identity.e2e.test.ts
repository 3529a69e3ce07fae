// End-to-end: signing in, the session, API keys and what a viewer may see, on the real server in Chromium.
// Invitations, members and customers are in invitations.e2e.test.ts.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { browserPhase, DEMO_PASSWORD, fillSignIn } from './helpers.ts';
import { identityFixtures, MAX_FAILURES_PER_EMAIL, SESSION_KEY } from './identity-fixtures.ts';

describe('identity in the browser', { skip: browserPhase }, () => {
  const identity = identityFixtures();
  const { newTab, signIn, call, accessTokenOf, storedSession, nav } = identity;
  let baseUrl: string;
  before(() => {
    ({ baseUrl } = identity);
  });

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
