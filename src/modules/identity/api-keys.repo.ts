import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { apiKeys, memberships, tenants, users } from '../../platform/db/schema/index.ts';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(
  tx: Executor,
  values: Pick<
    ApiKeyRow,
    'tenantId' | 'createdBy' | 'name' | 'prefix' | 'secretHash' | 'scopes' | 'expiresAt'
  >,
): Promise<ApiKeyRow> {
  const [row] = await tx.insert(apiKeys).values(values).returning();
  if (!row) throw new Error('API key not inserted');
  return row;
}

export async function listApiKeys(
  tx: Executor,
  filter: { createdBy?: string | undefined; includeRevoked: boolean; limit: number; offset: number },
) {
  const where = and(
    filter.createdBy ? eq(apiKeys.createdBy, filter.createdBy) : undefined,
    filter.includeRevoked ? undefined : isNull(apiKeys.revokedAt),
  );
  const rows = await tx
    .select({ key: apiKeys, creatorEmail: users.email, total: matchedRows() })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(where)
    .orderBy(desc(apiKeys.createdAt))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    ({ key, creatorEmail }) => ({ key, creatorEmail }),
    () => countWhere(tx, apiKeys, where),
  );
}

export async function findApiKey(tx: Executor, id: string) {
  const [row] = await tx
    .select({ key: apiKeys, creatorEmail: users.email })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.id, id));
  return row;
}

export async function revokeApiKey(tx: Executor, id: string) {
  await tx
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
}

/**
 * The key with this hash if it can act right now: not revoked, not expired, its creator still an
 * active member of an active tenant. Runs across tenants (the key is what tells us the tenant).
 */
export async function findUsableApiKey(tx: Executor, secretHash: string) {
  const [row] = await tx
    .select({ key: apiKeys, creatorEmail: users.email, creatorRole: memberships.role })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdBy))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, apiKeys.createdBy), eq(memberships.tenantId, apiKeys.tenantId)),
    )
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .where(
      and(
        eq(apiKeys.secretHash, secretHash),
        isNull(apiKeys.revokedAt),
        sql`(${apiKeys.expiresAt} is null or ${apiKeys.expiresAt} > now())`,
        eq(users.status, 'active'),
        eq(memberships.status, 'active'),
        sql`${tenants.status} <> 'inactive'`,
      ),
    );
  return row;
}

export async function touchApiKey(tx: Executor, id: string) {
  await tx.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, id));
}
