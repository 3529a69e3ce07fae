// The rollups' SQL, in the tenant's scope: hourly figures per pipeline into ai_pipeline_metrics
// (upserted per pipeline and hour, so re-running an hour rewrites it) and daily figures per sector
// into ai_sector_analytics (a day's rows replaced whole). Hours and days are UTC.
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { AGGREGATES } from './aggregates.sql.ts';

/** How many query types a sector's day lists (the most frequent first). */
export const TOP_QUERY_TYPES = 5;

/** Rolls up the hours in [from, to) (whole hours); returns how many pipeline-hours it wrote. */
export async function upsertHours(tx: Executor, from: Date, to: Date): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`with agg as (
          select r.pipeline_id, date_trunc('hour', r.at, 'UTC') as hour, ${AGGREGATES}
          from ai_requests r
          where r.at >= ${from.toISOString()}::timestamptz and r.at < ${to.toISOString()}::timestamptz
          group by r.pipeline_id, date_trunc('hour', r.at, 'UTC')),
        up as (
          insert into ai_pipeline_metrics as m (tenant_id, pipeline_id, hour, requests, errors, cache_hits,
            cache_misses, hit_rate, latency_p50, latency_p95, tokens_in, tokens_out, cost_usd, cost_saved,
            tokens_saved)
          select app_tenant_id(), a.pipeline_id, a.hour, a."requests", a."errors", a."cacheHits", a."cacheMisses",
                 coalesce(round(100.0 * a."cacheHits" / nullif(a."cacheHits" + a."cacheMisses", 0), 2), 0),
                 a."latencyP50", a."latencyP95", a."tokensIn"::int, a."tokensOut"::int, a."costUsd",
                 a."costSaved", a."tokensSaved"::int
          from agg a
          on conflict (pipeline_id, hour) do update set
            requests = excluded.requests, errors = excluded.errors, cache_hits = excluded.cache_hits,
            cache_misses = excluded.cache_misses, hit_rate = excluded.hit_rate,
            latency_p50 = excluded.latency_p50, latency_p95 = excluded.latency_p95,
            tokens_in = excluded.tokens_in, tokens_out = excluded.tokens_out, cost_usd = excluded.cost_usd,
            cost_saved = excluded.cost_saved, tokens_saved = excluded.tokens_saved
          returning 1)
        select count(*)::int as n from up`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Replaces the sector rows of `day` (YYYY-MM-DD, UTC) with the figures of its requests before
 * `until`, by the sector of each request's pipeline. top_query_types: the day's most frequent
 * query types with their counts and hit rates — a request's type is the label of the query-map
 * cluster its cache entry falls in (ai_query_maps, the insights part's latest map), else its
 * purpose ('gateway' for integrators' traffic, 'analysis.chat', 'analysis.narrative', …: requests
 * without a cache entry, or newer than the map). Returns how many sector rows it wrote.
 */
export async function replaceDay(tx: Executor, day: string, until: Date): Promise<number> {
  await tx.execute(sql`delete from ai_sector_analytics where date = ${day}::date`);
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`with labels as (
          select (c->>'id')::int as cluster, c->>'label' as label
          from ai_query_maps m, jsonb_array_elements(m.clusters) c),
        mapped as (
          select distinct on (entry_id) entry_id, l.label
          from (select (pt->>'entryId')::uuid as entry_id, (pt->>'cluster')::int as cluster
                from ai_query_maps m, jsonb_array_elements(m.points) pt) e
          join labels l using (cluster)),
        d as (
          select p.sector, coalesce(mapped.label, r.purpose) as purpose, r.cache, r.latency_ms,
                 r.cost_saved_usd, r.tokens_saved
          from ai_requests r join ai_pipelines p on p.id = r.pipeline_id
          left join mapped on mapped.entry_id = r.cache_entry_id
          where r.at >= (${day}::date)::timestamp at time zone 'UTC'
            and r.at < least(((${day}::date + 1)::timestamp at time zone 'UTC'), ${until.toISOString()}::timestamptz)),
        types as (
          select sector, purpose, count(*)::int as n,
                 (count(*) filter (where cache in ('exact', 'semantic')))::int as hits,
                 (count(*) filter (where cache = 'miss'))::int as misses,
                 row_number() over (partition by sector order by count(*) desc, purpose) as rank
          from d group by sector, purpose),
        top as (
          select sector,
                 jsonb_agg(jsonb_build_object('type', purpose, 'count', n, 'hitRate',
                   coalesce(round(100.0 * hits / nullif(hits + misses, 0), 2), 0)) order by rank) as types
          from types where rank <= ${TOP_QUERY_TYPES} group by sector),
        ins as (
          insert into ai_sector_analytics (tenant_id, sector, date, total_requests, cache_hits, cache_misses,
            avg_latency, cost_saved, tokens_saved, top_query_types)
          select app_tenant_id(), d.sector, ${day}::date, count(*)::int,
                 (count(*) filter (where d.cache in ('exact', 'semantic')))::int,
                 (count(*) filter (where d.cache = 'miss'))::int,
                 coalesce(avg(d.latency_ms), 0), coalesce(sum(d.cost_saved_usd), 0),
                 coalesce(sum(d.tokens_saved), 0)::int, coalesce(top.types, '[]'::jsonb)
          from d left join top on top.sector = d.sector
          group by d.sector, top.types
          returning 1)
        select count(*)::int as n from ins`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The latest hour rolled up in the tenant, or null. */
export async function lastRolledHour(tx: Executor): Promise<Date | null> {
  const rows = await queryRows<{ hour: string | Date | null }>(
    tx,
    sql`select max(hour) as hour from ai_pipeline_metrics`,
  );
  const hour = rows[0]?.hour;
  return hour ? new Date(hour) : null;
}

/** The time of the tenant's first request at or after `since`, or null. */
export async function firstRequestSince(tx: Executor, since: Date): Promise<Date | null> {
  const rows = await queryRows<{ at: string | Date | null }>(
    tx,
    sql`select min(at) as at from ai_requests where at >= ${since.toISOString()}::timestamptz`,
  );
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}

/**
 * Across tenants (platform scope): the tenants with requests in a complete hour that is not rolled
 * up yet — after their last rolled hour (or within `backfillFrom` when none), before `before`.
 */
export async function tenantsDue(tx: Executor, backfillFrom: Date, before: Date): Promise<string[]> {
  const rows = await queryRows<{ tenantId: string }>(
    tx,
    sql`select t.id as "tenantId" from tenants t
        cross join lateral (select max(m.hour) + interval '1 hour' as since
                            from ai_pipeline_metrics m where m.tenant_id = t.id) l
        where exists (select 1 from ai_requests r
                      where r.tenant_id = t.id and r.at < ${before.toISOString()}::timestamptz
                        and r.at >= greatest(coalesce(l.since, ${backfillFrom.toISOString()}::timestamptz),
                                             ${backfillFrom.toISOString()}::timestamptz))`,
  );
  return rows.map((r) => r.tenantId);
}
