import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../../platform/db/page.ts';
import { supplyDeployments, supplyModels } from '../../../platform/db/schema/index.ts';

// The model registry's rows: versions of a model (immutable once registered) and the append-only
// history of their deployments, whose latest row per (model, stage, scope) is the current one.

export type ModelRow = typeof supplyModels.$inferSelect;
export type DeploymentRow = typeof supplyDeployments.$inferSelect;

export async function insertModel(tx: Executor, values: Omit<typeof supplyModels.$inferInsert, 'version'>) {
  // Versions count up per name; the unique key turns a concurrent registration into a retry-able error.
  const [row] = await tx
    .insert(supplyModels)
    .values({
      ...values,
      version: sql`(select coalesce(max(version), 0) + 1 from supply_models where tenant_id = ${values.tenantId} and name = ${values.name})`,
    })
    .returning();
  if (!row) throw new Error('model not inserted');
  return row;
}

export async function findModel(tx: Executor, id: string): Promise<ModelRow | undefined> {
  const [row] = await tx.select().from(supplyModels).where(eq(supplyModels.id, id));
  return row;
}

export async function listModels(
  tx: Executor,
  filter: { name?: string | undefined; limit: number; offset: number },
) {
  const where = filter.name ? eq(supplyModels.name, filter.name) : undefined;
  const rows = await tx
    .select({ model: supplyModels, total: matchedRows() })
    .from(supplyModels)
    .where(where)
    .orderBy(supplyModels.name, desc(supplyModels.version))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.model,
    () => countWhere(tx, supplyModels, where),
  );
}

export async function insertDeployment(tx: Executor, values: typeof supplyDeployments.$inferInsert) {
  const [row] = await tx.insert(supplyDeployments).values(values).returning();
  if (!row) throw new Error('deployment not inserted');
  return row;
}

/** The deployments of a model name at a stage and scope, newest first (the first is current). */
export async function deploymentHistory(
  tx: Executor,
  key: { modelName: string; stage: string; scope: string },
  limit = 50,
): Promise<DeploymentRow[]> {
  return tx
    .select()
    .from(supplyDeployments)
    .where(
      and(
        eq(supplyDeployments.modelName, key.modelName),
        eq(supplyDeployments.stage, key.stage),
        eq(supplyDeployments.scope, key.scope),
      ),
    )
    .orderBy(desc(supplyDeployments.deployedAt), desc(sql`${supplyDeployments.id}`))
    .limit(limit);
}

export async function listDeployments(
  tx: Executor,
  filter: { modelName?: string | undefined; stage?: string | undefined; limit: number; offset: number },
) {
  const where = and(
    filter.modelName ? eq(supplyDeployments.modelName, filter.modelName) : undefined,
    filter.stage ? eq(supplyDeployments.stage, filter.stage) : undefined,
  );
  const rows = await tx
    .select({ deployment: supplyDeployments, version: supplyModels.version, total: matchedRows() })
    .from(supplyDeployments)
    .innerJoin(supplyModels, eq(supplyModels.id, supplyDeployments.modelId))
    .where(where)
    .orderBy(desc(supplyDeployments.deployedAt))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    ({ total: _t, ...row }) => row,
    () => countWhere(tx, supplyDeployments, where),
  );
}
