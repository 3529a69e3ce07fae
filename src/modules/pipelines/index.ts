// The AI gateway's public surface (issue 18, seed 004): workspaces and pipelines (catalog), the
// OpenAI- and Anthropic-compatible endpoints (gateway), the pipeline executor and its nodes
// (runtime), exact and semantic answer caching (cache), request rows, rollups, views, dashboards
// and live push (metrics), the query map and the demo traffic (insights).

import type { Ai } from '../../platform/ai/ai.ts';
import type { MaintenanceTask } from '../../platform/db/maintenance.ts';
import type { App } from '../../platform/http/types.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { createCache } from './cache/part.ts';
import { createCatalog } from './catalog/part.ts';
import type { Part, PipelinesDeps } from './deps.ts';
import { createGateway } from './gateway/part.ts';
import { createInsights } from './insights/part.ts';
import { createMetrics } from './metrics/part.ts';
import { createRuntime } from './runtime/part.ts';

export type { Retrievers } from './contracts.ts';
export type { PipelinesDeps } from './deps.ts';
export { createRetrievers } from './runtime/retrievers.ts';

export function createPipelines(deps: PipelinesDeps) {
  const catalog = createCatalog(deps);
  const cache = createCache(deps);
  const metrics = createMetrics(deps);
  const runtime = createRuntime({
    ...deps,
    resolver: catalog.resolver,
    cache: cache.cache,
    recorder: metrics.recorder,
  });
  const gateway = createGateway({ ...deps, resolver: catalog.resolver, executor: runtime.executor });
  const insights = createInsights({
    ...deps,
    catalog,
    executor: runtime.executor,
    recorder: metrics.recorder,
    cacheWrites: cache.service,
  });
  const parts: Part[] = [catalog, cache, metrics, runtime, gateway, insights];

  return {
    /** Wraps the platform's Ai so that PlantIntel's own calls with a tenantId go through that tenant's default pipeline. */
    ai(base: Ai): Ai {
      return runtime.tenantAi(base);
    },
    /** The answer cache's lookups in this process (exact hits, semantic hits, misses), for /metrics. */
    cacheLookups: cache.service.lookups,
    defineJobs(jobs: Pick<Jobs, 'define'>) {
      for (const part of parts) part.defineJobs?.(jobs);
    },
    get maintenanceTasks(): Record<string, MaintenanceTask> {
      return Object.assign({}, ...parts.map((p) => p.maintenanceTasks ?? {}));
    },
    /** With workers: the demo's pipelines and first traffic, the recorder's flush loop. */
    async start() {
      for (const part of parts) await part.start?.();
    },
    async stop() {
      for (const part of [...parts].reverse()) await part.stop?.();
    },
    routes(app: App) {
      for (const part of parts) part.routes?.(app);
    },
  };
}

export type Pipelines = ReturnType<typeof createPipelines>;
