// The plant module's public surface (seed 003): lines, downtime, shifts, batches and OEE.
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUuid, readInTenant } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import type { App } from '../../platform/http/types.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import { findBatch } from './batches.repo.ts';
import { batchesRoutes } from './batches.routes.ts';
import { createBatchesService } from './batches.service.ts';
import { findLine } from './lines.repo.ts';
import { linesRoutes } from './lines.routes.ts';
import { createLinesService } from './lines.service.ts';
import { PLANT_SCHEMAS } from './plant.schemas.ts';
import { createReportsService } from './reports.service.ts';
import { createShiftsService } from './shifts.service.ts';

export { localToUtc } from './calendar.ts';
export { DEMO_PLANT, type DemoPlantLayout, seedDemoPlant } from './demo.ts';
export { findLine } from './lines.repo.ts';
export type { ReportsService } from './reports.service.ts';

export function createPlant({
  db,
  events,
  realtime,
  compute,
  maxBackdateDays,
}: {
  db: Db;
  events: Pick<Events, 'record'>;
  realtime: Pick<Realtime, 'registerTopic'>;
  compute: Pick<Compute, 'run'>;
  /** How far back `at` may go on status changes and batch starts and completions. */
  maxBackdateDays: number;
}) {
  const lines = createLinesService({ db, events, maxBackdateDays });
  const shifts = createShiftsService({ db });
  const batches = createBatchesService({ db, events, lines, compute, maxBackdateDays });
  const reports = createReportsService({ db });

  // `line:<id>` and `batch:<id>` topics, for ids of the subscriber's own tenant.
  const owns =
    (find: typeof findLine | typeof findBatch) =>
    async (principal: { tenantId: string | null }, id: string) =>
      principal.tenantId !== null &&
      isUuid(id) &&
      (await readInTenant(db, principal.tenantId, async (tx) => (await find(tx, id)) !== undefined));
  realtime.registerTopic('line', owns(findLine));
  realtime.registerTopic('batch', owns(findBatch));

  return {
    /** OEE and the downtime Pareto, for the facility comparison (analytics). */
    reports,
    routes(app: App) {
      for (const schema of PLANT_SCHEMAS) app.addSchema(schema);
      linesRoutes(app, { lines, shifts });
      batchesRoutes(app, { batches, reports });
    },
  };
}
