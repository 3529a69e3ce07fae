// Per-work-order measures the cross-analyzer views share: the weekly trends and the rank
// correlations read the same definitions, so "scrap rate" means one thing in both. A measure is a
// ratio of sums — Σ numerator ÷ Σ denominator over any set of rows (a week, a group, one order) —
// because a rate over many orders must weigh big orders by their pieces, not average per-order rates.
import type { Chart, Insight, WorkOrderFrame } from './types.ts';

/** What each cross-analyzer view returns, and what analyzeAcross returns for all of them. */
export interface CrossPart {
  insights: Insight[];
  metrics: Record<string, number>;
  charts: Chart[];
  notes: string[];
}

/** Per-row numerator and denominator; a row without a value gives NaN in either. */
export interface RowRatio {
  num(i: number): number;
  den(i: number): number;
}

/** How a change of the ratio over a group's Σ denominator turns into impact. */
export interface MeasureValuation {
  kind: 'units' | 'hours' | 'currency';
  /** Multiplies Δratio × Σ denominator, e.g. 1/60 for minutes → hours. */
  factor: number;
  /** What the denominator counts, for formulas: "pieces", "work orders", "planned hours". */
  per: string;
}

export interface OrderMeasure {
  id: string;
  /** Words a plant manager reads: "scrap rate". */
  label: string;
  /** Unit of the shown value (scale × ratio): "%", "min", "h", "pcs"… */
  unit: string;
  scale: number;
  /** +1 when higher is worse, −1 when lower is worse, 0 for a neutral reading (temperature). */
  worse: 1 | -1 | 0;
  /** Canonical fields it needs, all of them. */
  fields: readonly string[];
  /** The canonical field whose value the measure is, when it is one field as is (selectors name it). */
  field?: string;
  valuation?: MeasureValuation;
  /** The numerator counts (rare) events among the denominator's pieces: scrap, rework, defects. */
  counts?: boolean;
  /** A 0/1 flag per order (a machine failure): groups are "orders with one". */
  flag?: boolean;
  bind(col: (field: string) => Float64Array): RowRatio;
}

const HOUR_MS = 3_600_000;
const one = () => 1;

/** A field's value per work order (mean over orders when summed over rows). */
function raw(
  field: string,
  label: string,
  unit: string,
  worse: 1 | -1 | 0,
  valuation?: MeasureValuation,
): OrderMeasure {
  return {
    id: field,
    label,
    unit,
    scale: 1,
    worse,
    fields: [field],
    field,
    ...(valuation ? { valuation } : {}),
    bind: (col) => {
      const v = col(field);
      return { num: (i) => v[i] as number, den: one };
    },
  };
}

/** Actual over plan as a percentage: Σ(actual − planned) ÷ Σ planned. */
function overPlan(
  id: string,
  label: string,
  actual: string,
  planned: string,
  valuation: MeasureValuation,
): OrderMeasure {
  return {
    id,
    label,
    unit: '%',
    scale: 100,
    worse: 1,
    fields: [actual, planned],
    valuation,
    bind: (col) => {
      const a = col(actual);
      const p = col(planned);
      return { num: (i) => (a[i] as number) - (p[i] as number), den: (i) => p[i] as number };
    },
  };
}

const pieces: MeasureValuation = { kind: 'units', factor: 1, per: 'pieces' };

export const MEASURES: readonly OrderMeasure[] = [
  {
    id: 'scrapRate',
    counts: true,
    label: 'scrap rate',
    unit: '%',
    scale: 100,
    worse: 1,
    fields: ['qtyScrap', 'qtyCompleted'],
    valuation: pieces,
    bind: (col) => {
      const s = col('qtyScrap');
      const c = col('qtyCompleted');
      return { num: (i) => s[i] as number, den: (i) => (c[i] as number) + (s[i] as number) };
    },
  },
  {
    id: 'reworkRate',
    counts: true,
    label: 'rework rate',
    unit: '%',
    scale: 100,
    worse: 1,
    fields: ['qtyRework', 'qtyScrap', 'qtyCompleted'],
    valuation: pieces,
    bind: (col) => {
      const r = col('qtyRework');
      const s = col('qtyScrap');
      const c = col('qtyCompleted');
      return { num: (i) => r[i] as number, den: (i) => (c[i] as number) + (s[i] as number) };
    },
  },
  {
    id: 'defectRate',
    counts: true,
    label: 'defects per planned piece',
    unit: '%',
    scale: 100,
    worse: 1,
    fields: ['defectCount', 'qtyPlanned'],
    bind: (col) => {
      const d = col('defectCount');
      const q = col('qtyPlanned');
      return { num: (i) => d[i] as number, den: (i) => q[i] as number };
    },
  },
  raw('downtimeMinutes', 'downtime per work order', 'min', 1, {
    kind: 'hours',
    factor: 1 / 60,
    per: 'work orders',
  }),
  overPlan('laborVsPlan', 'labour hours over plan', 'laborHoursActual', 'laborHoursPlanned', {
    kind: 'hours',
    factor: 1,
    per: 'planned labour hours',
  }),
  overPlan('materialVsPlan', 'material cost over plan', 'materialCostActual', 'materialCostPlanned', {
    kind: 'currency',
    factor: 1,
    per: 'planned material cost',
  }),
  overPlan('costVsPlan', 'total cost over standard', 'actualCostTotal', 'standardCostTotal', {
    kind: 'currency',
    factor: 1,
    per: 'standard cost',
  }),
  {
    // Tardiness (hours past the planned end, early counts as 0): how customers feel a delay.
    id: 'lateness',
    label: 'delay past planned end',
    unit: 'h',
    scale: 1,
    worse: 1,
    fields: ['actualEnd', 'plannedEnd'],
    bind: (col) => {
      const a = col('actualEnd');
      const p = col('plannedEnd');
      return { num: (i) => Math.max(0, (a[i] as number) - (p[i] as number)) / HOUR_MS, den: one };
    },
  },
  raw('qtyPlanned', 'lot size', 'pcs', 0),
  raw('setupHours', 'setup hours', 'h', 1, { kind: 'hours', factor: 1, per: 'work orders' }),
  { ...raw('machineFailure', 'machine failure', '', 1), flag: true },
  raw('toolWearMinutes', 'tool wear', 'min', 0),
  raw('processTemperature', 'process temperature', '°C', 0),
  raw('ambientTemperature', 'ambient temperature', '°C', 0),
  raw('spindleSpeed', 'spindle speed', 'rpm', 0),
  raw('torque', 'torque', 'Nm', 0),
];

export const MEASURE_BY_ID: ReadonlyMap<string, OrderMeasure> = new Map(MEASURES.map((m) => [m.id, m]));

/** The measure's per-row ratio on this frame, or null when a field it needs is not mapped. */
export function bindMeasure(frame: WorkOrderFrame, measure: OrderMeasure): RowRatio | null {
  if (!measure.fields.every((f) => f in frame.numbers)) return null;
  return measure.bind((field) => frame.numbers[field] as Float64Array);
}

/** Fields a measure lacks on this frame (for notes). */
export const missingFields = (frame: WorkOrderFrame, measure: OrderMeasure) =>
  measure.fields.filter((f) => !(f in frame.numbers));

/** Digits that keep two significant figures for small values and one decimal otherwise. */
export const digitsFor = (value: number) => (Math.abs(value) < 1 ? 2 : 1);

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A p-value as text: two significant digits, or "< 0.0001" where the digits mean nothing. */
export const pText = (p: number) => (p < 1e-4 ? '< 0.0001' : `= ${p.toPrecision(2)}`);
