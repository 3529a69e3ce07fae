import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TenantRole } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { acrossTenants, isUuid } from '../../platform/db/scope.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from './audit.service.ts';
import {
  findTenant,
  findTenantByName,
  insertFacility,
  insertTenant,
  listFacilities,
  type TenantRow,
} from './customers.repo.ts';
import { hashPassword } from './password.ts';
import {
  findMember,
  findSuperadmin,
  findUserByEmail,
  insertMembership,
  insertUser,
  updateUser,
} from './users.repo.ts';

/** Where one-time secrets (generated passwords) are shown: the terminal, never the log. */
export type Announce = (message: string) => void;

const SYSTEM = { ip: 'local', requestId: 'cli' };
export const DEMO_TENANT = 'Demo Manufacturing';
export const DEMO_FACILITY = 'DEMO-1';
export const DEMO_USERS: { email: string; name: string; role: TenantRole }[] = [
  { email: 'admin@demo.local', name: 'Dana Admin', role: 'admin' },
  { email: 'analyst@demo.local', name: 'Alex Analyst', role: 'analyst' },
  { email: 'operator@demo.local', name: 'Omar Operator', role: 'operator' },
  { email: 'viewer@demo.local', name: 'Vera Viewer', role: 'viewer' },
];

const generatedPassword = () => randomBytes(12).toString('base64url');

/** The platform superadmin, created on the first start of an empty database. */
const SUPERADMIN_LOCK = 727_003;

export async function ensureSuperadmin(
  db: Db,
  options: { email: string; password: string | undefined },
  announce: Announce,
): Promise<void> {
  const password = options.password ?? generatedPassword();
  const passwordHash = await hashPassword(password);
  const created = await acrossTenants(db, async (tx) => {
    // Several processes may start together on one new database: one creates the superadmin.
    await tx.execute(sql`select pg_advisory_xact_lock(${SUPERADMIN_LOCK})`);
    if (await findSuperadmin(tx)) return false;
    const existing = await findUserByEmail(tx, options.email);
    if (existing)
      throw conflict(
        `${options.email} exists but is not a superadmin; choose another PLANTINTEL_ADMIN_EMAIL`,
      );
    const user = await insertUser(tx, {
      email: options.email,
      name: 'Platform admin',
      passwordHash,
      platformRole: 'superadmin',
    });
    await recordAudit(tx, null, SYSTEM, {
      action: 'platform.superadmin_created',
      targetType: 'user',
      targetId: user.id,
      tenantId: null,
    });
    return true;
  });
  if (created && !options.password) {
    announce(
      `Platform superadmin created: ${options.email} / ${password}  (shown once; set PLANTINTEL_ADMIN_PASSWORD to choose it)`,
    );
  }
}

/** Creates the demo tenant, facility and one user per role. Idempotent: an existing demo is left alone. */
export async function seedDemoTenant(
  db: Db,
  options: { password: string | undefined },
  announce: Announce,
): Promise<{ tenant: TenantRow; facilityId: string; created: boolean }> {
  const password = options.password ?? generatedPassword();
  const passwordHash = await hashPassword(password);
  const result = await acrossTenants(db, async (tx) => {
    const existing = await findTenantByName(tx, DEMO_TENANT);
    if (existing) {
      const [facility] = await listFacilities(tx, existing.id);
      return { tenant: existing, facilityId: facility?.id ?? '', created: false };
    }
    const tenant = await insertTenant(tx, {
      name: DEMO_TENANT,
      email: 'demo@demo.local',
      contactName: 'Dana Admin',
      plan: 'pilot',
      status: 'trial',
      notes: 'Demo data created by `plantintel seed --demo`.',
    });
    const facility = await insertFacility(tx, {
      tenantId: tenant.id,
      code: DEMO_FACILITY,
      name: 'Demo plant',
      timezone: 'UTC',
    });
    for (const u of DEMO_USERS) {
      const user = (await findUserByEmail(tx, u.email)) ?? (await insertUser(tx, { ...u, passwordHash }));
      await insertMembership(tx, { tenantId: tenant.id, userId: user.id, role: u.role });
    }
    await recordAudit(tx, null, SYSTEM, {
      action: 'platform.demo_seeded',
      targetType: 'tenant',
      targetId: tenant.id,
      tenantId: tenant.id,
    });
    return { tenant, facilityId: facility.id, created: true };
  });
  if (result.created) {
    const who = DEMO_USERS.map((u) => u.email).join(', ');
    announce(
      options.password
        ? `Demo tenant "${DEMO_TENANT}" created with users ${who} (password from PLANTINTEL_DEMO_PASSWORD)`
        : `Demo tenant "${DEMO_TENANT}" created with users ${who}, password: ${password}  (shown once; set PLANTINTEL_DEMO_PASSWORD to choose it)`,
    );
  }
  return result;
}

/** `plantintel user create`: a user with a tenant role (tenant by id, name or email) or a superadmin. */
export async function createUserFromCli(
  db: Db,
  input: {
    email: string;
    name: string;
    role: TenantRole | 'superadmin';
    tenant?: string | undefined;
    password: string;
  },
): Promise<{ userId: string; tenantId: string | null }> {
  const passwordHash = await hashPassword(input.password);
  return acrossTenants(db, async (tx) => {
    let user = await findUserByEmail(tx, input.email);
    if (input.role === 'superadmin') {
      if (user) throw conflict(`${input.email} already exists`);
      user = await insertUser(tx, {
        email: input.email,
        name: input.name,
        passwordHash,
        platformRole: 'superadmin',
      });
      await recordAudit(tx, null, SYSTEM, {
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        tenantId: null,
        details: { role: 'superadmin' },
      });
      return { userId: user.id, tenantId: null };
    }
    if (!input.tenant) throw badRequest('--tenant is required for a tenant role');
    const tenant = await resolveTenant(tx, input.tenant);
    if (user && (await findMember(tx, tenant.id, user.id)))
      throw conflict(`${input.email} is already a member of ${tenant.name}`);
    if (!user) user = await insertUser(tx, { email: input.email, name: input.name, passwordHash });
    else if (!user.passwordHash) await updateUser(tx, user.id, { passwordHash });
    await insertMembership(tx, { tenantId: tenant.id, userId: user.id, role: input.role });
    await recordAudit(tx, null, SYSTEM, {
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      tenantId: tenant.id,
      details: { role: input.role },
    });
    return { userId: user.id, tenantId: tenant.id };
  });
}

async function resolveTenant(tx: Parameters<Parameters<typeof acrossTenants>[1]>[0], ref: string) {
  const byId = isUuid(ref) ? await findTenant(tx, ref) : undefined;
  const tenant = byId ?? (await findTenantByName(tx, ref));
  if (!tenant) throw notFound(`Tenant "${ref}"`);
  return tenant;
}
