// The demo tenant's 200 SKUs in six categories of industrial MRO supplies, each with its supplier
// (lead time and its spread), costs and service target, and the warehouses that stock it. Stock on
// hand follows the demand the generator gives the same SKU and warehouse: most stock points hold
// a few weeks above their lead time's demand, about a quarter hold less than it (below the reorder
// point, so a replenishment decision has something to propose).
import { seededRandom } from '../../../platform/random.ts';
import {
  DEMO_HISTORY_DAYS,
  type DemandProfile,
  demandProfile,
  expectedDailyDemand,
} from './demand-generator.ts';
import { DEMO_WAREHOUSES } from './network.ts';

/** The seed of everything demo in the supply module (issue 16). */
export const DEMO_SEED = 16;

export interface DemoSupplier {
  name: string;
  leadTimeDays: number;
  leadTimeSdDays: number;
  orderingCost: number;
}

interface CategorySpec {
  category: string;
  prefix: string;
  count: number;
  /** Unit cost range (GBP), drawn log-uniformly. */
  unitCost: [number, number];
  holdingCostRate: number;
  /** Pack sizes an order is rounded to. */
  lotSizes: number[];
  serviceLevels: number[];
  /** Share of items reviewed periodically (R, S) rather than continuously (s, Q). */
  periodicShare: number;
  suppliers: DemoSupplier[];
  descriptions: string[];
}

const each = <T>(values: readonly T[], text: (v: T) => string) => values.map(text);
const crossed = <A, B>(as: readonly A[], bs: readonly B[], text: (a: A, b: B) => string) =>
  as.flatMap((a) => bs.map((b) => text(a, b)));

const CATEGORIES: readonly CategorySpec[] = [
  {
    category: 'fasteners',
    prefix: 'FST',
    count: 45,
    unitCost: [0.04, 1.8],
    holdingCostRate: 0.22,
    lotSizes: [100, 250, 500],
    serviceLevels: [0.97, 0.98, 0.99],
    periodicShare: 0.5,
    suppliers: [
      { name: 'Midland Bolt & Nut Ltd', leadTimeDays: 4, leadTimeSdDays: 1, orderingCost: 35 },
      { name: 'Hansen Befestigungstechnik GmbH', leadTimeDays: 14, leadTimeSdDays: 3, orderingCost: 60 },
    ],
    descriptions: [
      ...crossed(
        [8, 10, 12, 16, 20],
        [40, 60, 80],
        (d, l) => `Hex bolt M${d} × ${l} mm, grade 8.8, zinc plated`,
      ),
      ...crossed([4, 5, 6, 8, 10], [16, 25], (d, l) => `Socket head cap screw M${d} × ${l} mm, 12.9, black`),
      ...each([6, 8, 10, 12, 16, 20], (d) => `Hex nut M${d}, class 8, zinc plated`),
      ...each([6, 8, 10, 12], (d) => `Nyloc nut M${d}, A2 stainless`),
      ...each([6, 8, 10, 12, 16], (d) => `Flat washer M${d}, DIN 125, A2 stainless`),
      ...each([8, 10, 12], (d) => `Spring washer M${d}, DIN 127`),
      ...each([10, 12], (d) => `Threaded rod M${d} × 1 m, zinc plated`),
      ...each(['4.0', '4.8'], (d) => `Blind rivet ${d} × 12 mm, aluminium/steel`),
    ],
  },
  {
    category: 'bearings',
    prefix: 'BRG',
    count: 35,
    unitCost: [3, 140],
    holdingCostRate: 0.2,
    lotSizes: [1, 10],
    serviceLevels: [0.95, 0.97, 0.98],
    periodicShare: 0.2,
    suppliers: [
      { name: 'Trent Bearing Supplies', leadTimeDays: 7, leadTimeSdDays: 2, orderingCost: 45 },
      { name: 'Nordic Rolling Bearings AB', leadTimeDays: 21, leadTimeSdDays: 5, orderingCost: 90 },
    ],
    descriptions: [
      ...each(
        [6201, 6202, 6203, 6204, 6205, 6206, 6207, 6208, 6305, 6306],
        (n) => `Deep groove ball bearing ${n}-2RS`,
      ),
      ...each([30204, 30205, 30206, 30207, 30208, 32210], (n) => `Tapered roller bearing ${n}`),
      ...each(['UCP204', 'UCP205', 'UCP206', 'UCP207', 'UCP208'], (n) => `Pillow block bearing unit ${n}`),
      ...each(['NU205', 'NU206', 'NU207', 'NU208', 'NU209'], (n) => `Cylindrical roller bearing ${n}`),
      ...each([7205, 7206, 7207, 7208], (n) => `Angular contact ball bearing ${n} BECBP`),
      ...each([22208, 22210, 22212, 22214, 22216], (n) => `Spherical roller bearing ${n} E`),
    ],
  },
  {
    category: 'castings',
    prefix: 'CST',
    count: 25,
    unitCost: [45, 650],
    holdingCostRate: 0.18,
    lotSizes: [1, 5],
    serviceLevels: [0.9, 0.92, 0.95],
    periodicShare: 0.1,
    suppliers: [
      { name: 'Cradley Heath Foundry', leadTimeDays: 24, leadTimeSdDays: 5, orderingCost: 110 },
      { name: 'Odlewnia Śląsk Sp. z o.o.', leadTimeDays: 30, leadTimeSdDays: 8, orderingCost: 140 },
    ],
    descriptions: [
      ...each([40, 50, 65, 80, 100], (n) => `Pump housing PH-${n}, grey iron EN-GJL-250`),
      ...each([25, 40, 50, 80, 100, 150], (n) => `Valve body DN${n}, ductile iron EN-GJS-400`),
      ...each([110, 140, 180, 220], (n) => `Gearbox cover GC-${n}, aluminium AlSi10Mg`),
      ...each([160, 200, 250, 315], (n) => `Impeller IMP-${n}, bronze CC491K`),
      ...each([90, 100, 112, 132, 160, 180], (n) => `Motor end shield, frame ${n}, grey iron`),
    ],
  },
  {
    category: 'packaging',
    prefix: 'PKG',
    count: 30,
    unitCost: [0.15, 14],
    holdingCostRate: 0.2,
    lotSizes: [25, 50, 100],
    serviceLevels: [0.97, 0.98, 0.99],
    periodicShare: 0.7,
    suppliers: [
      { name: 'Severn Corrugated Ltd', leadTimeDays: 3, leadTimeSdDays: 0.5, orderingCost: 30 },
      { name: 'Polyfilm UK', leadTimeDays: 5, leadTimeSdDays: 1, orderingCost: 40 },
    ],
    descriptions: [
      ...crossed(
        ['300 × 200 × 200', '400 × 300 × 300', '600 × 400 × 400', '800 × 600 × 500'],
        ['single', 'double'],
        (s, w) => `Corrugated box ${s} mm, ${w} wall`,
      ),
      ...crossed([450, 500], [17, 23], (w, t) => `Stretch film ${w} mm × 300 m, ${t} µm`),
      'Euro pallet 1200 × 800 mm, EPAL',
      'Half pallet 800 × 600 mm',
      'Industrial pallet 1200 × 1000 mm',
      ...each([12, 16], (w) => `Pallet strapping PP ${w} mm × 1000 m`),
      ...each(['300 × 400', '500 × 700', '800 × 1000'], (s) => `VCI bag ${s} mm, anti-corrosion`),
      ...each([35, 50], (s) => `Foam corner protector ${s} mm`),
      ...each([48, 75], (w) => `Packing tape ${w} mm × 66 m, brown`),
      ...each(['35 × 35 × 1200', '50 × 50 × 1000'], (s) => `Edge board ${s} mm`),
      ...each([25, 100], (g) => `Desiccant bag ${g} g`),
      'Void-fill paper roll 500 mm',
      'Thermal label roll 100 × 150 mm, 1000 labels',
    ],
  },
  {
    category: 'electrical',
    prefix: 'ELC',
    count: 40,
    unitCost: [4, 260],
    holdingCostRate: 0.25,
    lotSizes: [1, 5, 10],
    serviceLevels: [0.95, 0.97, 0.98],
    periodicShare: 0.25,
    suppliers: [
      { name: 'Brum Electrical Wholesale', leadTimeDays: 3, leadTimeSdDays: 1, orderingCost: 35 },
      { name: 'Rhein Elektro Komponenten GmbH', leadTimeDays: 18, leadTimeSdDays: 4, orderingCost: 75 },
      { name: 'Pearl River Sensor Co.', leadTimeDays: 28, leadTimeSdDays: 7, orderingCost: 95 },
    ],
    descriptions: [
      ...each([9, 12, 18, 25, 32, 40], (a) => `Contactor 3-pole ${a} A, 24 V DC coil`),
      ...each([6, 10, 16, 20, 32], (a) => `Miniature circuit breaker ${a} A, type C`),
      ...crossed(
        ['M8', 'M12', 'M18'],
        ['PNP', 'NPN'],
        (m, t) => `Proximity sensor ${m}, ${t}, normally open`,
      ),
      ...each(['3G1.5', '3G2.5', '4G4', '5G2.5'], (c) => `Cable H07RN-F ${c} mm², 100 m drum`),
      ...each(['0.63–1', '1–1.6', '2.5–4', '6–10'], (r) => `Motor protection relay ${r} A`),
      ...each([16, 20, 25, 32], (m) => `Cable gland M${m}, nylon, IP68`),
      ...each([100, 150, 200], (w) => `LED high-bay luminaire ${w} W`),
      'Emergency stop push button, 40 mm, 1 NC',
      ...each([3, 5], (n) => `Signal tower, ${n}-tier LED`),
      ...each(['2.5', '5', '10'], (a) => `DIN-rail power supply 24 V DC, ${a} A`),
      ...each([2, 3], (kw) => `Industrial fan heater ${kw} kW`),
    ],
  },
  {
    category: 'seals',
    prefix: 'SEA',
    count: 25,
    unitCost: [0.3, 45],
    holdingCostRate: 0.24,
    lotSizes: [10, 50],
    serviceLevels: [0.95, 0.97, 0.98],
    periodicShare: 0.3,
    suppliers: [
      { name: 'Teesside Seals & Gaskets', leadTimeDays: 6, leadTimeSdDays: 1.5, orderingCost: 40 },
      { name: 'Fluidtech Hydraulics Ltd', leadTimeDays: 10, leadTimeSdDays: 3, orderingCost: 55 },
    ],
    descriptions: [
      ...each(['20 × 2', '32 × 2.5', '50 × 3', '80 × 3', '120 × 4'], (s) => `O-ring ${s} mm, NBR 70`),
      ...each(['25 × 2.5', '40 × 3', '63 × 3.5', '100 × 4'], (s) => `O-ring ${s} mm, FKM 75`),
      ...each(
        ['20 × 35 × 7', '30 × 47 × 7', '40 × 62 × 8', '50 × 72 × 8', '60 × 80 × 8'],
        (s) => `Radial shaft seal ${s} mm, NBR`,
      ),
      ...each(['1/4', '3/8', '1/2', '3/4'], (s) => `Hydraulic hose ${s}" 2SN, 1 m assembly`),
      ...each([1, 2], (t) => `Gasket sheet 1500 × 1500 × ${t} mm, aramid fibre`),
      'Silicone sealant, 310 ml cartridge, grey',
      'Threadlocker, medium strength, 50 ml',
      'Anaerobic flange sealant, 50 ml',
      ...each([40, 63], (b) => `Hydraulic cylinder seal kit, ${b} mm bore`),
    ],
  },
];

/** One SKU of the catalogue (what is the same at every warehouse that stocks it). */
export interface DemoItem {
  sku: string;
  description: string;
  category: string;
  supplier: DemoSupplier;
  unitCost: number;
  holdingCostRate: number;
  lotSize: number;
  serviceLevel: number;
  serviceKind: 'cycle' | 'fill_rate';
  policy: 'sQ' | 'RS';
  reviewPeriodDays: number;
  /** Warehouse codes that stock it, 1–3. */
  warehouses: string[];
}

type Rng = () => number;
const pick = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)] as T;
const round2 = (x: number) => Math.round(x * 100) / 100;

function stockingWarehouses(rng: Rng): string[] {
  const codes = DEMO_WAREHOUSES.map((w) => w.code);
  const u = rng();
  const count = u < 0.55 ? 1 : u < 0.95 ? 2 : 3;
  const first = Math.floor(rng() * codes.length);
  return Array.from({ length: count }, (_, k) => codes[(first + k) % codes.length] as string).sort();
}

/** The 200 SKUs, in catalogue order. */
export function demoCatalogue(seed = DEMO_SEED): DemoItem[] {
  const rng = seededRandom(seed);
  const items: DemoItem[] = [];
  CATEGORIES.forEach((spec, c) => {
    for (let n = 0; n < spec.count; n++) {
      const [lo, hi] = spec.unitCost;
      items.push({
        sku: `${spec.prefix}-${(c + 1) * 1000 + n + 1}`,
        description: spec.descriptions[n] ?? `${spec.category} item ${n + 1}`,
        category: spec.category,
        supplier: pick(rng, spec.suppliers),
        unitCost: round2(lo * (hi / lo) ** rng()),
        holdingCostRate: round2(spec.holdingCostRate + 0.06 * (rng() - 0.5)),
        lotSize: pick(rng, spec.lotSizes),
        serviceLevel: pick(rng, spec.serviceLevels),
        serviceKind: rng() < 0.6 ? 'cycle' : 'fill_rate',
        policy: rng() < spec.periodicShare ? 'RS' : 'sQ',
        reviewPeriodDays: rng() < 0.7 ? 7 : 14,
        warehouses: stockingWarehouses(rng),
      });
    }
  });
  return items;
}

/** One inventory row: a SKU at a warehouse with its stock and replenishment parameters. */
export interface DemoStockPoint {
  item: DemoItem;
  warehouse: string;
  profile: DemandProfile;
  /** Expected units per day at the end of the history. */
  dailyDemand: number;
  onHand: number;
  reserved: number;
  onOrder: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  orderingCost: number;
  moq: number;
  /** Stock was set below the lead time's demand (the replenishment decision should propose it). */
  belowReorderPoint: boolean;
}

const roundUpTo = (x: number, lot: number) => Math.max(lot, Math.ceil(x / lot) * lot);

/** The catalogue's stock points with stock consistent with their demand (no orders yet). */
export function demoStockPoints(items: readonly DemoItem[], seed = DEMO_SEED): DemoStockPoint[] {
  const rng = seededRandom(seed + 1);
  return items.flatMap((item) =>
    item.warehouses.map((warehouse) => {
      const profile = demandProfile(seed, item.sku, warehouse, item.category);
      const dailyDemand = expectedDailyDemand(profile, DEMO_HISTORY_DAYS - 1);
      const leadTimeDays = Math.round(2 * item.supplier.leadTimeDays * (0.9 + 0.2 * rng())) / 2;
      const leadTimeSdDays = round2(item.supplier.leadTimeSdDays * (0.8 + 0.4 * rng()));
      const belowReorderPoint = rng() < 0.25;
      const coverDays = belowReorderPoint
        ? leadTimeDays * (0.1 + 0.6 * rng())
        : leadTimeDays + 15 + 35 * rng();
      // A minimum order of one to three weeks of demand, in whole packs.
      const moq = roundUpTo(dailyDemand * (7 + 14 * rng()), item.lotSize);
      return {
        item,
        warehouse,
        profile,
        dailyDemand,
        onHand: Math.round(dailyDemand * coverDays),
        reserved: 0,
        onOrder: 0,
        leadTimeDays: Math.min(30, Math.max(3, leadTimeDays)),
        leadTimeSdDays,
        orderingCost: round2(item.supplier.orderingCost * (0.9 + 0.2 * rng())),
        moq,
        belowReorderPoint,
      };
    }),
  );
}
