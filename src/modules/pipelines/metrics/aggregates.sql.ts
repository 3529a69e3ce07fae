// The aggregate columns every metric of the gateway is computed with, over ai_requests aliased `r`
// (the 24 h figures, the live minute buckets, the hourly rollup). The views of
// drizzle/0026_ai_views.sql spell out the same definitions:
// - hits: cache in ('exact', 'semantic'); misses: cache = 'miss' ('off': no cache node, neither);
// - hit rate: hits / (hits + misses) in percent, two decimals, 0 without lookups;
// - errors: status in ('error', 'refused', 'budget') (a cancelled request is the caller's doing);
// - latency p50/p95: percentile_cont over latency_ms of every request.
import { sql } from 'drizzle-orm';
import type { Metrics24h } from './metrics24h.repo.ts';

/** Rounds a percentage to two decimals as the stored hit_rate has it. */
export const hitRateOf = (hits: number, misses: number) =>
  hits + misses === 0 ? 0 : Math.round((hits / (hits + misses)) * 10_000) / 100;

export const AGGREGATES = sql.raw(`count(*)::int as "requests",
  (count(*) filter (where r.cache in ('exact', 'semantic')))::int as "cacheHits",
  (count(*) filter (where r.cache = 'miss'))::int as "cacheMisses",
  (count(*) filter (where r.status in ('error', 'refused', 'budget')))::int as "errors",
  coalesce(percentile_cont(0.5) within group (order by r.latency_ms), 0)::float8 as "latencyP50",
  coalesce(percentile_cont(0.95) within group (order by r.latency_ms), 0)::float8 as "latencyP95",
  coalesce(sum(r.tokens_in), 0)::float8 as "tokensIn",
  coalesce(sum(r.tokens_out), 0)::float8 as "tokensOut",
  coalesce(sum(r.cost_usd), 0)::float8 as "costUsd",
  coalesce(sum(r.cost_saved_usd), 0)::float8 as "costSaved",
  coalesce(sum(r.tokens_saved), 0)::float8 as "tokensSaved"`);

export interface AggregateRow {
  requests: number;
  cacheHits: number;
  cacheMisses: number;
  errors: number;
  latencyP50: number;
  latencyP95: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  costSaved: number;
  tokensSaved: number;
}

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(Number(value) * f) / f;
};

/** An aggregate row as the API's figures (latencies to 0.1 ms, money to 1e-6 USD). */
export function toMetrics(row: AggregateRow): Metrics24h {
  const cacheHits = Number(row.cacheHits);
  const cacheMisses = Number(row.cacheMisses);
  return {
    requests: Number(row.requests),
    cacheHits,
    cacheMisses,
    hitRate: hitRateOf(cacheHits, cacheMisses),
    latencyP50: round(row.latencyP50, 1),
    latencyP95: round(row.latencyP95, 1),
    tokensIn: Number(row.tokensIn),
    tokensOut: Number(row.tokensOut),
    costUsd: round(row.costUsd, 6),
    costSaved: round(row.costSaved, 6),
    tokensSaved: Number(row.tokensSaved),
    errors: Number(row.errors),
  };
}
