// Weekly series: the week of every work order (Monday-based, counted from the first one), the run
// hours ÷ planned hours of each work center per week tested for a trend (Mann–Kendall with Sen's
// slope, Benjamini–Hochberg across the work centers), reported when it rises by more than
// cycle_time_variance_threshold_pct over the period. A drift that creeps up a few percent a quarter
// never shows in an average against plan, but it does in a trend.

import { numberOf } from './config.ts';
import { ENTITY_LABEL, type InsightSpec, pText, significanceRules } from './cost-contrasts.ts';
import { fmt, pct } from './frame.ts';
import { benjaminiHochberg, mannKendall, type TrendResult } from './stats.ts';
import type { AnalyzerContext, Chart, WorkOrderFrame } from './types.ts';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** 1970-01-01 was a Thursday: Mondays fall 4 days after the epoch, modulo a week. */
const MONDAY_OFFSET = 4 * DAY;

export interface Weeks {
  /** Week of each order (−1 without a date). */
  week: Int32Array;
  count: number;
  /** Epoch ms of the Monday that starts week 0. */
  start: number;
  /** First and last date seen (for full weeks). */
  min: number;
  max: number;
  field: string;
}

/** Weeks of the first date field mapped among `fields`; null when none holds a date. */
export function weeksOf(frame: WorkOrderFrame, fields: readonly string[]): Weeks | null {
  const field = fields.find((f) => frame.numbers[f]);
  if (!field) return null;
  const dates = frame.numbers[field] as Float64Array;
  let min = Infinity;
  let max = -Infinity;
  for (const t of dates) {
    if (Number.isNaN(t)) continue;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (min === Infinity) return null;
  const start = Math.floor((min - MONDAY_OFFSET) / WEEK) * WEEK + MONDAY_OFFSET;
  const week = new Int32Array(frame.n);
  for (let i = 0; i < frame.n; i++) {
    const t = dates[i] as number;
    week[i] = Number.isNaN(t) ? -1 : Math.floor((t - start) / WEEK);
  }
  return { week, count: Math.floor((max - start) / WEEK) + 1, start, min, max, field };
}

export const weekLabel = (weeks: Weeks, w: number) =>
  new Date(weeks.start + w * WEEK).toISOString().slice(0, 10);

/** At most `max` points: consecutive weeks pooled (Σ num ÷ Σ den per bucket). */
function bucketChart(
  id: string,
  title: string,
  weeks: Weeks,
  xs: readonly number[],
  num: readonly number[],
  den: readonly number[],
  max = 20,
): Chart {
  const first = xs[0] as number;
  const span = (xs[xs.length - 1] as number) - first + 1;
  const size = Math.max(1, Math.ceil(span / max));
  const points: { label: string; value: number }[] = [];
  for (let b = 0; b * size < span; b++) {
    let a = 0;
    let d = 0;
    xs.forEach((x, j) => {
      if (Math.floor((x - first) / size) !== b) return;
      a += num[j] as number;
      d += den[j] as number;
    });
    if (d > 0) points.push({ label: weekLabel(weeks, first + b * size), value: a / d });
  }
  return { id, kind: 'line', title, unit: 'ratio', points };
}

/** Rising run hours ÷ planned hours per work center (efficiency.cycle-time-trend). */
export function cycleTimeTrends(ctx: AnalyzerContext): { insights: InsightSpec[]; notes: string[] } {
  const { frame, config } = ctx;
  const notes: string[] = [];
  const run = frame.numbers.runHours;
  const planned = frame.numbers.laborHoursPlanned;
  const wc = frame.texts.workCenter;
  const weeks = weeksOf(frame, ['actualStart', 'plannedStart', 'actualEnd']);
  if (!run || !planned || !wc || !weeks) {
    notes.push('run hours, planned hours, work center or a date not mapped: no cycle-time trends');
    return { insights: [], notes };
  }
  const { alpha, minSample } = significanceRules(config);
  const minPoints = numberOf(config, 'trend_min_points');
  const threshold = numberOf(config, 'cycle_time_variance_threshold_pct');
  const k = wc.dict.length;
  const W = weeks.count;
  const sumRun = new Float64Array(k * W);
  const sumPlan = new Float64Array(k * W);
  const orders = new Float64Array(k);
  const rowsOf = new Float64Array(k);
  for (let i = 0; i < frame.n; i++) {
    const c = wc.codes[i] as number;
    if (c >= 0) rowsOf[c] = (rowsOf[c] as number) + 1;
    const w = weeks.week[i] as number;
    const r = run[i] as number;
    const p = planned[i] as number;
    if (c < 0 || w < 0 || Number.isNaN(r) || !(p > 0)) continue;
    sumRun[c * W + w] = (sumRun[c * W + w] as number) + r;
    sumPlan[c * W + w] = (sumPlan[c * W + w] as number) + p;
    orders[c] = (orders[c] as number) + 1;
  }
  const tested: { code: number; xs: number[]; num: number[]; den: number[]; trend: TrendResult }[] = [];
  let short = 0;
  for (let c = 0; c < k; c++) {
    const xs: number[] = [];
    const num: number[] = [];
    const den: number[] = [];
    for (let w = 0; w < W; w++) {
      const p = sumPlan[c * W + w] as number;
      if (p <= 0) continue;
      xs.push(w);
      num.push(sumRun[c * W + w] as number);
      den.push(p);
    }
    if (xs.length < minPoints || (orders[c] as number) < minSample) {
      short++;
      continue;
    }
    tested.push({
      code: c,
      xs,
      num,
      den,
      trend: mannKendall(
        xs,
        num.map((x, j) => x / (den[j] as number)),
      ),
    });
  }
  if (short)
    notes.push(
      `${short} work centers with fewer than ${minPoints} weeks (trend_min_points) or orders: no trend test`,
    );
  const adjusted = benjaminiHochberg(tested.map((t) => t.trend.pValue));
  const insights: InsightSpec[] = [];
  tested.forEach((t, j) => {
    const p = adjusted[j] as number;
    const { slope, intercept, z } = t.trend;
    const first = t.xs[0] as number;
    const last = t.xs[t.xs.length - 1] as number;
    const from = intercept + slope * first;
    const to = intercept + slope * last;
    if (!(p < alpha && slope > 0 && from > 0)) return;
    const rise = to / from - 1;
    if (rise * 100 <= threshold) return;
    const runTotal = t.num.reduce((s, x) => s + x, 0);
    const planTotal = t.den.reduce((s, x) => s + x, 0);
    const excess = runTotal - from * planTotal;
    const value = wc.dict[t.code] as string;
    const label = ENTITY_LABEL.workCenter;
    insights.push({
      kind: 'efficiency.cycle-time-trend',
      entity: { type: 'workCenter', id: value },
      title: `${label} ${value}: run hours per planned hour rising ${pct(rise, 0)} over ${t.xs.length} weeks (${fmt(from, 2)} → ${fmt(to, 2)})`,
      detail: `Weekly run hours ÷ planned hours at ${value} over ${t.xs.length} weeks (${weekLabel(weeks, first)} to ${weekLabel(weeks, last)}, ${fmt(orders[t.code] as number, 0)} work orders): Sen's slope ${fmt(slope * 52, 3)} per year, from ${fmt(from, 2)} to ${fmt(to, 2)} (${pct(rise)}), beyond the ${fmt(threshold)} % threshold. Mann–Kendall z = ${fmt(z, 2)}, tau = ${fmt(t.trend.tau, 2)}, BH-adjusted p ${pText(p)}.`,
      impact: {
        currency: null,
        hours: excess,
        units: null,
        formula: `${fmt(runTotal)} run h − ${fmt(from, 3)} (the level at the start) × ${fmt(planTotal)} planned h = ${fmt(excess)} h`,
      },
      evidence: {
        metric: 'weekly run hours ÷ planned hours (Sen slope per week)',
        value: slope,
        baseline: from,
        expected: 0,
        statistic: { name: 'tau', value: t.trend.tau },
        pValue: p,
        sampleSize: t.xs.length,
      },
      significant: true,
      recommendation: `Find what changed at ${value} since ${weekLabel(weeks, first)}: tool wear and tool life settings, machine condition (spindle, axes), programs and feeds, material; restore the original cycle time and add a weekly cycle-time check.`,
      rows: { kind: 'entity', field: 'workCenter', value },
      rowCount: rowsOf[t.code] as number,
      chart: bucketChart(`trend-${value}`, `${value}: run hours ÷ planned hours`, weeks, t.xs, t.num, t.den),
    });
  });
  return { insights, notes };
}
