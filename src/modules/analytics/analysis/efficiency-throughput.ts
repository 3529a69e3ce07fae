// Throughput drops: good pieces finished per week against the median of the weeks before it. A week
// is reported when it falls more than throughput_drop_threshold_pct below that median AND is an
// outlier for the plant's usual week-to-week spread (z on the earlier weeks' median, one-sided,
// Student's t, Benjamini–Hochberg across the weeks tested); consecutive weeks make one episode. The first and
// last weeks of the data are partial and left out.

import { numberOf } from './config.ts';
import { type InsightSpec, pText, significanceRules } from './cost-contrasts.ts';
import { weekLabel, weeksOf } from './efficiency-trend.ts';
import { fmt, idsSelector, pct } from './frame.ts';
import { benjaminiHochberg, moments, tTwoSidedP } from './stats.ts';
import type { AnalyzerContext, Chart } from './types.ts';

const WEEK = 7 * 86_400_000;

const medianOf = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export function throughputDrops(ctx: AnalyzerContext): {
  insights: InsightSpec[];
  metrics: Record<string, number>;
  charts: Chart[];
  notes: string[];
} {
  const { frame, config } = ctx;
  const out = {
    insights: [] as InsightSpec[],
    metrics: {} as Record<string, number>,
    charts: [] as Chart[],
    notes: [] as string[],
  };
  const good = frame.numbers.qtyCompleted;
  const weeks = weeksOf(frame, ['actualEnd', 'actualStart', 'plannedEnd']);
  if (!good || !weeks) {
    out.notes.push('good quantity or a date not mapped: no throughput by week');
    return out;
  }
  const { alpha } = significanceRules(config);
  const threshold = numberOf(config, 'throughput_drop_threshold_pct');
  const output = new Float64Array(weeks.count);
  for (let i = 0; i < frame.n; i++) {
    const w = weeks.week[i] as number;
    const g = good[i] as number;
    if (w >= 0 && !Number.isNaN(g)) output[w] = (output[w] as number) + g;
  }
  // Weeks 1 … count − 2: the first and the last week are cut by the export's period. An export of
  // the orders started in a period also trails off after its last start (only late finishers
  // remain), so weeks from the one holding the last start on are left out too.
  let lastStart = -Infinity;
  for (const f of ['actualStart', 'plannedStart']) {
    const col = frame.numbers[f];
    if (!col) continue;
    for (const t of col) if (t > lastStart) lastStart = t;
    break;
  }
  const lastWeek =
    lastStart === -Infinity
      ? weeks.count - 2
      : Math.min(weeks.count - 2, Math.floor((lastStart - weeks.start) / WEEK) - 1);
  const full = Array.from({ length: Math.max(0, lastWeek) }, (_, j) => j + 1);
  if (full.length === 0) {
    out.notes.push('less than three weeks of dates: no throughput by week');
    return out;
  }
  out.metrics['efficiency.weeklyGoodOutput'] = medianOf(full.map((w) => output[w] as number));
  const tested: { week: number; value: number; median: number; z: number; p: number }[] = [];
  // A week needs trend_min_points earlier weeks to compare with (the shared rule for weekly series).
  const minEarlier = numberOf(config, 'trend_min_points');
  for (let j = minEarlier; j < full.length; j++) {
    const earlier = full.slice(0, j).map((w) => output[w] as number);
    const median = medianOf(earlier);
    // The spread is the larger of the MAD's and the standard deviation: weekly output has a heavy
    // lower tail (a short week, a few small orders), which the MAD alone reads as extraordinary.
    const m = moments(earlier);
    const mad = Math.max(
      medianOf(earlier.map((v) => Math.abs(v - median))) * 1.4826,
      Math.sqrt(m.variance) || 0,
    );
    const week = full[j] as number;
    const value = output[week] as number;
    if (!(median > 0)) continue;
    const z = mad > 0 ? (value - median) / mad : value < median ? -Infinity : 0;
    // One-sided, with Student's t for the few earlier weeks a young series has.
    const p = z < 0 ? tTwoSidedP(z, earlier.length - 1) / 2 : 1 - tTwoSidedP(z, earlier.length - 1) / 2;
    tested.push({ week, value, median, z, p });
  }
  const adjusted = benjaminiHochberg(tested.map((t) => t.p));
  const flagged = tested.filter(
    (t, j) => (adjusted[j] as number) < alpha && 1 - t.value / t.median > threshold / 100,
  );
  const pOf = new Map(tested.map((t, j) => [t.week, adjusted[j] as number]));

  // Consecutive flagged weeks form one episode.
  const episodes: (typeof flagged)[] = [];
  for (const t of flagged) {
    const last = episodes[episodes.length - 1];
    if (last && (last[last.length - 1] as (typeof flagged)[number]).week === t.week - 1) last.push(t);
    else episodes.push([t]);
  }
  for (const episode of episodes) {
    const first = episode[0] as (typeof episode)[number];
    const set = new Set(episode.map((t) => t.week));
    const rows: number[] = [];
    for (let i = 0; i < frame.n; i++) if (set.has(weeks.week[i] as number)) rows.push(i);
    const made = episode.reduce((s, t) => s + t.value, 0);
    const usual = episode.reduce((s, t) => s + t.median, 0);
    const lost = usual - made;
    const drop = 1 - made / usual;
    const p = Math.min(...episode.map((t) => pOf.get(t.week) as number));
    const z = Math.min(...episode.map((t) => t.z));
    const span =
      episode.length === 1
        ? `the week of ${weekLabel(weeks, first.week)}`
        : `${episode.length} weeks from ${weekLabel(weeks, first.week)}`;
    const selector = idsSelector(frame, rows);
    out.insights.push({
      kind: 'efficiency.throughput-drop',
      entity: { type: 'facility', id: `week of ${weekLabel(weeks, first.week)}` },
      title: `Good output fell ${pct(drop, 0)} in ${span} (${fmt(made, 0)} pieces vs ${fmt(usual, 0)} usual)`,
      detail: `${fmt(made, 0)} good pieces finished in ${span} against ${fmt(usual, 0)} at the median of the earlier weeks: ${pct(drop)} lower, beyond the ${fmt(threshold)} % threshold. z against the median and spread of the earlier weeks ${fmt(z, 2)}, BH-adjusted one-sided p ${pText(p)} over ${tested.length} weeks tested.`,
      impact: {
        currency: null,
        hours: null,
        units: lost,
        formula: `${fmt(usual, 0)} usual − ${fmt(made, 0)} made = ${fmt(lost, 0)} pieces`,
      },
      evidence: {
        metric: 'good pieces per week',
        value: made / episode.length,
        baseline: usual / episode.length,
        expected: null,
        statistic: { name: 'z', value: z },
        pValue: p,
        sampleSize: tested.length,
      },
      significant: true,
      recommendation: `Find what stopped output in ${span}: staffing and holidays, material shortages, breakdowns or a planning gap; if it was planned, mark those weeks in the calendar so they are not read as losses.`,
      rows: selector,
      rowCount: selector.kind === 'ids' ? selector.ids.length : rows.length,
    });
  }
  const size = Math.max(1, Math.ceil(full.length / 20));
  const points: { label: string; value: number }[] = [];
  for (let j = 0; j < full.length; j += size) {
    const chunk = full.slice(j, j + size);
    points.push({
      label: weekLabel(weeks, chunk[0] as number),
      value: chunk.reduce((s, w) => s + (output[w] as number), 0) / chunk.length,
    });
  }
  out.charts.push({
    id: 'efficiency-weekly-output',
    kind: 'line',
    title: 'Good pieces per week',
    unit: 'pieces',
    points,
  });
  return out;
}
