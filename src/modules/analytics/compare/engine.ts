// The comparison of facilities, without I/O: each facility's raw figures become normalised metrics
// (rates of the pieces made, cost variance per unit, downtime per production hour), and per metric
// the best and the worst facility are flagged in the metric's own direction (higher OEE is better,
// higher scrap is worse). A facility without the data for a metric gets null with the reason; it is
// neither best nor worst. Ties: every facility sharing the best (worst) value is flagged.

export type Direction = 'higher' | 'lower' | 'neutral';
export type MetricGroup = 'oee' | 'production' | 'quality' | 'cost' | 'downtime' | 'alarms' | 'inspection';
export type MetricUnit = 'ratio' | 'count' | 'currency' | 'currencyPerUnit' | 'minutesPerHour';

/** What one facility's sources gave (null: the source has nothing for the facility, with why). */
export interface FacilityFigures {
  facilityId: string;
  oee: {
    plannedProductionMinutes: number;
    totalCount: number;
    goodCount: number;
    /** Null where the plant's OEE has nothing to divide by. */
    availability: number | null;
    performance: number | null;
    quality: number | null;
    oee: number | null;
  } | null;
  /** Unplanned downtime minutes per reason category in the period. */
  downtime: { category: string; minutes: number }[];
  workOrders: {
    workOrders: number;
    completed: number;
    scrap: number;
    rework: number;
    /** Rows that carried a scrap (rework) quantity: none means the export has no such column. */
    scrapRows: number;
    reworkRows: number;
    /** Sums over the orders that carry both a standard and an actual cost. */
    costedOrders: number;
    standardCost: number;
    actualCost: number;
    analysisIds: string[];
  } | null;
  alarms: { sensors: number; open: number };
  inspection: { stations: number; triggers: number; failed: number };
}

export interface MetricValue {
  facilityId: string;
  value: number | null;
  /** Why the value is null (or how it was normalised when that matters). */
  reason: string | null;
  /** The analyses whose work orders the value comes from. */
  analysisIds: string[];
}

export interface ComparedMetric {
  key: string;
  label: string;
  group: MetricGroup;
  unit: MetricUnit;
  direction: Direction;
  values: MetricValue[];
  /** Facilities with the best (worst) value; empty when fewer than two facilities have one or all tie. */
  best: string[];
  worst: string[];
}

/** Values closer than this (relative) count as equal: sums of floats differ in the last bits. */
const TIE = 1e-9;
const same = (a: number, b: number) => Math.abs(a - b) <= TIE * Math.max(1, Math.abs(a), Math.abs(b));

/** `part / whole`, or null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * The best and the worst of the non-null values, in the metric's direction. Nothing is flagged for
 * a neutral metric, with fewer than two values, or when all values are equal.
 */
export function rankValues(
  values: readonly Pick<MetricValue, 'facilityId' | 'value'>[],
  direction: Direction,
): { best: string[]; worst: string[] } {
  const known = values.filter((v): v is { facilityId: string; value: number } =>
    Number.isFinite(v.value ?? Number.NaN),
  );
  if (direction === 'neutral' || known.length < 2) return { best: [], worst: [] };
  const nums = known.map((v) => v.value);
  const max = Math.max(...nums);
  const min = Math.min(...nums);
  if (same(max, min)) return { best: [], worst: [] };
  const [top, bottom] = direction === 'higher' ? [max, min] : [min, max];
  return {
    best: known.filter((v) => same(v.value, top)).map((v) => v.facilityId),
    worst: known.filter((v) => same(v.value, bottom)).map((v) => v.facilityId),
  };
}

interface MetricSpec {
  key: string;
  label: string;
  group: MetricGroup;
  unit: MetricUnit;
  direction: Direction;
  of: (f: FacilityFigures) => { value: number | null; reason: string | null; analysisIds?: string[] };
}

const NO_BATCHES = 'no batch production counted in the period';
const NO_IMPORTS = 'no completed work-order import of this facility in the period';
const ok = (value: number | null, reason: string, analysisIds?: string[]) =>
  value === null
    ? { value, reason, ...(analysisIds ? { analysisIds } : {}) }
    : { value, reason: null, ...(analysisIds ? { analysisIds } : {}) };

const oeeFactor = (key: 'oee' | 'availability' | 'performance' | 'quality', label: string): MetricSpec => ({
  key: `oee.${key}`,
  label,
  group: 'oee',
  unit: 'ratio',
  direction: 'higher',
  of: (f) =>
    f.oee && f.oee.plannedProductionMinutes > 0 ? ok(f.oee[key], NO_BATCHES) : ok(null, NO_BATCHES),
});

/** Scrap and rework of the pieces made (good + scrap), from the work orders. */
const pieceRate = (which: 'scrap' | 'rework', label: string): MetricSpec => ({
  key: `workOrders.${which}Rate`,
  label,
  group: 'quality',
  unit: 'ratio',
  direction: 'lower',
  of: (f) => {
    const w = f.workOrders;
    if (!w) return ok(null, NO_IMPORTS);
    const rows = which === 'scrap' ? w.scrapRows : w.reworkRows;
    if (rows === 0) return ok(null, `the imports map no ${which} quantity`, w.analysisIds);
    return ok(rate(w[which], w.completed + w.scrap), 'the work orders count no pieces made', w.analysisIds);
  },
});

const costVariance = (perUnit: boolean): MetricSpec => ({
  key: perUnit ? 'workOrders.costVariancePerUnit' : 'workOrders.costVariance',
  label: perUnit ? 'Cost variance per good unit' : 'Cost variance (actual vs standard)',
  group: 'cost',
  unit: perUnit ? 'currencyPerUnit' : 'ratio',
  direction: 'lower',
  of: (f) => {
    const w = f.workOrders;
    if (!w) return ok(null, NO_IMPORTS);
    if (w.costedOrders === 0)
      return ok(null, 'no work order carries both a standard and an actual cost', w.analysisIds);
    const over = w.actualCost - w.standardCost;
    return perUnit
      ? ok(rate(over, w.completed), 'the costed work orders count no good pieces', w.analysisIds)
      : ok(rate(over, w.standardCost), 'the standard cost is zero', w.analysisIds);
  },
});

/** Unplanned downtime minutes per hour of planned production: fair between plants of other sizes. */
const downtimePerHour = (f: FacilityFigures, minutes: number) =>
  f.oee && f.oee.plannedProductionMinutes > 0
    ? ok(minutes / (f.oee.plannedProductionMinutes / 60), NO_BATCHES)
    : ok(null, `${NO_BATCHES} (downtime is given per planned production hour)`);

const FIXED: readonly MetricSpec[] = [
  oeeFactor('oee', 'OEE'),
  oeeFactor('availability', 'Availability'),
  oeeFactor('performance', 'Performance'),
  oeeFactor('quality', 'Quality'),
  {
    key: 'production.units',
    label: 'Units produced (batches)',
    group: 'production',
    unit: 'count',
    // More units is a bigger plant, not a better one.
    direction: 'neutral',
    of: (f) => (f.oee && f.oee.totalCount > 0 ? ok(f.oee.totalCount, NO_BATCHES) : ok(null, NO_BATCHES)),
  },
  pieceRate('scrap', 'Scrap rate (work orders)'),
  pieceRate('rework', 'Rework rate (work orders)'),
  costVariance(false),
  costVariance(true),
  {
    key: 'downtime.total',
    label: 'Unplanned downtime (min per production hour)',
    group: 'downtime',
    unit: 'minutesPerHour',
    direction: 'lower',
    of: (f) =>
      downtimePerHour(
        f,
        f.downtime.reduce((s, d) => s + d.minutes, 0),
      ),
  },
];

const TAIL: readonly MetricSpec[] = [
  {
    key: 'alarms.open',
    label: 'Open alarms (now)',
    group: 'alarms',
    unit: 'count',
    direction: 'lower',
    of: (f) => (f.alarms.sensors === 0 ? ok(null, 'no sensors in this facility') : ok(f.alarms.open, '')),
  },
  {
    key: 'inspection.rejectRate',
    label: 'Inspection reject rate',
    group: 'inspection',
    unit: 'ratio',
    direction: 'lower',
    of: (f) =>
      f.inspection.stations === 0
        ? ok(null, 'no inspection station is linked to this facility')
        : ok(rate(f.inspection.failed, f.inspection.triggers), 'no part inspected in the period'),
  },
];

/** One metric per downtime category any facility has, by its label. */
function downtimeCategories(figures: readonly FacilityFigures[]): MetricSpec[] {
  const categories = [...new Set(figures.flatMap((f) => f.downtime.map((d) => d.category)))].sort();
  return categories.map((category) => ({
    key: `downtime.category.${category}`,
    label: `Downtime: ${category} (min per production hour)`,
    group: 'downtime' as const,
    unit: 'minutesPerHour' as const,
    direction: 'lower' as const,
    of: (f: FacilityFigures) =>
      downtimePerHour(f, f.downtime.find((d) => d.category === category)?.minutes ?? 0),
  }));
}

/** The metrics of the facilities, in a fixed order (facilities in the order given). */
export function compareFacilities(figures: readonly FacilityFigures[]): ComparedMetric[] {
  const specs = [...FIXED, ...downtimeCategories(figures), ...TAIL];
  return specs.map((spec) => {
    const values = figures.map((f) => {
      const v = spec.of(f);
      const value = v.value !== null && Number.isFinite(v.value) ? v.value : null;
      return {
        facilityId: f.facilityId,
        value,
        reason: value === null ? (v.reason ?? 'no data') : null,
        analysisIds: v.analysisIds ?? [],
      };
    });
    const { key, label, group, unit, direction } = spec;
    return { key, label, group, unit, direction, values, ...rankValues(values, direction) };
  });
}
