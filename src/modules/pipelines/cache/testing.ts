// Test support for the cache: a workspace and a pipeline row to hang cache entries on.
import type { Db } from '../../../platform/db/database.ts';
import { aiPipelines, aiWorkspaces } from '../../../platform/db/schema/index.ts';
import { inTenant } from '../../../platform/db/scope.ts';

/** A workspace and an (empty) pipeline of the tenant; returns the pipeline's id. */
export async function seedPipeline(db: Db, tenantId: string, slug: string): Promise<string> {
  return inTenant(db, tenantId, async (tx) => {
    const [ws] = await tx
      .insert(aiWorkspaces)
      .values({ tenantId, name: `ws-${slug}`, sector: 'manufacturing' })
      .returning();
    const [p] = await tx
      .insert(aiPipelines)
      .values({
        tenantId,
        workspaceId: ws?.id as string,
        slug,
        name: slug,
        sector: 'manufacturing',
        nodes: [],
        connections: [],
        complexityTier: 'simple',
        complexityScore: 1,
        monthlyCost: 0,
      })
      .returning();
    return p?.id as string;
  });
}
