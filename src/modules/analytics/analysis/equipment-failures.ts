// Failures: machines failing more often than the rest with an MTBF below the alert, repeated
// failures, the plant's MTBF, the process conditions that drive failures, and each machine's failure
// risk. The order matters: machines reported for failing far more often fail for reasons of their
// own, so the condition scan runs on the other machines' orders (a hot machine's breakdowns would
// blur "tool wear > 200 min"); the strongest condition then feeds the risk table.
import { numberOf } from './config.ts';
import type { EquipmentColumns } from './equipment-columns.ts';
import { conditionFeatures, failureConditions, insideOf, sidesOf } from './equipment-conditions.ts';
import { conditionInsight, type EquipmentEnv, failureInsight, repeatInsight } from './equipment-insights.ts';
import { failureTests, type MachineStats, mtbfOf } from './equipment-machines.ts';
import { equipmentCharts, plantMtbfInsight } from './equipment-plant.ts';
import { repeatClusters } from './equipment-repeat.ts';
import { type FailureRiskModel, machineRisks, tableRisk } from './equipment-risk.ts';
import { fmt, pct } from './frame.ts';
import { type AnalyzerContext, type AnalyzerResult, MAX_ROW_IDS } from './types.ts';

/**
 * The seam for the failure-risk model trained on the upload's own history (model/risk.ts). While it
 * is null the risk comes from the machine × condition failure table (equipment-risk.ts).
 */
export const FAILURE_RISK_MODEL: FailureRiskModel | null = null;

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
    const { mtbf } = mtbfOf(stats, t.code, hasHours);
    const beyond = hasHours ? mtbf < alertHours : t.value >= 2 * t.rest;
    return t.value > t.rest && t.pValue < env.alpha && beyond;
  });

  const exclude = new Uint8Array(frame.n);
  const flaggedCodes = new Set(flagged.map((t) => t.code));
  for (let i = 0; i < frame.n; i++) if (flaggedCodes.has(columns.machines.codes[i] as number)) exclude[i] = 1;
  const features = conditionFeatures(frame);
  if (!features.length)
    notes.push(
      'no process measurements mapped (tool wear, temperatures, speed, torque): no failure conditions',
    );
  const conditions = features.length
    ? failureConditions(
        features,
        failed,
        { minSample: env.minSample, alpha: env.alpha, minRatio: MIN_CONDITION_RATIO, max: MAX_CONDITIONS },
        exclude,
      )
    : [];

  const scores = FAILURE_RISK_MODEL?.(frame, failed) ?? tableRisk(columns, failed, conditions[0] ?? null);
  if (!scores.figures) notes.push(`failure risk from the ${scores.source} (no trained model)`);
  const threshold = numberOf(config, 'failure_risk_threshold');
  const horizon = numberOf(config, 'failure_horizon_days');
  const risks = machineRisks(columns, stats, scores, { threshold, horizonDays: horizon, periodDays });
  let high = 0;
  for (const r of scores.risk) if (r >= threshold) high++;
  metrics['equipment.highRiskOrdersPct'] = (100 * high) / frame.n;
  metrics['equipment.expectedFailures'] = risks.reduce((a, r) => a + r.expected, 0);
  result.charts.push(...equipmentCharts.risk(risks, horizon, env.failureWord));

  const windowDays = numberOf(config, 'repeat_failure_window_days');
  const clusters = repeatClusters(columns, stats, {
    count: numberOf(config, 'repeat_failure_count'),
    windowDays,
  });
  metrics['equipment.repeatFailureMachines'] = clusters.length;
  for (const t of flagged) {
    const { mtbf, mttr } = mtbfOf(stats, t.code, hasHours);
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
          ? `${pct(risk.highRiskShare, 0)} of its orders ran at a predicted failure risk of ${pct(threshold, 0)} or more (${scores.source}); ${fmt(risk.expected, 1)} ${env.failureWord} expected in the next ${horizon} days at its rate so far.`
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

  const mttr = total.failureDowntime / total.failures;
  const leftOut = flagged.map((t) => t.name);
  for (const split of conditions) {
    const rows: number[] = [];
    for (let i = 0; i < frame.n && rows.length < MAX_ROW_IDS; i++) if (insideOf(split, i)) rows.push(i);
    insights.push(
      conditionInsight(env, split, sidesOf(split, failed), {
        features: features.length,
        mttr,
        rows,
        leftOut,
      }),
    );
  }
}
