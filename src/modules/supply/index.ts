// The supply module's public surface (seed 002, issue 16): entities (warehouses, inventory,
// vehicles, clients, orders, vehicle assignments) with their CSV imports; demand history;
// forecasts over a scope, run as jobs on the forecasting engine; the model registry with training
// jobs; replenishment decisions with their explanations, approval and execution.
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
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
// ROUTES helper (issue 17, for the lead to keep or rework): routing decisions wiring
import { routeJob } from './routing-decisions/route.job.ts';
import { routingRoutes } from './routing-decisions/routing.routes.ts';

export { seedDemoSupply } from './demo/demo.ts';

export interface SupplyDeps {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  realtime: Pick<Realtime, 'registerTopic' | 'publish'>;
  compute: Pick<Compute, 'run'>;
  /** Where uploaded CSV files wait for their import job. */
  uploadsDir: string;
  uploadMaxBytes: number;
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

  return {
    entities,
    forecasts,
    registry,
    decisions,
    /** Defines the module's jobs on the queue (the composition root calls it once). */
    defineJobs(jobs: Pick<Jobs, 'define'>) {
      jobs.define(forecastJob({ db, compute: deps.compute }));
      jobs.define(trainJob({ db, compute: deps.compute }));
      jobs.define(decideJob({ db, compute: deps.compute }));
      jobs.define(routeJob({ db, compute: deps.compute })); // ROUTES helper
      entities.defineJobs(jobs);
      // The demo history is followed by a first forecast run, so the demo SKU pages have forecasts.
      defineDemoJobs(jobs, {
        db,
        afterHistory: (tenantId) => forecasts.startFor(tenantId, null, {}).then(() => {}),
      });
    },
    /** With workers: submits the demo history job for each tenant whose demo history is pending. */
    start: () => startDemoHistory({ db, jobs: deps.jobs, delayMs: DEMO_HISTORY_DELAY_MS }),
    maintenanceTasks: {
      /** Hourly: submits the training job of every tenant whose nightly refit is due. */
      'supply.nightly-refit': () => submitNightlyRefits(db, deps.jobs),
    },
    routes(app: App) {
      for (const schema of [...ENTITY_SCHEMAS, ...FORECAST_SCHEMAS, ...DECISION_SCHEMAS])
        app.addSchema(schema);
      entitiesRoutes(app, { entities });
      forecastsRoutes(app, { forecasts });
      registryRoutes(app, { registry });
      decisionsRoutes(app, { decisions });
      explainRoutes(app, { decisions, db, compute: deps.compute });
      routingRoutes(app, { routing: decisions.routing }); // ROUTES helper
    },
  };
}

export type Supply = ReturnType<typeof createSupply>;
