// What the dashboards read: the views (workspace_summary, pipeline_performance_24h,
// sector_dashboard_metrics), the rollup tables, and the request rows for the parts not rolled up
// yet. Every function runs in the caller's tenant scope, except `platformAnalytics`, which the
// platform scope runs and which returns counts and sums only.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { AGGREGATES, type AggregateRow } from './aggregates.sql.ts';

const iso = (d: Date) => d.toISOString();

export interface WorkspaceSummaryRow {
  workspaceId: string;
  name: string;
  sector: string;
  description: string;
  monthlyBudgetUsd: number | null;
  monthlyBudgetTokens: number | null;
  pipelines: number;
  activePipelines: number;
  monthlyCost: number;
  requests24h: number;
  cacheHits24h: number;
  cacheMisses24h: number;
  hitRate24h: number;
  errors24h: number;
  avgLatency24h: number;
  tokensIn24h: number;
  tokensOut24h: number;
  costUsd24h: number;
  costSaved24h: number;
  tokensSaved24h: number;
}

export function workspaceSummaries(tx: Executor, limit = 500) {
  return queryRows<WorkspaceSummaryRow>(
    tx,
    sql`select workspace_id as "workspaceId", name, sector, description,
               monthly_budget_usd as "monthlyBudgetUsd", monthly_budget_tokens as "monthlyBudgetTokens",
               pipelines, active_pipelines as "activePipelines", monthly_cost as "monthlyCost",
               requests_24h as "requests24h", cache_hits_24h as "cacheHits24h",
               cache_misses_24h as "cacheMisses24h", hit_rate_24h as "hitRate24h", errors_24h as "errors24h",
               avg_latency_24h as "avgLatency24h", tokens_in_24h::float8 as "tokensIn24h",
               tokens_out_24h::float8 as "tokensOut24h", cost_usd_24h as "costUsd24h",
               cost_saved_24h as "costSaved24h", tokens_saved_24h::float8 as "tokensSaved24h"
        from workspace_summary order by name limit ${limit}`,
  );
}

export interface PipelinePerformanceRow {
  pipelineId: string;
  workspaceId: string;
  name: string;
  slug: string;
  sector: string;
  status: string;
  monthlyCost: number;
  requests: number;
  cacheHits: number;
  cacheMisses: number;
  hitRate: number;
  errors: number;
  latencyP50: number;
  latencyP95: number;
  avgLatency: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  costSaved: number;
  tokensSaved: number;
}

/** pipeline_performance_24h: the tenant's pipelines but archived ones, busiest first. */
export function pipelinePerformance(tx: Executor, filter: { sector?: string } = {}, limit = 200) {
  const where: SQL = filter.sector === undefined ? sql`true` : sql`sector = ${filter.sector}`;
  return queryRows<PipelinePerformanceRow>(
    tx,
    sql`select pipeline_id as "pipelineId", workspace_id as "workspaceId", name, slug, sector, status,
               monthly_cost as "monthlyCost", requests, cache_hits as "cacheHits",
               cache_misses as "cacheMisses", hit_rate as "hitRate", errors, latency_p50 as "latencyP50",
               latency_p95 as "latencyP95", avg_latency as "avgLatency", tokens_in::float8 as "tokensIn",
               tokens_out::float8 as "tokensOut", cost_usd as "costUsd", cost_saved as "costSaved",
               tokens_saved::float8 as "tokensSaved"
        from pipeline_performance_24h
        where status <> 'archived' and ${where}
        order by requests desc, name limit ${limit}`,
  );
}

export interface SectorMetricsRow {
  sector: string;
  workspaces: number;
  pipelines: number;
  activePipelines: number;
  requests24h: number;
  cacheHits24h: number;
  cacheMisses24h: number;
  hitRate24h: number;
  errors24h: number;
  avgLatency24h: number;
  tokensIn24h: number;
  tokensOut24h: number;
  costUsd24h: number;
  costSaved24h: number;
  tokensSaved24h: number;
  requests7d: number;
  costSaved7d: number;
}

export async function sectorMetrics(tx: Executor, sector: string): Promise<SectorMetricsRow | undefined> {
  const [row] = await queryRows<SectorMetricsRow>(
    tx,
    sql`select sector, workspaces, pipelines, active_pipelines as "activePipelines",
               requests_24h as "requests24h", cache_hits_24h as "cacheHits24h",
               cache_misses_24h as "cacheMisses24h", hit_rate_24h as "hitRate24h", errors_24h as "errors24h",
               avg_latency_24h as "avgLatency24h", tokens_in_24h::float8 as "tokensIn24h",
               tokens_out_24h::float8 as "tokensOut24h", cost_usd_24h as "costUsd24h",
               cost_saved_24h as "costSaved24h", tokens_saved_24h::float8 as "tokensSaved24h",
               requests_7d::float8 as "requests7d", cost_saved_7d as "costSaved7d"
        from sector_dashboard_metrics where sector = ${sector}`,
  );
  return row;
}

/** The tenant's sector as stored, matched without regard to case (null when it has none such). */
export async function findSector(tx: Executor, sector: string): Promise<string | null> {
  const rows = await queryRows<{ sector: string }>(
    tx,
    sql`select sector from (
          select sector from ai_pipelines union select sector from ai_workspaces
          union select sector from ai_sector_analytics) s
        where lower(sector) = lower(${sector})
        order by sector = ${sector} desc, sector limit 1`,
  );
  return rows[0]?.sector ?? null;
}

export interface SectorDayRow {
  date: string;
  totalRequests: number;
  cacheHits: number;
  cacheMisses: number;
  avgLatency: number;
  costSaved: number;
  tokensSaved: number;
  topQueryTypes: { type: string; count: number; hitRate: number }[];
}

export function sectorDays(tx: Executor, sector: string, since: string) {
  return queryRows<SectorDayRow>(
    tx,
    sql`select to_char(date, 'YYYY-MM-DD') as date, total_requests as "totalRequests", cache_hits as "cacheHits",
               cache_misses as "cacheMisses", avg_latency as "avgLatency", cost_saved as "costSaved",
               tokens_saved as "tokensSaved", top_query_types as "topQueryTypes"
        from ai_sector_analytics where sector = ${sector} and date >= ${since}::date order by date`,
  );
}

/** The tenant's figures over [since, now) from its request rows. */
export async function tenantTotals(tx: Executor, since: Date): Promise<AggregateRow> {
  const [row] = await queryRows<AggregateRow>(
    tx,
    sql`select ${AGGREGATES} from ai_requests r where r.at >= ${iso(since)}::timestamptz`,
  );
  return row as AggregateRow;
}

export interface RecentErrorRow {
  id: number;
  at: Date | string;
  pipelineId: string;
  pipelineName: string;
  status: string;
  errorCode: string | null;
}

export function recentErrors(tx: Executor, since: Date, limit = 10) {
  return queryRows<RecentErrorRow>(
    tx,
    sql`select r.id::float8 as id, r.at, r.pipeline_id as "pipelineId", p.name as "pipelineName", r.status,
               r.error_code as "errorCode"
        from ai_requests r join ai_pipelines p on p.id = r.pipeline_id
        where r.at >= ${iso(since)}::timestamptz and r.status in ('error', 'refused', 'budget')
        order by r.at desc, r.id desc limit ${limit}`,
  );
}

export type SeriesRow = AggregateRow & { bucket: Date | string };

/** The pipeline's rolled-up hours in [from, to). */
export function rolledHours(tx: Executor, pipelineId: string, from: Date, to: Date) {
  return queryRows<SeriesRow>(
    tx,
    sql`select hour as bucket, requests, cache_hits as "cacheHits", cache_misses as "cacheMisses", errors,
               latency_p50 as "latencyP50", latency_p95 as "latencyP95", tokens_in as "tokensIn",
               tokens_out as "tokensOut", cost_usd as "costUsd", cost_saved as "costSaved",
               tokens_saved as "tokensSaved"
        from ai_pipeline_metrics
        where pipeline_id = ${pipelineId} and hour >= ${iso(from)}::timestamptz and hour < ${iso(to)}::timestamptz
        order by hour`,
  );
}

/** The pipeline's last rolled-up hour, or null. */
export async function lastRolledHourOf(tx: Executor, pipelineId: string): Promise<Date | null> {
  const rows = await queryRows<{ hour: Date | string | null }>(
    tx,
    sql`select max(hour) as hour from ai_pipeline_metrics where pipeline_id = ${pipelineId}`,
  );
  const hour = rows[0]?.hour;
  return hour ? new Date(hour) : null;
}

/** The pipeline's figures per `unit` ('hour' | 'minute', UTC) over [from, now) from its request rows. */
export function liveBuckets(tx: Executor, pipelineId: string, unit: 'hour' | 'minute', from: Date) {
  const bucket = sql.raw(`date_trunc('${unit === 'hour' ? 'hour' : 'minute'}', r.at, 'UTC')`);
  return queryRows<SeriesRow>(
    tx,
    sql`select ${bucket} as bucket, ${AGGREGATES}
        from ai_requests r
        where r.pipeline_id = ${pipelineId} and r.at >= ${iso(from)}::timestamptz
        group by ${bucket} order by 1`,
  );
}

export type AnalyticsRow = AggregateRow & {
  day: string | null;
  workspaceId: string | null;
  workspaceName: string | null;
  purpose: string | null;
  grouping: number;
};

/**
 * The tenant's figures over [since, now) by UTC day, by workspace and by purpose, and in total
 * (one scan of its request rows, grouping sets). `grouping` tells which set a row belongs to:
 * 3 day, 5 workspace, 6 purpose, 7 total (the bits of the columns not grouped by).
 */
export function tenantAnalytics(tx: Executor, since: Date) {
  return queryRows<AnalyticsRow>(
    tx,
    sql`select to_char(d.day, 'YYYY-MM-DD') as day, d.workspace_id as "workspaceId",
               (select w.name from ai_workspaces w where w.id = d.workspace_id) as "workspaceName",
               d.purpose, d.grouping, d."requests", d."cacheHits", d."cacheMisses", d."errors", d."latencyP50",
               d."latencyP95", d."tokensIn", d."tokensOut", d."costUsd", d."costSaved", d."tokensSaved"
        from (select (r.at at time zone 'UTC')::date as day, r.workspace_id, r.purpose,
                     grouping((r.at at time zone 'UTC')::date, r.workspace_id, r.purpose)::int as grouping,
                     ${AGGREGATES}
              from ai_requests r where r.at >= ${iso(since)}::timestamptz
              group by grouping sets (((r.at at time zone 'UTC')::date), (r.workspace_id), (r.purpose), ())) d
        order by d.grouping, d.day, d.purpose`,
  );
}

export type PlatformRow = AggregateRow & { day: string | null; tenants: number };

/** Platform scope: every tenant's requests since `since`, summed by day and in total — no names. */
export function platformAnalytics(tx: Executor, since: Date) {
  return queryRows<PlatformRow>(
    tx,
    sql`select to_char((r.at at time zone 'UTC')::date, 'YYYY-MM-DD') as day,
               count(distinct r.tenant_id)::int as tenants, ${AGGREGATES}
        from ai_requests r where r.at >= ${iso(since)}::timestamptz
        group by grouping sets (((r.at at time zone 'UTC')::date), ())
        order by 1 nulls first`,
  );
}

/** Platform scope: how many workspaces and pipelines (not archived) exist across tenants. */
export async function platformCounts(tx: Executor) {
  const [row] = await queryRows<{ tenants: number; workspaces: number; pipelines: number }>(
    tx,
    sql`select (select count(distinct tenant_id) from ai_workspaces)::int as tenants,
               (select count(*) from ai_workspaces)::int as workspaces,
               (select count(*) from ai_pipelines where status <> 'archived')::int as pipelines`,
  );
  return row ?? { tenants: 0, workspaces: 0, pipelines: 0 };
}
