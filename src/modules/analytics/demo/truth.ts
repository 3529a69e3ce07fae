// The planted patterns of a demo export and how to measure them. A pattern names an entity as the
// file writes it (a machine, a supplier…) and a measure over work orders (rolled up from operations by
// the canonical aggregations); the truth JSON records the measure for the entity and for the rest.
// `measurePatterns` recomputes it from any canonical work orders, so an evaluation can check both that
// the data carries the pattern and that an analyzer found the right entity.
import { DAYS } from './orders.ts';

export type Measure =
  /** Σ numerator fields / Σ denominator fields over the orders. */
  | { type: 'ratio'; numerator: string[]; denominator: string[] }
  /** Mean of a field per order. */
  | { type: 'mean'; field: string }
  /** Share of orders where a flag is true. */
  | { type: 'share'; field: string };

export interface PatternSpec {
  id: string;
  kind: string;
  /** Orders of this entity carry the effect; null when the pattern is a condition (`where`). */
  entity: { field: string; value: string } | null;
  /** For condition patterns: orders where `field` is above `above` carry the effect. */
  where?: { field: string; above: number };
  measure: Measure;
  /**
   * `contrast`: planted = the entity's (or condition's) orders, baseline = all others.
   * `trend`: within the entity, planted = the last quarter of the period, baseline = the first.
   */
  compare: 'contrast' | 'trend';
  effect: string;
}

export interface PatternTruth extends PatternSpec {
  planted: number;
  baseline: number;
  /** planted / baseline. */
  ratio: number;
  /** Work orders in the planted group. */
  workOrders: number;
  /** Trend patterns: the same ratio over every other entity's orders (near 1: no drift there). */
  othersRatio?: number;
}

/** How to read a work order: numbers by canonical key, entity text, and the day of its actual start. */
export interface OrderAccess<T> {
  number(order: T, field: string): number;
  entity(order: T, field: string): string;
  /** Days since 2024-01-01 of `actualStart`. */
  day(order: T): number;
}

interface Sums {
  num: number;
  den: number;
  n: number;
}

const empty = (): Sums => ({ num: 0, den: 0, n: 0 });
const value = (s: Sums) => (s.den === 0 ? Number.NaN : s.num / s.den);
const round = (x: number) => Math.round(x * 10_000) / 10_000;

export interface PatternMeter<T> {
  add(order: T): void;
  result(): PatternTruth[];
}

export function patternMeter<T>(specs: readonly PatternSpec[], access: OrderAccess<T>): PatternMeter<T> {
  // Per spec: [planted, baseline, others-first-quarter, others-last-quarter].
  const sums = specs.map(() => [empty(), empty(), empty(), empty()]);
  const addTo = (s: Sums, spec: PatternSpec, order: T) => {
    const m = spec.measure;
    s.n += 1;
    if (m.type === 'ratio') {
      for (const f of m.numerator) s.num += access.number(order, f) || 0;
      for (const f of m.denominator) s.den += access.number(order, f) || 0;
    } else {
      const v = access.number(order, m.field);
      if (Number.isNaN(v)) return;
      s.num += m.type === 'share' ? (v ? 1 : 0) : v;
      s.den += 1;
    }
  };
  return {
    add(order) {
      for (let i = 0; i < specs.length; i++) {
        const spec = specs[i] as PatternSpec;
        const [planted, baseline, othersFirst, othersLast] = sums[i] as [Sums, Sums, Sums, Sums];
        const inEntity = spec.entity ? access.entity(order, spec.entity.field) === spec.entity.value : true;
        if (spec.compare === 'contrast') {
          const hit = spec.where
            ? inEntity && access.number(order, spec.where.field) > spec.where.above
            : inEntity;
          addTo(hit ? planted : baseline, spec, order);
          continue;
        }
        const quarter = Math.floor((4 * access.day(order)) / DAYS);
        if (quarter !== 0 && quarter < 3) continue;
        if (inEntity) addTo(quarter === 0 ? baseline : planted, spec, order);
        else addTo(quarter === 0 ? othersFirst : othersLast, spec, order);
      }
    },
    result: () =>
      specs.map((spec, i) => {
        const [planted, baseline, othersFirst, othersLast] = sums[i] as [Sums, Sums, Sums, Sums];
        const p = value(planted);
        const b = value(baseline);
        return {
          ...spec,
          planted: round(p),
          baseline: round(b),
          ratio: round(p / b),
          workOrders: spec.compare === 'trend' ? planted.n + baseline.n : planted.n,
          ...(spec.compare === 'trend' ? { othersRatio: round(value(othersLast) / value(othersFirst)) } : {}),
        };
      }),
  };
}

/** The canonical fields a pattern's measure reads. */
export function patternFields(spec: PatternSpec): string[] {
  const m = spec.measure;
  const measured = m.type === 'ratio' ? [...m.numerator, ...m.denominator] : [m.field];
  const dated = spec.compare === 'trend' ? ['actualStart'] : [];
  return [
    ...(spec.entity ? [spec.entity.field] : []),
    ...(spec.where ? [spec.where.field] : []),
    ...measured,
    ...dated,
  ];
}

/** Recomputes the measures of recorded patterns over canonical work orders. */
export function measurePatterns<T>(
  patterns: readonly PatternSpec[],
  orders: Iterable<T>,
  access: OrderAccess<T>,
): PatternTruth[] {
  const meter = patternMeter(patterns, access);
  for (const order of orders) meter.add(order);
  return meter.result();
}

/** The patterns planted in every demo export, with the entity text as this file writes it. */
export function plantedPatternSpecs(entity: (field: string) => string, toolWearLimit: number): PatternSpec[] {
  const machine = entity('machine');
  const supplier = entity('supplier');
  const part = entity('partNumber');
  const shift = entity('shift');
  const workCenter = entity('workCenter');
  const operator = entity('operator');
  return [
    {
      id: 'machine-downtime',
      kind: 'equipment.downtime',
      entity: { field: 'machine', value: machine },
      measure: { type: 'mean', field: 'downtimeMinutes' },
      compare: 'contrast',
      effect: `Machine ${machine} loses several times the downtime per work order of the other machines`,
    },
    {
      id: 'machine-failures',
      kind: 'equipment.failures',
      entity: { field: 'machine', value: machine },
      measure: { type: 'share', field: 'machineFailure' },
      compare: 'contrast',
      effect: `Machine ${machine} fails on a far larger share of its work orders`,
    },
    {
      id: 'tool-wear-failures',
      kind: 'equipment.failure-driver',
      entity: null,
      where: { field: 'toolWearMinutes', above: toolWearLimit },
      measure: { type: 'share', field: 'machineFailure' },
      compare: 'contrast',
      effect: `Failures are far more frequent when tool wear exceeds ${toolWearLimit} minutes`,
    },
    {
      id: 'supplier-scrap',
      kind: 'quality.scrap-rate',
      entity: { field: 'supplier', value: supplier },
      measure: { type: 'ratio', numerator: ['qtyScrap'], denominator: ['qtyCompleted', 'qtyScrap'] },
      compare: 'contrast',
      effect: `Material from ${supplier} scraps at several times the rate of other suppliers`,
    },
    {
      id: 'operator-defects',
      kind: 'quality.defect-rate',
      entity: { field: 'operator', value: operator },
      measure: { type: 'ratio', numerator: ['defectCount'], denominator: ['qtyPlanned'] },
      compare: 'contrast',
      effect: `Work orders run by operator ${operator} carry more defects per piece`,
    },
    {
      id: 'part-material-overrun',
      kind: 'cost.material-variance',
      entity: { field: 'partNumber', value: part },
      measure: { type: 'ratio', numerator: ['materialCostActual'], denominator: ['materialCostPlanned'] },
      compare: 'contrast',
      effect: `Part ${part} consumes about 25 % more material cost than planned; other parts run to plan`,
    },
    {
      id: 'shift-efficiency',
      kind: 'efficiency.labor-variance',
      entity: { field: 'shift', value: shift },
      measure: { type: 'ratio', numerator: ['laborHoursActual'], denominator: ['laborHoursPlanned'] },
      compare: 'contrast',
      effect: `Shift ${shift} books far more labour hours than planned (low efficiency)`,
    },
    {
      id: 'work-center-drift',
      kind: 'efficiency.cycle-time-trend',
      entity: { field: 'workCenter', value: workCenter },
      // Against planned hours, so the part mix of a quarter does not move it.
      measure: { type: 'ratio', numerator: ['runHours'], denominator: ['laborHoursPlanned'] },
      compare: 'trend',
      effect: `Run hours against plan at ${workCenter} rise steadily (about +60 % over the period)`,
    },
  ];
}
