// Hours against plan: cycle-time variance (machine hours — setup + run — against planned hours, per
// work center, shift, operator and part), labour productivity (planned ÷ actual labour hours, per shift,
// operator and work center) and the setup share of booked hours per work center. Operators are judged
// against the others on their shift and parts against the other parts of their work center, so a slow
// shift or a drifting work center is reported once, on itself, not on everyone who works there.

import { numberOf } from './config.ts';
import {
  contrastByEntity,
  ENTITY_LABEL,
  type EntityContrast,
  type InsightSpec,
  lowerName,
  overPlan,
  pText,
} from './cost-contrasts.ts';
import { fmt, pct } from './frame.ts';
import type { AnalyzerContext, EntityType, WorkOrderFrame } from './types.ts';

export interface Dimension {
  field: string;
  type: EntityType;
  peers?: string;
}

const WORK_CENTER: Dimension = { field: 'workCenter', type: 'workCenter' };
const SHIFT: Dimension = { field: 'shift', type: 'shift' };
const OPERATOR: Dimension = { field: 'operator', type: 'operator', peers: 'shift' };
const PART: Dimension = { field: 'partNumber', type: 'part', peers: 'workCenter' };

export interface HoursResult {
  insights: InsightSpec[];
  metrics: Record<string, number>;
  notes: string[];
}

/** Machine hours per order: setup + run (setup counted as 0 where missing); NaN without run hours. */
export function machineHours(frame: WorkOrderFrame): Float64Array | null {
  const run = frame.numbers.runHours;
  if (!run) return null;
  const setup = frame.numbers.setupHours;
  return run.map((r, i) => r + (setup && !Number.isNaN(setup[i] as number) ? (setup[i] as number) : 0));
}

const sumPair = (a: Float64Array, b: Float64Array): [number, number] => {
  let x = 0;
  let y = 0;
  for (let i = 0; i < a.length; i++) {
    const u = a[i] as number;
    const v = b[i] as number;
    if (Number.isNaN(u) || !(v > 0)) continue;
    x += u;
    y += v;
  }
  return [x, y];
};

const peerText = (d: Dimension) =>
  d.peers === 'shift'
    ? ' against the others on the same shift'
    : d.peers
      ? ' against the other parts of the same work center'
      : '';
const plural = (t: EntityType) => (t === 'workCenter' ? 'work centers' : `${t}s`);
const name = (d: Dimension, e: EntityContrast) => `${ENTITY_LABEL[d.type] ?? d.type} ${e.value}`;

/** Machine (or labour) hours over plan per entity, beyond cycle_time_variance_threshold_pct. */
export function cycleTimeVariance(ctx: AnalyzerContext): HoursResult {
  const { frame, config } = ctx;
  const result: HoursResult = { insights: [], metrics: {}, notes: [] };
  const planned = frame.numbers.laborHoursPlanned;
  if (!planned) {
    result.notes.push('planned hours not mapped: no cycle-time variance or labour productivity');
    return result;
  }
  const machine = machineHours(frame);
  const labor = frame.numbers.laborHoursActual;
  const actual = machine ?? labor;
  if (!actual) {
    result.notes.push('neither run hours nor actual labour hours mapped: no cycle-time variance');
    return result;
  }
  // Without run hours the only actual hours are labour hours: per shift, operator and work center
  // that is the labour productivity check, so only parts are judged here.
  const dims = machine ? [WORK_CENTER, SHIFT, OPERATOR, PART] : [PART];
  if (!machine)
    result.notes.push('run hours not mapped: cycle-time variance per part from labour hours only');
  const source = machine ? 'machine hours (setup + run)' : 'actual labour hours';
  const [a, p] = sumPair(actual, planned);
  if (p > 0) result.metrics['efficiency.cycleTimeVariancePct'] = (a / p - 1) * 100;
  const threshold = numberOf(config, 'cycle_time_variance_threshold_pct');
  for (const d of dims) {
    if (!frame.texts[d.field]) continue;
    const contrasts = contrastByEntity(
      frame,
      config,
      d.field,
      actual,
      planned,
      d.peers ? { peers: d.peers } : {},
    );
    for (const e of contrasts) {
      const variance = e.ratio - 1;
      // Material as well as significant: beyond the threshold against plan and against comparable orders.
      const aboveComparable = e.mean / e.expected - 1;
      if (
        !(e.significant && e.statistic > 0 && variance * 100 > threshold && aboveComparable * 100 > threshold)
      )
        continue;
      const over = e.num - e.den;
      result.insights.push({
        kind: 'efficiency.cycle-time-variance',
        entity: { type: d.type, id: e.value },
        title: `${name(d, e)}: ${source} ${pct(variance)} over plan vs ${overPlan(e.restRatio)} for the rest`,
        detail: `${fmt(e.num)} ${source} against ${fmt(e.den)} planned hours over ${e.n} work orders: ${pct(variance)} over plan, beyond the ${fmt(threshold)} % threshold; the other ${plural(d.type)} run ${overPlan(e.restRatio)} over plan. Welch t = ${fmt(e.statistic, 2)} on the per-order hours ÷ plan${peerText(d)}, BH-adjusted p ${pText(e.pValue)}.`,
        impact: {
          currency: null,
          hours: over,
          units: null,
          formula: `${fmt(e.num)} h actual − ${fmt(e.den)} h planned = ${fmt(over)} h`,
        },
        evidence: {
          metric: `${source} ÷ planned hours`,
          value: e.ratio,
          baseline: e.restRatio,
          expected: 1,
          statistic: { name: 't', value: e.statistic },
          pValue: e.pValue,
          sampleSize: e.n,
        },
        significant: true,
        recommendation: `Time the operations of ${lowerName(d.type, e.value)} against the routing: correct the standard if it is wrong, otherwise remove the causes of slow running (feeds and speeds, tooling, material, minor stops).`,
        rows: { kind: 'entity', field: d.field, value: e.value },
        rowCount: e.rows,
      });
    }
  }
  return result;
}

/** Planned ÷ actual labour hours per shift, operator and work center below the productivity target. */
export function laborProductivity(ctx: AnalyzerContext): HoursResult {
  const { frame, config } = ctx;
  const result: HoursResult = { insights: [], metrics: {}, notes: [] };
  const planned = frame.numbers.laborHoursPlanned;
  const actual = frame.numbers.laborHoursActual;
  if (!planned || !actual) {
    result.notes.push('planned or actual labour hours not mapped: no labour productivity');
    return result;
  }
  const [a, p] = sumPair(actual, planned);
  if (a > 0) result.metrics['efficiency.laborProductivityPct'] = (p / a) * 100;
  const target = numberOf(config, 'labor_productivity_target_pct');
  for (const d of [SHIFT, OPERATOR, WORK_CENTER]) {
    if (!frame.texts[d.field]) continue;
    const contrasts = contrastByEntity(
      frame,
      config,
      d.field,
      actual,
      planned,
      d.peers ? { peers: d.peers } : {},
    );
    for (const e of contrasts) {
      const productivity = e.den / e.num;
      const rest = e.restDen / e.restNum;
      // Material as well as significant: below target, and below it against comparable orders too
      // (an operator on a slow shift is not judged for the shift's hours).
      const relative = e.expected / e.mean;
      if (!(e.significant && e.statistic > 0 && productivity * 100 < target && relative * 100 < target))
        continue;
      const over = e.num - e.den;
      result.insights.push({
        kind: 'efficiency.labor-variance',
        entity: { type: d.type, id: e.value },
        title: `${name(d, e)}: labour productivity ${pct(productivity)} (${fmt(e.ratio, 2)} × planned hours) vs ${pct(rest)} for the rest`,
        detail: `${fmt(e.num)} labour hours booked against ${fmt(e.den)} planned over ${e.n} work orders: productivity (planned ÷ actual) ${pct(productivity)}, below the ${fmt(target)} % target; the other ${plural(d.type)} reach ${pct(rest)}. Welch t = ${fmt(e.statistic, 2)} on the per-order actual ÷ planned hours${peerText(d)}, BH-adjusted p ${pText(e.pValue)}.`,
        impact: {
          currency: null,
          hours: over,
          units: null,
          formula: `${fmt(e.num)} h booked − ${fmt(e.den)} h planned = ${fmt(over)} h over plan`,
        },
        evidence: {
          metric: 'labour productivity (planned ÷ actual hours)',
          value: productivity,
          baseline: rest,
          expected: target / 100,
          statistic: { name: 't', value: e.statistic },
          pValue: e.pValue,
          sampleSize: e.n,
        },
        significant: true,
        recommendation: `Walk ${lowerName(d.type, e.value)}: check staffing and skills, waiting for material, tools or instructions, and how hours are booked; compare its methods with the best ${d.type === 'workCenter' ? 'work center' : d.type}.`,
        rows: { kind: 'entity', field: d.field, value: e.value },
        rowCount: e.rows,
      });
    }
  }
  return result;
}

/** Setup hours as a share of booked hours (setup + run) per work center, above setup_time_threshold_pct. */
export function setupShare(ctx: AnalyzerContext): HoursResult {
  const { frame, config } = ctx;
  const result: HoursResult = { insights: [], metrics: {}, notes: [] };
  const setup = frame.numbers.setupHours;
  const booked = machineHours(frame) ?? frame.numbers.laborHoursActual;
  if (!setup || !booked) {
    result.notes.push('setup hours or booked hours not mapped: no setup share');
    return result;
  }
  const source = frame.numbers.runHours ? 'setup + run hours' : 'actual labour hours';
  const [s, b] = sumPair(setup, booked);
  if (b > 0) result.metrics['efficiency.setupSharePct'] = (s / b) * 100;
  const threshold = numberOf(config, 'setup_time_threshold_pct');
  if (!frame.texts.workCenter) {
    result.notes.push('work center not mapped: setup share for the facility only');
    return result;
  }
  for (const e of contrastByEntity(frame, config, 'workCenter', setup, booked, { clip: 1 })) {
    if (!(e.significant && e.statistic > 0 && e.ratio * 100 > threshold)) continue;
    const excess = e.num - (threshold / 100) * e.den;
    result.insights.push({
      kind: 'efficiency.setup-share',
      entity: { type: 'workCenter', id: e.value },
      title: `Work center ${e.value}: setup takes ${pct(e.ratio)} of booked hours vs ${pct(e.restRatio)} elsewhere`,
      detail: `${fmt(e.num)} setup hours of ${fmt(e.den)} booked (${source}) over ${e.n} work orders: ${pct(e.ratio)}, above the ${fmt(threshold)} % threshold; the other work centers spend ${pct(e.restRatio)}. Welch t = ${fmt(e.statistic, 2)} on the per-order setup share, BH-adjusted p ${pText(e.pValue)}.`,
      impact: {
        currency: null,
        hours: excess,
        units: null,
        formula: `${fmt(e.num)} setup h − ${fmt(threshold)} % × ${fmt(e.den)} booked h = ${fmt(excess)} h above the threshold share`,
      },
      evidence: {
        metric: 'setup share of booked hours',
        value: e.ratio,
        baseline: e.restRatio,
        expected: threshold / 100,
        statistic: { name: 't', value: e.statistic },
        pValue: e.pValue,
        sampleSize: e.n,
      },
      significant: true,
      recommendation: `Run a SMED workshop at ${e.value}: move setup work outside machine time, standardise fixtures, and sequence orders of the same family to cut changeovers.`,
      rows: { kind: 'entity', field: 'workCenter', value: e.value },
      rowCount: e.rows,
    });
  }
  return result;
}
