import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../../platform/db/page.ts';
import { aiPipelines, aiWorkspaceKeys, aiWorkspaces, apiKeys } from '../../../platform/db/schema/index.ts';

// Workspaces and the links between API keys and the workspace they are bound to. Every function
// runs in the caller's tenant scope (row-level security keeps other tenants' rows out).

export type WorkspaceRow = typeof aiWorkspaces.$inferSelect;
export type WorkspaceWithCount = WorkspaceRow & { pipelines: number };

/** Pipelines of the workspace that are not archived. */
// Written out: inside a select from ai_workspaces, drizzle would render the column unqualified.
const livePipelines = sql<number>`(select count(*) from ai_pipelines p
  where p.workspace_id = ai_workspaces.id and p.status <> 'archived')`.mapWith(Number);

export async function insertWorkspace(tx: Executor, values: typeof aiWorkspaces.$inferInsert) {
  const [row] = await tx.insert(aiWorkspaces).values(values).returning();
  if (!row) throw new Error('workspace not inserted');
  return row;
}

/** The workspace of this name, created when missing (the default pipeline's). */
export async function ensureWorkspace(tx: Executor, values: typeof aiWorkspaces.$inferInsert) {
  await tx.insert(aiWorkspaces).values(values).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(aiWorkspaces)
    .where(and(eq(aiWorkspaces.tenantId, values.tenantId), eq(aiWorkspaces.name, values.name)));
  if (!row) throw new Error('workspace not found after insert');
  return row;
}

export async function listWorkspaces(
  tx: Executor,
  filter: { sector?: string | undefined; limit: number; offset: number },
) {
  const where = filter.sector ? eq(aiWorkspaces.sector, filter.sector) : undefined;
  const rows = await tx
    .select({ workspace: aiWorkspaces, pipelines: livePipelines, total: matchedRows() })
    .from(aiWorkspaces)
    .where(where)
    .orderBy(aiWorkspaces.name, aiWorkspaces.id)
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r): WorkspaceWithCount => ({ ...r.workspace, pipelines: r.pipelines }),
    () => countWhere(tx, aiWorkspaces, where),
  );
}

export async function findWorkspace(tx: Executor, id: string): Promise<WorkspaceWithCount | undefined> {
  const [row] = await tx
    .select({ workspace: aiWorkspaces, pipelines: livePipelines })
    .from(aiWorkspaces)
    .where(eq(aiWorkspaces.id, id));
  return row ? { ...row.workspace, pipelines: row.pipelines } : undefined;
}

export async function findWorkspaceByName(
  tx: Executor,
  name: string,
): Promise<WorkspaceWithCount | undefined> {
  const [row] = await tx
    .select({ workspace: aiWorkspaces, pipelines: livePipelines })
    .from(aiWorkspaces)
    .where(eq(aiWorkspaces.name, name));
  return row ? { ...row.workspace, pipelines: row.pipelines } : undefined;
}

export async function updateWorkspace(
  tx: Executor,
  id: string,
  values: Partial<
    Pick<WorkspaceRow, 'name' | 'sector' | 'description' | 'monthlyBudgetUsd' | 'monthlyBudgetTokens'>
  >,
) {
  await tx
    .update(aiWorkspaces)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(aiWorkspaces.id, id));
}

/** Deletes the workspace; its archived pipelines and their history go with it (cascade). */
export async function deleteWorkspace(tx: Executor, id: string) {
  await tx.delete(aiWorkspaces).where(eq(aiWorkspaces.id, id));
}

/** Whether the workspace holds the tenant's default pipeline (which may not lose its workspace). */
export async function holdsDefaultPipeline(tx: Executor, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: aiPipelines.id })
    .from(aiPipelines)
    .where(and(eq(aiPipelines.workspaceId, id), eq(aiPipelines.isDefault, true)));
  return row !== undefined;
}

export async function linkKey(tx: Executor, values: typeof aiWorkspaceKeys.$inferInsert) {
  await tx.insert(aiWorkspaceKeys).values(values);
}

/** The workspace an API key is bound to, if any. */
export async function workspaceOfKey(tx: Executor, apiKeyId: string): Promise<string | null> {
  const [row] = await tx
    .select({ workspaceId: aiWorkspaceKeys.workspaceId })
    .from(aiWorkspaceKeys)
    .where(eq(aiWorkspaceKeys.apiKeyId, apiKeyId));
  return row?.workspaceId ?? null;
}

const keyColumns = {
  id: apiKeys.id,
  workspaceId: aiWorkspaceKeys.workspaceId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};
export type WorkspaceKeyRow = {
  id: string;
  workspaceId: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function listWorkspaceKeys(
  tx: Executor,
  workspaceId: string,
  filter: { includeRevoked: boolean; limit: number; offset: number },
) {
  const where = and(
    eq(aiWorkspaceKeys.workspaceId, workspaceId),
    filter.includeRevoked ? undefined : isNull(apiKeys.revokedAt),
  );
  const rows = await tx
    .select({ ...keyColumns, total: matchedRows() })
    .from(aiWorkspaceKeys)
    .innerJoin(apiKeys, eq(apiKeys.id, aiWorkspaceKeys.apiKeyId))
    .where(where)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    ({ total: _total, ...key }) => key as WorkspaceKeyRow,
    async () => {
      const [row] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(aiWorkspaceKeys)
        .innerJoin(apiKeys, eq(apiKeys.id, aiWorkspaceKeys.apiKeyId))
        .where(where);
      return row?.n ?? 0;
    },
  );
}

export async function findWorkspaceKey(tx: Executor, workspaceId: string, keyId: string) {
  const [row] = await tx
    .select(keyColumns)
    .from(aiWorkspaceKeys)
    .innerJoin(apiKeys, eq(apiKeys.id, aiWorkspaceKeys.apiKeyId))
    .where(and(eq(aiWorkspaceKeys.workspaceId, workspaceId), eq(aiWorkspaceKeys.apiKeyId, keyId)));
  return row as WorkspaceKeyRow | undefined;
}

/** The keys of a workspace that still work (to revoke them before the workspace goes). */
export async function liveKeyIds(tx: Executor, workspaceId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: apiKeys.id })
    .from(aiWorkspaceKeys)
    .innerJoin(apiKeys, eq(apiKeys.id, aiWorkspaceKeys.apiKeyId))
    .where(and(eq(aiWorkspaceKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)));
  return rows.map((r) => r.id);
}
