import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { TenantRole } from '../../platform/auth/principal.ts';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import { matchedRows, pageOf } from '../../platform/db/page.ts';
import { memberships, tenants, users } from '../../platform/db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type MemberRow = { user: UserRow; membership: MembershipRow };
export type TenantMembership = { membership: MembershipRow; tenant: typeof tenants.$inferSelect };

// Every function runs on an executor already scoped by inTenant/acrossTenants (platform/db/scope.ts).

export async function findUserByEmail(tx: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function findUserById(tx: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByExternalSubject(tx: Executor, subject: string) {
  const [row] = await tx.select().from(users).where(eq(users.externalSubject, subject));
  return row;
}

export async function findSuperadmin(tx: Executor): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.platformRole, 'superadmin')).limit(1);
  return row;
}

export async function insertUser(
  tx: Executor,
  values: { email: string; name: string; passwordHash?: string | null; platformRole?: 'superadmin' | null },
): Promise<UserRow> {
  const [row] = await tx
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .returning();
  if (!row) throw new Error('user not inserted');
  return row;
}

export async function updateUser(
  tx: Executor,
  id: string,
  patch: Partial<Pick<UserRow, 'name' | 'passwordHash' | 'status' | 'externalSubject' | 'lastLoginAt'>>,
) {
  await tx
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

/** The user's active memberships in tenants that are not deactivated, oldest first. */
export async function activeMemberships(tx: Executor, userId: string): Promise<TenantMembership[]> {
  return tx
    .select({ membership: memberships, tenant: tenants })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.status, 'active'),
        sql`${tenants.status} <> 'inactive'`,
      ),
    )
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
}

/** The tenants a user is active in (the tenant not deactivated). */
export async function userTenantIds(tx: Executor, userId: string): Promise<string[]> {
  return (await activeMemberships(tx, userId)).map((m) => m.tenant.id);
}

/** Every membership of a user, whatever its status, oldest first. */
export async function membershipsOf(tx: Executor, userId: string): Promise<MembershipRow[]> {
  return tx
    .select()
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
}

export async function findMember(tx: Executor, tenantId: string, userId: string) {
  const [row] = await tx
    .select({ user: users, membership: memberships })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return row;
}

export interface MemberFilter {
  search?: string | undefined;
  role?: TenantRole | undefined;
  status?: 'active' | 'inactive' | 'invited' | undefined;
  limit: number;
  offset: number;
}

export async function listMembers(tx: Executor, tenantId: string, filter: MemberFilter) {
  const conditions: SQL[] = [eq(memberships.tenantId, tenantId)];
  if (filter.role) conditions.push(eq(memberships.role, filter.role));
  if (filter.status) conditions.push(eq(memberships.status, filter.status));
  if (filter.search) {
    const like = `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`;
    // Until the person accepts, the tenant knows them only by the name it gave.
    const name = sql`coalesce(${memberships.invitedName}, ${users.name})`;
    const match = or(ilike(users.email, like), ilike(name, like));
    if (match) conditions.push(match);
  }
  const where = and(...conditions);
  const rows = await tx
    .select({ user: users, membership: memberships, total: matchedRows() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(where)
    .orderBy(asc(users.email))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    ({ user, membership }) => ({ user, membership }),
    async () => {
      const [row] = await tx
        .select({ n: count() })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(where);
      return row?.n ?? 0;
    },
  );
}

export async function insertMembership(
  tx: Executor,
  values: {
    tenantId: string;
    userId: string;
    role: TenantRole;
    status?: 'active' | 'invited';
    invitedName?: string | null;
  },
): Promise<MembershipRow> {
  const [row] = await tx.insert(memberships).values(values).returning();
  if (!row) throw new Error('membership not inserted');
  return row;
}

export async function updateMembership(
  tx: Executor,
  id: string,
  patch: Partial<Pick<MembershipRow, 'role' | 'status' | 'invitedName'>>,
) {
  await tx
    .update(memberships)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(memberships.id, id));
}

/**
 * The tenant's active admin memberships, locked for the rest of the transaction: two admins
 * demoting each other at the same moment cannot both see "another admin remains".
 */
export async function lockActiveAdmins(tx: Executor, tenantId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.role, 'admin'),
        eq(memberships.status, 'active'),
        eq(users.status, 'active'),
      ),
    )
    .for('update', { of: memberships });
  return rows.map((r) => r.id);
}

export interface TenantSummary {
  id: string;
  name: string;
  status: string;
  plan: string;
}

/** What GET /auth/me shows: the user, their active memberships, the facilities of `tenantId`. */
export interface Profile {
  user: { id: string; email: string; name: string };
  memberships: { tenant: TenantSummary; role: TenantRole }[];
  facilities: { id: string; code: string; name: string; timezone: string; createdAt: Date }[];
}

/**
 * The whole profile in one statement (it is read on every page load of the dashboard): the
 * memberships and facilities come aggregated as JSON beside the user's row.
 */
export async function findProfile(
  tx: Executor,
  userId: string,
  tenantId: string | null,
): Promise<Profile | undefined> {
  const [row] = await queryRows<{
    id: string;
    email: string;
    name: string;
    memberships: (TenantSummary & { role: TenantRole })[];
    facilities: { id: string; code: string; name: string; timezone: string; createdAt: string }[];
  }>(
    tx,
    sql`select u.id, u.email, u.name,
      coalesce((
        select json_agg(json_build_object('id', t.id, 'name', t.name, 'status', t.status, 'plan', t.plan,
          'role', m.role) order by m.created_at, m.id)
        from memberships m join tenants t on t.id = m.tenant_id
        where m.user_id = u.id and m.status = 'active' and t.status <> 'inactive'
      ), '[]'::json) as memberships,
      coalesce((
        select json_agg(json_build_object('id', f.id, 'code', f.code, 'name', f.name, 'timezone', f.timezone,
          'createdAt', f.created_at) order by f.code)
        from facilities f where f.tenant_id = ${tenantId}
      ), '[]'::json) as facilities
    from users u where u.id = ${userId}`,
  );
  if (!row) return undefined;
  return {
    user: { id: row.id, email: row.email, name: row.name },
    memberships: row.memberships.map(({ role, ...tenant }) => ({ tenant, role })),
    facilities: row.facilities.map((f) => ({ ...f, createdAt: new Date(f.createdAt) })),
  };
}
