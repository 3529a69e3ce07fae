// The query map's SQL: the tenant's cached queries with the requests that reached them, the
// metrics snapshot, the stored map, and which tenants' traffic has grown since their last map.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { aiQueryMaps, jobs } from '../../../platform/db/schema/index.ts';
import type { MappedQuery, QueryMapLayout } from './query-map.ts';

export const QUERY_MAP_JOB = 'pipelines.query-map';

/**
 * The most asked cached queries of the tenant (at most `limit`), with the requests linked to each
 * entry by ai_requests.cache_entry_id (the miss that wrote it and the hits it answered). Requests of
 * pipelines without a cache node have no entry and are not on the map (the snapshot counts them).
 */
export async function loadMappedQueries(tx: Executor, limit: number): Promise<MappedQuery[]> {
  return queryRows<MappedQuery>(
    tx,
    sql`with top as (
          select e.id, e.query_text, e.pipeline_id, e.hits
          from ai_cache_entries e
          where e.query_text <> ''
          order by e.hits desc, e.created_at desc, e.id
          limit ${limit})
        select top.id as "entryId", top.query_text as "text", top.pipeline_id as "pipelineId",
               p.workspace_id as "workspaceId", w.name as "workspaceName", p.sector,
               greatest(coalesce(r.requests, 0), top.hits + 1)::int as "requests",
               greatest(coalesce(r.hits, 0), top.hits)::int as "hits"
        from top
        join ai_pipelines p on p.id = top.pipeline_id
        join ai_workspaces w on w.id = p.workspace_id
        left join lateral (
          select count(*) as requests, count(*) filter (where q.cache in ('exact', 'semantic')) as hits
          from ai_requests q where q.cache_entry_id = top.id) r on true
        -- By content, not by the random ids: the clustering starts from this order, and the same
        -- traffic must give the same map.
        order by top.hits desc, top.query_text, top.pipeline_id, top.id`,
  );
}

export interface QueryMapSnapshot {
  /** The window the figures cover, in hours (the last 24). */
  hours: number;
  requests: number;
  errors: number;
  /** Requests that went through a cache node (cache outcome other than 'off'). */
  cached: number;
  hits: number;
  /** Percent of the cached requests that were hits, 0 … 100. */
  hitRate: number;
  latencyP50: number;
  latencyP95: number;
  latencyAvg: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  tokensSaved: number;
  costSavedUsd: number;
  /** Requests of pipelines without a cache node: counted here, not on the map. */
  unmapped: number;
  sectors: { sector: string; requests: number; hitRate: number }[];
}

/** Totals of the tenant's requests of the last `hours`. */
export async function loadSnapshot(tx: Executor, hours = 24): Promise<QueryMapSnapshot> {
  const since = sql`now() - make_interval(hours => ${hours})`;
  const [totals] = await queryRows<Omit<QueryMapSnapshot, 'hours' | 'sectors' | 'hitRate'>>(
    tx,
    sql`select count(*)::int as requests,
               count(*) filter (where status <> 'ok')::int as errors,
               count(*) filter (where cache <> 'off')::int as cached,
               count(*) filter (where cache in ('exact', 'semantic'))::int as hits,
               coalesce(percentile_cont(0.5) within group (order by latency_ms), 0)::float8 as "latencyP50",
               coalesce(percentile_cont(0.95) within group (order by latency_ms), 0)::float8 as "latencyP95",
               coalesce(avg(latency_ms), 0)::float8 as "latencyAvg",
               coalesce(sum(tokens_in), 0)::float8 as "tokensIn",
               coalesce(sum(tokens_out), 0)::float8 as "tokensOut",
               coalesce(sum(cost_usd), 0)::float8 as "costUsd",
               coalesce(sum(tokens_saved), 0)::float8 as "tokensSaved",
               coalesce(sum(cost_saved_usd), 0)::float8 as "costSavedUsd",
               count(*) filter (where cache = 'off')::int as unmapped
        from ai_requests where at >= ${since}`,
  );
  const sectors = await queryRows<{ sector: string; requests: number; cached: number; hits: number }>(
    tx,
    sql`select p.sector, count(*)::int as requests,
               count(*) filter (where r.cache <> 'off')::int as cached,
               count(*) filter (where r.cache in ('exact', 'semantic'))::int as hits
        from ai_requests r join ai_pipelines p on p.id = r.pipeline_id
        where r.at >= ${since}
        group by p.sector order by requests desc, p.sector`,
  );
  const t = totals ?? ({} as NonNullable<typeof totals>);
  return {
    hours,
    requests: t.requests ?? 0,
    errors: t.errors ?? 0,
    cached: t.cached ?? 0,
    hits: t.hits ?? 0,
    hitRate: percent(t.hits ?? 0, t.cached ?? 0),
    latencyP50: round(t.latencyP50 ?? 0),
    latencyP95: round(t.latencyP95 ?? 0),
    latencyAvg: round(t.latencyAvg ?? 0),
    tokensIn: Number(t.tokensIn ?? 0),
    tokensOut: Number(t.tokensOut ?? 0),
    costUsd: round(Number(t.costUsd ?? 0), 6),
    tokensSaved: Number(t.tokensSaved ?? 0),
    costSavedUsd: round(Number(t.costSavedUsd ?? 0), 6),
    unmapped: t.unmapped ?? 0,
    sectors: sectors.map((s) => ({
      sector: s.sector,
      requests: s.requests,
      hitRate: percent(s.hits, s.cached),
    })),
  };
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface StoredQueryMap extends QueryMapLayout {
  computedAt: Date;
  queries: number;
  snapshot: QueryMapSnapshot;
}

export async function upsertQueryMap(tx: Executor, tenantId: string, map: StoredQueryMap) {
  const values = {
    computedAt: map.computedAt,
    queries: map.queries,
    clusters: map.clusters,
    points: map.points,
    flows: map.flows,
    snapshot: map.snapshot as unknown as Record<string, unknown>,
  };
  await tx
    .insert(aiQueryMaps)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({ target: aiQueryMaps.tenantId, set: values });
}

export async function findQueryMap(tx: Executor): Promise<StoredQueryMap | undefined> {
  const [row] = await tx.select().from(aiQueryMaps).limit(1);
  if (!row) return undefined;
  return {
    computedAt: row.computedAt,
    queries: row.queries,
    clusters: row.clusters as StoredQueryMap['clusters'],
    points: row.points as StoredQueryMap['points'],
    flows: row.flows as StoredQueryMap['flows'],
    snapshot: row.snapshot as unknown as QueryMapSnapshot,
  };
}

/** The tenant's query-map job that is queued, running or waiting for a retry, if any. */
export async function activeQueryMapJob(tx: Executor): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.name, QUERY_MAP_JOB), inArray(jobs.status, ['queued', 'running', 'retrying'])))
    .limit(1);
  return row?.id;
}

/**
 * Tenants (across tenants) with at least `minNew` requests that reached a cache entry since their
 * map was computed — or since ever, when they have none yet.
 */
export async function tenantsWithGrownTraffic(tx: Executor, minNew: number): Promise<string[]> {
  const rows = await queryRows<{ tenantId: string }>(
    tx,
    sql`select r.tenant_id as "tenantId"
        from ai_requests r left join ai_query_maps m on m.tenant_id = r.tenant_id
        where r.cache_entry_id is not null and r.at > coalesce(m.computed_at, '-infinity'::timestamptz)
        group by r.tenant_id
        having count(*) >= ${minNew}
        order by r.tenant_id`,
  );
  return rows.map((r) => r.tenantId);
}
