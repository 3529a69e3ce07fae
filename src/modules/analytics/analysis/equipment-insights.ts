// Equipment findings written as insights: a machine losing more time than the rest, one failing
// more often (MTBF, MTTR, its repeated failures and predicted risk), a cluster of failures, the
// plant's MTBF below the alert, over- and under-used machines, and the conditions that drive
// failures. Downtime is valued at what an hour of standing machine costs (equipment-columns.ts).

import type { ConfigValues } from './config.ts';
import type { ConditionSplit, Side } from './equipment-conditions.ts';
import type { MachineTest } from './equipment-machines.ts';
import type { RepeatCluster } from './equipment-repeat.ts';
import { fmt, idsSelector, impactOf, pct, severityOf } from './frame.ts';
import {
  type EntityType,
  type Insight,
  MAX_ROW_IDS,
  type RowSelector,
  type WorkOrderFrame,
} from './types.ts';

export interface EquipmentEnv {
  frame: WorkOrderFrame;
  config: ConfigValues;
  stake: number;
  alpha: number;
  minSample: number;
  field: 'machine' | 'workCenter';
  hourCost: number;
  hourCostFormula: string;
  /** "failures" (a flag) or "stoppages (downtime ≥ 30 min)". */
  failureWord: string;
}

const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${fmt(p, 3)}`);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function who(env: EquipmentEnv): { type: EntityType; label: string; plural: string } {
  return env.field === 'machine'
    ? { type: 'machine', label: 'Machine', plural: 'machines' }
    : { type: 'workCenter', label: 'Work center', plural: 'work centers' };
}

/** Hours valued at the cost of a standing machine, with the formula. */
function hoursImpact(env: EquipmentEnv, hours: number, head: string) {
  const currency = hours * env.hourCost;
  return impactOf(
    {
      currency,
      hours,
      units: null,
      formula: `${head} = ${fmt(hours, 1)} h × ${fmt(env.hourCost, 2)}/h (${env.hourCostFormula}) = ${fmt(currency, 0)}`,
    },
    env.frame,
    env.config,
  );
}

/** Extra failures at the repair time they cost; without downtime they are counted, not valued. */
function failureImpact(env: EquipmentEnv, excess: number, repairMinutes: number, head: string) {
  if (!Number.isFinite(repairMinutes))
    return impactOf(
      { currency: null, hours: null, units: null, formula: `${head} (no downtime mapped to value them)` },
      env.frame,
      env.config,
    );
  return hoursImpact(
    env,
    (excess * repairMinutes) / 60,
    `${head} × ${fmt(repairMinutes, 0)} min to repair ÷ 60`,
  );
}

const entityRows = (env: EquipmentEnv, value: string): RowSelector => ({
  kind: 'entity',
  field: env.field,
  value,
});

export function downtimeInsight(
  env: EquipmentEnv,
  test: MachineTest,
  share: number,
  shareThreshold: number,
  topReason: { reason: string; share: number } | null,
): Insight {
  const w = who(env);
  const significant = test.pValue < env.alpha && test.orders >= env.minSample;
  const hours = ((test.value - test.rest) * test.orders) / 60;
  const impact = hoursImpact(
    env,
    hours,
    `(${fmt(test.value, 1)} − ${fmt(test.rest, 1)}) min × ${fmt(test.orders, 0)} work orders ÷ 60`,
  );
  const reason = topReason
    ? ` Its largest reason: ${topReason.reason} (${pct(topReason.share, 0)} of its downtime).`
    : '';
  return {
    key: `equipment:downtime:${w.type}:${test.name}`,
    analyzer: 'equipment',
    kind: 'equipment.downtime',
    severity: severityOf(impact.score, env.stake, significant),
    title: `${w.label} ${test.name}: ${fmt(test.value, 0)} min downtime per work order vs ${fmt(test.rest, 0)} min for the rest`,
    detail:
      `${fmt(test.orders, 0)} work orders on ${w.label.toLowerCase()} ${test.name} stood ${fmt((test.value * test.orders) / 60, 1)} h, ${pct(share)} of all downtime (reported above ${fmt(shareThreshold, 0)} % or when significantly more per order than the rest). ` +
      `Welch t = ${fmt(test.statistic, 1)}, ${pText(test.pValue)} after Benjamini–Hochberg across ${test.tested} ${w.plural}.${reason}`,
    entity: { type: w.type, id: test.name },
    impact,
    evidence: {
      metric: 'downtime per work order (min)',
      value: test.value,
      baseline: test.rest,
      expected: null,
      statistic: { name: 't', value: test.statistic },
      pValue: test.pValue,
      sampleSize: test.orders,
    },
    recommendation: `Run a downtime Pareto on ${test.name} with maintenance${topReason ? `, starting with "${topReason.reason}"` : ''}: log each stop's cause, fix the top cause first and set a weekly review of its minutes per order against the other ${w.plural}.`,
    rows: entityRows(env, test.name),
    rowCount: test.orders,
  };
}

export interface FailureFacts {
  test: MachineTest;
  failures: number;
  runHours: number;
  mtbf: number;
  mttr: number;
  alertHours: number;
  runSource: string;
  cluster: RepeatCluster | null;
  /** "38 % of its orders at ≥ 40 % predicted risk; 4.2 failures expected in the next 30 days". */
  risk: string;
}

export function failureInsight(env: EquipmentEnv, facts: FailureFacts): Insight {
  const { test } = facts;
  const w = who(env);
  const significant = test.pValue < env.alpha && test.orders >= env.minSample;
  const excess = (test.value - test.rest) * test.orders;
  const impact = failureImpact(
    env,
    excess,
    facts.mttr,
    `(${pct(test.value)} − ${pct(test.rest)}) × ${fmt(test.orders, 0)} work orders = ${fmt(excess, 1)} extra ${env.failureWord}`,
  );
  const mtbf = Number.isFinite(facts.mtbf)
    ? ` MTBF ${fmt(facts.mtbf, 0)} h (${fmt(facts.runHours, 0)} h of ${facts.runSource} ÷ ${fmt(facts.failures, 0)}), below the ${fmt(facts.alertHours, 0)} h alert;`
    : '';
  const cluster = facts.cluster
    ? ` ${facts.cluster.count} of them within ${day(facts.cluster.from)} – ${day(facts.cluster.to)} (${fmt(facts.cluster.expected, 1)} expected in such a window).`
    : '';
  return {
    key: `equipment:failures:${w.type}:${test.name}`,
    analyzer: 'equipment',
    kind: 'equipment.failures',
    severity: severityOf(impact.score, env.stake, significant),
    title: `${w.label} ${test.name}: ${env.failureWord} on ${pct(test.value)} of work orders vs ${pct(test.rest)} for the rest${Number.isFinite(facts.mtbf) ? ` (MTBF ${fmt(facts.mtbf, 0)} h)` : ''}`,
    detail:
      `${fmt(facts.failures, 0)} ${env.failureWord} in ${fmt(test.orders, 0)} work orders;${mtbf}${Number.isFinite(facts.mttr) ? ` MTTR ${fmt(facts.mttr, 0)} min.` : ''} ` +
      `z = ${fmt(test.statistic, 1)}, ${pText(test.pValue)} after Benjamini–Hochberg across ${test.tested} ${w.plural}.${cluster}${facts.risk ? ` ${facts.risk}` : ''}`,
    entity: { type: w.type, id: test.name },
    impact,
    evidence: {
      metric: `share of work orders with ${env.failureWord} (%)`,
      value: test.value * 100,
      baseline: test.rest * 100,
      expected: null,
      statistic: { name: 'z', value: test.statistic },
      pValue: test.pValue,
      sampleSize: test.orders,
    },
    recommendation: `Put ${test.name} on a root-cause review with maintenance (failure modes, spare parts, last overhaul); move it to condition-based or shorter preventive maintenance intervals until its MTBF is back near the other ${w.plural}'.`,
    rows: entityRows(env, test.name),
    rowCount: test.orders,
  };
}

export function repeatInsight(
  env: EquipmentEnv,
  cluster: RepeatCluster,
  windowDays: number,
  downtimeMinutes: number,
): Insight {
  const w = who(env);
  const significant = cluster.pValue < env.alpha;
  const impact = hoursImpact(
    env,
    downtimeMinutes / 60,
    `${fmt(downtimeMinutes, 0)} min of downtime on these ${cluster.count} orders ÷ 60`,
  );
  return {
    key: `equipment:repeat-failure:${w.type}:${cluster.name}`,
    analyzer: 'equipment',
    kind: 'equipment.repeat-failure',
    severity: severityOf(impact.score, env.stake, significant),
    title: `${w.label} ${cluster.name}: ${cluster.count} ${env.failureWord} within ${windowDays} days (${day(cluster.from)} – ${day(cluster.to)})`,
    detail: `At its usual rate the ${w.label.toLowerCase()} would see ${fmt(cluster.expected, 1)} in such a window; the chance of ${cluster.count} or more in the busiest window of the period is ${pText(cluster.pValue)} (scan bound, Benjamini–Hochberg across ${w.plural}).`,
    entity: { type: w.type, id: cluster.name },
    impact,
    evidence: {
      metric: `${env.failureWord} within ${windowDays} days`,
      value: cluster.count,
      baseline: cluster.expected,
      expected: cluster.expected,
      statistic: null,
      pValue: cluster.pValue,
      sampleSize: cluster.count,
    },
    recommendation: `Treat the repeated ${env.failureWord} on ${cluster.name} as one problem: check whether the earlier repairs fixed the cause, and do not close the next work order before a root cause is recorded.`,
    rows: idsSelector(env.frame, cluster.rows),
    rowCount: Math.min(cluster.rows.length, MAX_ROW_IDS),
  };
}

export function utilisationInsight(
  env: EquipmentEnv,
  name: string,
  orders: number,
  booked: number,
  available: { hours: number; days: number; perDay: number },
  limit: number,
  high: boolean,
): Insight {
  const w = who(env);
  const utilisation = booked / available.hours;
  const gap = high ? booked - limit * available.hours : limit * available.hours - booked;
  // Overload is time the plan cannot keep; idle capacity is an opportunity, not money lost.
  const impact = high
    ? hoursImpact(
        env,
        gap,
        `${fmt(booked, 0)} h booked − ${pct(limit, 0)} × ${fmt(available.hours, 0)} h available`,
      )
    : impactOf(
        {
          currency: null,
          hours: null,
          units: null,
          formula: `${fmt(gap, 0)} h of idle capacity below ${pct(limit, 0)} (not a loss: for capacity planning)`,
        },
        env.frame,
        env.config,
      );
  return {
    key: `equipment:utilization-${high ? 'high' : 'low'}:${w.type}:${name}`,
    analyzer: 'equipment',
    kind: `equipment.utilization-${high ? 'high' : 'low'}`,
    severity: severityOf(impact.score, env.stake, false),
    title: `${w.label} ${name}: utilisation ${pct(utilisation)} is ${high ? 'above' : 'below'} the ${pct(limit, 0)} ${high ? 'ceiling' : 'floor'}`,
    detail: `Booked run + setup ${fmt(booked, 0)} h over ${fmt(orders, 0)} work orders ÷ available ${fmt(available.hours, 0)} h (${fmt(available.days, 0)} days × ${fmt(available.perDay, 0)} h, 8 per shift seen in the data).`,
    entity: { type: w.type, id: name },
    impact,
    evidence: {
      metric: 'utilisation (%)',
      value: utilisation * 100,
      baseline: null,
      expected: limit * 100,
      statistic: null,
      pValue: null,
      sampleSize: orders,
    },
    recommendation: high
      ? `Relieve ${name}: move suitable parts to alternative ${w.plural}, cut its setup time, or add a shift; check that its downtime is not hiding in the booked hours.`
      : `Review whether ${name} is needed on every shift, or load it with work from the busiest ${w.plural}.`,
    rows: entityRows(env, name),
    rowCount: orders,
  };
}

const ADVICE: Record<string, (t: string) => string> = {
  toolWearMinutes: (t) =>
    `Change tools before ${t} min of wear: set the tool-life limit in the tool management below it and check the failure share again after a month.`,
  processTemperature: (t) =>
    `Keep the process below ${t} °C: check coolant flow and concentration and the spindle's cooling.`,
  ambientTemperature: (t) =>
    `Failures follow the hall temperature (${t} °C): check ventilation and whether the machines' cooling copes in warm weeks.`,
  spindleSpeed: (t) =>
    `Review the speeds programmed around ${t} rpm with the process engineer and the tool supplier's cutting data.`,
  torque: (t) =>
    `Loads around ${t} Nm overstrain the process: review feeds and depth of cut, and the tool choice.`,
};

export function conditionInsight(
  env: EquipmentEnv,
  split: ConditionSplit,
  all: { inside: Side; outside: Side },
  context: {
    features: number;
    mttr: number;
    rows: number[];
    leftOut: string[];
    /** Mean predicted failure risk inside and outside, when a model was trained. */
    risk: { inside: number; outside: number } | null;
  },
): Insight {
  const { feature, inside, outside } = split;
  const w = who(env);
  const op = split.above ? '>' : '≤';
  const t = fmt(split.threshold, split.digits).replace(/,/g, '');
  const id = `${feature.name} ${op} ${t}`;
  const rin = inside.failures / inside.orders;
  const rout = outside.failures / outside.orders;
  // The condition's share of failures beyond the rest, over all the orders it covers.
  const excess = Math.max(0, (rin - rout) * all.inside.orders);
  const impact = failureImpact(
    env,
    excess,
    context.mttr,
    `(${pct(rin)} − ${pct(rout)}) × ${fmt(all.inside.orders, 0)} work orders = ${fmt(excess, 1)} extra ${env.failureWord}`,
  );
  const significant = split.pValue < env.alpha && inside.orders >= env.minSample;
  const selector: RowSelector =
    feature.field && split.above
      ? { kind: 'condition', where: { field: feature.field, above: split.threshold } }
      : idsSelector(env.frame, context.rows);
  const ratio = Number.isFinite(split.ratio) ? `${fmt(split.ratio, 1)} ×` : 'only';
  const among = context.leftOut.length
    ? `Among the orders of ${w.plural} failing at the usual rate (${context.leftOut.join(', ')} left out: reported for failures of their own)`
    : 'Over all work orders';
  const overall = context.leftOut.length
    ? ` Over all orders: ${fmt(all.inside.failures, 0)} in ${fmt(all.inside.orders, 0)} (${pct(all.inside.failures / all.inside.orders)}) against ${pct(all.outside.failures / all.outside.orders)}.`
    : '';
  return {
    key: `equipment:failure-driver:condition:${id}`,
    analyzer: 'equipment',
    kind: 'equipment.failure-driver',
    severity: severityOf(impact.score, env.stake, significant),
    title: `Failures are ${ratio} as frequent when ${feature.name} ${op} ${t} ${feature.unit}`,
    detail:
      `${among}: ${fmt(inside.failures, 0)} ${env.failureWord} in ${fmt(inside.orders, 0)} work orders with ${feature.name} ${op} ${t} ${feature.unit} (${pct(rin)}) against ${fmt(outside.failures, 0)} in ${fmt(outside.orders, 0)} (${pct(rout)}) otherwise.${overall} ` +
      `The best of ${split.tried} round thresholds: z = ${fmt(split.statistic, 1)}, ${pText(split.pValue)} (× ${split.tried} thresholds, Benjamini–Hochberg across ${context.features} features).` +
      (context.risk
        ? ` The failure-risk model gives these orders ${pct(context.risk.inside)} on average against ${pct(context.risk.outside)}.`
        : ''),
    entity: { type: 'condition', id },
    impact,
    evidence: {
      metric: `share of work orders with ${env.failureWord} (%)`,
      value: rin * 100,
      baseline: rout * 100,
      expected: null,
      statistic: { name: 'z', value: split.statistic },
      pValue: split.pValue,
      sampleSize: inside.orders,
    },
    recommendation:
      (feature.field && ADVICE[feature.field]?.(t)) ??
      `Keep ${feature.name} ${split.above ? 'below' : 'above'} ${t} ${feature.unit} where the process allows, and watch the failure share on both sides of it.`,
    rows: selector,
    rowCount: selector.kind === 'ids' ? selector.ids.length : all.inside.orders,
  };
}
