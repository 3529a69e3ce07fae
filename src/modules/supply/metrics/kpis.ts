// The supply KPIs: what each measures, its unit, which way is better and its default target; how
// daily figures combine into a period (ratios as a ratio of sums, so a busy day weighs more than a
// quiet one), and how a period compares with the one before and with its target. Pure.

export const KPI_NAMES = [
  'fill_rate',
  'otif',
  'cost_per_order',
  'inventory_turns',
  'co2_per_delivery',
  'vehicle_utilisation',
  'stock_outs',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

/** A custom KPI's name (recorded from outside): lower-case words joined by underscores. */
export const KPI_NAME_PATTERN = '^[a-z][a-z0-9_]{1,62}$';

export type Better = 'higher' | 'lower';
export type KpiUnit = 'ratio' | 'money' | 'per_year' | 'kg' | 'count';

export interface KpiSpec {
  name: KpiName;
  label: string;
  unit: KpiUnit;
  better: Better;
  target: number;
  /** The figure's bounds: recorded values outside them are refused. */
  min: number;
  max: number;
  description: string;
}

export const KPIS: Record<KpiName, KpiSpec> = {
  fill_rate: {
    name: 'fill_rate',
    label: 'Fill rate',
    unit: 'ratio',
    better: 'higher',
    target: 0.98,
    min: 0,
    max: 1,
    description: 'Units delivered ÷ units ordered, over the customer orders delivered in the period',
  },
  otif: {
    name: 'otif',
    label: 'On time in full',
    unit: 'ratio',
    better: 'higher',
    target: 0.95,
    min: 0,
    max: 1,
    description:
      'Share of delivered customer orders that arrived by the end of their window (or requested day) with every unit',
  },
  cost_per_order: {
    name: 'cost_per_order',
    label: 'Cost per order',
    unit: 'money',
    better: 'lower',
    target: 45,
    min: 0,
    max: 1e9,
    description:
      'Route cost ÷ stops, over the routes of executed routing decisions that started in the period',
  },
  inventory_turns: {
    name: 'inventory_turns',
    label: 'Inventory turns',
    unit: 'per_year',
    better: 'higher',
    target: 8,
    min: 0,
    max: 1e6,
    description:
      'Cost of the demand of the last 30 days (units × unit cost), annualised, ÷ the average inventory value (on hand × unit cost) of those days',
  },
  co2_per_delivery: {
    name: 'co2_per_delivery',
    label: 'CO₂ per delivery',
    unit: 'kg',
    better: 'lower',
    target: 8,
    min: 0,
    max: 1e9,
    description:
      'Route CO₂ ÷ stops, over the routes of executed routing decisions that started in the period',
  },
  vehicle_utilisation: {
    name: 'vehicle_utilisation',
    label: 'Vehicle utilisation',
    unit: 'ratio',
    better: 'higher',
    target: 0.75,
    min: 0,
    max: 1,
    description: 'Mean share of the binding capacity (weight or volume) used, over those routes',
  },
  stock_outs: {
    name: 'stock_outs',
    label: 'Stock-outs',
    unit: 'count',
    better: 'lower',
    target: 0,
    min: 0,
    max: 1e9,
    description:
      'Stock points (SKU at a warehouse) with nothing available (on hand minus reserved ≤ 0), at the end of the day',
  },
};

export const isKpiName = (name: string): name is KpiName => (KPI_NAMES as readonly string[]).includes(name);

/** One day's measurement; `numerator`/`denominator` when the figure is a ratio of sums. */
export interface DailyFigure {
  day: string;
  value: number;
  numerator?: number | undefined;
  denominator?: number | undefined;
}

/**
 * The value of several measurements together: the ratio of the sums when every one carries its
 * numerator and denominator (fill rate over a week is units delivered ÷ units ordered that week,
 * not the mean of seven daily rates), else the mean of the values. Null for none.
 */
export function combine(figures: readonly DailyFigure[]): number | null {
  if (figures.length === 0) return null;
  if (figures.every((f) => f.numerator !== undefined && f.denominator !== undefined)) {
    let num = 0;
    let den = 0;
    for (const f of figures) {
      num += f.numerator as number;
      den += f.denominator as number;
    }
    if (den > 0) return num / den;
  }
  return figures.reduce((sum, f) => sum + f.value, 0) / figures.length;
}

export type TrendDirection = 'up' | 'down' | 'flat';

export interface Trend {
  /** Current minus previous (null when either is missing). */
  change: number | null;
  /** Relative change (null when either is missing or the previous is 0). */
  changeRatio: number | null;
  direction: TrendDirection | null;
  /** Whether the change goes the better way (null: no change to judge). */
  improving: boolean | null;
}

/** Changes smaller than this share of the previous value count as flat. */
const FLAT = 0.01;

export function trendOf(current: number | null, previous: number | null, better: Better): Trend {
  if (current === null || previous === null)
    return { change: null, changeRatio: null, direction: null, improving: null };
  const change = current - previous;
  const changeRatio = previous !== 0 ? change / Math.abs(previous) : null;
  const scale = Math.max(Math.abs(previous), Math.abs(current));
  const direction: TrendDirection =
    scale === 0 || Math.abs(change) <= FLAT * scale ? 'flat' : change > 0 ? 'up' : 'down';
  const improving = direction === 'flat' ? null : (direction === 'up') === (better === 'higher');
  return { change, changeRatio, direction, improving };
}

export type KpiStatus = 'met' | 'near' | 'missed' | 'no_data' | 'no_target';

/** Within this share of the target on the wrong side: near. */
const NEAR = 0.05;

/** Whether `value` meets `target` (higher or lower being better); near: within 5 % of it. */
export function statusOf(value: number | null, target: number | null, better: Better): KpiStatus {
  if (value === null) return 'no_data';
  if (target === null) return 'no_target';
  const met = better === 'higher' ? value >= target : value <= target;
  if (met) return 'met';
  const tolerance = NEAR * Math.max(Math.abs(target), better === 'lower' && target === 0 ? 1 : 0);
  return Math.abs(value - target) <= tolerance ? 'near' : 'missed';
}

/** Aggregates of a series of bucket values (null when there are none). */
export function aggregatesOf(values: readonly number[]) {
  if (values.length === 0) return { mean: null, min: null, max: null, last: null, count: 0 };
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return {
    mean: sum / values.length,
    min,
    max,
    last: values[values.length - 1] as number,
    count: values.length,
  };
}
