import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { readFloat4Array } from '../../../platform/db/binary-array-reader.ts';
import {
  float8Array,
  int4Array,
  nullableBinaryArray,
  timestamptzArray,
} from '../../../platform/db/binary-arrays.ts';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../../platform/db/page.ts';
import { aiCacheEntries, aiPipelines } from '../../../platform/db/schema/index.ts';

// ai_cache_entries and the cache's view of ai_requests. Every function runs in the caller's tenant
// scope (inTenant/readInTenant), so RLS keeps tenants apart whatever the filters say.

export type CacheEntryRow = typeof aiCacheEntries.$inferSelect;

/** What the in-memory cache loads: everything but the bookkeeping (vectors: entryVectors). */
export async function liveEntries(tx: Executor, pipelineId: string) {
  return tx
    .select({
      id: aiCacheEntries.id,
      keyHash: aiCacheEntries.keyHash,
      queryText: aiCacheEntries.queryText,
      answer: aiCacheEntries.answer,
      createdAt: aiCacheEntries.createdAt,
      expiresAt: aiCacheEntries.expiresAt,
    })
    .from(aiCacheEntries)
    .where(and(eq(aiCacheEntries.pipelineId, pipelineId), gt(aiCacheEntries.expiresAt, sql`now()`)))
    .orderBy(aiCacheEntries.createdAt);
}

/**
 * Inserts entries, or replaces the entry of the same request (a re-stored key starts afresh, with
 * the new id: the id the process handed out is the one the table keeps). One statement for the
 * batch, every column an array parameter in PostgreSQL's binary array format (a thousand-row
 * VALUES list built by the query builder held the event loop up); the caller gives at most one
 * row per (pipeline, key). Rows of a pipeline deleted since (or not the tenant's) are left out.
 */
export async function upsertEntries(
  tx: Executor,
  rows: (typeof aiCacheEntries.$inferInsert & { id: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  const texts = (pick: (r: (typeof rows)[number]) => string) => nullableBinaryArray('text', rows.map(pick));
  const ms = (value: Date | string | undefined) =>
    value === undefined ? Date.now() : new Date(value).getTime();
  await tx.execute(sql`
    insert into ai_cache_entries as e (id, tenant_id, pipeline_id, key_hash, query_text, answer, tokens_in,
      tokens_out, cost_usd, embedding, created_at, expires_at)
    select i.id::uuid, app_tenant_id(), i.pipeline_id::uuid, i.key_hash, i.query_text, i.answer, i.tokens_in,
           i.tokens_out, i.cost_usd, i.embedding::real[], i.created_at, i.expires_at
      from unnest(${texts((r) => r.id)}::text[], ${texts((r) => r.pipelineId)}::text[],
                  ${texts((r) => r.keyHash)}::text[], ${texts((r) => r.queryText)}::text[],
                  ${nullableBinaryArray(
                    'jsonb',
                    rows.map((r) => JSON.stringify(r.answer)),
                  )}::jsonb[],
                  ${int4Array(rows.map((r) => r.tokensIn ?? 0))}::int4[],
                  ${int4Array(rows.map((r) => r.tokensOut ?? 0))}::int4[],
                  ${float8Array(rows.map((r) => r.costUsd ?? 0))}::float8[],
                  ${nullableBinaryArray(
                    'text',
                    rows.map((r) => (r.embedding ? realArrayText(r.embedding) : null)),
                  )}::text[],
                  ${timestamptzArray(rows.map((r) => ms(r.createdAt)))}::timestamptz[],
                  ${timestamptzArray(rows.map((r) => ms(r.expiresAt)))}::timestamptz[])
           as i(id, pipeline_id, key_hash, query_text, answer, tokens_in, tokens_out, cost_usd, embedding,
                created_at, expires_at)
      join ai_pipelines p on p.id = i.pipeline_id::uuid
    on conflict (pipeline_id, key_hash) do update
       set id = excluded.id, query_text = excluded.query_text, answer = excluded.answer,
           tokens_in = excluded.tokens_in, tokens_out = excluded.tokens_out, cost_usd = excluded.cost_usd,
           embedding = excluded.embedding,
           hits = 0, last_hit_at = null, created_at = excluded.created_at, expires_at = excluded.expires_at`);
}

/** The stored vectors of these entries (absent: none stored, or not a whole vector). */
export async function entryVectors(tx: Executor, ids: string[]): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  const rows = await queryRows<{ id: string; v: unknown }>(
    tx,
    sql`select id::text as id, array_send(embedding) as v from ai_cache_entries
         where id = any(${nullableBinaryArray('text', ids)}::text[]::uuid[]) and embedding is not null`,
  );
  for (const row of rows) {
    const vector = readFloat4Array(row.v);
    if (vector.length > 0 && vector.every(Number.isFinite)) out.set(row.id, vector);
  }
  return out;
}

/** A vector as real[]'s text input ('{0.1,-0.2}'), for a text[] parameter cast to real[] per row. */
const realArrayText = (values: ArrayLike<number>) => `{${Array.from(values).join(',')}}`;

/** Stores vectors embedded after their entries were written, with the embedder that made them. */
export async function setEmbeddings(
  tx: Executor,
  ids: string[],
  vectors: Float32Array[],
  embedderId: string,
): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    update ai_cache_entries e
       set embedding = v.embedding::real[], answer = e.answer || jsonb_build_object('embedder', ${embedderId}::text)
      from unnest(${nullableBinaryArray('text', ids)}::text[],
                  ${nullableBinaryArray('text', vectors.map(realArrayText))}::text[]) as v(id, embedding)
     where e.id = v.id::uuid`);
}

/** One entry at once (fixtures); returns its id. */
export async function upsertEntry(tx: Executor, values: typeof aiCacheEntries.$inferInsert): Promise<string> {
  const id = values.id ?? crypto.randomUUID();
  await upsertEntries(tx, [{ ...values, id }]);
  return id;
}

/** Adds counted hits (ids, counts and last-hit times as parallel arrays). */
export async function addHits(tx: Executor, ids: string[], counts: number[], at: string[]): Promise<void> {
  await tx.execute(sql`
    update ai_cache_entries e
       set hits = e.hits + v.n, last_hit_at = greatest(e.last_hit_at, v.at)
      from unnest(${sql.param(ids)}::uuid[], ${sql.param(counts)}::int[], ${sql.param(at)}::timestamptz[]) as v(id, n, at)
     where e.id = v.id`);
}

export async function deleteEntry(tx: Executor, id: string) {
  const [row] = await tx
    .delete(aiCacheEntries)
    .where(eq(aiCacheEntries.id, id))
    .returning({ id: aiCacheEntries.id, pipelineId: aiCacheEntries.pipelineId });
  return row;
}

/** Deletes a pipeline's entries (those created before `before` when given); returns how many. */
export async function deletePipelineEntries(
  tx: Executor,
  pipelineId: string,
  before?: Date,
): Promise<number> {
  const rows = await tx
    .delete(aiCacheEntries)
    .where(
      and(
        eq(aiCacheEntries.pipelineId, pipelineId),
        before ? lt(aiCacheEntries.createdAt, before) : undefined,
      ),
    )
    .returning({ id: aiCacheEntries.id });
  return rows.length;
}

export async function pipelineExists(tx: Executor, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: aiPipelines.id }).from(aiPipelines).where(eq(aiPipelines.id, id));
  return row !== undefined;
}

export async function listEntries(tx: Executor, pipelineId: string, page: { limit: number; offset: number }) {
  const rows = await tx
    .select({
      id: aiCacheEntries.id,
      queryText: aiCacheEntries.queryText,
      answer: aiCacheEntries.answer,
      tokensIn: aiCacheEntries.tokensIn,
      tokensOut: aiCacheEntries.tokensOut,
      costUsd: aiCacheEntries.costUsd,
      hits: aiCacheEntries.hits,
      createdAt: aiCacheEntries.createdAt,
      lastHitAt: aiCacheEntries.lastHitAt,
      expiresAt: aiCacheEntries.expiresAt,
      total: matchedRows(),
    })
    .from(aiCacheEntries)
    .where(eq(aiCacheEntries.pipelineId, pipelineId))
    .orderBy(desc(aiCacheEntries.createdAt), desc(aiCacheEntries.id))
    .limit(page.limit)
    .offset(page.offset);
  return pageOf(
    rows,
    page.offset,
    ({ total: _, ...row }) => row,
    () => countWhere(tx, aiCacheEntries, eq(aiCacheEntries.pipelineId, pipelineId)),
  );
}

export interface EntryTotals {
  entries: number;
  live: number;
  hits: number;
  tokensCached: number;
}

/** Entry counts and stored hits, per pipeline (all the tenant's pipelines when `pipelineId` is null). */
export async function entryTotals(tx: Executor, pipelineId: string | null) {
  return queryRows<EntryTotals & { pipelineId: string }>(
    tx,
    sql`select pipeline_id as "pipelineId", count(*)::int as entries,
               (count(*) filter (where expires_at > now()))::int as live,
               coalesce(sum(hits), 0)::int as hits,
               coalesce(sum(tokens_in + tokens_out), 0)::int as "tokensCached"
          from ai_cache_entries
         where ${pipelineId === null ? sql`true` : sql`pipeline_id = ${pipelineId}`}
         group by pipeline_id`,
  );
}

export interface OutcomeCounts {
  off: number;
  miss: number;
  exact: number;
  semantic: number;
  tokensSaved: number;
  costSavedUsd: number;
}

/** Cache outcomes of the requests since `since`, per pipeline, from ai_requests. */
export async function outcomeCounts(tx: Executor, pipelineId: string | null, since: Date) {
  return queryRows<OutcomeCounts & { pipelineId: string }>(
    tx,
    sql`select pipeline_id as "pipelineId",
               (count(*) filter (where cache = 'off'))::int as off,
               (count(*) filter (where cache = 'miss'))::int as miss,
               (count(*) filter (where cache = 'exact'))::int as exact,
               (count(*) filter (where cache = 'semantic'))::int as semantic,
               coalesce(sum(tokens_saved), 0)::int as "tokensSaved",
               coalesce(sum(cost_saved_usd), 0)::float8 as "costSavedUsd"
          from ai_requests
         where at >= ${since.toISOString()}
           and ${pipelineId === null ? sql`true` : sql`pipeline_id = ${pipelineId}`}
         group by pipeline_id`,
  );
}

/** The maintenance task's selection: expired entries, oldest first. */
export const expiredEntries = (limit: number) =>
  sql`select ctid from ai_cache_entries where expires_at < now() order by expires_at limit ${limit}`;
