// Failures: machines failing more often than the rest with an MTBF below the alert, repeated
// failures, the plant's MTBF, the process conditions that drive failures, and each machine's failure
// risk. The order matters: machines reported for failing far more often fail for reasons of their
// own, so the condition scan runs on the other machines' orders (a hot machine's breakdowns would
// blur "tool wear > 200 min"); it scans the features the failure-risk model found useful (all of
// them without a model), and without a model the strongest condition feeds the risk table.
import { numberOf } from './config.ts';
import type { EquipmentColumns } from './equipment-columns.ts';
import {
  type ConditionSplit,
  conditionFeatures,
  failureConditions,
  insideOf,
  sidesOf,
} from './equipment-conditions.ts';
import { conditionInsight, type EquipmentEnv, failureInsight, repeatInsight } from './equipment-insights.ts';
import { failureTests, type MachineStats, mtbfOf } from './equipment-machines.ts';
import { MIN_FEATURE_GAIN, modelUnavailable, trainedRisk, usefulFeatures } from './equipment-model.ts';
import { equipmentCharts, plantMtbfInsight } from './equipment-plant.ts';
import { repeatClusters } from './equipment-repeat.ts';
import { machineRisks, type RiskScores, tableRisk } from './equipment-risk.ts';
import { fmt, pct } from './frame.ts';
import { type AnalyzerContext, type AnalyzerResult, MAX_ROW_IDS } from './types.ts';

/** Failures must be at least this many times as frequent inside a condition to call it a driver. */
const MIN_CONDITION_RATIO = 1.5;
const MAX_CONDITIONS = 5;

export function failureFindings(
  ctx: AnalyzerContext,
  env: EquipmentEnv,
  columns: EquipmentColumns,
  stats: MachineStats,
  periodDays: number,
  result: AnalyzerResult,
): void {
  const { frame, config } = ctx;
  const { metrics, notes, insights } = result;
  const failed = columns.failed as Uint8Array;
  const { total } = stats;
  const hasHours = columns.runHours !== null;
  metrics['equipment.failures'] = total.failures;
  metrics['equipment.failureRatePct'] = (100 * total.failures) / total.orders;
  if (total.failures > 0 && hasHours) metrics['equipment.mtbfHours'] = total.runHours / total.failures;
  if (total.failures > 0 && columns.downtime)
    metrics['equipment.mttrMinutes'] = total.failureDowntime / total.failures;
  if (total.failures === 0) {
    notes.push(`no ${env.failureWord} in the data: no failure analysis`);
    return;
  }

  // Machines failing more often than the rest, with an MTBF below the alert (or, without hours,
  // at least twice the rest's failure share).
  const alertHours = numberOf(config, 'mtbf_alert_hours');
  const flagged = failureTests(stats, env.minSample).filter((t) => {
    const { mtbf } = mtbfOf(stats, t.code, { hours: hasHours, downtime: columns.downtime !== null });
    const beyond = hasHours ? mtbf < alertHours : t.value >= 2 * t.rest;
    return t.value > t.rest && t.pValue < env.alpha && beyond;
  });

  const exclude = new Uint8Array(frame.n);
  const flaggedCodes = new Set(flagged.map((t) => t.code));
  for (let i = 0; i < frame.n; i++) if (flaggedCodes.has(columns.machines.codes[i] as number)) exclude[i] = 1;
  const model = columns.failureSource === 'flag' ? trainedRisk(frame, failed) : null;
  if (!model)
    notes.push(
      columns.failureSource === 'flag'
        ? (modelUnavailable(frame, failed) ??
            'too few failures in the training sample: no failure-risk model')
        : 'no failure flag mapped: no failure-risk model',
    );
  else {
    metrics['equipment.failureModelRocAuc'] = model.figures?.rocAuc as number;
    metrics['equipment.failureModelPrAuc'] = model.figures?.prAuc as number;
    metrics['equipment.failureModelF1'] = model.figures?.f1 as number;
    result.charts.push(equipmentCharts.drivers(model.features));
  }
  const measured = conditionFeatures(frame);
  if (!measured.length)
    notes.push(
      'no process measurements mapped (tool wear, temperatures, speed, torque): no failure conditions',
    );
  const features = usefulFeatures(measured, model);
  if (model && features.length < measured.length)
    notes.push(
      `condition scan on the features carrying at least ${MIN_FEATURE_GAIN * 100} % of the model's split gain`,
    );
  const conditions = features.length
    ? failureConditions(
        features,
        failed,
        { minSample: env.minSample, alpha: env.alpha, minRatio: MIN_CONDITION_RATIO, max: MAX_CONDITIONS },
        exclude,
      )
    : [];

  const scores = model ?? tableRisk(columns, failed, conditions[0] ?? null);
  if (!model) notes.push(`failure risk from the ${scores.source}`);
  const threshold = numberOf(config, 'failure_risk_threshold');
  const horizon = numberOf(config, 'failure_horizon_days');
  const risks = machineRisks(columns, stats, scores, { threshold, horizonDays: horizon, periodDays });
  let high = 0;
  let scored = 0;
  for (const r of scores.risk)
    if (!Number.isNaN(r)) {
      scored++;
      if (r >= threshold) high++;
    }
  metrics['equipment.highRiskOrdersPct'] = scored ? (100 * high) / scored : 0;
  if (periodDays > 0) metrics['equipment.expectedFailures'] = risks.reduce((a, r) => a + r.expected, 0);
  else notes.push(`no dates mapped: no ${env.failureWord} expected over the next ${horizon} days`);
  result.charts.push(...equipmentCharts.risk(risks, horizon, env.failureWord));

  const windowDays = numberOf(config, 'repeat_failure_window_days');
  const clusters = repeatClusters(columns, stats, {
    count: numberOf(config, 'repeat_failure_count'),
    windowDays,
  });
  metrics['equipment.repeatFailureMachines'] = clusters.length;
  for (const t of flagged) {
    const { mtbf, mttr } = mtbfOf(stats, t.code, { hours: hasHours, downtime: columns.downtime !== null });
    const risk = risks[t.code];
    insights.push(
      failureInsight(env, {
        test: t,
        failures: stats.failures[t.code] as number,
        runHours: stats.runHours[t.code] as number,
        mtbf,
        mttr,
        alertHours,
        runSource: columns.runSource,
        cluster: clusters.find((c) => c.code === t.code) ?? null,
        risk: risk
          ? `${pct(risk.highRiskShare, 0)} of its orders ran at a predicted failure risk of ${pct(threshold, 0)} or more (${scores.source}); ${fmt(risk.expected, 1)} ${env.failureWord} expected in the next ${horizon} days at its rate so far.${riskiest(frame, columns, scores, t.code)}`
          : '',
      }),
    );
  }
  for (const c of clusters) {
    if (flaggedCodes.has(c.code) || c.pValue >= env.alpha) continue;
    let minutes = 0;
    for (const i of c.rows) minutes += columns.downtime ? (columns.downtime[i] as number) : 0;
    insights.push(repeatInsight(env, c, windowDays, minutes));
  }
  const plant = plantMtbfInsight(env, ctx, stats, alertHours, columns.runSource);
  if (plant) insights.push(plant);

  const mttr = columns.downtime ? total.failureDowntime / total.failures : Number.NaN;
  const leftOut = flagged.map((t) => t.name);
  for (const split of conditions) {
    const rows: number[] = [];
    for (let i = 0; i < frame.n && rows.length < MAX_ROW_IDS; i++) if (insideOf(split, i)) rows.push(i);
    insights.push(
      conditionInsight(env, split, sidesOf(split, failed), {
        risk: model ? riskInside(split, model.risk) : null,
        features: features.length,
        mttr,
        rows,
        leftOut,
      }),
    );
  }
}

/** "Its riskiest order, WO-1234 (82 %), is driven by …": the model's explanation, when there is one. */
function riskiest(
  frame: AnalyzerContext['frame'],
  columns: EquipmentColumns,
  scores: RiskScores,
  code: number,
): string {
  if (!scores.explainRow) return '';
  let best = -1;
  for (let i = 0; i < frame.n; i++)
    if (
      columns.machines.codes[i] === code &&
      !Number.isNaN(scores.risk[i] as number) &&
      (best < 0 || (scores.risk[i] as number) > (scores.risk[best] as number))
    )
      best = i;
  if (best < 0) return '';
  const drivers = scores.explainRow(best);
  const orders = frame.texts.workOrder;
  const code0 = orders ? (orders.codes[best] as number) : -1;
  const name = orders && code0 >= 0 ? orders.dict[code0] : `row ${frame.rowNo[best]}`;
  return drivers
    ? ` Its riskiest order, ${name} (${pct(scores.risk[best] as number, 0)}), is driven by ${drivers}.`
    : '';
}

/** Mean predicted risk of the orders inside and outside a condition. */
function riskInside(split: ConditionSplit, risk: Float64Array): { inside: number; outside: number } {
  let a = 0;
  let na = 0;
  let b = 0;
  let nb = 0;
  for (let i = 0; i < risk.length; i++) {
    if (Number.isNaN(split.feature.values[i] as number) || Number.isNaN(risk[i] as number)) continue;
    if (insideOf(split, i)) {
      a += risk[i] as number;
      na++;
    } else {
      b += risk[i] as number;
      nb++;
    }
  }
  return { inside: na ? a / na : Number.NaN, outside: nb ? b / nb : Number.NaN };
}
