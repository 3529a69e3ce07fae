// Repeated failures: at least repeat_failure_count failures of one machine within
// repeat_failure_window_days (by actual start). Per machine the busiest window is found by sliding
// over its failures in time order. Whether such a cluster is more than bad luck: under the rest of
// the plant's failure share, the machine expects λ = share × its orders per day × window failures in
// a window; the chance of k or more in the busiest of the T / window windows of the period is
// bounded by (T / window) × P(Poisson(λ) ≥ k) — a Bonferroni bound on the scan statistic, a little
// conservative, which is the side to err on for an alarm.
import type { EquipmentColumns } from './equipment-columns.ts';
import type { MachineStats } from './equipment-machines.ts';
import { benjaminiHochberg } from './stats.ts';

export interface RepeatCluster {
  code: number;
  name: string;
  /** Failures inside the busiest window, and when it starts and ends (epoch ms). */
  count: number;
  from: number;
  to: number;
  /** Row indices of those failures. */
  rows: number[];
  expected: number;
  /** BH-adjusted across the machines with a cluster. */
  pValue: number;
}

const DAY = 86_400_000;

/** P(X ≥ k), X ~ Poisson(λ). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let below = 0;
  let logTerm = -lambda;
  for (let j = 0; j < k; j++) {
    below += Math.exp(logTerm);
    logTerm += Math.log(lambda) - Math.log(j + 1);
  }
  return Math.min(1, Math.max(0, 1 - below));
}

export function repeatClusters(
  columns: EquipmentColumns,
  stats: MachineStats,
  options: { count: number; windowDays: number },
): RepeatCluster[] {
  const { failed, start } = columns;
  if (!failed || !start) return [];
  const k = stats.names.length;
  // Failure rows grouped by machine (counting sort), then each machine's in time order.
  const offsets = new Int32Array(k + 1);
  const { codes } = columns.machines;
  for (let i = 0; i < failed.length; i++) {
    const c = codes[i] as number;
    if (c >= 0 && failed[i] && !Number.isNaN(start[i] as number))
      offsets[c + 1] = (offsets[c + 1] as number) + 1;
  }
  for (let c = 0; c < k; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  const rows = new Int32Array(offsets[k] as number);
  const fill = offsets.slice(0, k);
  for (let i = 0; i < failed.length; i++) {
    const c = codes[i] as number;
    if (c >= 0 && failed[i] && !Number.isNaN(start[i] as number)) {
      rows[fill[c] as number] = i;
      fill[c] = (fill[c] as number) + 1;
    }
  }
  const window = options.windowDays * DAY;
  const periodDays = Number.isFinite(stats.to - stats.from) ? Math.max(1, (stats.to - stats.from) / DAY) : 1;
  const clusters: RepeatCluster[] = [];
  for (let c = 0; c < k; c++) {
    const own = Array.from(rows.subarray(offsets[c] as number, offsets[c + 1] as number)).sort(
      (a, b) => (start[a] as number) - (start[b] as number) || a - b,
    );
    let best = 0;
    let bestFrom = 0;
    for (let lo = 0, hi = 0; hi < own.length; hi++) {
      while ((start[own[hi] as number] as number) - (start[own[lo] as number] as number) > window) lo++;
      if (hi - lo + 1 > best) {
        best = hi - lo + 1;
        bestFrom = lo;
      }
    }
    if (best < options.count) continue;
    const orders = stats.orders[c] as number;
    const restOrders = stats.total.orders - orders;
    const restShare =
      restOrders > 0 ? (stats.total.failures - (stats.failures[c] as number)) / restOrders : 0;
    const expected = restShare * (orders / periodDays) * options.windowDays;
    const windows = Math.max(1, periodDays / options.windowDays);
    const inWindow = own.slice(bestFrom, bestFrom + best);
    clusters.push({
      code: c,
      name: stats.names[c] as string,
      count: best,
      from: start[inWindow[0] as number] as number,
      to: start[inWindow[inWindow.length - 1] as number] as number,
      rows: inWindow,
      expected,
      pValue: Math.min(1, windows * poissonUpperTail(best, expected)),
    });
  }
  const adjusted = benjaminiHochberg(clusters.map((c) => c.pValue));
  clusters.forEach((cluster, i) => {
    cluster.pValue = adjusted[i] as number;
  });
  return clusters;
}
