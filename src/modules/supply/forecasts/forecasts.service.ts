import { eq, inArray } from 'drizzle-orm';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import { type ForecastScope, supplyInventory, supplyModels } from '../../../platform/db/schema/index.ts';
import { inTenant, readInCallerTenant, tenantOf } from '../../../platform/db/scope.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import {
  type ForecastRunRow,
  findRun,
  insertRun,
  latestForecast,
  listRunForecasts,
  listRuns,
  scopeSize,
  updateRun,
} from './forecasts.repo.ts';
import { productionForecastModel } from './registry.service.ts';
import type { Bucket } from './run-forecast.ts';

// Forecast runs: started over a scope (SKUs × warehouses), run as a job with the production model
// version, read back with their per-series forecasts.

export interface ForecastRequest {
  scope?: ForecastScope | undefined;
  bucket?: Bucket | undefined;
  horizon?: number | undefined;
  level?: number | undefined;
}

const cleanScope = (scope: ForecastScope | undefined): ForecastScope => ({
  ...(scope?.skus?.length ? { skus: [...new Set(scope.skus)] } : {}),
  ...(scope?.warehouseIds?.length ? { warehouseIds: [...new Set(scope.warehouseIds)] } : {}),
  ...(scope?.categories?.length ? { categories: [...new Set(scope.categories)] } : {}),
});

/** The models of some runs (for their presentation), by id. */
export async function modelsOf(tx: Executor, runs: ForecastRunRow[]) {
  const ids = [...new Set(runs.map((r) => r.modelId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map<string, { id: string; name: string; version: number }>();
  const rows = await tx
    .select({ id: supplyModels.id, name: supplyModels.name, version: supplyModels.version })
    .from(supplyModels)
    .where(inArray(supplyModels.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Creates a queued run over a scope with the production model (refused when the scope is empty). */
export async function createRun(
  tx: Executor,
  tenantId: string,
  createdBy: string | null,
  request: ForecastRequest,
): Promise<ForecastRunRow> {
  const scope = cleanScope(request.scope);
  if ((await scopeSize(tx, scope)) === 0)
    throw badRequest('The scope matches no SKU at any warehouse: nothing to forecast');
  const model = await productionForecastModel(tx, tenantId);
  return insertRun(tx, {
    tenantId,
    scope,
    bucket: request.bucket ?? 'week',
    horizon: request.horizon ?? 13,
    level: request.level ?? 0.95,
    modelId: model.id,
    createdBy,
  });
}

export function createForecastsService({ db, jobs }: { db: Db; jobs: Pick<Jobs, 'submit'> }) {
  async function startFor(tenantId: string, createdBy: string | null, request: ForecastRequest) {
    const run = await inTenant(db, tenantId, (tx) => createRun(tx, tenantId, createdBy, request));
    const job = await jobs.submit('supply.forecast', { runId: run.id }, { tenantId, createdBy });
    return inTenant(db, tenantId, async (tx) => {
      const row = (await updateRun(tx, run.id, { jobId: job.id })) ?? run;
      return { run: row, model: (await modelsOf(tx, [row])).get(row.modelId ?? '') ?? null };
    });
  }

  return {
    start(principal: Principal, request: ForecastRequest) {
      return startFor(tenantOf(principal), principal.userId, request);
    },

    /** A run started by the system (the demo's first forecast) or on behalf of `createdBy`. */
    startFor,

    list: (principal: Principal, filter: { status?: string | undefined; limit: number; offset: number }) =>
      readInCallerTenant(db, principal, async (tx) => {
        const page = await listRuns(tx, filter);
        return { ...page, models: await modelsOf(tx, page.items) };
      }),

    get: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const run = await findRun(tx, id);
        if (!run) throw notFound('Forecast run');
        return { run, model: (await modelsOf(tx, [run])).get(run.modelId ?? '') ?? null };
      }),

    /** The newest forecast of an inventory row's series (404 when it has none yet). */
    latestOf: (principal: Principal, inventoryId: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const [row] = await tx
          .select({ warehouseId: supplyInventory.warehouseId, sku: supplyInventory.sku })
          .from(supplyInventory)
          .where(eq(supplyInventory.id, inventoryId));
        if (!row) throw notFound('Inventory item');
        const forecast = await latestForecast(tx, row);
        if (!forecast) throw notFound('Forecast of this item (run a forecast first)');
        return forecast;
      }),

    series: (
      principal: Principal,
      id: string,
      filter: {
        sku?: string | undefined;
        warehouseId?: string | undefined;
        method?: string | undefined;
        limit: number;
        offset: number;
      },
    ) =>
      readInCallerTenant(db, principal, async (tx) => {
        if (!(await findRun(tx, id))) throw notFound('Forecast run');
        return listRunForecasts(tx, { runId: id, ...filter });
      }),
  };
}

export type ForecastsService = ReturnType<typeof createForecastsService>;
