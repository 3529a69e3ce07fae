// The supply module's public surface (seed 002, issue 16): entities (warehouses, inventory,
// vehicles, clients, orders, vehicle assignments) with their CSV imports; demand history;
// forecasts over a scope, run as jobs on the forecasting engine; the model registry with training
// jobs; replenishment decisions with their explanations, approval and execution (issue 16);
// routing decisions on the routing engine, simulations, KPIs with anomaly flags and the endpoints
// shaped for the planner's web app (issue 17).
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Events } from '../../platform/events/events.ts';
import type { App } from '../../platform/http/types.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import { decideJob } from './decisions/decide.job.ts';
import { decisionsRoutes } from './decisions/decisions.routes.ts';
import { DECISION_SCHEMAS } from './decisions/decisions.schemas.ts';
import { createDecisionsService } from './decisions/decisions.service.ts';
import { explainRoutes } from './decisions/explain.routes.ts';
import { defineDemoJobs, startDemoHistory } from './demo/demo-history.job.ts';
import { entitiesRoutes } from './entities/entities.routes.ts';
import { ENTITY_SCHEMAS } from './entities/entities.schemas.ts';
import { createEntitiesService } from './entities/entities.service.ts';
import { forecastJob } from './forecasts/forecast.job.ts';
import { forecastsRoutes } from './forecasts/forecasts.routes.ts';
import { FORECAST_SCHEMAS } from './forecasts/forecasts.schemas.ts';
import { createForecastsService } from './forecasts/forecasts.service.ts';
import { submitNightlyRefits } from './forecasts/nightly.ts';
import { registryRoutes } from './forecasts/registry.routes.ts';
import { createRegistryService } from './forecasts/registry.service.ts';
import { trainJob } from './forecasts/train.job.ts';
import { frontendRoutes } from './frontend/frontend.routes.ts';
import { FRONTEND_SCHEMAS } from './frontend/frontend.schemas.ts';
import { createFrontendService } from './frontend/frontend.service.ts';
import { demoDeliveriesJob, refreshDemoKpis, startDemoDeliveries } from './metrics/demo-deliveries.job.ts';
import { metricsRoutes } from './metrics/metrics.routes.ts';
import { METRIC_SCHEMAS } from './metrics/metrics.schemas.ts';
import { createMetricsService } from './metrics/metrics.service.ts';
import { kpiRollupJob, submitKpiRollups } from './metrics/rollup.ts';
import { routeJob } from './routing-decisions/route.job.ts';
import { routingRoutes } from './routing-decisions/routing.routes.ts';
import { simulateJob } from './simulations/simulate.job.ts';
import { simulationsRoutes } from './simulations/simulations.routes.ts';
import { SIMULATION_SCHEMAS } from './simulations/simulations.schemas.ts';
import { createSimulationsService } from './simulations/simulations.service.ts';

export { seedDemoSupply } from './demo/demo.ts';

export interface SupplyDeps {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  realtime: Pick<Realtime, 'registerTopic' | 'publish'>;
  compute: Pick<Compute, 'run'>;
  /** Where uploaded CSV files wait for their import job. */
  uploadsDir: string;
  uploadMaxBytes: number;
  /** Anomaly flags are domain events. */
  events: Pick<Events, 'record'>;
}

/** How long after start-up the demo history begins (it would otherwise slow start-up itself). */
const DEMO_HISTORY_DELAY_MS = 10_000;

export function createSupply(deps: SupplyDeps) {
  const { db } = deps;
  // entities (warehouses … vehicle assignments, CSV imports)
  const entities = createEntitiesService({
    db,
    jobs: deps.jobs,
    uploadsDir: deps.uploadsDir,
    uploadMaxBytes: deps.uploadMaxBytes,
  });
  // planning (demand, forecasts, registry, decisions)
  const forecasts = createForecastsService({ db, jobs: deps.jobs });
  const registry = createRegistryService({ db, jobs: deps.jobs });
  const decisions = createDecisionsService({ db, jobs: deps.jobs, compute: deps.compute });
  // operations (simulations, KPIs, the web app's endpoints)
  const simulations = createSimulationsService({ db, jobs: deps.jobs });
  const metrics = createMetricsService({ db, jobs: deps.jobs, events: deps.events });
  const frontend = createFrontendService({ db, metrics, decisions, simulations });

  return {
    entities,
    forecasts,
    registry,
    decisions,
    simulations,
    metrics,
    /** Defines the module's jobs on the queue (the composition root calls it once). */
    defineJobs(jobs: Pick<Jobs, 'define'>) {
      jobs.define(forecastJob({ db, compute: deps.compute }));
      jobs.define(trainJob({ db, compute: deps.compute }));
      jobs.define(decideJob({ db, compute: deps.compute }));
      jobs.define(routeJob({ db, compute: deps.compute }));
      jobs.define(simulateJob({ db, compute: deps.compute }));
      jobs.define(kpiRollupJob({ db, events: deps.events }));
      jobs.define(demoDeliveriesJob({ db, events: deps.events }));
      entities.defineJobs(jobs);
      // The demo history is followed by a first forecast run, so the demo SKU pages have forecasts.
      defineDemoJobs(jobs, {
        db,
        // … and by a recompute of the demo's KPIs (inventory turns read the demand).
        afterHistory: (tenantId) =>
          forecasts
            .startFor(tenantId, null, {})
            .then(() => refreshDemoKpis(deps.jobs, tenantId))
            .then(() => {}),
      });
    },
    /** With workers: submits the demo history job for each tenant whose demo history is pending. */
    start: async () => {
      await startDemoHistory({ db, jobs: deps.jobs, delayMs: DEMO_HISTORY_DELAY_MS });
      // The demo's delivery history (60 days) and its KPIs, from the same moment.
      await startDemoDeliveries({ db, jobs: deps.jobs, delayMs: DEMO_HISTORY_DELAY_MS });
    },
    maintenanceTasks: {
      /** Hourly: submits the training job of every tenant whose nightly refit is due. */
      'supply.nightly-refit': () => submitNightlyRefits(db, deps.jobs),
      /** Hourly: submits the KPI rollup of every tenant not rolled up through yesterday. */
      'supply.kpi-rollup': () => submitKpiRollups(db, deps.jobs),
    },
    routes(app: App) {
      const schemas = [
        ...ENTITY_SCHEMAS,
        ...FORECAST_SCHEMAS,
        ...DECISION_SCHEMAS,
        ...SIMULATION_SCHEMAS,
        ...METRIC_SCHEMAS,
        ...FRONTEND_SCHEMAS,
      ];
      for (const schema of schemas) app.addSchema(schema);
      entitiesRoutes(app, { entities });
      forecastsRoutes(app, { forecasts });
      registryRoutes(app, { registry });
      decisionsRoutes(app, { decisions });
      explainRoutes(app, { decisions, db, compute: deps.compute });
      routingRoutes(app, { routing: decisions.routing });
      simulationsRoutes(app, { simulations });
      metricsRoutes(app, { metrics });
      frontendRoutes(app, { frontend });
    },
  };
}

export type Supply = ReturnType<typeof createSupply>;
