// Test data for the metrics part: workspaces and pipelines written straight to the tables (the
// catalog has its own tests) and request records with every figure known.
import type { Db } from '../../../platform/db/database.ts';
import { aiPipelines, aiWorkspaces } from '../../../platform/db/schema/index.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import type { RequestRecord } from '../contracts.ts';

export interface SeededPipeline {
  id: string;
  workspaceId: string;
  sector: string;
  slug: string;
}

export async function seedWorkspace(db: Db, tenantId: string, name: string, sector: string) {
  return inTenant(db, tenantId, async (tx) => {
    const [ws] = await tx
      .insert(aiWorkspaces)
      .values({ tenantId, name, sector })
      .returning({ id: aiWorkspaces.id });
    if (!ws) throw new Error('workspace not inserted');
    return ws.id;
  });
}

export async function seedPipeline(
  db: Db,
  tenantId: string,
  workspaceId: string,
  slug: string,
  options: { sector?: string; storePrompts?: boolean; retentionDays?: number; status?: string } = {},
): Promise<SeededPipeline> {
  const sector = options.sector ?? 'automotive';
  return inTenant(db, tenantId, async (tx) => {
    const [p] = await tx
      .insert(aiPipelines)
      .values({
        tenantId,
        workspaceId,
        slug,
        name: `Pipeline ${slug}`,
        sector,
        nodes: [],
        connections: [],
        complexityTier: 'simple',
        complexityScore: 1,
        monthlyCost: 10,
        status: options.status ?? 'active',
        storePrompts: options.storePrompts ?? false,
        retentionDays: options.retentionDays ?? 30,
      })
      .returning({ id: aiPipelines.id });
    if (!p) throw new Error('pipeline not inserted');
    return { id: p.id, workspaceId, sector, slug };
  });
}

/** A request of `pipeline` with defaults that a test overrides. */
export function requestRecord(
  tenantId: string,
  pipeline: SeededPipeline,
  overrides: Partial<RequestRecord> = {},
): RequestRecord {
  return {
    tenantId,
    workspaceId: pipeline.workspaceId,
    pipelineId: pipeline.id,
    pipelineVersion: 1,
    sector: pipeline.sector,
    at: new Date(),
    protocol: 'openai',
    purpose: 'gateway',
    apiKeyId: null,
    cache: 'miss',
    status: 'ok',
    errorCode: null,
    latencyMs: 10,
    upstreamMs: 8,
    tokensIn: 100,
    tokensOut: 50,
    costUsd: 0.001,
    tokensSaved: 0,
    costSavedUsd: 0,
    provider: 'offline',
    model: 'offline',
    cacheEntryId: null,
    prompt: null,
    response: null,
    ...overrides,
  };
}
