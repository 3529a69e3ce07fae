// ai_requests: the recorder's set-based insert (one statement per tenant and batch, every column an
// array parameter in PostgreSQL's binary array format), the request list of a pipeline, and the
// retention purge of stored prompt and response text.
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import {
  float8Array,
  int4Array,
  nullableBinaryArray,
  timestamptzArray,
} from '../../../platform/db/binary-arrays.ts';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { matchedRows } from '../../../platform/db/page.ts';
import { aiRequests } from '../../../platform/db/schema/index.ts';
import type { RequestRecord } from '../contracts.ts';

const text = (rows: RequestRecord[], pick: (r: RequestRecord) => string | null) =>
  nullableBinaryArray('text', rows.map(pick));

/**
 * Inserts the rows (all of the scope's tenant) in one statement; returns how many it wrote (rows of
 * pipelines that are gone are not).
 */
export async function insertRequests(tx: Executor, rows: RequestRecord[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await queryRows<{ n: number }>(
    tx,
    sql`with ins as (
          insert into ai_requests (tenant_id, workspace_id, pipeline_id, pipeline_version, at, protocol,
            purpose, api_key_id, cache, status, error_code, latency_ms, upstream_ms, tokens_in, tokens_out,
            cost_usd, tokens_saved, cost_saved_usd, provider, model, cache_entry_id, prompt, response)
          select app_tenant_id(), i.workspace_id::uuid, i.pipeline_id::uuid, i.pipeline_version, i.at,
                 i.protocol, i.purpose, i.api_key_id::uuid, i.cache, i.status, i.error_code, i.latency_ms,
                 i.upstream_ms, i.tokens_in, i.tokens_out, i.cost_usd, i.tokens_saved, i.cost_saved_usd,
                 i.provider, i.model, i.cache_entry_id::uuid, i.prompt, i.response
          from unnest(${text(rows, (r) => r.workspaceId)}::text[], ${text(rows, (r) => r.pipelineId)}::text[],
                      ${int4Array(rows.map((r) => r.pipelineVersion))}::int4[],
                      ${timestamptzArray(rows.map((r) => r.at.getTime()))}::timestamptz[],
                      ${text(rows, (r) => r.protocol)}::text[], ${text(rows, (r) => r.purpose)}::text[],
                      ${text(rows, (r) => r.apiKeyId)}::text[], ${text(rows, (r) => r.cache)}::text[],
                      ${text(rows, (r) => r.status)}::text[], ${text(rows, (r) => r.errorCode)}::text[],
                      ${float8Array(rows.map((r) => r.latencyMs))}::float8[],
                      ${float8Array(rows.map((r) => r.upstreamMs))}::float8[],
                      ${int4Array(rows.map((r) => r.tokensIn))}::int4[],
                      ${int4Array(rows.map((r) => r.tokensOut))}::int4[],
                      ${float8Array(rows.map((r) => r.costUsd))}::float8[],
                      ${int4Array(rows.map((r) => r.tokensSaved))}::int4[],
                      ${float8Array(rows.map((r) => r.costSavedUsd))}::float8[],
                      ${text(rows, (r) => r.provider)}::text[], ${text(rows, (r) => r.model)}::text[],
                      ${text(rows, (r) => r.cacheEntryId)}::text[], ${text(rows, (r) => r.prompt)}::text[],
                      ${text(rows, (r) => r.response)}::text[])
               as i(workspace_id, pipeline_id, pipeline_version, at, protocol, purpose, api_key_id, cache,
                    status, error_code, latency_ms, upstream_ms, tokens_in, tokens_out, cost_usd,
                    tokens_saved, cost_saved_usd, provider, model, cache_entry_id, prompt, response)
          -- Rows of a pipeline deleted since (or not the tenant's: row-level security) are left out.
          join ai_pipelines p on p.id = i.pipeline_id::uuid
          returning 1)
        select count(*)::int as n from ins`,
  );
  return Number(result[0]?.n ?? 0);
}

export interface RequestFilter {
  status?: RequestRecord['status'] | undefined;
  /** 'hit': exact or semantic; otherwise the stored outcome. */
  cache?: 'hit' | RequestRecord['cache'] | undefined;
  limit: number;
  offset: number;
}

/** A pipeline's request rows, newest first, with the number that match. */
export async function listRequests(tx: Executor, pipelineId: string, filter: RequestFilter) {
  const conditions: SQL[] = [eq(aiRequests.pipelineId, pipelineId)];
  if (filter.status) conditions.push(eq(aiRequests.status, filter.status));
  if (filter.cache === 'hit') conditions.push(inArray(aiRequests.cache, ['exact', 'semantic']));
  else if (filter.cache) conditions.push(eq(aiRequests.cache, filter.cache));
  const rows = await tx
    .select({ row: aiRequests, total: matchedRows() })
    .from(aiRequests)
    .where(and(...conditions))
    .orderBy(desc(aiRequests.at), desc(aiRequests.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return { rows: rows.map((r) => r.row), total: rows[0]?.total ?? 0 };
}

export type RequestRow = typeof aiRequests.$inferSelect;

/**
 * Clears the prompt and response text of requests older than their pipeline's retention (the
 * pipeline's current setting), in the scope's tenant; returns how many rows it cleared.
 */
export async function purgeExpiredText(tx: Executor, now: Date, limit = 10_000): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`with doomed as (
          select r.id from ai_requests r join ai_pipelines p on p.id = r.pipeline_id
          where (r.prompt is not null or r.response is not null)
            and r.at < ${now.toISOString()}::timestamptz - make_interval(days => p.retention_days)
          limit ${limit}),
        upd as (update ai_requests r set prompt = null, response = null from doomed d where r.id = d.id returning 1)
        select count(*)::int as n from upd`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Whether the tenant has request rows newer than `since` (the maintenance pass's question). */
export async function hasRequestsSince(tx: Executor, since: Date): Promise<boolean> {
  const rows = await tx
    .select({ id: aiRequests.id })
    .from(aiRequests)
    .where(sql`${aiRequests.at} >= ${since.toISOString()}::timestamptz`)
    .limit(1);
  return rows.length > 0;
}
