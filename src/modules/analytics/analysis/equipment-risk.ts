// Failure risk per work order and per machine. The risk of an order is a failure probability: from a
// model trained on the upload's own history when one can be (equipment-model.ts), else from the failure table of its machine × whether it ran inside the strongest failure
// condition (smoothed toward the plant's share, so a cell of three orders does not claim 0 % or
// 100 %). Per machine: the share of its orders at or above failure_risk_threshold, and the failures
// to expect over failure_horizon_days at its failure rate per day so far.
import type { EquipmentColumns } from './equipment-columns.ts';
import { type ConditionSplit, insideOf } from './equipment-conditions.ts';
import type { MachineStats } from './equipment-machines.ts';

export interface RiskScores {
  risk: Float64Array;
  /** How the risk was estimated, for details and notes. */
  source: string;
  /** Cross-validated figures of a trained model (null for the table). */
  figures: { rocAuc: number; prAuc: number; f1: number } | null;
  /** Features by importance (a trained model's), most important first. */
  features: { name: string; gain: number }[];
  /** What drives one order's predicted risk, in words (a trained model only). */
  explainRow?: (row: number) => string;
}

/** Pseudo-orders at the plant's failure share added to every cell of the table. */
const PRIOR_ORDERS = 20;

export function tableRisk(
  columns: EquipmentColumns,
  failed: Uint8Array,
  condition: ConditionSplit | null,
): RiskScores {
  const { codes, dict } = columns.machines;
  const k = dict.length + 1;
  const orders = new Float64Array(2 * k);
  const failures = new Float64Array(2 * k);
  const cell = new Int32Array(failed.length);
  let total = 0;
  for (let i = 0; i < failed.length; i++) {
    const m = (codes[i] as number) < 0 ? dict.length : (codes[i] as number);
    const c = 2 * m + (condition && insideOf(condition, i) ? 1 : 0);
    cell[i] = c;
    orders[c] = (orders[c] as number) + 1;
    failures[c] = (failures[c] as number) + (failed[i] as number);
    total += failed[i] as number;
  }
  const share = failed.length ? total / failed.length : 0;
  const rate = orders.map((n, c) => ((failures[c] as number) + PRIOR_ORDERS * share) / (n + PRIOR_ORDERS));
  const risk = new Float64Array(failed.length);
  for (let i = 0; i < failed.length; i++) risk[i] = rate[cell[i] as number] as number;
  return {
    risk,
    source: condition
      ? `failure share of its ${columns.field === 'machine' ? 'machine' : 'work center'} inside and outside "${condition.feature.name} ${condition.above ? '>' : '≤'} ${condition.threshold}"`
      : `failure share of its ${columns.field === 'machine' ? 'machine' : 'work center'}`,
    figures: null,
    features: [],
  };
}

export interface MachineRisk {
  code: number;
  name: string;
  orders: number;
  /** Orders at or above the risk threshold (estimated when only a sample was scored) and their share. */
  highRisk: number;
  highRiskShare: number;
  meanRisk: number;
  /** Failures to expect over the horizon at the machine's failure rate per day so far. */
  expected: number;
}

export function machineRisks(
  columns: EquipmentColumns,
  stats: MachineStats,
  scores: RiskScores,
  options: { threshold: number; horizonDays: number; periodDays: number },
): MachineRisk[] {
  const k = stats.names.length;
  const high = new Float64Array(k);
  const scored = new Float64Array(k);
  const riskSum = new Float64Array(k);
  const { codes } = columns.machines;
  for (let i = 0; i < scores.risk.length; i++) {
    const c = codes[i] as number;
    const r = scores.risk[i] as number;
    // Orders a big file's model did not score (NaN) are left out of the shares.
    if (c < 0 || Number.isNaN(r)) continue;
    scored[c] = (scored[c] as number) + 1;
    riskSum[c] = (riskSum[c] as number) + r;
    if (r >= options.threshold) high[c] = (high[c] as number) + 1;
  }
  return stats.names.map((name, c) => {
    const orders = stats.orders[c] as number;
    const n = scored[c] as number;
    return {
      code: c,
      name,
      orders,
      highRisk: n ? ((high[c] as number) / n) * orders : 0,
      highRiskShare: n ? (high[c] as number) / n : 0,
      meanRisk: n ? (riskSum[c] as number) / n : 0,
      expected:
        options.periodDays > 0
          ? ((stats.failures[c] as number) / options.periodDays) * options.horizonDays
          : 0,
    };
  });
}
