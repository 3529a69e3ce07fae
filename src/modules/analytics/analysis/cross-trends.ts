// Trends over the whole import: per ISO week, the facility's scrap rate, downtime per work order,
// labour hours and material cost over plan, and delay past the planned end. Each series with at
// least trend_min_points weeks is tested with Mann–Kendall (rank-based: robust to the odd extreme
// week) and its rate of change estimated by Sen's slope; the p-values of the series tested are
// Benjamini–Hochberg-adjusted together. Only worsening trends become insights — an improving one
// is good news for the notes — and each comes with a line chart of the series. A trend that is
// gone once the rows behind the analyzers' own trend findings are set aside is theirs to report
// (cross-explained.ts).
import { numberOf } from './config.ts';
import { type Explanations, explanations } from './cross-explained.ts';
import {
  bindMeasure,
  type CrossPart,
  capitalise,
  digitsFor,
  MEASURE_BY_ID,
  missingFields,
  type OrderMeasure,
  pText,
  type RowRatio,
} from './cross-measures.ts';
import { seriesPoints, WEEKS_PER_MONTH, type WeeklySeries, weekAxis, weeklySeries } from './cross-weekly.ts';
import { fmt, impactOf, severityOf, stakeOf } from './frame.ts';
import { benjaminiHochberg, mannKendall, type TrendResult } from './stats.ts';
import type { AnalyzerContext, AnalyzerResult, Chart, Insight } from './types.ts';

export const TREND_MEASURE_IDS = [
  'scrapRate',
  'downtimeMinutes',
  'laborVsPlan',
  'materialVsPlan',
  'lateness',
] as const;

const RECOMMENDATION: Record<(typeof TREND_MEASURE_IDS)[number], string> = {
  scrapRate:
    'Find where the rise comes from: compare scrap by supplier, machine and part in recent weeks with the first weeks, and check material lots and process changes made since it began.',
  downtimeMinutes:
    'Compare the downtime reasons of recent weeks with earlier ones and schedule maintenance on the machines whose stops grow.',
  laborVsPlan:
    'Check whether routings and standard times still match the work: find the work centers whose hours over plan grow and re-time them or remove the cause.',
  materialVsPlan:
    'Compare recent material issues and purchase prices with the bill of materials; fix the consumption or update the standard costs.',
  lateness:
    'Delays are growing: check the load of the bottleneck work centers and whether planned lead times are still realistic.',
};

interface Tested {
  measure: OrderMeasure;
  ratio: RowRatio;
  series: WeeklySeries;
  trend: TrendResult;
  orders: number;
  chart: Chart;
}

/** Percentage points for a rate's change; the unit itself otherwise. */
const changeUnit = (m: OrderMeasure) => (m.unit === '%' ? 'pp' : m.unit);

export function trendInsights(ctx: AnalyzerContext, results: readonly AnalyzerResult[] = []): CrossPart {
  const { frame, config } = ctx;
  const out: CrossPart = { insights: [], metrics: {}, charts: [], notes: [] };
  if (!('actualStart' in frame.numbers) && !('plannedStart' in frame.numbers)) {
    out.notes.push('Neither actual nor planned start is mapped: no trends over time.');
    return out;
  }
  const axis = weekAxis(frame);
  out.metrics['cross.datedWorkOrders'] = axis.dated;
  const minPoints = numberOf(config, 'trend_min_points');
  const tested: Tested[] = [];
  let weeks = 0;
  for (const id of TREND_MEASURE_IDS) {
    const measure = MEASURE_BY_ID.get(id) as OrderMeasure;
    const ratio = bindMeasure(frame, measure);
    if (!ratio) {
      out.notes.push(`No ${measure.label} trend: ${missingFields(frame, measure).join(', ')} not mapped.`);
      continue;
    }
    const series = weeklySeries(frame, ratio);
    weeks = Math.max(weeks, series.week.length);
    if (series.week.length < minPoints) {
      out.notes.push(
        `No ${measure.label} trend: ${series.week.length} weeks with data, fewer than trend_min_points (${minPoints}).`,
      );
      continue;
    }
    const values = series.value.map((v) => v * measure.scale);
    const trend = mannKendall(series.week, values);
    const orders = series.orders.reduce((a, b) => a + b, 0);
    const chart: Chart = {
      id: `cross.trend.${id}`,
      kind: 'line',
      title: `${capitalise(measure.label)} per week`,
      unit: measure.unit,
      points: seriesPoints(series, measure.scale),
    };
    tested.push({ measure, ratio, series, trend, orders, chart });
  }
  out.metrics['cross.weeks'] = weeks;
  out.metrics['cross.trendsTested'] = tested.length;

  const adjusted = benjaminiHochberg(tested.map((t) => t.trend.pValue));
  const alpha = 1 - numberOf(config, 'confidence_level');
  const minSample = numberOf(config, 'min_sample_size');
  const stake = stakeOf(frame, config);
  let explained: Explanations | null | undefined;
  const family = tested.length;
  tested.forEach((t, k) => {
    const { measure, trend } = t;
    const perMonth = trend.slope * WEEKS_PER_MONTH;
    out.metrics[`cross.${measure.id}TrendPerMonth`] = round(perMonth);
    out.charts.push(t.chart);
    const p = adjusted[k] as number;
    const significant = p < alpha && t.orders >= minSample;
    // Sen's slope can be 0 while S is not (many tied weeks): no rate of change to report then.
    const direction = Math.sign(trend.slope) === Math.sign(trend.s) ? Math.sign(trend.slope) : 0;
    if (!significant || direction === 0) return;
    const text = `${fmt(perMonth, digitsFor(perMonth) + 1)} ${changeUnit(measure)} per month`;
    if (direction * measure.worse < 0) {
      out.notes.push(`${capitalise(measure.label)} improving: ${text} (Mann–Kendall p ${pText(p)}).`);
      return;
    }
    if (measure.worse === 0) return;
    if (explained === undefined) explained = explanations(frame, results);
    if (explained) {
      // Retested without those rows: gone → theirs; still rising → reported on the rest alone, so
      // the hours the analyzers already counted are not counted twice.
      const rest = weeklySeries(frame, t.ratio, explained.rest);
      const retest =
        rest.week.length >= minPoints
          ? mannKendall(
              rest.week,
              rest.value.map((v) => v * measure.scale),
            )
          : null;
      if (!retest || !(retest.pValue < alpha && Math.sign(retest.slope) * measure.worse > 0)) {
        out.notes.push(
          `${capitalise(measure.label)} rising ${text} facility-wide, explained by ${explained.names.join(', ')}: not repeated.`,
        );
        return;
      }
      const restOrders = rest.orders.reduce((a, b) => a + b, 0);
      const perMonthRest = retest.slope * WEEKS_PER_MONTH;
      const restText = `${fmt(perMonthRest, digitsFor(perMonthRest) + 1)} ${changeUnit(measure)} per month`;
      const restTested = { ...t, series: rest, trend: retest, orders: restOrders };
      const restP = Math.max(p, retest.pValue);
      out.insights.push(
        trendInsight(ctx, restTested, { p: restP, family, text: restText, stake, without: explained }),
      );
      return;
    }
    out.insights.push(trendInsight(ctx, t, { p, family, text, stake }));
  });
  return out;
}

interface Reported {
  /** Adjusted p-value and how many trends it was adjusted over. */
  p: number;
  family: number;
  /** "0.297 pp per month". */
  text: string;
  stake: number;
  /** Analyzer findings whose rows were set aside: the trend is of the other work orders. */
  without?: Explanations;
}

function trendInsight(
  ctx: AnalyzerContext,
  t: Tested,
  { p, family, text, stake, without }: Reported,
): Insight {
  const { frame, config } = ctx;
  const { measure, series, trend } = t;
  const first = series.week[0] as number;
  const last = series.week[series.week.length - 1] as number;
  const startLevel = trend.intercept + trend.slope * first;
  const endLevel = trend.intercept + trend.slope * last;
  const unit = measure.unit === '%' ? ' %' : ` ${measure.unit}`;
  const level = (v: number) => `${fmt(v, digitsFor(v))}${unit}`;
  const firstWeek = isoDate(series.start[0] as number);
  const lastWeek = isoDate(series.start[series.start.length - 1] as number);

  // What the drift cost: in each week, the trend's rise since the first week times the week's
  // denominator (pieces, orders, planned hours or cost) — the excess over holding the first level.
  let amount = 0;
  const slopeRatio = trend.slope / measure.scale;
  for (let k = 0; k < series.week.length; k++)
    amount += slopeRatio * ((series.week[k] as number) - first) * (series.den[k] as number);
  const valuation = measure.valuation;
  const valued = valuation ? amount * valuation.factor : null;
  const noun = valuation?.kind === 'units' ? 'pieces' : valuation?.kind === 'hours' ? 'h' : '';
  const formula = valuation
    ? `Σ over ${series.week.length} weeks of Sen slope (${fmt(trend.slope, 4)} ${changeUnit(measure)}/week) × weeks since ${firstWeek} × the week's ${valuation.per}${valuation.factor !== 1 ? ` × ${fmt(valuation.factor, 4)}` : ''} = ${fmt(valued as number, 0)} ${noun}`.trim()
    : `Not valued: ${measure.label} has no cost of its own; the trend rose from ${level(startLevel)} to ${level(endLevel)}.`;
  const impact = impactOf(
    {
      currency: valuation?.kind === 'currency' ? valued : null,
      hours: valuation?.kind === 'hours' ? valued : null,
      units: valuation?.kind === 'units' ? valued : null,
      formula,
    },
    frame,
    config,
  );
  return {
    key: `cross:trend:metric:${measure.id}`,
    analyzer: 'cross',
    kind: 'cross.trend',
    severity: severityOf(impact.score, stake, true),
    title: `${capitalise(measure.label)} rising ${text}${without ? ` besides ${without.entities.join(', ')}` : ''} (${level(startLevel)} → ${level(endLevel)} from ${firstWeek} to ${lastWeek})`,
    detail:
      `Over ${series.week.length} weeks and ${fmt(t.orders, 0)} work orders${without ? ` (all but those of ${without.names.join(', ')}, reported on their own)` : ''} the weekly ${measure.label} rose steadily: ` +
      `Mann–Kendall S = ${trend.s}, tau = ${fmt(trend.tau, 3)}, z = ${fmt(trend.z, 2)}, p ${pText(p)} (Benjamini–Hochberg over the ${family} facility trends tested${without ? ', and retested without those rows' : ''}); ` +
      `Sen's slope ${fmt(trend.slope, 4)} ${changeUnit(measure)} per week, ${text}. Weeks are counted by actual start (planned start when not started).`,
    entity: { type: 'metric', id: measure.id },
    impact,
    evidence: {
      metric: `weekly ${measure.label} (${measure.unit})`,
      value: round(endLevel),
      baseline: round(startLevel),
      expected: null,
      statistic: { name: 'tau', value: round(trend.tau) },
      pValue: p,
      sampleSize: t.orders,
    },
    recommendation: RECOMMENDATION[measure.id as (typeof TREND_MEASURE_IDS)[number]],
    rows: { kind: 'all' },
    rowCount: t.orders,
    chart: t.chart,
  };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
