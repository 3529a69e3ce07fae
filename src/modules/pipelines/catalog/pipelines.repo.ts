import { and, desc, eq, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../../platform/db/page.ts';
import { aiPipelines, aiPipelineVersions } from '../../../platform/db/schema/index.ts';

// Pipelines and their versions. Every function runs in the caller's tenant scope.

export type PipelineRow = typeof aiPipelines.$inferSelect;
export type PipelineVersionRow = typeof aiPipelineVersions.$inferSelect;
export type PipelineStatus = 'draft' | 'active' | 'paused' | 'archived';

export async function insertPipeline(
  tx: Executor,
  values: typeof aiPipelines.$inferInsert,
): Promise<PipelineRow> {
  const [row] = await tx.insert(aiPipelines).values(values).returning();
  if (!row) throw new Error('pipeline not inserted');
  return row;
}

export async function insertVersion(tx: Executor, values: typeof aiPipelineVersions.$inferInsert) {
  await tx.insert(aiPipelineVersions).values(values);
}

export async function findPipeline(tx: Executor, id: string): Promise<PipelineRow | undefined> {
  const [row] = await tx.select().from(aiPipelines).where(eq(aiPipelines.id, id));
  return row;
}

/** The row locked for a change (two edits of one pipeline bump its version one after the other). */
export async function lockPipeline(tx: Executor, id: string): Promise<PipelineRow | undefined> {
  const [row] = await tx.select().from(aiPipelines).where(eq(aiPipelines.id, id)).for('update');
  return row;
}

export async function findBySlug(tx: Executor, slug: string): Promise<PipelineRow | undefined> {
  const [row] = await tx.select().from(aiPipelines).where(eq(aiPipelines.slug, slug));
  return row;
}

export async function findDefault(tx: Executor): Promise<PipelineRow | undefined> {
  const [row] = await tx.select().from(aiPipelines).where(eq(aiPipelines.isDefault, true));
  return row;
}

/** Slugs taken that are `base` or `base-<n>` (to choose a free one). */
export async function slugsLike(tx: Executor, base: string): Promise<Set<string>> {
  const rows = await tx
    .select({ slug: aiPipelines.slug })
    .from(aiPipelines)
    .where(or(eq(aiPipelines.slug, base), like(aiPipelines.slug, `${base}-%`)));
  return new Set(rows.map((r) => r.slug));
}

export interface PipelineFilter {
  workspaceId?: string | undefined;
  status?: PipelineStatus | undefined;
  sector?: string | undefined;
  includeArchived?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function listPipelines(tx: Executor, filter: PipelineFilter) {
  const conditions: (SQL | undefined)[] = [
    filter.workspaceId ? eq(aiPipelines.workspaceId, filter.workspaceId) : undefined,
    filter.status ? eq(aiPipelines.status, filter.status) : undefined,
    filter.sector ? eq(aiPipelines.sector, filter.sector) : undefined,
    filter.status || filter.includeArchived ? undefined : ne(aiPipelines.status, 'archived'),
  ];
  const where = and(...conditions);
  const rows = await tx
    .select({ pipeline: aiPipelines, total: matchedRows() })
    .from(aiPipelines)
    .where(where)
    .orderBy(desc(aiPipelines.updatedAt), desc(aiPipelines.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.pipeline,
    () => countWhere(tx, aiPipelines, where),
  );
}

/** Every pipeline but archived ones (GET /v1/models, the resolver), optionally of one workspace. */
export async function listRunnable(tx: Executor, workspaceId: string | null): Promise<PipelineRow[]> {
  return tx
    .select()
    .from(aiPipelines)
    .where(
      and(
        ne(aiPipelines.status, 'archived'),
        workspaceId ? eq(aiPipelines.workspaceId, workspaceId) : undefined,
      ),
    )
    .orderBy(aiPipelines.slug)
    .limit(1000);
}

export async function updatePipeline(
  tx: Executor,
  id: string,
  values: Partial<Omit<typeof aiPipelines.$inferInsert, 'id' | 'tenantId' | 'createdAt'>>,
): Promise<PipelineRow> {
  const [row] = await tx
    .update(aiPipelines)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(aiPipelines.id, id))
    .returning();
  if (!row) throw new Error('pipeline not updated');
  return row;
}

export async function listVersions(
  tx: Executor,
  pipelineId: string,
  page: { limit: number; offset: number },
) {
  const where = eq(aiPipelineVersions.pipelineId, pipelineId);
  const rows = await tx
    .select({ version: aiPipelineVersions, total: matchedRows() })
    .from(aiPipelineVersions)
    .where(where)
    .orderBy(desc(aiPipelineVersions.version))
    .limit(page.limit)
    .offset(page.offset);
  return pageOf(
    rows,
    page.offset,
    (r) => r.version,
    () => countWhere(tx, aiPipelineVersions, where),
  );
}
