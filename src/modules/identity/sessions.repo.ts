import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { invitations, refreshTokens } from '../../platform/db/schema/index.ts';

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
