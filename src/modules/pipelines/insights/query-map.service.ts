// The query map: recomputed by the `pipelines.query-map` job (on request, after the demo traffic,
// and hourly for tenants whose traffic grew), read by GET /ai/query-map.
import type { Compute } from '../../../platform/compute/compute.ts';
import type { Db } from '../../../platform/db/database.ts';
import { inTenant, readAcrossTenants, readInTenant } from '../../../platform/db/scope.ts';
import type { JobDefinition, Jobs } from '../../../platform/jobs/jobs.ts';
import {
  activeQueryMapJob,
  findQueryMap,
  loadMappedQueries,
  loadSnapshot,
  QUERY_MAP_JOB,
  type StoredQueryMap,
  tenantsWithGrownTraffic,
  upsertQueryMap,
} from './query-map.repo.ts';
import { QUERY_MAP_TASK } from './query-map.task.ts';

export interface QueryMapPayload {
  /** Why it was submitted ('request', 'demo', 'traffic'): shown in the job list. */
  reason?: string;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'pipelines.query-map': QueryMapPayload;
  }
}

/** The most asked cached queries a map holds (clustering and drawing stay fast and readable). */
export const MAP_MAX_QUERIES = 3000;
/** Requests that reached a cache entry since the last map before the hourly task refreshes it. */
export const REFRESH_AFTER_REQUESTS = 200;

export interface QueryMapDeps {
  db: Db;
  jobs: Pick<Jobs, 'submit' | 'get'>;
  compute: Pick<Compute, 'run'>;
}

export function createQueryMapService({ db, jobs, compute }: QueryMapDeps) {
  async function submit(tenantId: string, reason: string, createdBy: string | null = null) {
    const active = await readInTenant(db, tenantId, activeQueryMapJob);
    if (active) return { jobId: active, submitted: false };
    const job = await jobs.submit(QUERY_MAP_JOB, { reason }, { tenantId, createdBy });
    return { jobId: job.id, submitted: true };
  }

  const job: JobDefinition<'pipelines.query-map'> = {
    name: QUERY_MAP_JOB,
    retryLimit: 2,
    retryDelaySeconds: 10,
    timeoutSeconds: 600,
    async run(_payload, ctx) {
      await ctx.progress(5, 'Reading the cached queries');
      const queries = await readInTenant(db, ctx.tenantId, (tx) => loadMappedQueries(tx, MAP_MAX_QUERIES));
      ctx.signal.throwIfAborted();
      await ctx.progress(20, `Clustering and laying out ${queries.length} queries`);
      const layout = await compute.run(QUERY_MAP_TASK, { queries });
      ctx.signal.throwIfAborted();
      await ctx.progress(85, 'Metrics snapshot');
      const computedAt = new Date();
      const snapshot = await readInTenant(db, ctx.tenantId, (tx) => loadSnapshot(tx));
      const map: StoredQueryMap = { ...layout, computedAt, queries: queries.length, snapshot };
      await inTenant(db, ctx.tenantId, (tx) => upsertQueryMap(tx, ctx.tenantId, map));
      await ctx.progress(100, `Query map: ${layout.clusters.length} clusters of ${queries.length} queries`);
      return { queries: queries.length, clusters: layout.clusters.length, flows: layout.flows.length };
    },
  };

  return {
    job,

    /** The stored map, or undefined before the first one. */
    get: (tenantId: string) => readInTenant(db, tenantId, findQueryMap),

    /** Submits a recomputation, or returns the one already queued or running. */
    refresh: (tenantId: string, createdBy: string | null) => submit(tenantId, 'request', createdBy),

    submit,

    /** Hourly: a refresh for each tenant whose cached traffic grew since its map. Returns how many. */
    async refreshGrown(minNew = REFRESH_AFTER_REQUESTS): Promise<number> {
      const tenants = await readAcrossTenants(db, (tx) => tenantsWithGrownTraffic(tx, minNew));
      let submitted = 0;
      for (const tenantId of tenants) if ((await submit(tenantId, 'traffic')).submitted) submitted++;
      return submitted;
    },
  };
}

export type QueryMapService = ReturnType<typeof createQueryMapService>;
