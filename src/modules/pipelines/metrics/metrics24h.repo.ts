// A pipeline's figures over the last 24 hours, straight from its request rows (the index
// ai_requests_pipeline_at_idx covers the range). The same definitions as the hourly rollup and the
// views (aggregates.sql.ts): hits are exact or semantic cache answers, misses are cache lookups that
// found nothing, the hit rate is hits / (hits + misses) in percent (0 without lookups), errors are
// requests answered with an error, a refusal or a budget stop.
import { sql } from 'drizzle-orm';
import { nullableBinaryArray } from '../../../platform/db/binary-arrays.ts';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { AGGREGATES, type AggregateRow, toMetrics } from './aggregates.sql.ts';

export interface Metrics24h {
  requests: number;
  cacheHits: number;
  cacheMisses: number;
  /** Percent, 0 … 100 (two decimals). */
  hitRate: number;
  /** Milliseconds. */
  latencyP50: number;
  latencyP95: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  /** USD the cache saved (the cost of the answers it replayed). */
  costSaved: number;
  tokensSaved: number;
  errors: number;
}

export const EMPTY_METRICS: Readonly<Metrics24h> = Object.freeze({
  requests: 0,
  cacheHits: 0,
  cacheMisses: 0,
  hitRate: 0,
  latencyP50: 0,
  latencyP95: 0,
  tokensIn: 0,
  tokensOut: 0,
  costUsd: 0,
  costSaved: 0,
  tokensSaved: 0,
  errors: 0,
});

/**
 * The 24 h figures of each pipeline (every id gets an entry; a pipeline without traffic gets
 * zeros). Runs in the caller's tenant scope: ids of another tenant's pipelines find no rows.
 */
export async function pipelineMetrics24h(
  tx: Executor,
  pipelineIds: string[],
  now: Date = new Date(),
): Promise<Map<string, Metrics24h>> {
  const result = new Map<string, Metrics24h>();
  if (pipelineIds.length === 0) return result;
  const ids = [...new Set(pipelineIds)];
  const rows = await queryRows<AggregateRow & { pipelineId: string }>(
    tx,
    sql`select r.pipeline_id as "pipelineId", ${AGGREGATES}
        from ai_requests r
        where r.pipeline_id = any(${nullableBinaryArray('text', ids)}::text[]::uuid[])
          and r.at > ${now.toISOString()}::timestamptz - interval '24 hours'
        group by r.pipeline_id`,
  );
  for (const id of ids) result.set(id, { ...EMPTY_METRICS });
  for (const row of rows) result.set(row.pipelineId, toMetrics(row));
  return result;
}
