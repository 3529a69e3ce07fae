// Global accounts, tenant memberships by consent (security review: HIGH 2, memberships without
// consent, sign-in audit across tenants, a customer's first admin through the API).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import {
  createTestSuperadmin,
  createTestTenant,
  signIn,
  TEST_PASSWORD,
  type TestSession,
  type TestTenant,
} from './testing.ts';

let t: TestApp;
let alpha: TestTenant;
let beta: TestTenant;
let alphaAdmin: TestSession;
let betaAdmin: TestSession;
let root: TestSession;

before(async () => {
  t = await createTestApp();
  alpha = await createTestTenant(t.database.db, 'alpha');
  beta = await createTestTenant(t.database.db, 'beta');
  await createTestSuperadmin(t.database.db);
  alphaAdmin = await signIn(t.app, alpha.users.admin.email);
  betaAdmin = await signIn(t.app, beta.users.admin.email);
  root = await signIn(t.app, 'root@platform.test');
});
after(() => t?.close());

type Headers = Record<string, string>;
const post = (url: string, headers: Headers | undefined, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, ...(headers ? { headers } : {}), payload });
const get = (url: string, headers: Headers) => t.app.inject({ url: `/api/v1${url}`, headers });
const login = (email: string, password: string, tenantId?: string) =>
  post('/auth/login', undefined, { email, password, ...(tenantId ? { tenantId } : {}) });
const invite = (headers: Headers, email: string, role = 'admin', name = 'Given Name') =>
  post('/users', headers, { email, name, role });

/** What a response says, minus what differs between any two members (ids, times, the email). */
const shapeOf = (body: { user: Record<string, unknown>; invitation: Record<string, unknown> | null }) => ({
  user: { ...body.user, id: '*', email: '*', memberSince: '*' },
  invitation: body.invitation ? Object.keys(body.invitation).sort() : null,
});

describe('adding people to a tenant', () => {
  test('an email with an account elsewhere gets exactly the answer a new email gets', async () => {
    const existing = await invite(betaAdmin.headers, alpha.users.analyst.email);
    const fresh = await invite(betaAdmin.headers, 'nobody-yet@beta.test');
    assert.equal(existing.statusCode, 201);
    assert.equal(fresh.statusCode, 201);
    assert.deepEqual(shapeOf(existing.json()), shapeOf(fresh.json()));
    assert.deepEqual(
      { ...existing.json().user, id: undefined, memberSince: undefined },
      {
        email: alpha.users.analyst.email,
        name: 'Given Name',
        role: 'admin',
        status: 'invited',
        passwordSet: false,
        lastLoginAt: null,
        accepted: false,
        id: undefined,
        memberSince: undefined,
      },
    );
    // The event says only what beta gave; the account's own name never reaches beta.
    const events = await get('/events?aggregateType=user&type=MemberAdded', betaAdmin.headers);
    const added = events
      .json()
      .items.find((e: { data: { email: string } }) => e.data.email === alpha.users.analyst.email);
    assert.deepEqual(added.data, {
      userId: existing.json().user.id,
      email: alpha.users.analyst.email,
      name: 'Given Name',
      role: 'admin',
      status: 'invited',
    });
    const listed = await get(`/users?search=${encodeURIComponent('analyst of alpha')}`, betaAdmin.headers);
    assert.equal(listed.json().total, 0);
    // Not a member until they accept: signing in to beta is refused.
    const intoBeta = await login(alpha.users.analyst.email, TEST_PASSWORD, beta.id);
    assert.equal(intoBeta.statusCode, 403);
  });

  test('no tenant can set a password: pre-registering an email no longer takes over the account', async () => {
    const withPassword = await post('/users', alphaAdmin.headers, {
      email: 'newhire@beta.test',
      name: 'New Hire',
      role: 'viewer',
      password: 'chosen-by-alpha-1',
    });
    assert.equal(withPassword.statusCode, 400);
    // Alpha invites the person and redeems its own link (the account is new, so it may)...
    const { invitation } = (await invite(alphaAdmin.headers, 'newhire@beta.test', 'viewer')).json();
    const claimed = await post('/auth/accept-invitation', undefined, {
      token: invitation.token,
      password: 'chosen-by-alpha-1',
    });
    assert.equal(claimed.statusCode, 200);
    // ...then beta adds the same email as admin: beta's invitation waits for consent.
    const betaInvite = (await invite(betaAdmin.headers, 'newhire@beta.test', 'admin')).json();
    assert.equal(betaInvite.user.status, 'invited');
    assert.equal((await login('newhire@beta.test', 'chosen-by-alpha-1', beta.id)).statusCode, 403);
    // Beta's link cannot be redeemed with a password for an account that exists.
    const redeemed = await post('/auth/accept-invitation', undefined, {
      token: betaInvite.invitation.token,
      password: 'another-pass-1',
    });
    assert.equal(redeemed.statusCode, 409);
    assert.equal(redeemed.json().error.details[0].message, 'sign_in_required');
  });

  test('an existing account accepts signed in as itself, and only that account can', async () => {
    const { invitation } = (await invite(betaAdmin.headers, alpha.users.operator.email, 'operator')).json();
    const viaPassword = await post('/auth/accept-invitation', undefined, {
      token: invitation.token,
      password: 'hijack-pass-1',
    });
    assert.equal(viaPassword.statusCode, 409);
    // Its password is untouched.
    const own = await signIn(t.app, alpha.users.operator.email);
    const someoneElse = await signIn(t.app, alpha.users.viewer.email);
    const wrongAccount = await post('/auth/invitations/accept', someoneElse.headers, {
      token: invitation.token,
    });
    assert.equal(wrongAccount.statusCode, 400);
    const accepted = await post('/auth/invitations/accept', own.headers, { token: invitation.token });
    assert.equal(accepted.statusCode, 200);
    const me = await get('/auth/me', { authorization: `Bearer ${accepted.json().accessToken}` });
    assert.equal(me.json().tenant.id, beta.id);
    assert.equal(me.json().role, 'operator');
    const member = await get(`/users/${alpha.users.operator.id}`, betaAdmin.headers);
    assert.equal(member.json().status, 'active');
    assert.equal(member.json().name, 'operator of alpha');
    const again = await post('/auth/invitations/accept', own.headers, { token: invitation.token });
    assert.equal(again.statusCode, 400);
  });

  test('an invitation can be renewed or withdrawn; a withdrawn one cannot be activated by the tenant', async () => {
    const first = (await invite(betaAdmin.headers, 'renew@beta.test', 'viewer')).json();
    const renewed = await post(`/users/${first.user.id}/invitation`, betaAdmin.headers, {});
    assert.equal(renewed.statusCode, 201);
    const stale = await post('/auth/accept-invitation', undefined, {
      token: first.invitation.token,
      password: 'pass-word-1',
    });
    assert.equal(stale.statusCode, 400);
    const patch = (status: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${first.user.id}`,
        headers: betaAdmin.headers,
        payload: { status },
      });
    assert.equal((await patch('active')).statusCode, 409);
    assert.equal((await patch('inactive')).statusCode, 200);
    assert.equal((await patch('active')).statusCode, 409);
    const withdrawn = await post('/auth/accept-invitation', undefined, {
      token: renewed.json().token,
      password: 'pass-word-1',
    });
    assert.equal(withdrawn.statusCode, 400);
  });
});

describe('sign-ins across tenants', () => {
  test('a tenant adding the superadmin does not pull their sign-ins into it', async () => {
    const added = await invite(betaAdmin.headers, 'root@platform.test', 'viewer');
    assert.equal(added.json().user.status, 'invited');
    const session = await login('root@platform.test', TEST_PASSWORD);
    assert.equal(session.statusCode, 200);
    const me = await get('/auth/me', { authorization: `Bearer ${session.json().accessToken}` });
    assert.equal(me.json().tenant, null);
    assert.equal(me.json().platformRole, 'superadmin');
    const audit = await get('/audit-log?action=auth.login', betaAdmin.headers);
    assert.ok(!audit.json().items.some((e: { subject: string }) => e.subject === 'root@platform.test'));
  });

  test("failed sign-ins of a member of several tenants appear in each tenant's audit log", async () => {
    // alpha's operator joined beta in an earlier test.
    const wrong = await login(alpha.users.operator.email, 'not-the-password-1');
    assert.equal(wrong.statusCode, 401);
    for (const admin of [alphaAdmin, betaAdmin]) {
      const failures = await get('/audit-log?action=auth.login_failed', admin.headers);
      assert.ok(
        failures.json().items.some((e: { subject: string }) => e.subject === alpha.users.operator.email),
        `missing in ${JSON.stringify(failures.json().items)}`,
      );
    }
  });
});

describe("a customer's first admin through the API (superadmin)", () => {
  test('a new person with a password is active at once; without one they are invited', async () => {
    const customer = await post('/admin/customers', root.headers, { name: 'Gamma', email: 'ops@gamma.test' });
    assert.equal(customer.statusCode, 201);
    const id = customer.json().id;
    const active = await post(`/admin/customers/${id}/users`, root.headers, {
      email: 'boss@gamma.test',
      name: 'Boss',
      password: 'boss-pass-12',
    });
    assert.equal(active.statusCode, 201);
    assert.equal(active.json().user.status, 'active');
    assert.equal(active.json().user.role, 'admin');
    assert.equal(active.json().invitation, null);
    const boss = await login('boss@gamma.test', 'boss-pass-12');
    const me = await get('/auth/me', { authorization: `Bearer ${boss.json().accessToken}` });
    assert.equal(me.json().tenant.id, id);

    const invited = await post(`/admin/customers/${id}/users`, root.headers, {
      email: 'deputy@gamma.test',
      name: 'Deputy',
      role: 'analyst',
    });
    assert.equal(invited.json().user.status, 'invited');
    assert.ok(invited.json().invitation.token);
    const existing = await post(`/admin/customers/${id}/users`, root.headers, {
      email: alpha.users.viewer.email,
      name: 'Viewer',
      password: 'other-pass-12',
    });
    assert.equal(existing.statusCode, 409);
    const tenantAdmin = await post(`/admin/customers/${id}/users`, alphaAdmin.headers, {
      email: 'x@gamma.test',
      name: 'X',
    });
    assert.equal(tenantAdmin.statusCode, 403);
  });
});
