import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../../platform/db/scope.ts';
import { badRequest, conflict, forbidden } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { bucketOf, type DemandBucket } from './buckets.ts';
import { demandSeries } from './demand.repo.ts';
import { deleteDemand, demandDays } from './entities.repo.ts';
import { createImportsService } from './imports.service.ts';
import { assignments, clients, inventory, vehicles, warehouses } from './kinds.ts';
import { createOrdersService } from './orders.service.ts';

// The supply entities (seed 002, issue 16): warehouses, inventory, vehicles, clients, orders and
// vehicle assignments, their demand history and their CSV imports.

/** Most buckets one demand request may span (a day range of 50 years). */
export const MAX_DEMAND_BUCKETS = 20_000;

export interface EntitiesDeps {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  /** Where uploaded CSV files wait for their import. */
  uploadsDir: string;
  uploadMaxBytes: number;
}

export function createEntitiesService({ db, jobs, uploadsDir, uploadMaxBytes }: EntitiesDeps) {
  const stock = inventory(db);
  const orders = createOrdersService(db);
  const kinds = {
    warehouses: warehouses(db),
    vehicles: vehicles(db),
    clients: clients(db),
    assignments: assignments(db),
  };

  /**
   * Deletes an inventory row; one with demand history only with `purge` (admins), which deletes
   * that history too.
   */
  const removeInventory = (principal: Principal, id: string, purge: boolean) => {
    if (purge && !principal.scopes.has('admin'))
      throw forbidden('Deleting demand history (purge) needs the admin role');
    return inCallerTenant(db, principal, async (tx) => {
      const row = await stock.getIn(tx, id, true);
      const days = await demandDays(tx, row.warehouseId, row.sku);
      if (days > 0 && !purge)
        throw conflict(
          `SKU ${row.sku} has ${days} days of demand history at this warehouse: pass ?purge=true (admins) to delete it with the row`,
        );
      if (purge) await deleteDemand(tx, row.warehouseId, row.sku);
      await stock.removeIn(tx, id);
    });
  };

  /** The demand history of an inventory row per bucket (see demand.repo.ts for what counts). */
  const demand = (
    principal: Principal,
    id: string,
    query: { bucket: DemandBucket; from?: string | undefined; to?: string | undefined },
  ) =>
    readInCallerTenant(db, principal, async (tx) => {
      const { bucket, from, to } = query;
      if (from && to && from > to) throw badRequest(`from (${from}) is after to (${to})`);
      if (from && to && bucketOf(bucket, to) - bucketOf(bucket, from) >= MAX_DEMAND_BUCKETS)
        throw badRequest(`The range spans more than ${MAX_DEMAND_BUCKETS} ${bucket}s: narrow it`);
      const row = await stock.getIn(tx, id);
      const points = await demandSeries(tx, row, bucket, { from, to });
      if (points.length > MAX_DEMAND_BUCKETS)
        throw badRequest(`The history spans more than ${MAX_DEMAND_BUCKETS} ${bucket}s: give a from and to`);
      return {
        inventoryId: row.id,
        warehouseId: row.warehouseId,
        sku: row.sku,
        bucket,
        total: points.reduce((sum, p) => sum + p.quantity, 0),
        points,
      };
    });

  const imports = createImportsService({
    db,
    jobs,
    uploadsDir,
    maxBytes: uploadMaxBytes,
    orders,
    ...kinds,
    inventory: stock,
  });

  return {
    ...kinds,
    inventory: { ...stock, remove: removeInventory, demand },
    orders,
    imports,
    /** Defines the entities' jobs (the demand import) on the queue. */
    defineJobs: imports.defineJobs,
  };
}

export type EntitiesService = ReturnType<typeof createEntitiesService>;
