// The demo's delivery day (issue 17): 129 more customers around the three warehouses (150 with the
// hand-written ones of network.ts), each with delivery windows — a third with two a day — and
// tomorrow's customer orders for most of them, so a newcomer can run a routing decision at once.
// Loads come from the SKUs' unit weights and volumes (by category); orders holding a sealant or a
// threadlocker need a refrigerated vehicle. Seeded: the same every time.
import type { OrderLine, TimeWindow } from '../../../platform/db/schema/supply.ts';
import { seededRandom } from '../../../platform/random.ts';
import { DEMO_SEED, type DemoItem, type DemoStockPoint } from './catalogue.ts';
import { formatDay, parseDay } from './demand-generator.ts';
import { DEMO_CLIENTS, DEMO_WAREHOUSES, type DemoClient } from './network.ts';
import type { DemoOrder } from './orders.ts';

type Rng = () => number;
const DAY_MS = 86_400_000;

/** Clients added around each warehouse (3 × 43 + 21 hand-written = 150). */
export const CLIENTS_PER_WAREHOUSE = 43;
/** Share of the clients with an order tomorrow. */
const ORDERING_SHARE = 0.75;

/** Weight (kg) and volume (m³) of one unit, by catalogue category. */
const UNIT_LOADS: Record<string, { unitWeightKg: number; unitVolumeM3: number }> = {
  fasteners: { unitWeightKg: 0.05, unitVolumeM3: 0.00005 },
  bearings: { unitWeightKg: 0.9, unitVolumeM3: 0.0006 },
  castings: { unitWeightKg: 6.5, unitVolumeM3: 0.004 },
  packaging: { unitWeightKg: 1.2, unitVolumeM3: 0.02 },
  electrical: { unitWeightKg: 0.8, unitVolumeM3: 0.003 },
  seals: { unitWeightKg: 0.15, unitVolumeM3: 0.0003 },
};

export function demoUnitLoad(item: Pick<DemoItem, 'category'>) {
  return UNIT_LOADS[item.category] ?? { unitWeightKg: 1, unitVolumeM3: 0.001 };
}

/** Adhesives and sealants travel between 5 and 25 °C: in a refrigerated vehicle. */
export const needsRefrigeration = (item: Pick<DemoItem, 'description'>) =>
  /sealant|threadlocker/i.test(item.description);

const TOWNS: Record<string, string[]> = {
  BHM: [
    'Walsall',
    'Wolverhampton',
    'Dudley',
    'Solihull',
    'Sutton Coldfield',
    'Halesowen',
    'Smethwick',
    'Oldbury',
    'Bromsgrove',
    'Lichfield',
    'Cannock',
    'Stourbridge',
    'Tipton',
    'Wednesbury',
  ],
  COV: [
    'Coventry',
    'Nuneaton',
    'Rugby',
    'Leamington',
    'Warwick',
    'Kenilworth',
    'Bedworth',
    'Hinckley',
    'Daventry',
    'Southam',
    'Lutterworth',
    'Atherstone',
  ],
  EMG: [
    'Derby',
    'Nottingham',
    'Loughborough',
    'Long Eaton',
    'Beeston',
    'Melton',
    'Coalville',
    'Ashby',
    'Hucknall',
    'Belper',
    'Shepshed',
    'Castle Donington',
  ],
};
const TRADES = [
  'Machining',
  'Fabrications',
  'Tooling',
  'Plastics',
  'Motor Repairs',
  'Precision',
  'Pressings',
  'Electronics',
  'Coatings',
  'Forge',
  'Automation',
  'Pallets',
  'Welding',
  'Gears',
  'Compressors',
];
const SUFFIXES = ['Ltd', 'Works', '& Sons', 'Group', 'Engineering', 'Services'];

const w = (start: string, end: string): TimeWindow => ({ start, end });
/** Delivery window patterns; the last two have two windows a day. */
const PATTERNS: readonly TimeWindow[][] = [
  [w('06:30', '10:00')],
  [w('08:00', '12:00')],
  [w('08:00', '17:00')],
  [w('12:00', '16:30')],
  [w('07:30', '10:30'), w('13:00', '16:00')],
  [w('08:00', '11:00'), w('14:00', '17:00')],
];

const pick = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)] as T;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The generated clients: around each warehouse, 4–32 km away, in a seeded order. */
export function routingDemoClients(seed = DEMO_SEED): DemoClient[] {
  const rng = seededRandom(seed + 17);
  const taken = new Set(DEMO_CLIENTS.map((c) => c.name));
  const clients: DemoClient[] = [];
  for (const warehouse of DEMO_WAREHOUSES) {
    const towns = TOWNS[warehouse.code] ?? [warehouse.code];
    for (let n = 0; n < CLIENTS_PER_WAREHOUSE; n++) {
      let name = '';
      do name = `${pick(rng, towns)} ${pick(rng, TRADES)} ${pick(rng, SUFFIXES)}`;
      while (taken.has(name));
      taken.add(name);
      const angle = 2 * Math.PI * rng();
      const km = 4 + 28 * Math.sqrt(rng());
      const latitude = warehouse.latitude + (km / 111.2) * Math.sin(angle);
      const longitude =
        warehouse.longitude +
        (km / (111.2 * Math.cos((warehouse.latitude * Math.PI) / 180))) * Math.cos(angle);
      const u = rng();
      const timeWindows = (u < 1 / 3 ? pick(rng, PATTERNS.slice(4)) : pick(rng, PATTERNS.slice(0, 4))).map(
        (x) => ({ ...x }),
      );
      clients.push({
        name,
        address: `Unit ${1 + Math.floor(rng() * 40)}, ${name.split(' ')[0]} Trade Park`,
        latitude: round4(latitude),
        longitude: round4(longitude),
        timeWindows,
        serviceMinutes: 5 * (2 + Math.floor(rng() * 4)),
        priority: 1 + Math.floor(rng() * 5),
        slaHours: pick(rng, [24, 48, 72]),
        servedFrom: warehouse.code,
      });
    }
  }
  return clients;
}

/**
 * Tomorrow's deliveries: an order for about three clients in four, one to three lines of stocked,
 * regularly sold SKUs of the client's warehouse (never more than a third of what is left on hand),
 * refrigerated when a line is temperature-sensitive. References SO-26001 on.
 */
export function deliveryDayOrders(
  points: readonly DemoStockPoint[],
  clients: readonly DemoClient[],
  today: string,
  seed = DEMO_SEED,
): (DemoOrder & { requiredFeatures: string[] })[] {
  const rng = seededRandom(seed + 18);
  const tomorrow = formatDay(parseDay(today) + DAY_MS);
  const left = new Map(points.map((p) => [p, p.onHand - p.reserved]));
  const stocked = (warehouse: string, cold: boolean) =>
    points.filter(
      (p) =>
        p.warehouse === warehouse &&
        (left.get(p) ?? 0) >= 3 &&
        needsRefrigeration(p.item) === cold &&
        (cold || p.profile.demandClass === 'smooth'),
    );
  const orders: (DemoOrder & { requiredFeatures: string[] })[] = [];
  for (const client of clients) {
    if (rng() >= ORDERING_SHARE) continue;
    const regular = stocked(client.servedFrom, false);
    const lines: OrderLine[] = [];
    const take = (p: DemoStockPoint) => {
      const quantity = Math.max(
        1,
        Math.min(Math.floor((left.get(p) ?? 0) / 3), Math.round(p.dailyDemand * (0.5 + rng()))),
      );
      left.set(p, (left.get(p) ?? 0) - quantity);
      lines.push({ sku: p.item.sku, quantity });
    };
    const count = 1 + Math.floor(rng() * 3);
    for (let k = 0; k < count && regular.length > 0; k++) {
      const p = pick(rng, regular);
      if (!lines.some((l) => l.sku === p.item.sku)) take(p);
    }
    const cold = stocked(client.servedFrom, true);
    const refrigerated = cold.length > 0 && rng() < 0.15;
    if (refrigerated) take(pick(rng, cold));
    if (lines.length === 0) continue;
    orders.push({
      kind: 'customer',
      reference: `SO-${26_001 + orders.length}`,
      client: client.name,
      warehouse: client.servedFrom,
      supplier: null,
      lines,
      requestedDate: tomorrow,
      windowStart: null,
      windowEnd: null,
      status: 'confirmed',
      priority: client.priority,
      requiredFeatures: refrigerated ? ['refrigerated'] : [],
    });
  }
  return orders;
}
