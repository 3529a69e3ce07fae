// Hand-made operational data for the KPI tests: warehouses with stock, delivered customer orders,
// executed routing decisions with their routes, written straight to the tables (the entity and
// routing APIs have their own tests) so every figure is known exactly.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Db, Tx } from '../../../platform/db/database.ts';
import {
  type OrderLine,
  type RouteStopRecord,
  supplyClients,
  supplyDecisions,
  supplyDemand,
  supplyInventory,
  supplyOrders,
  supplyRoutes,
  supplyWarehouses,
} from '../../../platform/db/schema/index.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../../identity/testing.ts';
import { addDays } from '../policy/dates.ts';
import { rollUp } from './rollup.ts';

export interface OrderSpec {
  warehouseId: string;
  clientId?: string | null;
  lines: OrderLine[];
  requestedDate: string;
  windowEnd?: string | null;
  status?: string;
  /** ISO instant; with `deliveredQuantity` for delivered orders. */
  deliveredAt?: string;
  deliveredQuantity?: number;
  createdAt?: string;
  reference?: string;
}

export interface RouteSpec {
  depotId: string | null;
  startAt: string;
  stops: number;
  cost: number;
  co2Kg: number;
  utilisation: number;
  vehicleCode?: string;
}

const stop = (i: number): RouteStopRecord => ({
  orderId: '00000000-0000-4000-8000-000000000000',
  clientId: null,
  sequence: i + 1,
  arrival: '2025-01-01T08:00:00.000Z',
  start: '2025-01-01T08:00:00.000Z',
  departure: '2025-01-01T08:10:00.000Z',
  waitMinutes: 0,
  windowIndex: 0,
  loadAfterKg: 0,
  loadAfterM3: 0,
  legDistanceKm: 1,
});

export function kpiData(db: Db, tenantId: string) {
  const run = <T>(work: (tx: Tx) => Promise<T>) => inTenant(db, tenantId, work);
  return {
    async warehouse(
      code: string,
      stock: { sku: string; onHand: number; unitCost: number; reserved?: number }[],
    ) {
      return run(async (tx) => {
        const [wh] = await tx
          .insert(supplyWarehouses)
          .values({ tenantId, code, name: `Warehouse ${code}` })
          .returning();
        if (!wh) throw new Error('warehouse not inserted');
        if (stock.length > 0)
          await tx.insert(supplyInventory).values(stock.map((s) => ({ tenantId, warehouseId: wh.id, ...s })));
        return wh.id;
      });
    },
    async client(name: string) {
      return run(async (tx) => {
        const [c] = await tx
          .insert(supplyClients)
          .values({ tenantId, name })
          .returning({ id: supplyClients.id });
        return c?.id as string;
      });
    },
    async orders(specs: OrderSpec[]) {
      return run(async (tx) => {
        const rows = await tx
          .insert(supplyOrders)
          .values(
            specs.map((o) => ({
              tenantId,
              kind: 'customer',
              warehouseId: o.warehouseId,
              clientId: o.clientId ?? null,
              lines: o.lines,
              requestedDate: o.requestedDate,
              windowEnd: o.windowEnd ?? null,
              status: o.status ?? (o.deliveredAt ? 'delivered' : 'confirmed'),
              reference: o.reference ?? null,
              deliveredAt: o.deliveredAt ? new Date(o.deliveredAt) : null,
              deliveredQuantity: o.deliveredQuantity ?? null,
              ...(o.createdAt ? { createdAt: new Date(o.createdAt) } : {}),
            })),
          )
          .returning({ id: supplyOrders.id });
        return rows.map((r) => r.id);
      });
    },
    /** A routing decision in `status` with one route per spec; returns the route ids. */
    async routes(status: string, specs: RouteSpec[]) {
      return run(async (tx) => {
        const [decision] = await tx
          .insert(supplyDecisions)
          .values({ tenantId, type: 'routing', status })
          .returning();
        if (!decision) throw new Error('decision not inserted');
        const rows = await tx
          .insert(supplyRoutes)
          .values(
            specs.map((r, i) => ({
              tenantId,
              decisionId: decision.id,
              position: i + 1,
              vehicleCode: r.vehicleCode ?? `VAN-${i + 1}`,
              depotId: r.depotId,
              stops: Array.from({ length: r.stops }, (_, k) => stop(k)),
              startAt: new Date(r.startAt),
              endAt: new Date(Date.parse(r.startAt) + 4 * 3600_000),
              distanceKm: 50,
              drivingMinutes: 60,
              durationMinutes: 240,
              loadKg: 100,
              loadM3: 1,
              utilisation: r.utilisation,
              co2Kg: r.co2Kg,
              cost: r.cost,
            })),
          )
          .returning({ id: supplyRoutes.id });
        return { decisionId: decision.id, routeIds: rows.map((r) => r.id) };
      });
    },
  };
}

/** The days of the scenario: a Monday and the Tuesday after it. */
export const D1 = '2025-03-10';
export const D2 = '2025-03-11';
const day = addDays;

/**
 * The KPI tests' operational data, every figure known (see rollup.test.ts for the sums): two
 * warehouses with stock, four delivered orders (one late and short), a client's order three times
 * its usual size, routes of executed decisions (one far dearer per stop than the earlier ones).
 */
export async function seedKpiScenario(db: Db, tenantId: string) {
  const ids = {} as Record<'whA' | 'whB' | 'late' | 'big' | 'costly', string>;
  const data = kpiData(db, tenantId);
  ids.whA = await data.warehouse('KPI-A', [{ sku: 'A1', onHand: 100, unitCost: 2 }]);
  ids.whB = await data.warehouse('KPI-B', [
    { sku: 'B1', onHand: 50, unitCost: 4 },
    { sku: 'B2', onHand: 0, unitCost: 1 },
  ]);
  const regular = await data.client('Regular client');
  const c2 = await data.client('Other client');
  // The regular client's history of A1: median 10, MAD 1 (confirmed: no delivery, no demand).
  await data.orders(
    [9, 10, 11, 10, 12, 8, 10, 11, 9, 10, 11, 9].map((quantity, i) => ({
      warehouseId: ids.whA,
      clientId: regular,
      lines: [{ sku: 'A1', quantity }],
      requestedDate: day(D1, -20 + i),
      createdAt: `${day(D1, -20 + i)}T10:00:00Z`,
    })),
  );
  const before = `${day(D1, -1)}T12:00:00Z`;
  const delivered = await data.orders([
    // on time, in full
    {
      warehouseId: ids.whA,
      clientId: c2,
      lines: [{ sku: 'A1', quantity: 10 }],
      requestedDate: D1,
      windowEnd: '12:00',
      deliveredAt: `${D1}T11:00:00Z`,
      deliveredQuantity: 10,
      createdAt: before,
    },
    // an hour late and 5 short
    {
      warehouseId: ids.whA,
      clientId: c2,
      lines: [{ sku: 'A1', quantity: 20 }],
      requestedDate: D1,
      windowEnd: '12:00',
      deliveredAt: `${D1}T13:00:00Z`,
      deliveredQuantity: 15,
      createdAt: before,
      reference: 'LATE-1',
    },
    // no window: on time until the end of the day
    {
      warehouseId: ids.whB,
      clientId: c2,
      lines: [
        { sku: 'B1', quantity: 5 },
        { sku: 'B2', quantity: 5 },
      ],
      requestedDate: D1,
      deliveredAt: `${D1}T18:00:00Z`,
      deliveredQuantity: 10,
      createdAt: before,
    },
    {
      warehouseId: ids.whA,
      clientId: c2,
      lines: [{ sku: 'A1', quantity: 8 }],
      requestedDate: D2,
      windowEnd: '10:00',
      deliveredAt: `${D2}T09:00:00Z`,
      deliveredQuantity: 8,
      createdAt: before,
    },
    // not delivered: counted in neither
    {
      warehouseId: ids.whA,
      clientId: c2,
      lines: [{ sku: 'A1', quantity: 99 }],
      requestedDate: D1,
      status: 'cancelled',
      createdAt: before,
    },
  ]);
  ids.late = delivered[1] as string;
  // Three times what the regular client orders, placed on D1.
  [ids.big] = (await data.orders([
    {
      warehouseId: ids.whA,
      clientId: regular,
      lines: [{ sku: 'A1', quantity: 30 }],
      requestedDate: D2,
      createdAt: `${D1}T10:00:00Z`,
      reference: 'BIG-1',
    },
  ])) as [string];
  // Routes: ten earlier ones at 28 … 32 per stop; D1: 3 stops for 90 from A, 1 for 30 from B;
  // D2: 1 stop for 300 (unusual). A proposed decision's route is not counted.
  await data.routes(
    'executed',
    [28, 29, 30, 31, 32, 30, 29, 31, 30, 28].map((perStop, i) => ({
      depotId: ids.whA,
      startAt: `${day(D1, -14 + i)}T07:00:00Z`,
      stops: 2,
      cost: perStop * 2,
      co2Kg: 2,
      utilisation: 0.5,
    })),
  );
  const executed = await data.routes('executed', [
    { depotId: ids.whA, startAt: `${D1}T07:00:00Z`, stops: 3, cost: 90, co2Kg: 12, utilisation: 0.6 },
    { depotId: ids.whB, startAt: `${D1}T08:00:00Z`, stops: 1, cost: 30, co2Kg: 4, utilisation: 0.9 },
    { depotId: ids.whA, startAt: `${D2}T07:00:00Z`, stops: 1, cost: 300, co2Kg: 5, utilisation: 0.4 },
  ]);
  ids.costly = executed.routeIds[2] as string;
  await data.routes('proposed', [
    { depotId: ids.whA, startAt: `${D1}T09:00:00Z`, stops: 5, cost: 1000, co2Kg: 50, utilisation: 1 },
  ]);
  await inTenant(db, tenantId, (tx) =>
    tx.insert(supplyDemand).values({ tenantId, warehouseId: ids.whA, sku: 'A1', day: D1, quantity: 15 }),
  );
  return ids;
}

/**
 * The KPI tests' set-up, in one hook (root-level hooks of a file start together, so a second one
 * could not wait for the first): an app, acme with the scenario seeded (and rolled up when asked),
 * another tenant, sessions per role (`other`: the other tenant's admin), and calls under /api/v1.
 */
export function kpiTestKit(slug: string, options: { rolledUp?: boolean } = {}) {
  const kit = {
    t: undefined as unknown as TestApp,
    acme: undefined as unknown as TestTenant,
    otherTenant: undefined as unknown as TestTenant,
    ids: {} as Awaited<ReturnType<typeof seedKpiScenario>>,
    /** Set once the app is up and the scenario seeded (and rolled up). */
    ready: false,
    s: {} as Record<'admin' | 'analyst' | 'viewer' | 'other', TestSession>,
    /** Rolls the scenario's days up for acme (or `tenantId`), as the job does. */
    rollUp: (tenantId?: string) =>
      rollUp({ db: kit.t.database.db, events: kit.t.runtime.events }, tenantId ?? kit.acme.id, {
        from: D1,
        through: D2,
      }),
    async call(session: TestSession, method: string, url: string, payload?: object) {
      const res = await kit.t.app.inject({
        method: method as 'GET',
        url: `/api/v1${url}`,
        headers: session.headers,
        ...(payload ? { payload } : {}),
      });
      // biome-ignore lint/suspicious/noExplicitAny: the tests check the bodies' shape
      return { status: res.statusCode, body: (res.body ? res.json() : undefined) as any };
    },
    async ok(session: TestSession, method: string, url: string, payload?: object) {
      const res = await kit.call(session, method, url, payload);
      assert.ok(res.status < 300, `${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
  };
  before(async () => {
    kit.t = await createTestApp();
    kit.acme = await createTestTenant(kit.t.database.db, slug);
    kit.otherTenant = await createTestTenant(kit.t.database.db, `${slug}-other`);
    for (const role of ['admin', 'analyst', 'viewer'] as const)
      kit.s[role] = await signIn(kit.t.app, kit.acme.users[role].email);
    kit.s.other = await signIn(kit.t.app, kit.otherTenant.users.admin.email);
    kit.ids = await seedKpiScenario(kit.t.database.db, kit.acme.id);
    if (options.rolledUp) await kit.rollUp();
    kit.ready = true;
  });
  after(() => kit.t?.close());
  return kit;
}
