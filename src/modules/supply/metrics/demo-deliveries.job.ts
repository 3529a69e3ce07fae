// The demo tenant's delivery history, written in the background after start-up (job
// `supply.demo-deliveries`): 60 days of delivered orders and the executed routing decisions that
// carried them (demo-deliveries.ts), then the KPI rollup over those days, so the dashboard opens on
// KPIs with trends and a few anomalies. Once per tenant: a tenant that has history orders skips it.
// Submitted at start for the tenants whose demo history is pending (like supply.demo-history);
// once the demand history is there, `refreshDemoKpis` recomputes the days (inventory turns read it).
import { and, eq, inArray, like } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/database.ts';
import {
  jobs,
  type RouteStopRecord,
  supplyClients,
  supplyDecisions,
  supplyOrders,
  supplyRoutes,
  supplyVehicles,
  supplyWarehouses,
} from '../../../platform/db/schema/index.ts';
import { inTenant, readAcrossTenants, readInTenant } from '../../../platform/db/scope.ts';
import type { JobDefinition, Jobs } from '../../../platform/jobs/jobs.ts';
import { DEMO_SEED, demoCatalogue, demoStockPoints } from '../demo/catalogue.ts';
import { pendingDemoTenants } from '../demo/demo-history.repo.ts';
import { DEMO_CLIENTS, DEMO_VEHICLES, DEMO_WAREHOUSES } from '../demo/network.ts';
import { routingDemoClients } from '../demo/routing-demo.ts';
import { addDays } from '../policy/dates.ts';
import {
  DEMO_DELIVERY_DAYS,
  demoDeliveryHistory,
  HISTORY_REFERENCE,
  type HistoryDay,
} from './demo-deliveries.ts';
import { dayOf, KPI_ROLLUP_JOB, type RollupDeps, rollUp } from './rollup.ts';

export const DEMO_DELIVERIES_JOB = 'supply.demo-deliveries';

export interface DemoDeliveriesPayload {
  /** Last day of the history (default: yesterday, UTC, when the job runs). */
  end?: string;
  days?: number;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'supply.demo-deliveries': DemoDeliveriesPayload;
  }
}

const hasHistory = async (tx: Tx) =>
  (
    await tx
      .select({ id: supplyOrders.id })
      .from(supplyOrders)
      .where(like(supplyOrders.reference, `${HISTORY_REFERENCE}%`))
      .limit(1)
  ).length > 0;

/** Writes the history (unless the tenant has it) and rolls its days up; returns what it wrote. */
export async function writeDemoDeliveries(
  deps: RollupDeps,
  tenantId: string,
  { end, days = DEMO_DELIVERY_DAYS }: { end: string; days?: number },
) {
  const written = await inTenant(deps.db, tenantId, async (tx) => {
    if (await hasHistory(tx)) return null;
    const points = demoStockPoints(demoCatalogue(DEMO_SEED), DEMO_SEED);
    const history = demoDeliveryHistory({
      points,
      clients: [...DEMO_CLIENTS, ...routingDemoClients(DEMO_SEED)],
      vehicles: DEMO_VEHICLES,
      warehouses: DEMO_WAREHOUSES,
      end,
      days,
      seed: DEMO_SEED,
    });
    return insertHistory(tx, tenantId, history);
  });
  if (!written) return { skipped: true as const };
  const rollup = await rollUp(deps, tenantId, { from: addDays(end, -(days - 1)), through: end });
  return { ...written, rollup };
}

const ids = <T extends { id: string }>(rows: T[], key: (row: T) => string) =>
  new Map(rows.map((r) => [key(r), r.id]));

async function insertHistory(tx: Tx, tenantId: string, history: HistoryDay[]) {
  const warehouses = ids(
    await tx.select({ id: supplyWarehouses.id, code: supplyWarehouses.code }).from(supplyWarehouses),
    (r) => r.code,
  );
  const clients = ids(
    await tx.select({ id: supplyClients.id, name: supplyClients.name }).from(supplyClients),
    (r) => r.name,
  );
  const vehicles = ids(
    await tx.select({ id: supplyVehicles.id, code: supplyVehicles.code }).from(supplyVehicles),
    (r) => r.code,
  );
  const orders = history
    .flatMap((d) => d.orders)
    .filter((o) => warehouses.has(o.warehouse) && clients.has(o.client));
  if (orders.length === 0) return { orders: 0, decisions: 0, routes: 0 };
  const orderIds = new Map<string, string>();
  for (let i = 0; i < orders.length; i += 500) {
    const inserted = await tx
      .insert(supplyOrders)
      .values(
        orders.slice(i, i + 500).map((o) => ({
          tenantId,
          kind: 'customer',
          reference: o.reference,
          clientId: clients.get(o.client) as string,
          warehouseId: warehouses.get(o.warehouse) as string,
          lines: o.lines,
          requestedDate: o.requestedDate,
          windowStart: o.windowStart,
          windowEnd: o.windowEnd,
          status: 'delivered',
          weightKg: o.weightKg,
          deliveredAt: o.deliveredAt,
          deliveredQuantity: o.deliveredQuantity,
          createdAt: o.createdAt,
          updatedAt: o.deliveredAt,
        })),
      )
      .returning({ id: supplyOrders.id, reference: supplyOrders.reference });
    for (const row of inserted) orderIds.set(row.reference ?? '', row.id);
  }
  let decisions = 0;
  let routes = 0;
  for (const day of history) {
    const driven = day.routes
      .map((r) => ({ ...r, stops: r.stops.filter((s) => orderIds.has(s.reference)) }))
      .filter((r) => r.stops.length > 0 && warehouses.has(r.warehouse));
    if (driven.length === 0) continue;
    const cost = driven.reduce((sum, r) => sum + r.cost, 0);
    const stops = driven.reduce((sum, r) => sum + r.stops.length, 0);
    const planned = new Date(Date.parse(`${addDays(day.day, -1)}T16:00:00Z`));
    const [decision] = await tx
      .insert(supplyDecisions)
      .values({
        tenantId,
        type: 'routing',
        status: 'executed',
        summary: `Routes of ${day.day} (demo history): ${stops} deliveries on ${driven.length} vehicle${driven.length === 1 ? '' : 's'}, ${driven.reduce((s, r) => s + r.distanceKm, 0).toFixed(0)} km`,
        predictedCost: Math.round(cost * 100) / 100,
        costBreakdown: { routes: Math.round(cost * 100) / 100 },
        plan: { input: { date: day.day }, unserved: [], history: true },
        createdAt: planned,
        updatedAt: planned,
        decidedAt: planned,
        executedAt: planned,
      })
      .returning({ id: supplyDecisions.id });
    if (!decision) throw new Error('demo decision not inserted');
    decisions += 1;
    await tx.insert(supplyRoutes).values(
      driven.map((r, position) => ({
        tenantId,
        decisionId: decision.id,
        position: position + 1,
        vehicleId: vehicles.get(r.vehicle) ?? null,
        vehicleCode: r.vehicle,
        depotId: warehouses.get(r.warehouse) ?? null,
        stops: r.stops.map(
          (s, k): RouteStopRecord => ({
            orderId: orderIds.get(s.reference) as string,
            clientId: clients.get(s.client) ?? null,
            sequence: k + 1,
            arrival: s.arrival.toISOString(),
            start: s.arrival.toISOString(),
            departure: s.departure.toISOString(),
            waitMinutes: 0,
            windowIndex: 0,
            loadAfterKg: s.loadAfterKg,
            loadAfterM3: 0,
            legDistanceKm: s.legKm,
          }),
        ),
        startAt: r.startAt,
        endAt: r.endAt,
        distanceKm: r.distanceKm,
        drivingMinutes: r.drivingMinutes,
        durationMinutes: (r.endAt.getTime() - r.startAt.getTime()) / 60_000,
        loadKg: r.loadKg,
        loadM3: 0,
        utilisation: r.utilisation,
        co2Kg: r.co2Kg,
        cost: r.cost,
      })),
    );
    routes += driven.length;
  }
  return { orders: orderIds.size, decisions, routes };
}

export function demoDeliveriesJob(deps: RollupDeps): JobDefinition<'supply.demo-deliveries'> {
  return {
    name: DEMO_DELIVERIES_JOB,
    retryLimit: 2,
    retryDelaySeconds: 10,
    timeoutSeconds: 900,
    async run(payload, ctx) {
      const end = payload.end ?? addDays(dayOf(Date.now()), -1);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(end)) throw new Error(`not a day: ${end}`);
      await ctx.progress(0, 'Writing the demo delivery history');
      const outcome = await writeDemoDeliveries(deps, ctx.tenantId, {
        end,
        ...(payload.days ? { days: payload.days } : {}),
      });
      await ctx.progress(
        100,
        'skipped' in outcome
          ? 'Demo delivery history already there'
          : 'Demo delivery history written and rolled up',
      );
      return outcome;
    },
  };
}

/**
 * Submits the delivery history job for every tenant whose demo history is pending, that has none
 * and no such job queued or running. Returns the ids of the jobs submitted.
 */
export async function startDemoDeliveries({
  db,
  jobs: queue,
  now = Date.now(),
  delayMs = 0,
}: {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  now?: number;
  delayMs?: number;
}): Promise<string[]> {
  const tenants = await readAcrossTenants(db, pendingDemoTenants);
  const submitted: string[] = [];
  for (const tenantId of tenants) {
    const busy = await readInTenant(db, tenantId, async (tx) => {
      if (await hasHistory(tx)) return true;
      const [job] = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(eq(jobs.name, DEMO_DELIVERIES_JOB), inArray(jobs.status, ['queued', 'running', 'retrying'])),
        )
        .limit(1);
      return job !== undefined;
    });
    if (busy) continue;
    const job = await queue.submit(
      DEMO_DELIVERIES_JOB,
      { end: addDays(dayOf(now), -1) },
      { tenantId, ...(delayMs > 0 ? { startAfter: new Date(now + delayMs) } : {}) },
    );
    submitted.push(job.id);
  }
  return submitted;
}

/**
 * Once the demo's demand history is written: recomputes the delivery history's days, whose
 * inventory turns now have their demand (a rollup job; returns its id).
 */
export async function refreshDemoKpis(queue: Pick<Jobs, 'submit'>, tenantId: string, now = Date.now()) {
  const through = addDays(dayOf(now), -1);
  const job = await queue.submit(
    KPI_ROLLUP_JOB,
    { from: addDays(through, -(DEMO_DELIVERY_DAYS - 1)), through },
    { tenantId },
  );
  return job.id;
}
