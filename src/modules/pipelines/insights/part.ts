// Insights: the query map (job, routes, hourly refresh of tenants whose traffic grew) and the demo
// tenant's gateway — its workspaces and pipelines, its first traffic and the live trickle.
import { acrossTenants, readInTenant } from '../../../platform/db/scope.ts';
import type { App } from '../../../platform/http/types.ts';
import { DEMO_TENANT, findTenantByName } from '../../identity/index.ts';
import type { GraphInput } from '../catalog/graph.ts';
import type { createCatalog } from '../catalog/part.ts';
import type { Executor, Recorder } from '../contracts.ts';
import type { Part, PipelinesDeps } from '../deps.ts';
import { type DemoCatalog, demoKeyMessage, seedDemoGateway } from './demo.ts';
import { activeDemoTrafficJob, countDemoTraffic, DEMO_TRAFFIC_JOB, firstAdmin } from './demo-traffic.repo.ts';
import {
  DEMO_TRAFFIC_REQUESTS,
  type DemoTrafficDeps,
  demoTrafficJob,
  type LiveTraffic,
  startLiveTraffic,
} from './demo-traffic.ts';
import { queryMapRoutes } from './query-map.routes.ts';
import { QUERY_MAP_SCHEMAS } from './query-map.schemas.ts';
import { createQueryMapService } from './query-map.service.ts';

export interface InsightsDeps extends PipelinesDeps {
  catalog: ReturnType<typeof createCatalog>;
  executor: Executor;
  recorder: Recorder;
  cacheWrites: DemoTrafficDeps['cacheWrites'];
}

/** The burst starts a little after start-up, so the first /health and page loads do not wait behind it. */
const DEMO_TRAFFIC_DELAY_MS = 5000;

export function createInsights(deps: InsightsDeps) {
  const { db, jobs, logger } = deps;
  const queryMaps = createQueryMapService({ db, jobs, compute: deps.compute });
  let live: LiveTraffic | undefined;
  let seeding: Promise<void> = Promise.resolve();
  let stopped = false;

  /** Seeds the demo tenant's gateway and submits its first traffic; returns the demo tenant's id. */
  async function startDemo(): Promise<string | undefined> {
    const tenant = await acrossTenants(db, (tx) => findTenantByName(tx, DEMO_TENANT));
    if (!tenant) return undefined;
    const userId = await readInTenant(db, tenant.id, firstAdmin);
    if (!userId) return undefined;
    const catalog = demoCatalogOf(deps.catalog);
    const seeded = await seedDemoGateway(catalog, { tenantId: tenant.id, userId });
    if (seeded.workspacesCreated + seeded.pipelinesCreated > 0)
      logger.info(seeded, 'demo AI gateway: workspaces and pipelines created');
    if (seeded.apiKey) {
      // The server decides where one-time secrets go (the terminal); without it the key stays unshown.
      if (deps.announce) deps.announce(demoKeyMessage(seeded.apiKey, deps.serverUrl));
      else logger.info('demo AI gateway key created; not shown (no terminal to show it on)');
    }
    const recorded = await readInTenant(db, tenant.id, countDemoTraffic);
    const active = await readInTenant(db, tenant.id, activeDemoTrafficJob);
    if (recorded < DEMO_TRAFFIC_REQUESTS && !active)
      await jobs.submit(
        DEMO_TRAFFIC_JOB,
        {},
        { tenantId: tenant.id, startAfter: new Date(Date.now() + DEMO_TRAFFIC_DELAY_MS) },
      );
    return tenant.id;
  }

  return {
    queryMaps,
    routes(app: App) {
      for (const schema of QUERY_MAP_SCHEMAS) app.addSchema(schema);
      queryMapRoutes(app, { queryMaps, resolver: deps.catalog.resolver });
    },
    defineJobs(jobsToDefine) {
      jobsToDefine.define(queryMaps.job);
      jobsToDefine.define(
        demoTrafficJob({
          db,
          executor: deps.executor,
          resolver: deps.catalog.resolver,
          recorder: deps.recorder,
          cacheWrites: deps.cacheWrites,
          afterBurst: (tenantId) => queryMaps.submit(tenantId, 'demo'),
        }),
      );
    },
    maintenanceTasks: {
      /** Hourly: a query-map refresh for every tenant whose cached traffic grew since its map. */
      'pipelines.query-map-refresh': () => queryMaps.refreshGrown(),
    },
    /**
     * With workers: the demo's gateway and first traffic, then the live trickle — in the
     * background, so the server answers /health meanwhile; a failure is logged, never fatal.
     */
    async start() {
      seeding = startDemo()
        .then((demoTenant) => {
          if (demoTenant && deps.simulator && !stopped)
            live = startLiveTraffic(
              { db, resolver: deps.catalog.resolver, executor: deps.executor, logger },
              demoTenant,
            );
        })
        .catch((err) => logger.error({ err }, 'could not seed the demo AI gateway'));
    },
    async stop() {
      stopped = true;
      await seeding;
      await live?.stop();
      live = undefined;
    },
  } satisfies Part & Record<string, unknown>;
}

/** The demo's catalog operations over the catalog's own service. */
function demoCatalogOf({ service }: InsightsDeps['catalog']): DemoCatalog {
  return {
    findWorkspace: (tenantId, name) => service.findWorkspace(tenantId, name),
    createWorkspace: (tenantId, _userId, ws) =>
      service.createWorkspace(tenantId, {
        name: ws.name,
        sector: ws.sector,
        description: ws.description,
        monthlyBudgetUsd: ws.monthlyBudgetUsd,
      }),
    findPipeline: (tenantId, slug) => service.findPipeline(tenantId, slug),
    async createPipeline(tenantId, userId, workspaceId, p) {
      const row = await service.createPipeline(
        tenantId,
        {
          workspaceId,
          slug: p.slug,
          name: p.name,
          description: p.description,
          sector: p.sector,
          nodes: p.nodes as unknown as GraphInput['nodes'],
          connections: p.connections,
          status: p.status === 'draft' ? 'draft' : 'active',
        },
        userId,
      );
      if (p.status === 'paused') await service.pause(tenantId, row.id);
      return row;
    },
    async createKey(tenantId, userId, workspaceId, name) {
      return (await service.createKey(tenantId, userId, workspaceId, name)).key;
    },
  };
}
