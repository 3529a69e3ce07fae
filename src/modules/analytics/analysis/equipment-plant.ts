// Plant-wide equipment figures: the MTBF of all machines against the alert (with the facility's
// baseline), the largest downtime reason per machine, and the analyzer's charts — downtime Paretos
// by machine and by reason, utilisation, and expected failures over the horizon.
import type { EquipmentColumns } from './equipment-columns.ts';
import type { EquipmentEnv } from './equipment-insights.ts';
import type { MachineStats } from './equipment-machines.ts';
import { MODEL_FEATURE_OF } from './equipment-model.ts';
import { poissonUpperTail } from './equipment-repeat.ts';
import type { MachineRisk } from './equipment-risk.ts';
import { fmt, idsSelector, impactOf, severityOf } from './frame.ts';
import {
  type AnalyzerContext,
  type Chart,
  type ChartPoint,
  type Insight,
  MAX_ROW_IDS,
  type WorkOrderFrame,
} from './types.ts';

const MAX_POINTS = 20;

/** Per machine code asked for: the reason with the most downtime minutes and its share. */
export function topReasons(
  frame: WorkOrderFrame,
  columns: EquipmentColumns,
  codes: number[],
): Map<number, { reason: string; share: number }> {
  const out = new Map<number, { reason: string; share: number }>();
  const reasons = frame.texts.downtimeReason;
  const { downtime } = columns;
  if (!reasons || !downtime || codes.length === 0) return out;
  const r = reasons.dict.length;
  const slot = new Int32Array(columns.machines.dict.length).fill(-1);
  codes.forEach((c, s) => {
    slot[c] = s;
  });
  const minutes = new Float64Array(codes.length * r);
  for (let i = 0; i < frame.n; i++) {
    const s = slot[columns.machines.codes[i] as number] ?? -1;
    const reason = reasons.codes[i] as number;
    if (s < 0 || reason < 0) continue;
    minutes[s * r + reason] = (minutes[s * r + reason] as number) + (downtime[i] as number);
  }
  codes.forEach((c, s) => {
    let best = -1;
    let sum = 0;
    for (let j = 0; j < r; j++) {
      const m = minutes[s * r + j] as number;
      sum += m;
      if (best < 0 || m > (minutes[s * r + best] as number)) best = j;
    }
    if (best >= 0 && sum > 0)
      out.set(c, { reason: reasons.dict[best] as string, share: (minutes[s * r + best] as number) / sum });
  });
  return out;
}

/**
 * The plant's MTBF below mtbf_alert_hours: reported when its failures are more than the alert allows
 * beyond chance (one-sided Poisson test of the failures against run hours ÷ alert).
 */
export function plantMtbfInsight(
  env: EquipmentEnv,
  ctx: AnalyzerContext,
  stats: MachineStats,
  alertHours: number,
  runSource: string,
): Insight | null {
  const { total } = stats;
  if (!(total.failures > 0 && total.runHours > 0)) return null;
  const mtbf = total.runHours / total.failures;
  const allowed = total.runHours / alertHours;
  const pValue = poissonUpperTail(total.failures, allowed);
  if (!(mtbf < alertHours && pValue < env.alpha && total.orders >= env.minSample)) return null;
  const mttr = total.failureDowntime / total.failures;
  const excess = total.failures - allowed;
  const hours = (excess * (Number.isFinite(mttr) ? mttr : 0)) / 60;
  const baseline = ctx.baselines['equipment.mtbfHours'];
  const facility =
    ctx.frame.texts.facility?.dict.length === 1 ? (ctx.frame.texts.facility.dict[0] as string) : 'plant';
  const impact = impactOf(
    {
      currency: hours * env.hourCost,
      hours,
      units: null,
      formula: `(${fmt(total.failures, 0)} − ${fmt(total.runHours, 0)} h ÷ ${fmt(alertHours, 0)} h) = ${fmt(excess, 1)} ${env.failureWord} beyond the alert × ${fmt(mttr, 0)} min ÷ 60 = ${fmt(hours, 1)} h × ${fmt(env.hourCost, 2)}/h = ${fmt(hours * env.hourCost, 0)}`,
    },
    env.frame,
    env.config,
  );
  const before = baseline ? `; ${fmt(baseline.value, 0)} h in earlier analyses` : '';
  return {
    key: 'equipment:mtbf:metric:equipment.mtbfHours',
    analyzer: 'equipment',
    kind: 'equipment.mtbf',
    severity: severityOf(impact.score, env.stake, true),
    title: `${facility === 'plant' ? 'Plant' : `Facility ${facility}`}: MTBF ${fmt(mtbf, 0)} h is below the ${fmt(alertHours, 0)} h alert${before}`,
    detail: `${fmt(total.failures, 0)} ${env.failureWord} over ${fmt(total.runHours, 0)} h of ${runSource}; at the alert's MTBF ${fmt(allowed, 1)} would be expected (Poisson, p ${pValue < 0.001 ? '< 0.001' : `= ${fmt(pValue, 3)}`}).`,
    // The metric as entity: the cross pass then leaves its baseline comparison to this insight.
    entity: { type: 'metric', id: 'equipment.mtbfHours' },
    impact,
    evidence: {
      metric: 'MTBF (h)',
      value: mtbf,
      baseline: baseline ? baseline.value : null,
      expected: alertHours,
      statistic: null,
      pValue,
      sampleSize: total.orders,
    },
    recommendation:
      'Review the preventive maintenance plan against the failure history: the machines with the lowest MTBF first, and the failure conditions reported beside this.',
    rows: { kind: 'all' },
    rowCount: ctx.frame.n,
  };
}

/**
 * Many machines under the utilisation floor at once say more about the plant (or the calendar the
 * available hours assume) than about any one machine: one insight names them together.
 */
export function underusedInsight(
  env: EquipmentEnv,
  machines: { name: string; utilisation: number }[],
  limit: number,
  outOf: number,
  rows: number[],
): Insight {
  const facility =
    env.frame.texts.facility?.dict.length === 1 ? (env.frame.texts.facility.dict[0] as string) : 'plant';
  const noun = env.field === 'machine' ? 'machines' : 'work centers';
  const listed = [...machines]
    .sort((a, b) => a.utilisation - b.utilisation)
    .map((m) => `${m.name} ${fmt(100 * m.utilisation, 0)} %`);
  const mean = machines.reduce((a, m) => a + m.utilisation, 0) / machines.length;
  return {
    key: `equipment:utilization-low:facility:${facility}`,
    analyzer: 'equipment',
    kind: 'equipment.utilization-low',
    severity: 'info',
    title: `${machines.length} of ${outOf} ${noun} run below the ${fmt(100 * limit, 0)} % utilisation floor`,
    detail: `Booked run + setup hours ÷ available hours (calendar days × 8 h per shift seen in the data): ${listed.join(', ')}.`,
    entity: { type: 'facility', id: facility },
    impact: impactOf(
      {
        currency: null,
        hours: null,
        units: null,
        formula: 'idle capacity is not a loss: shown for capacity planning',
      },
      env.frame,
      env.config,
    ),
    evidence: {
      metric: 'mean utilisation of these (%)',
      value: 100 * mean,
      baseline: null,
      expected: 100 * limit,
      statistic: null,
      pValue: null,
      sampleSize: machines.length,
    },
    recommendation: `Check the shift calendar first (fewer shifts than assumed lowers the available hours); then consolidate work onto fewer ${noun} or offer the spare capacity to sales.`,
    rows: idsSelector(env.frame, rows),
    rowCount: Math.min(rows.length, MAX_ROW_IDS),
  };
}

const top = (points: ChartPoint[]) =>
  points
    .filter((p) => Number.isFinite(p.value) && p.value > 0)
    .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1))
    .slice(0, MAX_POINTS)
    .map((p) => ({ label: p.label, value: Math.round(p.value * 100) / 100 }));

export const equipmentCharts = {
  downtime(frame: WorkOrderFrame, columns: EquipmentColumns, stats: MachineStats): Chart[] {
    const { downtime } = columns;
    if (!downtime) return [];
    const charts: Chart[] = [
      {
        id: 'equipment.downtime-by-machine',
        kind: 'pareto',
        title: `Downtime by ${columns.field === 'machine' ? 'machine' : 'work center'}`,
        unit: 'min',
        points: top(stats.names.map((label, c) => ({ label, value: stats.downtime[c] as number }))),
      },
    ];
    const reasons = frame.texts.downtimeReason;
    if (reasons) {
      const minutes = new Float64Array(reasons.dict.length);
      for (let i = 0; i < frame.n; i++) {
        const r = reasons.codes[i] as number;
        if (r >= 0) minutes[r] = (minutes[r] as number) + (downtime[i] as number);
      }
      charts.push({
        id: 'equipment.downtime-by-reason',
        kind: 'pareto',
        title: 'Downtime by reason',
        unit: 'min',
        points: top(reasons.dict.map((label, r) => ({ label, value: minutes[r] as number }))),
      });
    }
    return charts;
  },
  risk(risks: MachineRisk[], horizonDays: number, failureWord: string): Chart[] {
    if (risks.length === 0) return [];
    return [
      {
        id: 'equipment.expected-failures',
        kind: 'bar',
        title: `Expected ${failureWord} in the next ${horizonDays} days`,
        unit: failureWord.split(' ')[0] as string,
        points: top(risks.map((r) => ({ label: r.name, value: r.expected }))),
      },
      {
        id: 'equipment.high-risk-orders',
        kind: 'bar',
        title: 'Share of work orders at high predicted failure risk',
        unit: '%',
        points: top(risks.map((r) => ({ label: r.name, value: 100 * r.highRiskShare }))),
      },
    ];
  },
  drivers(features: { name: string; gain: number }[]): Chart {
    return {
      id: 'equipment.failure-risk-drivers',
      kind: 'bar',
      title: 'What the failure-risk model learns from (share of split gain)',
      unit: '%',
      points: top(features.map((f) => ({ label: MODEL_FEATURE_OF[f.name] ?? f.name, value: 100 * f.gain }))),
    };
  },
  utilisation(stats: MachineStats, availableHours: number): Chart {
    return {
      id: 'equipment.utilisation',
      kind: 'bar',
      title: 'Utilisation (booked run + setup hours ÷ available hours)',
      unit: '%',
      points: top(
        stats.names.map((label, c) => ({
          label,
          value: (100 * (stats.bookedHours[c] as number)) / availableHours,
        })),
      ),
    };
  },
};
