-- The AI gateway's views (seed 004), computed from the request rows (ai_requests) of the last 24 h.
-- security_invoker: a view reads its tables as the querying role, so the tables' row-level security
-- applies — a tenant sees only its own rows through them. Definitions (as in
-- src/modules/pipelines/metrics/aggregates.sql.ts): hits are exact or semantic cache answers,
-- misses are lookups that found nothing, hit rate = hits / (hits + misses) in percent (0 without
-- lookups), errors are requests answered with an error, a refusal or a budget stop.
CREATE VIEW pipeline_performance_24h WITH (security_invoker = true) AS
SELECT p.id AS pipeline_id, p.tenant_id, p.workspace_id, p.name, p.slug, p.sector, p.status,
       p.monthly_cost,
       m.requests, m.cache_hits, m.cache_misses,
       coalesce(round(100.0 * m.cache_hits / nullif(m.cache_hits + m.cache_misses, 0), 2), 0)::float8 AS hit_rate,
       m.errors,
       coalesce(m.latency_p50, 0)::float8 AS latency_p50,
       coalesce(m.latency_p95, 0)::float8 AS latency_p95,
       coalesce(m.avg_latency, 0)::float8 AS avg_latency,
       m.tokens_in, m.tokens_out, m.cost_usd, m.cost_saved, m.tokens_saved
FROM ai_pipelines p
LEFT JOIN LATERAL (
  SELECT count(*)::int AS requests,
         (count(*) FILTER (WHERE r.cache IN ('exact', 'semantic')))::int AS cache_hits,
         (count(*) FILTER (WHERE r.cache = 'miss'))::int AS cache_misses,
         (count(*) FILTER (WHERE r.status IN ('error', 'refused', 'budget')))::int AS errors,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY r.latency_ms) AS latency_p50,
         percentile_cont(0.95) WITHIN GROUP (ORDER BY r.latency_ms) AS latency_p95,
         avg(r.latency_ms) AS avg_latency,
         coalesce(sum(r.tokens_in), 0)::bigint AS tokens_in,
         coalesce(sum(r.tokens_out), 0)::bigint AS tokens_out,
         coalesce(sum(r.cost_usd), 0)::float8 AS cost_usd,
         coalesce(sum(r.cost_saved_usd), 0)::float8 AS cost_saved,
         coalesce(sum(r.tokens_saved), 0)::bigint AS tokens_saved
  FROM ai_requests r
  WHERE r.pipeline_id = p.id AND r.at > now() - interval '24 hours'
) m ON true;
--> statement-breakpoint
CREATE VIEW workspace_summary WITH (security_invoker = true) AS
SELECT w.id AS workspace_id, w.tenant_id, w.name, w.sector, w.description,
       w.monthly_budget_usd, w.monthly_budget_tokens, w.created_at,
       (count(pp.pipeline_id) FILTER (WHERE pp.status <> 'archived'))::int AS pipelines,
       (count(pp.pipeline_id) FILTER (WHERE pp.status = 'active'))::int AS active_pipelines,
       coalesce(sum(pp.monthly_cost) FILTER (WHERE pp.status <> 'archived'), 0)::float8 AS monthly_cost,
       coalesce(sum(pp.requests), 0)::int AS requests_24h,
       coalesce(sum(pp.cache_hits), 0)::int AS cache_hits_24h,
       coalesce(sum(pp.cache_misses), 0)::int AS cache_misses_24h,
       coalesce(round(100.0 * sum(pp.cache_hits) / nullif(sum(pp.cache_hits + pp.cache_misses), 0), 2), 0)::float8 AS hit_rate_24h,
       coalesce(sum(pp.errors), 0)::int AS errors_24h,
       coalesce(sum(pp.avg_latency * pp.requests) / nullif(sum(pp.requests), 0), 0)::float8 AS avg_latency_24h,
       coalesce(sum(pp.tokens_in), 0)::bigint AS tokens_in_24h,
       coalesce(sum(pp.tokens_out), 0)::bigint AS tokens_out_24h,
       coalesce(sum(pp.cost_usd), 0)::float8 AS cost_usd_24h,
       coalesce(sum(pp.cost_saved), 0)::float8 AS cost_saved_24h,
       coalesce(sum(pp.tokens_saved), 0)::bigint AS tokens_saved_24h
FROM ai_workspaces w
LEFT JOIN pipeline_performance_24h pp ON pp.workspace_id = w.id
GROUP BY w.id;
--> statement-breakpoint
CREATE VIEW sector_dashboard_metrics WITH (security_invoker = true) AS
SELECT pp.tenant_id, pp.sector,
       count(DISTINCT pp.workspace_id)::int AS workspaces,
       (count(*) FILTER (WHERE pp.status <> 'archived'))::int AS pipelines,
       (count(*) FILTER (WHERE pp.status = 'active'))::int AS active_pipelines,
       sum(pp.requests)::int AS requests_24h,
       sum(pp.cache_hits)::int AS cache_hits_24h,
       sum(pp.cache_misses)::int AS cache_misses_24h,
       coalesce(round(100.0 * sum(pp.cache_hits) / nullif(sum(pp.cache_hits + pp.cache_misses), 0), 2), 0)::float8 AS hit_rate_24h,
       sum(pp.errors)::int AS errors_24h,
       coalesce(sum(pp.avg_latency * pp.requests) / nullif(sum(pp.requests), 0), 0)::float8 AS avg_latency_24h,
       sum(pp.tokens_in)::bigint AS tokens_in_24h,
       sum(pp.tokens_out)::bigint AS tokens_out_24h,
       sum(pp.cost_usd)::float8 AS cost_usd_24h,
       sum(pp.cost_saved)::float8 AS cost_saved_24h,
       sum(pp.tokens_saved)::bigint AS tokens_saved_24h,
       (SELECT coalesce(sum(a.total_requests), 0) FROM ai_sector_analytics a
         WHERE a.tenant_id = pp.tenant_id AND a.sector = pp.sector AND a.date > (now() AT TIME ZONE 'UTC')::date - 7)::bigint AS requests_7d,
       (SELECT coalesce(sum(a.cost_saved), 0) FROM ai_sector_analytics a
         WHERE a.tenant_id = pp.tenant_id AND a.sector = pp.sector AND a.date > (now() AT TIME ZONE 'UTC')::date - 7)::float8 AS cost_saved_7d
FROM pipeline_performance_24h pp
GROUP BY pp.tenant_id, pp.sector;
--> statement-breakpoint
GRANT SELECT ON pipeline_performance_24h, workspace_summary, sector_dashboard_metrics TO plantintel_app, plantintel_platform;
