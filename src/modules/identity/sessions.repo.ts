import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.ts';
import { deleteInBatches } from '../../platform/db/maintenance.ts';
import { invitations, memberships, refreshTokens, tenants, users } from '../../platform/db/schema/index.ts';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export async function insertRefreshToken(
  tx: Executor,
  values: { tenantId: string | null; userId: string; familyId: string; tokenHash: string; expiresAt: Date },
) {
  await tx.insert(refreshTokens).values(values);
}

export async function findRefreshToken(tx: Executor, tokenHash: string) {
  const [row] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
  return row;
}

/** Marks a token used; false when it already was (a concurrent refresh or a replayed token). */
export async function markRefreshTokenUsed(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .update(refreshTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length === 1;
}

export async function revokeFamily(tx: Executor, familyId: string, reason: string) {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: sql`now()`, revokeReason: reason })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** Ends every session of a user (in one tenant when given): deactivation, password change. */
export async function revokeUserSessions(tx: Executor, userId: string, reason: string, tenantId?: string) {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: sql`now()`, revokeReason: reason })
    .where(
      and(
        eq(refreshTokens.userId, userId),
        isNull(refreshTokens.revokedAt),
        tenantId ? eq(refreshTokens.tenantId, tenantId) : undefined,
      ),
    );
}

export async function revokeTenantSessions(tx: Executor, tenantId: string, reason: string) {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: sql`now()`, revokeReason: reason })
    .where(and(eq(refreshTokens.tenantId, tenantId), isNull(refreshTokens.revokedAt)));
}

export async function insertInvitation(
  tx: Executor,
  values: { tenantId: string; userId: string; tokenHash: string; expiresAt: Date },
): Promise<InvitationRow> {
  const [row] = await tx.insert(invitations).values(values).returning();
  if (!row) throw new Error('invitation not inserted');
  return row;
}

/** Withdraws the links not yet used for this membership (a new link replaces them). */
export async function deleteOpenInvitations(tx: Executor, tenantId: string, userId: string) {
  await tx
    .delete(invitations)
    .where(
      and(eq(invitations.tenantId, tenantId), eq(invitations.userId, userId), isNull(invitations.acceptedAt)),
    );
}

export async function findInvitation(tx: Executor, tokenHash: string) {
  const [row] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row;
}

export async function markInvitationAccepted(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .update(invitations)
    .set({ acceptedAt: sql`now()` })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/**
 * What an access token of this sign-in stands for now: whether the sign-in is still open, the
 * person's status and platform role, and their membership and the customer's status in the token's
 * tenant. Undefined when the user no longer exists.
 */
export async function sessionState(
  tx: Executor,
  claims: { userId: string; tenantId: string | null; familyId: string },
) {
  const [row] = await tx
    .select({
      userStatus: users.status,
      platformRole: users.platformRole,
      email: users.email,
      role: memberships.role,
      membershipStatus: memberships.status,
      tenantStatus: tenants.status,
      open: sql<boolean>`exists (select 1 from ${refreshTokens} where ${refreshTokens.familyId} = ${claims.familyId} and ${refreshTokens.userId} = ${claims.userId} and ${refreshTokens.revokedAt} is null)`,
    })
    .from(users)
    .leftJoin(
      memberships,
      and(eq(memberships.userId, users.id), eq(memberships.tenantId, claims.tenantId ?? NO_TENANT)),
    )
    .leftJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(users.id, claims.userId));
  return row;
}

// A uuid no tenant has: a platform session joins no membership.
const NO_TENANT = '00000000-0000-0000-0000-000000000000';

/**
 * Refresh tokens expired for longer than `graceDays`, of sign-ins that have ended (no token of the
 * family is still valid): while a family lives, its old tokens stay to recognise their reuse.
 */
export function pruneRefreshTokens(db: Db, graceDays: number): Promise<number> {
  return deleteInBatches(
    db,
    'refresh_tokens',
    (limit) => sql`select t.ctid from refresh_tokens t
      where t.expires_at < now() - make_interval(days => ${graceDays})
        and not exists (select 1 from refresh_tokens live
                        where live.family_id = t.family_id and live.expires_at > now())
      limit ${limit}`,
  );
}
