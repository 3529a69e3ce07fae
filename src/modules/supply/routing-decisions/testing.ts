// Test data for routing decisions: a warehouse in Birmingham with a small fleet, clients around it
// with delivery windows (some with two), and a day of confirmed orders that need both vans (1,164 kg
// against 1,000 kg in the refrigerated one) — plus three orders no
// vehicle can serve (a client without coordinates, a load above every capacity, a feature no
// vehicle has). Written straight to the tables (the entity API has its own tests).
import type { Db } from '../../../platform/db/database.ts';
import {
  supplyClients,
  supplyInventory,
  supplyOrders,
  supplyVehicles,
  supplyWarehouses,
  type TimeWindow,
} from '../../../platform/db/schema/index.ts';
import { inTenant } from '../../../platform/db/scope.ts';

export const ROUTING_DAY = '2030-06-04';

const DEPOT = { latitude: 52.4594, longitude: -1.8392 };
const MORNING: TimeWindow[] = [{ start: '08:00', end: '12:00' }];
const SPLIT: TimeWindow[] = [
  { start: '07:30', end: '10:00' },
  { start: '13:00', end: '16:00' },
];
const DAY: TimeWindow[] = [{ start: '08:00', end: '17:00' }];

/** Clients on a ring 5–20 km around the depot (deterministic). */
function ring(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const angle = (2 * Math.PI * i) / n;
    const km = 5 + ((i * 7) % 16);
    return {
      latitude: DEPOT.latitude + (km / 111) * Math.sin(angle),
      longitude: DEPOT.longitude + (km / 68) * Math.cos(angle),
      timeWindows: [MORNING, SPLIT, DAY][i % 3] as TimeWindow[],
    };
  });
}

export interface RoutingFixture {
  warehouseId: string;
  emptyWarehouseId: string;
  vehicles: Record<string, string>;
  clients: string[];
  orders: string[];
  bad: { noCoordinates: string; tooHeavy: string; hazmat: string };
}

export async function seedRouting(
  db: Db,
  tenantId: string,
  { prefix = 'RT', clients: clientCount = 12 }: { prefix?: string; clients?: number } = {},
): Promise<RoutingFixture> {
  return inTenant(db, tenantId, async (tx) => {
    const [wh, empty] = await tx
      .insert(supplyWarehouses)
      .values([
        {
          tenantId,
          code: `${prefix}-WH`,
          name: 'Routing depot',
          ...DEPOT,
          operatingHours: [{ start: '06:00', end: '20:00' }],
        },
        {
          tenantId,
          code: `${prefix}-EMPTY`,
          name: 'Depot without vehicles',
          latitude: 52.6,
          longitude: -1.6,
        },
      ])
      .returning({ id: supplyWarehouses.id });
    if (!wh || !empty) throw new Error('warehouses not inserted');
    await tx.insert(supplyInventory).values([
      { tenantId, warehouseId: wh.id, sku: 'BOX', onHand: 10_000, unitWeightKg: 12, unitVolumeM3: 0.05 },
      { tenantId, warehouseId: wh.id, sku: 'GEL', onHand: 10_000, unitWeightKg: 2, unitVolumeM3: 0.004 },
    ]);
    const vehicle = (code: string, extra: Partial<typeof supplyVehicles.$inferInsert>) => ({
      tenantId,
      code: `${prefix}-${code}`,
      type: 'van',
      capacityKg: 1000,
      capacityM3: 10,
      costPerKm: 0.5,
      costPerHour: 20,
      co2PerKm: 0.25,
      depotId: wh.id,
      shiftStart: '07:00',
      shiftEnd: '17:00',
      maxDrivingHours: 9,
      ...extra,
    });
    const vehicles = await tx
      .insert(supplyVehicles)
      .values([
        vehicle('COLD', { features: ['refrigerated'] }),
        vehicle('VAN', { capacityKg: 1500, capacityM3: 14, costPerKm: 0.45 }),
        vehicle('BIG', { type: 'truck', capacityKg: 3000, capacityM3: 30, status: 'maintenance' }),
      ])
      .returning({ id: supplyVehicles.id, code: supplyVehicles.code });
    const places = ring(clientCount);
    const clients = await tx
      .insert(supplyClients)
      .values([
        ...places.map((p, i) => ({ tenantId, name: `${prefix} client ${i + 1}`, ...p, serviceMinutes: 10 })),
        { tenantId, name: `${prefix} client nowhere`, timeWindows: DAY },
      ])
      .returning({ id: supplyClients.id, name: supplyClients.name });
    const clientId = (name: string) => clients.find((c) => c.name === name)?.id as string;
    const order = (
      reference: string,
      client: string,
      extra: Partial<typeof supplyOrders.$inferInsert> = {},
    ) => ({
      tenantId,
      kind: 'customer',
      reference: `${prefix}-${reference}`,
      clientId: clientId(client),
      warehouseId: wh.id,
      lines: [{ sku: 'BOX', quantity: 8 }],
      requestedDate: ROUTING_DAY,
      status: 'confirmed',
      ...extra,
    });
    const rows = await tx
      .insert(supplyOrders)
      .values([
        ...places.map((_, i) =>
          order(`SO-${i + 1}`, `${prefix} client ${i + 1}`, {
            ...(i % 4 === 0
              ? { requiredFeatures: ['refrigerated'], lines: [{ sku: 'GEL', quantity: 50 }] }
              : {}),
          }),
        ),
        order('NOWHERE', `${prefix} client nowhere`),
        order('HEAVY', `${prefix} client 2`, { weightKg: 5000 }),
        order('HAZMAT', `${prefix} client 3`, { requiredFeatures: ['hazmat'] }),
      ])
      .returning({ id: supplyOrders.id, reference: supplyOrders.reference });
    const ref = (r: string) => rows.find((x) => x.reference === `${prefix}-${r}`)?.id as string;
    return {
      warehouseId: wh.id,
      emptyWarehouseId: empty.id,
      vehicles: Object.fromEntries(vehicles.map((v) => [v.code.slice(prefix.length + 1), v.id])),
      clients: clients.map((c) => c.id),
      orders: rows.map((r) => r.id),
      bad: { noCoordinates: ref('NOWHERE'), tooHeavy: ref('HEAVY'), hazmat: ref('HAZMAT') },
    };
  });
}
