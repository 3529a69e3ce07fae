// End-to-end: inviting people and accepting invitations, managing members, and the superadmin's
// customers, on the real server in Chromium. Signing in and the session are in identity.e2e.test.ts.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { browserPhase, DEMO_PASSWORD } from './helpers.ts';
import { BETA, identityFixtures, ROOT, waitUntil } from './identity-fixtures.ts';

describe('invitations and members in the browser', { skip: browserPhase }, () => {
  const identity = identityFixtures();
  const { newTab, signIn, call, accessTokenOf, storedSession, nav } = identity;
  const { invitationUrl, secondOrganisation, acceptAsNewPerson, roleInMenu } = identity;
  let baseUrl: string;
  before(() => {
    ({ baseUrl } = identity);
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
});
