// Weekly series over an import: each work order falls in the ISO week (Monday, UTC) of its actual
// start, or of its planned start when it has not started; a week's value is Σ numerator ÷ Σ
// denominator of its orders. Exported for every analyzer that needs a series over time (trends,
// throughput drops): the week of each row is computed once per frame and cached.
import type { RowRatio } from './cross-measures.ts';
import type { ChartPoint, WorkOrderFrame } from './types.ts';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday: weeks counted from it start on Mondays. */
const MONDAY_EPOCH = 4 * DAY_MS;
/** Average weeks per month, to state a weekly slope per month. */
export const WEEKS_PER_MONTH = 365.25 / 12 / 7;

export interface WeekAxis {
  /** Absolute week number (since 1970-01-05) of the earliest dated row. */
  first: number;
  /** Weeks from the first to the last dated row, inclusive. */
  span: number;
  /** Per row: weeks since `first`, or −1 when the row has neither start date. */
  week: Int32Array;
  /** Rows with a date. */
  dated: number;
}

const axes = new WeakMap<WorkOrderFrame, WeekAxis>();

/** The week of every row (actualStart, else plannedStart); cached per frame. */
export function weekAxis(frame: WorkOrderFrame): WeekAxis {
  const cached = axes.get(frame);
  if (cached) return cached;
  const actual = frame.numbers.actualStart;
  const planned = frame.numbers.plannedStart;
  const week = new Int32Array(frame.n).fill(-1);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let dated = 0;
  const absolute = new Float64Array(frame.n).fill(Number.NaN);
  for (let i = 0; i < frame.n; i++) {
    let t = actual ? (actual[i] as number) : Number.NaN;
    if (Number.isNaN(t) && planned) t = planned[i] as number;
    if (!Number.isFinite(t)) continue;
    const w = Math.floor((t - MONDAY_EPOCH) / WEEK_MS);
    absolute[i] = w;
    if (w < first) first = w;
    if (w > last) last = w;
    dated++;
  }
  if (dated > 0)
    for (let i = 0; i < frame.n; i++)
      if (!Number.isNaN(absolute[i] as number)) week[i] = (absolute[i] as number) - first;
  const axis: WeekAxis = { first: dated ? first : 0, span: dated ? last - first + 1 : 0, week, dated };
  axes.set(frame, axis);
  return axis;
}

/** Epoch ms of the Monday that starts week `offset` of the axis. */
export const weekStart = (axis: WeekAxis, offset: number) => MONDAY_EPOCH + (axis.first + offset) * WEEK_MS;

export interface WeeklySeries {
  /** Weeks since the axis' first week, ascending; only weeks with a positive Σ denominator. */
  week: number[];
  /** Epoch ms of each week's Monday. */
  start: number[];
  /** Σ numerator ÷ Σ denominator of the week (not scaled). */
  value: number[];
  num: number[];
  den: number[];
  /** Work orders that counted in the week. */
  orders: number[];
}

/**
 * A ratio per week. A row counts when it is dated and both its numerator and denominator are
 * numbers; `rows` restricts the series to some rows (e.g. one work center's).
 */
export function weeklySeries(frame: WorkOrderFrame, ratio: RowRatio, rows?: ArrayLike<number>): WeeklySeries {
  const axis = weekAxis(frame);
  const num = new Float64Array(axis.span);
  const den = new Float64Array(axis.span);
  const orders = new Int32Array(axis.span);
  const add = (i: number) => {
    const w = axis.week[i] as number;
    if (w < 0) return;
    const a = ratio.num(i);
    const b = ratio.den(i);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return;
    num[w] = (num[w] as number) + a;
    den[w] = (den[w] as number) + b;
    orders[w] = (orders[w] as number) + 1;
  };
  if (rows) for (let k = 0; k < rows.length; k++) add(rows[k] as number);
  else for (let i = 0; i < frame.n; i++) add(i);
  const series: WeeklySeries = { week: [], start: [], value: [], num: [], den: [], orders: [] };
  for (let w = 0; w < axis.span; w++) {
    const d = den[w] as number;
    if (!(d > 0)) continue;
    series.week.push(w);
    series.start.push(weekStart(axis, w));
    series.value.push((num[w] as number) / d);
    series.num.push(num[w] as number);
    series.den.push(d);
    series.orders.push(orders[w] as number);
  }
  return series;
}

/**
 * Chart points for a series, at most `maxPoints`: consecutive weeks are pooled (ratio of their
 * sums, so a quiet week does not swing the line) and labelled by the first week's Monday.
 */
export function seriesPoints(series: WeeklySeries, scale: number, maxPoints = 20): ChartPoint[] {
  const n = series.week.length;
  const size = Math.max(1, Math.ceil(n / maxPoints));
  const points: ChartPoint[] = [];
  for (let k = 0; k < n; k += size) {
    let a = 0;
    let b = 0;
    for (let j = k; j < Math.min(n, k + size); j++) {
      a += series.num[j] as number;
      b += series.den[j] as number;
    }
    const label = new Date(series.start[k] as number).toISOString().slice(0, 10);
    points.push({ label, value: Math.round((scale * a * 1e4) / b) / 1e4 });
  }
  return points;
}
