// Test support for the cache: an answer to store, and a workspace and a pipeline row to hang cache
// entries on.
import type { Db } from '../../../platform/db/database.ts';
import { aiPipelines, aiWorkspaces } from '../../../platform/db/schema/index.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import type { CachedAnswer } from '../contracts.ts';

/** A cached answer of `text` (12 tokens in, 30 out, $0.001, from the offline model). */
export const cachedAnswer = (text = 'cached'): CachedAnswer => ({
  text,
  toolCalls: [],
  finishReason: 'stop',
  usage: { inputTokens: 12, outputTokens: 30 },
  costUsd: 0.001,
  provider: 'offline',
  model: 'offline-1',
});

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
