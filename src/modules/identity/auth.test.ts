import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { loadTestSettings } from '../../config.ts';
import { users } from '../../platform/db/schema/identity.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { createTestTenant, signIn, TEST_PASSWORD, type TestTenant } from './testing.ts';

let t: TestApp;
let acme: TestTenant;

before(async () => {
  t = await createTestApp({
    env: {
      LOGIN_MAX_FAILURES_PER_EMAIL: '3',
      LOGIN_MAX_FAILURES_PER_IP: '6',
      LOGIN_WINDOW_SECONDS: '600',
      LOGIN_SLOWDOWN_AFTER: '4',
      LOGIN_MAX_DELAY_MS: '2000',
    },
  });
  acme = await createTestTenant(t.database.db, 'acme');
});
after(() => t.close());

const login = (payload: object, remoteAddress = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress });

const audit = async (adminToken: string, action: string) => {
  const res = await t.app.inject({
    url: `/api/v1/audit-log?action=${action}`,
    headers: { authorization: `Bearer ${adminToken}` },
  });
  assert.equal(res.statusCode, 200);
  return res.json().items as {
    action: string;
    subject: string | null;
    ip: string;
    details: Record<string, unknown> | null;
    actor: { label: string };
  }[];
};

describe('sign-in', () => {
  test('valid credentials → tokens; /me shows the tenant, role, scopes and facilities', async () => {
    const res = await login({ email: 'Operator@ACME.test', password: TEST_PASSWORD });
    assert.equal(res.statusCode, 200);
    const session = res.json();
    assert.equal(session.tokenType, 'Bearer');
    assert.ok(session.expiresIn > 800 && session.expiresIn <= 900, `expiresIn ${session.expiresIn}`);
    const me = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    assert.equal(me.statusCode, 200);
    const body = me.json();
    assert.equal(body.user.email, 'operator@acme.test');
    assert.equal(body.tenant.id, acme.id);
    assert.equal(body.role, 'operator');
    assert.deepEqual(body.scopes.sort(), ['operate', 'read']);
    assert.deepEqual(
      body.facilities.map((f: { code: string }) => f.code),
      ['F1'],
    );
  });

  test('unknown email and wrong password get the same 401, and both are audited', async () => {
    const unknown = await login({ email: 'nobody@acme.test', password: 'whatever-1' }, '10.0.0.2');
    const wrong = await login({ email: 'viewer@acme.test', password: 'not-the-password' }, '10.0.0.2');
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.json().error.message, wrong.json().error.message);
    assert.equal(unknown.json().error.code, 'unauthorized');

    const admin = await signIn(t.app, acme.users.admin.email);
    // This test's attempts are the ones from its own address (other tests fail sign-ins too).
    const failures = (await audit(admin.accessToken, 'auth.login_failed')).filter((f) => f.ip === '10.0.0.2');
    // The tenant sees the attempt on its own user, not the one on an unknown email.
    assert.deepEqual(
      failures.map((f) => f.subject),
      ['viewer@acme.test'],
    );
    const logins = await audit(admin.accessToken, 'auth.login');
    assert.ok(logins.some((l) => l.subject === 'admin@acme.test' && l.actor.label === 'admin@acme.test'));
  });

  test('failures for one email from one address → 429 there only; the right password works elsewhere', async () => {
    const email = 'analyst@acme.test';
    for (let i = 0; i < 3; i++) {
      assert.equal((await login({ email, password: `wrong-${i}-xx` }, '10.1.0.1')).statusCode, 401);
    }
    const blocked = await login({ email, password: TEST_PASSWORD }, '10.1.0.1');
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.json().error.code, 'rate_limited');
    const retryAfter = Number(blocked.headers['retry-after']);
    assert.ok(retryAfter > 500 && retryAfter <= 600, `retry-after ${retryAfter}`);
    // The attacker's address is no lockout button: the owner signs in from their own.
    assert.equal((await login({ email, password: TEST_PASSWORD }, '10.1.0.9')).statusCode, 200);
    const admin = await signIn(t.app, acme.users.admin.email);
    const throttled = await audit(admin.accessToken, 'auth.login_throttled');
    assert.ok(
      throttled.some((e) => e.subject === email && e.ip === '10.1.0.1'),
      JSON.stringify(throttled),
    );
  });

  // The embedded database runs one transaction at a time: only PostgreSQL can show the race.
  const onPostgres = { skip: !loadTestSettings().databaseUrl && 'a race needs PostgreSQL (DATABASE_URL)' };
  test('parallel attempts from one address cannot slip past the limit', onPostgres, async () => {
    const email = 'parallel@acme.test';
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login({ email, password: `parallel-${i}-x` }, '10.9.0.1')),
    );
    const statuses = results.map((r) => r.statusCode);
    assert.ok(statuses.filter((code) => code === 401).length <= 3, statuses.join(','));
    assert.ok(statuses.filter((code) => code === 429).length >= 9, statuses.join(','));
  });

  test('an email attacked from many addresses is slowed down, never blocked', async () => {
    const email = 'operator@acme.test';
    for (let i = 0; i < 6; i++) {
      const res = await login({ email, password: `wrong-${i}-yy` }, `10.3.${i}.1`);
      assert.equal(res.statusCode, 401);
    }
    const owner = await login({ email, password: TEST_PASSWORD }, '10.3.99.1');
    assert.equal(owner.statusCode, 200);
    const admin = await signIn(t.app, acme.users.admin.email);
    const failures = (await audit(admin.accessToken, 'auth.login_failed')).filter((e) => e.subject === email);
    const delays = failures.map((e) => (e.details as { delayMs?: number } | null)?.delayMs ?? 0);
    // LOGIN_SLOWDOWN_AFTER is 4 here: the 5th and 6th failures waited, each longer than the last.
    assert.deepEqual(
      delays.sort((x, y) => x - y),
      [0, 0, 0, 0, 250, 500],
    );
  });

  test('failures from one address → 429 for new emails from it, not for people who signed in there', async () => {
    assert.equal(
      (await login({ email: 'admin@acme.test', password: TEST_PASSWORD }, '10.2.0.1')).statusCode,
      200,
    );
    for (let i = 0; i < 6; i++) {
      await login({ email: `ghost${i}@acme.test`, password: 'wrong-password' }, '10.2.0.1');
    }
    const known = await login({ email: 'admin@acme.test', password: TEST_PASSWORD }, '10.2.0.1');
    assert.equal(known.statusCode, 200);
    const blocked = await login({ email: 'viewer@acme.test', password: TEST_PASSWORD }, '10.2.0.1');
    assert.equal(blocked.statusCode, 429);
    const elsewhere = await login({ email: 'viewer@acme.test', password: TEST_PASSWORD }, '10.2.0.2');
    assert.equal(elsewhere.statusCode, 200);
    const throttled = await audit(known.json().accessToken, 'auth.login_throttled');
    const entry = throttled.find((e) => e.subject === 'viewer@acme.test');
    assert.deepEqual(entry?.details, { limit: 'address' });
  });

  test('a stored hash the verifier cannot read is a server error, never a wrong password', async () => {
    const broken = await createTestTenant(t.database.db, 'broken-hash');
    const email = broken.users.viewer.email;
    await t.database.db
      .update(users)
      .set({ passwordHash: '$argon2id$not-a-hash' })
      .where(eq(users.email, email));
    const res = await login({ email, password: TEST_PASSWORD }, '10.3.0.1');
    assert.equal(res.statusCode, 500, res.body);
    assert.equal(res.json().error.code, 'internal');
  });

  test('schema violations are 400 before any credential check', async () => {
    const res = await login({ email: 'not-an-email', password: '' });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().error.details.length >= 2);
  });
});

describe('refresh tokens', () => {
  const refresh = (refreshToken: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });

  test('rotation: each refresh returns a new pair; the new access token works', async () => {
    const first = await signIn(t.app, acme.users.viewer.email);
    const res = await refresh(first.refreshToken);
    assert.equal(res.statusCode, 200);
    const second = res.json();
    assert.notEqual(second.refreshToken, first.refreshToken);
    const me = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${second.accessToken}` },
    });
    assert.equal(me.statusCode, 200);
    assert.equal((await refresh(second.refreshToken)).statusCode, 200);
  });

  test('reusing a used refresh token revokes the whole family', async () => {
    const first = await signIn(t.app, acme.users.viewer.email);
    const second = (await refresh(first.refreshToken)).json();
    const replay = await refresh(first.refreshToken);
    assert.equal(replay.statusCode, 401);
    assert.match(replay.json().error.message, /already used/);
    // The legitimate holder's newer token is dead too: the thief and the user are both signed out.
    assert.equal((await refresh(second.refreshToken)).statusCode, 401);
    // Another sign-in of the same user is a different family and keeps working.
    const other = await signIn(t.app, acme.users.viewer.email);
    assert.equal((await refresh(other.refreshToken)).statusCode, 200);
    const admin = await signIn(t.app, acme.users.admin.email);
    assert.equal((await audit(admin.accessToken, 'auth.refresh_reuse')).length, 1);
  });

  test('logout ends the session: its refresh token no longer works', async () => {
    const session = await signIn(t.app, acme.users.analyst.email, TEST_PASSWORD).catch(async () => {
      // The rate-limit test above locked this email; use another user of the same role.
      return signIn(t.app, acme.users.operator.email);
    });
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    assert.equal(out.statusCode, 204);
    assert.equal((await refresh(session.refreshToken)).statusCode, 401);
  });

  test('an unknown refresh token → 401', async () => {
    assert.equal((await refresh('made-up-token')).statusCode, 401);
  });
});

describe('members', () => {
  test('an invited user chooses a password and signs in; the change is audited', async () => {
    const admin = await signIn(t.app, acme.users.admin.email);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'New.Hire@acme.test', name: 'New Hire', role: 'operator' },
    });
    assert.equal(created.statusCode, 201);
    const { user, invitation } = created.json();
    assert.equal(user.email, 'new.hire@acme.test');
    assert.equal(user.passwordSet, false);
    assert.ok(invitation.token);

    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token: invitation.token, password: 'chosen-pass-1' },
    });
    assert.equal(accepted.statusCode, 200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token: invitation.token, password: 'another-pass-1' },
    });
    assert.equal(again.statusCode, 400);
    await signIn(t.app, 'new.hire@acme.test', 'chosen-pass-1');

    const entries = await audit(admin.accessToken, 'user.invite');
    assert.ok(entries.some((e) => e.subject === 'new.hire@acme.test' && e.actor.label === 'admin@acme.test'));
    const members = await t.app.inject({ url: '/api/v1/users?search=new.hire', headers: admin.headers });
    assert.equal(members.json().items[0].status, 'active');
  });

  test('a second organisation inviting the same new person cannot choose their password', async () => {
    const admin = await signIn(t.app, acme.users.admin.email);
    const invite = (headers: object, role: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: headers as Record<string, string>,
        payload: { email: 'shared@acme.test', name: 'Shared', role },
      });
    const { invitation } = (await invite(admin.headers, 'analyst')).json();
    const rival = await createTestTenant(t.database.db, 'rival');
    const rivalAdmin = await signIn(t.app, rival.users.admin.email);
    const added = await invite(rivalAdmin.headers, 'viewer');
    assert.equal(added.statusCode, 201);
    const rivalToken = added.json().invitation.token;
    const claim = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token: rivalToken, password: 'rival-pass-1' },
    });
    assert.equal(claim.statusCode, 409);
    assert.equal(claim.json().error.details[0].message, 'sign_in_required');
    // The person's own first invitation sets their password; the rival's they accept signed in.
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token: invitation.token, password: 'own-pass-1' },
    });
    assert.equal(accepted.statusCode, 200);
    const own = await signIn(t.app, 'shared@acme.test', 'own-pass-1');
    const joined = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept',
      headers: own.headers,
      payload: { token: rivalToken },
    });
    assert.equal(joined.statusCode, 200);
    const me = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${joined.json().accessToken}` },
    });
    assert.equal(me.json().tenant.id, rival.id);
    assert.equal(me.json().role, 'viewer');
  });

  test('a deactivated member can no longer refresh or sign in; the last admin cannot be removed', async () => {
    const admin = await signIn(t.app, acme.users.admin.email);
    const victim = await signIn(t.app, acme.users.viewer.email);
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${acme.users.viewer.id}`,
      headers: admin.headers,
      payload: { status: 'inactive' },
    });
    assert.equal(off.statusCode, 200);
    assert.equal(off.json().status, 'inactive');
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: victim.refreshToken },
    });
    assert.equal(refreshed.statusCode, 401);
    const relogin = await login({ email: acme.users.viewer.email, password: TEST_PASSWORD }, '10.3.0.1');
    assert.equal(relogin.statusCode, 403);

    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${acme.users.admin.id}`,
      headers: admin.headers,
      payload: { role: 'viewer' },
    });
    assert.equal(demote.statusCode, 409);
    assert.match(demote.json().error.message, /last active admin/);
    const updates = await audit(admin.accessToken, 'user.update');
    assert.equal(updates.length, 1);

    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${acme.users.viewer.id}`,
      headers: admin.headers,
      payload: { status: 'active' },
    });
  });
});
