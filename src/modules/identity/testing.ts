// Test data for identity and for every module's security tests: tenants with one user per role.
import { TENANT_ROLES, type TenantRole } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { acrossTenants } from '../../platform/db/scope.ts';
import type { App } from '../../platform/http/types.ts';
import { insertFacility, insertTenant } from './customers.repo.ts';
import { hashPassword } from './password.ts';
import { insertMembership, insertUser } from './users.repo.ts';

export const TEST_PASSWORD = 'test-pass-1';
let passwordHash: Promise<string> | undefined;

export interface TestTenant {
  id: string;
  name: string;
  facilityId: string;
  users: Record<TenantRole, { id: string; email: string }>;
}

/** A tenant with facility F1 and users <role>@<slug>.test for every role, all with TEST_PASSWORD. */
export async function createTestTenant(db: Db, slug: string): Promise<TestTenant> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  return acrossTenants(db, async (tx) => {
    const tenant = await insertTenant(tx, {
      name: `Tenant ${slug}`,
      email: `contact@${slug}.test`,
      status: 'active',
    });
    const facility = await insertFacility(tx, {
      tenantId: tenant.id,
      code: 'F1',
      name: `${slug} plant`,
      timezone: 'UTC',
    });
    const users = {} as TestTenant['users'];
    for (const role of TENANT_ROLES) {
      const email = `${role}@${slug}.test`;
      const user = await insertUser(tx, { email, name: `${role} of ${slug}`, passwordHash: hash });
      await insertMembership(tx, { tenantId: tenant.id, userId: user.id, role });
      users[role] = { id: user.id, email };
    }
    return { id: tenant.id, name: tenant.name, facilityId: facility.id, users };
  });
}

export async function createTestSuperadmin(db: Db, email = 'root@platform.test') {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  return acrossTenants(db, (tx) =>
    insertUser(tx, { email, name: 'Root', passwordHash: hash, platformRole: 'superadmin' }),
  );
}

export interface TestSession {
  accessToken: string;
  refreshToken: string;
  headers: { authorization: string };
}

/** Signs in through the real endpoint. */
export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<TestSession> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const { accessToken, refreshToken } = res.json() as { accessToken: string; refreshToken: string };
  return { accessToken, refreshToken, headers: { authorization: `Bearer ${accessToken}` } };
}

export type Headers = Record<string, string>;

/** `app.inject` for `/api/v1<url>` with the given credentials and an optional JSON body. */
export function callApi(
  app: App,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  headers: Headers,
  payload?: object,
) {
  return app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
}
