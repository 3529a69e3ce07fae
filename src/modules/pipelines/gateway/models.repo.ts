// What GET /v1/models shows of a pipeline beyond what the resolver gives (RunnablePipeline has no
// name or creation time): one read of the listed pipelines' rows, in the caller's tenant.
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.ts';
import { aiPipelines } from '../../../platform/db/schema/index.ts';

export interface PipelineLabel {
  name: string;
  createdAt: Date;
}

export async function pipelineLabels(tx: Executor, ids: string[]): Promise<Map<string, PipelineLabel>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: aiPipelines.id, name: aiPipelines.name, createdAt: aiPipelines.createdAt })
    .from(aiPipelines)
    .where(inArray(aiPipelines.id, ids));
  return new Map(rows.map((row) => [row.id, { name: row.name, createdAt: row.createdAt }]));
}
