// The equipment analyzer (issue 14): downtime by machine and by reason, machines losing more time or
// failing more often than the rest (MTBF = run hours ÷ failures, MTTR = downtime on failed orders ÷
// failures), repeated failures, utilisation, and the failure risk of machines and of process
// conditions (a failure-risk model trained on the upload when the failure flag has enough failures,
// equipment-model.ts). A failure is the machineFailure flag, or when it is not mapped an order that
// stood at least downtime_threshold_minutes (a stoppage). Machines are read from `machine`, else
// from `workCenter`. Lost hours are valued at what a standing machine costs (equipment-columns.ts).
// Utilisation = booked run + setup hours ÷ (calendar days from first start to last end × 8 h per
// shift seen in the data, 24 h when shifts are not mapped). Pure: frame, config, baselines → result.
import { numberOf } from './config.ts';
import { equipmentColumns } from './equipment-columns.ts';
import { failureFindings } from './equipment-failures.ts';
import { downtimeInsight, type EquipmentEnv, utilisationInsight } from './equipment-insights.ts';
import { availableHours, downtimeTests, machineStats } from './equipment-machines.ts';
import { equipmentCharts, topReasons, underusedInsight } from './equipment-plant.ts';
import { fmt, stakeOf } from './frame.ts';
import { type AnalyzerContext, type AnalyzerResult, type Insight, MAX_ROW_IDS } from './types.ts';

/** More machines than this under the utilisation floor are named in one insight, not one each. */
const MAX_UNDERUSED_LISTED = 3;
/** Booked hours beyond this share of calendar time mean the data cannot say what utilisation is. */
const MAX_PLAUSIBLE_UTILISATION = 1.5;

export function analyzeEquipment(ctx: AnalyzerContext): AnalyzerResult {
  const { frame, config } = ctx;
  const result: AnalyzerResult = { analyzer: 'equipment', insights: [], metrics: {}, charts: [], notes: [] };
  const { notes, metrics, insights } = result;
  if (frame.n === 0) {
    notes.push('no work orders: nothing to analyse');
    return result;
  }
  const columns = equipmentColumns(ctx);
  if (!columns) {
    notes.push(
      'neither machine nor workCenter, machineFailure or downtimeMinutes mapped: no equipment analysis',
    );
    return result;
  }
  if (!columns.machinesMapped)
    notes.push(
      'neither machine nor workCenter mapped: failures and conditions over all work orders, nothing per machine',
    );
  else if (columns.field === 'workCenter')
    notes.push('machine not mapped: work centers stand in for machines');
  if (!columns.downtime) notes.push('downtimeMinutes not mapped: no downtime figures or MTTR');
  if (columns.failureSource === 'stoppage')
    notes.push(
      `machineFailure not mapped: orders with at least ${numberOf(config, 'downtime_threshold_minutes')} min of downtime count as stoppages`,
    );
  if (!columns.failed) notes.push('neither machineFailure nor downtimeMinutes mapped: no failure analysis');
  if (!columns.runHours) notes.push('no run or labour hours mapped: no MTBF or utilisation');
  else if (columns.runSource !== 'run hours') notes.push(`MTBF and utilisation use ${columns.runSource}`);

  const alpha = 1 - numberOf(config, 'confidence_level');
  const minSample = numberOf(config, 'min_sample_size');
  const stopWord = `stoppages (downtime ≥ ${numberOf(config, 'downtime_threshold_minutes')} min)`;
  const env: EquipmentEnv = {
    frame,
    config,
    stake: stakeOf(frame, config),
    alpha,
    minSample,
    field: columns.field,
    hourCost: columns.hourCost,
    hourCostFormula: columns.hourCostFormula,
    failureWord: columns.failureSource === 'stoppage' ? stopWord : 'failures',
  };
  const stats = machineStats(frame, columns);
  const { total } = stats;
  const periodDays = Number.isFinite(stats.to - stats.from)
    ? Math.max(1, (stats.to - stats.from) / 86_400_000)
    : 0;

  if (columns.downtime) {
    metrics['equipment.downtimeHours'] = total.downtime / 60;
    metrics['equipment.downtimeMinutesPerOrder'] = total.downtime / total.orders;
    const shareThreshold = numberOf(config, 'downtime_share_threshold_pct');
    const flagged = downtimeTests(stats, minSample).filter((t) => {
      const share = total.downtime > 0 ? (stats.downtime[t.code] as number) / total.downtime : 0;
      return t.value > t.rest && (share * 100 > shareThreshold || t.pValue < alpha);
    });
    const reasons = topReasons(
      frame,
      columns,
      flagged.map((t) => t.code),
    );
    for (const t of flagged)
      insights.push(
        downtimeInsight(
          env,
          t,
          (stats.downtime[t.code] as number) / total.downtime,
          shareThreshold,
          reasons.get(t.code) ?? null,
        ),
      );
  }

  if (columns.failed) failureFindings(ctx, env, columns, stats, periodDays, result);

  if (columns.bookedHours && periodDays > 0) utilisation(ctx, env, stats, periodDays, result);
  result.charts.unshift(...equipmentCharts.downtime(frame, columns, stats));
  insights.sort((a, b) => b.impact.score - a.impact.score || (a.key < b.key ? -1 : 1));
  return result;
}

/** Booked run + setup hours ÷ hours available over the period, per machine with enough orders. */
function utilisation(
  ctx: AnalyzerContext,
  env: EquipmentEnv,
  stats: ReturnType<typeof machineStats>,
  periodDays: number,
  result: AnalyzerResult,
): void {
  const shifts = ctx.frame.texts.shift?.dict.length ?? 0;
  const available = availableHours(stats, shifts);
  if (!(available.hours > 0) || periodDays <= 0) return;
  let most = 0;
  for (let c = 0; c < stats.names.length; c++)
    most = Math.max(most, (stats.bookedHours[c] as number) / available.hours);
  if (most > MAX_PLAUSIBLE_UTILISATION) {
    // More hours booked than the calendar holds: the column names groups of machines, or the
    // dates cover only part of the work. Any verdict on utilisation would be wrong.
    result.notes.push(
      `booked hours reach ${fmt(100 * most, 0)} % of the calendar on one ${env.field === 'machine' ? 'machine' : 'work center'}: utilisation not judged`,
    );
    return;
  }
  const high = numberOf(ctx.config, 'utilization_high_pct') / 100;
  const low = numberOf(ctx.config, 'utilization_low_pct') / 100;
  let sum = 0;
  let counted = 0;
  const underused: { code: number; name: string; utilisation: number; insight: Insight }[] = [];
  stats.names.forEach((name, c) => {
    const orders = stats.orders[c] as number;
    if (orders === 0) return;
    const booked = stats.bookedHours[c] as number;
    const u = booked / available.hours;
    sum += u;
    counted++;
    if (orders < env.minSample) return;
    if (u > high) result.insights.push(utilisationInsight(env, name, orders, booked, available, high, true));
    else if (u < low)
      underused.push({
        code: c,
        name,
        utilisation: u,
        insight: utilisationInsight(env, name, orders, booked, available, low, false),
      });
  });
  if (counted) result.metrics['equipment.utilizationPct'] = (100 * sum) / counted;
  result.metrics['equipment.underusedMachines'] = underused.length;
  if (underused.length > MAX_UNDERUSED_LISTED) {
    const codes = new Set(underused.map((u) => u.code));
    const rows: number[] = [];
    const machineCodes = ctx.frame.texts[env.field]?.codes as Int32Array;
    for (let i = 0; i < ctx.frame.n && rows.length < MAX_ROW_IDS; i++)
      if (codes.has(machineCodes[i] as number)) rows.push(i);
    result.insights.push(underusedInsight(env, underused, low, counted, rows));
  } else result.insights.push(...underused.map((u) => u.insight));
  result.charts.push(equipmentCharts.utilisation(stats, available.hours));
}
