// Schedule adherence: a work order is on time when it finishes no more than late_tolerance_hours after
// its planned end. The facility is reported when its on-time share is significantly below
// schedule_adherence_threshold_pct (one-sided proportion test against the threshold); a work center
// or machine when its own share is below the threshold while comparable orders meet it, AND its orders
// are late significantly more often than the rest's.
//
// Impact is in hours late beyond the tolerance, and only the part that is the finding's own: for the
// facility, the lateness that meeting the threshold would remove (late share above the allowed share
// × orders × mean hours beyond tolerance of a late order); for an entity, its hours beyond what its
// orders would carry at the rest's mean. Lateness costs service rather than labour, so counting all of
// it at the labour rate would rank a late schedule above real money.

import { numberOf } from './config.ts';
import {
  contrastByEntity,
  ENTITY_LABEL,
  type InsightSpec,
  lowerName,
  pText,
  significanceRules,
} from './cost-contrasts.ts';
import { fmt, pct } from './frame.ts';
import { normalCdf } from './stats.ts';
import type { AnalyzerContext, EntityType } from './types.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Every date of the column at midnight UTC: the export carries days, not times. */
function dayOnly(column: Float64Array): boolean {
  for (const t of column) if (!Number.isNaN(t) && t % DAY !== 0) return false;
  return true;
}

// Machines are judged against the other machines of their work center: an order is late for its
// whole routing, and the work center it finished at would otherwise make all its machines look late.
const DIMENSIONS: readonly { field: string; type: EntityType; peers?: string }[] = [
  { field: 'workCenter', type: 'workCenter' },
  { field: 'machine', type: 'machine', peers: 'workCenter' },
];

export function scheduleAdherence(ctx: AnalyzerContext): {
  insights: InsightSpec[];
  metrics: Record<string, number>;
  notes: string[];
  /** Per order: 1 on time, 0 late (NaN without dates) — for the test against a baseline. */
  onTime?: Float64Array;
} {
  const { frame, config } = ctx;
  const out = { insights: [] as InsightSpec[], metrics: {} as Record<string, number>, notes: [] as string[] };
  const plannedEnd = frame.numbers.plannedEnd;
  const actualEnd = frame.numbers.actualEnd;
  if (!plannedEnd || !actualEnd) {
    out.notes.push('planned or actual end not mapped: no schedule adherence');
    return out;
  }
  const { alpha, minSample } = significanceRules(config);
  const tolerance = numberOf(config, 'late_tolerance_hours');
  const target = numberOf(config, 'schedule_adherence_threshold_pct') / 100;
  // A planned end given as a day against actual ends with times means "by the end of that day":
  // read as midnight, every order finishing that afternoon would count as hours late.
  const endOfDay = dayOnly(plannedEnd) && !dayOnly(actualEnd) ? DAY : 0;
  if (endOfDay)
    out.notes.push('planned ends carry days only: an order is late from the end of its planned day');
  // Per order: late (1/0) and the hours beyond the tolerance, NaN where either date is missing.
  const late = new Float64Array(frame.n);
  const beyond = new Float64Array(frame.n);
  let n = 0;
  let lateCount = 0;
  let lateHours = 0;
  let beyondHours = 0;
  for (let i = 0; i < frame.n; i++) {
    const hours = ((actualEnd[i] as number) - (plannedEnd[i] as number) - endOfDay) / HOUR;
    if (Number.isNaN(hours)) {
      late[i] = Number.NaN;
      beyond[i] = Number.NaN;
      continue;
    }
    const isLate = hours > tolerance;
    late[i] = isLate ? 1 : 0;
    beyond[i] = isLate ? hours - tolerance : 0;
    n++;
    if (isLate) {
      lateCount++;
      lateHours += hours;
      beyondHours += hours - tolerance;
    }
  }
  if (n === 0) {
    out.notes.push('no work order has both a planned and an actual end: no schedule adherence');
    return out;
  }
  const onTime = 1 - lateCount / n;
  out.metrics['efficiency.scheduleAdherencePct'] = onTime * 100;
  out.metrics['efficiency.lateOrders'] = lateCount;
  out.metrics['efficiency.meanLatenessHours'] = lateCount ? lateHours / lateCount : 0;

  if (onTime < target) {
    const meanBeyond = beyondHours / lateCount;
    const excess = (target - onTime) * n * meanBeyond;
    // One-sided test of the on-time share against the threshold (normal approximation).
    const z = (onTime - target) / Math.sqrt((target * (1 - target)) / n);
    const p = normalCdf(z);
    out.insights.push({
      kind: 'efficiency.schedule-adherence',
      entity: null,
      title: `Only ${pct(onTime)} of work orders finish on time (target ${pct(target, 0)})`,
      detail: `${lateCount} of ${n} work orders finished more than ${fmt(tolerance)} h after their planned end: on-time share ${pct(onTime)}, below the ${pct(target, 0)} threshold; late orders were ${fmt(lateCount ? lateHours / lateCount : 0)} h late on average (${fmt(beyondHours, 0)} h beyond the tolerance in all). z = ${fmt(z, 2)} against the threshold, one-sided p ${pText(p)}.`,
      impact: {
        currency: null,
        hours: excess,
        units: null,
        formula: `(${pct(1 - onTime)} late − ${pct(1 - target, 0)} allowed) × ${n} orders × ${fmt(meanBeyond)} h beyond tolerance per late order = ${fmt(excess)} h`,
      },
      evidence: {
        metric: 'on-time share',
        value: onTime,
        baseline: null,
        expected: target,
        statistic: { name: 'z', value: z },
        pValue: p,
        sampleSize: n,
      },
      significant: p < alpha && n >= minSample,
      recommendation: `Compare planned with actual lead times by routing step and correct the planning times where they are systematically short; release orders against finite capacity.`,
      rows: { kind: 'all' },
      rowCount: frame.n,
    });
  }
  for (const d of DIMENSIONS) {
    if (!frame.texts[d.field]) {
      out.notes.push(`${d.field} not mapped: no schedule adherence per ${d.type}`);
      continue;
    }
    const beyondOf = new Map(
      contrastByEntity(frame, config, d.field, beyond, null, { clip: Infinity }).map((e) => [e.value, e]),
    );
    const peers = d.peers ? { peers: d.peers } : {};
    for (const e of contrastByEntity(frame, config, d.field, late, null, peers)) {
      const share = 1 - e.ratio;
      // Below the threshold where comparable orders (the rest; a machine's work-center peers) are not:
      // when they are too, the lateness is the facility's or the work center's, reported there.
      if (!(e.significant && e.statistic > 0 && share < target && 1 - e.expected >= target)) continue;
      const b = beyondOf.get(e.value);
      const own = b?.num ?? 0;
      const restMean = b && b.restDen > 0 ? b.restRatio : 0;
      const excess = Math.max(0, own - e.n * restMean);
      const label = `${ENTITY_LABEL[d.type] ?? d.type} ${e.value}`;
      out.insights.push({
        kind: 'efficiency.schedule-adherence',
        entity: { type: d.type, id: e.value },
        title: `${label}: ${pct(share)} of work orders on time vs ${pct(1 - e.restRatio)} for the rest`,
        detail: `${fmt(e.num, 0)} of ${e.n} work orders at ${e.value} finished more than ${fmt(tolerance)} h after their planned end (${fmt(own, 0)} h beyond the tolerance in all): on-time share ${pct(share)}, below the ${pct(target, 0)} threshold; the rest reach ${pct(1 - e.restRatio)}. Welch t = ${fmt(e.statistic, 2)} on the late flag${d.peers ? ' against the other machines of the same work center' : ''}, BH-adjusted p ${pText(e.pValue)}.`,
        impact: {
          currency: null,
          hours: excess,
          units: null,
          formula: `${fmt(own)} h beyond tolerance − ${e.n} orders × ${fmt(restMean, 2)} h (the rest's mean per order) = ${fmt(excess)} h`,
        },
        evidence: {
          metric: 'on-time share',
          value: share,
          baseline: 1 - e.restRatio,
          expected: target,
          statistic: { name: 't', value: e.statistic },
          pValue: e.pValue,
          sampleSize: e.n,
        },
        significant: true,
        recommendation: `Check the capacity and the planned times of ${lowerName(d.type, e.value)}: queues in front of it, breakdowns, missing material; plan it against its real throughput.`,
        rows: { kind: 'entity', field: d.field, value: e.value },
        rowCount: e.rows,
      });
    }
  }
  return { ...out, onTime: late.map((x) => 1 - x) };
}
