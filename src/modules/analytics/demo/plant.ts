// The demo plant's master data: parts, routings, work centers, machines, operators, suppliers and
// customers, drawn from the seed, and the entities chosen to carry the planted patterns.
import type { Random } from './prng.ts';

export interface Family {
  en: string;
  de: string;
}

export interface Part {
  id: number;
  /** Four-digit base number every dialect builds its own part number from. */
  num: number;
  family: number;
  name: { en: string; de: string };
  /** Standard material cost per piece. */
  materialCost: number;
  /** Standard run hours per piece on the final operation. */
  runRate: number;
  setupHours: number;
  lotSize: number;
  /** Work centers in operation order; the last is a machining center. */
  routing: number[];
  suppliers: number[];
  /** Relative demand: a few parts make most orders. */
  weight: number;
}

export type WorkCenterKind = 'saw' | 'weld' | 'mill' | 'turn';

export interface WorkCenter {
  id: number;
  kind: WorkCenterKind;
  /** 1-based number within its kind: MILL-02. */
  n: number;
  machines: number[];
}

export interface Machine {
  id: number;
  workCenter: number;
  /** Number on the shop floor (1-based within its work center). */
  n: number;
  nominalSpeed: number;
}

export interface Operator {
  id: number;
  personnelNo: number;
  name: string;
  shift: number;
}

export interface Planted {
  /** A machine with far more downtime and failures. */
  machine: number;
  /** A supplier whose material scraps far more often. */
  supplier: number;
  /** A part whose actual material cost overruns plan. */
  part: number;
  /** A shift booking far more labour hours than planned (low efficiency). */
  shift: number;
  /** A work center whose run hours per piece grow over the period (a drift). */
  driftWorkCenter: number;
  /** An operator whose orders carry more defects. */
  operator: number;
}

export interface Plant {
  families: Family[];
  parts: Part[];
  workCenters: WorkCenter[];
  machines: Machine[];
  operators: Operator[];
  suppliers: string[];
  customers: string[];
  planted: Planted;
}

export const FAMILIES: readonly Family[] = [
  { en: 'Pumps', de: 'Pumpen' },
  { en: 'Valves', de: 'Ventile' },
  { en: 'Housings', de: 'Gehäuse' },
  { en: 'Brackets', de: 'Halterungen' },
  { en: 'Shafts', de: 'Wellen' },
  { en: 'Gearboxes', de: 'Getriebe' },
];

const PART_NAMES: readonly (readonly [string, string, string])[] = [
  ['Hydraulic Pump', 'Hydraulikpumpe', 'HP'],
  ['Ball Valve', 'Kugelhahn', 'BV'],
  ['Bearing Housing', 'Lagergehäuse', 'BH'],
  ['Mounting Bracket', 'Montagewinkel', 'MB'],
  ['Drive Shaft', 'Antriebswelle', 'DS'],
  ['Worm Gearbox', 'Schneckengetriebe', 'WG'],
];

const SUPPLIERS: readonly string[] = [
  'Nordstahl AG',
  'Precision Castings, Inc.',
  'Müller Stahlhandel GmbH',
  'Acme Metals Corp.',
  'Böhler Edelstahl',
  'Great Lakes Forging',
  'Sanyo Special Steel',
  'Outokumpu Oyj',
  'Alu Menziken',
  'Ferro-Werk Süd KG',
  'Pacific Alloy Supply',
  'Castellana de Aceros S.A.',
];

const CUSTOMERS: readonly string[] = [
  'Hoffmann Maschinenbau',
  'Dupont Hydraulique',
  'Atlas Equipment, LLC',
  'Bergström Industri AB',
  'Kowalski Automotive',
  'Northwind Traders',
  'Sierra Agrícola',
  'Contoso Pumps',
  'Tanaka Seiki',
  'Reinhardt Fördertechnik',
  'Blue Ridge Irrigation',
  'Vega Energía',
];

const FIRST = [
  'Anna',
  'Jürgen',
  'José',
  'Maria',
  'Tom',
  'Zoë',
  'Lukas',
  'Aylin',
  'Piotr',
  'Chloé',
  'Sven',
  'Ines',
];
const LAST = [
  'Müller',
  'García',
  'Schmidt',
  'Nowak',
  'Weiß',
  'Martin',
  'Öztürk',
  'Rossi',
  'Brown',
  'Lefèvre',
];

const shuffled = <T>(rng: Random, items: readonly T[]): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

const round = (x: number, digits: number): number => {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
};

function buildWorkCenters(): { workCenters: WorkCenter[]; machines: Machine[] } {
  const layout: [WorkCenterKind, number, number][] = [
    ['saw', 1, 2],
    ['weld', 1, 2],
    ['mill', 1, 3],
    ['mill', 2, 3],
    ['turn', 1, 3],
    ['turn', 2, 3],
  ];
  const workCenters: WorkCenter[] = [];
  const machines: Machine[] = [];
  for (const [kind, n, count] of layout) {
    const wc: WorkCenter = { id: workCenters.length, kind, n, machines: [] };
    for (let m = 1; m <= count; m++) {
      const speed = kind === 'saw' ? 900 : kind === 'weld' ? 0 : kind === 'mill' ? 2400 : 1600;
      wc.machines.push(machines.length);
      machines.push({ id: machines.length, workCenter: wc.id, n: m, nominalSpeed: speed + 100 * m });
    }
    workCenters.push(wc);
  }
  return { workCenters, machines };
}

export function buildPlant(rng: Random): Plant {
  const { workCenters, machines } = buildWorkCenters();
  const machining = workCenters.filter((wc) => wc.kind === 'mill' || wc.kind === 'turn').map((wc) => wc.id);
  const suppliers = shuffled(rng, SUPPLIERS).slice(0, 10);
  const customers = shuffled(rng, CUSTOMERS).slice(0, 10);
  const parts: Part[] = [];
  const nums = new Set<number>();
  for (let id = 0; id < 40; id++) {
    let num = rng.int(1000, 9899);
    while (nums.has(num)) num += 1;
    nums.add(num);
    const family = id % FAMILIES.length;
    const [en, de, prefix] = PART_NAMES[family] as readonly [string, string, string];
    const size = 10 * rng.int(2, 12);
    const final = machining[rng.int(0, machining.length - 1)] as number;
    const routing = [...(rng.chance(0.7) ? [0] : []), ...(rng.chance(0.4) ? [1] : []), final];
    const main = rng.int(0, suppliers.length - 1);
    parts.push({
      id,
      num,
      family,
      name: { en: `${en} ${prefix}-${size}`, de: `${de} ${prefix}-${size}` },
      materialCost: round(Math.exp(rng.normal(3.4, 0.9)), 2),
      runRate: round(Math.exp(rng.normal(-2.6, 0.6)), 4),
      setupHours: round(rng.normal(1.5, 0.5), 2),
      lotSize: 10 * Math.round(Math.exp(rng.normal(4.6, 0.8)) / 10 + 1),
      routing: routing.length > 1 ? routing : [0, final],
      suppliers: rng.chance(0.5)
        ? [main]
        : [main, (main + rng.int(1, suppliers.length - 1)) % suppliers.length],
      weight: 1 / (1 + id * 0.15),
    });
  }
  const operators: Operator[] = [];
  for (let id = 0; id < 24; id++) {
    const name = `${FIRST[(id * 5) % FIRST.length]} ${LAST[(id * 7 + 3) % LAST.length]}`;
    operators.push({ id, personnelNo: 10_000 + rng.int(1, 899) * 10 + id, name, shift: id % 3 });
  }
  const driftWorkCenter = machining[rng.int(0, machining.length - 1)] as number;
  const otherCenters = machining.filter((id) => id !== driftWorkCenter);
  const plantedCenter = workCenters[
    otherCenters[rng.int(0, otherCenters.length - 1)] as number
  ] as WorkCenter;
  return {
    families: [...FAMILIES],
    parts,
    workCenters,
    machines,
    operators,
    suppliers,
    customers,
    planted: {
      machine: plantedCenter.machines[rng.int(0, plantedCenter.machines.length - 1)] as number,
      // Each planted entity is drawn from those with enough orders to be found.
      supplier: (parts[rng.int(0, 4)] as Part).suppliers[0] as number,
      part: rng.int(2, 7),
      shift: 2,
      driftWorkCenter,
      operator: operators.filter((o) => o.shift !== 2)[rng.int(0, 15)]?.id as number,
    },
  };
}
