// Per machine, in one pass over the work orders: orders, downtime (sum and sum of squares, for
// Welch's t on downtime per order), failures and the downtime booked on them, run and booked hours,
// and the first start and last end. From these: which machines lose more time than the rest, which
// fail more often (MTBF = run hours ÷ failures, MTTR = downtime on failed orders ÷ failures), and
// how loaded each machine is (utilisation = booked run + setup hours ÷ available hours).
import type { EquipmentColumns } from './equipment-columns.ts';
import { benjaminiHochberg, type Moments, twoProportionZ, welchT } from './stats.ts';
import type { WorkOrderFrame } from './types.ts';

export interface MachineStats {
  names: string[];
  orders: Float64Array;
  downtime: Float64Array;
  downtimeSq: Float64Array;
  failures: Float64Array;
  failureDowntime: Float64Array;
  runHours: Float64Array;
  bookedHours: Float64Array;
  /** Rows without a machine are counted here, so plant totals stay whole. */
  total: {
    orders: number;
    downtime: number;
    downtimeSq: number;
    failures: number;
    failureDowntime: number;
    runHours: number;
    bookedHours: number;
  };
  /** First start and last end over all orders (epoch ms; NaN when no dates). */
  from: number;
  to: number;
}

export function machineStats(frame: WorkOrderFrame, columns: EquipmentColumns): MachineStats {
  const k = columns.machines.dict.length;
  const s = {
    orders: new Float64Array(k),
    downtime: new Float64Array(k),
    downtimeSq: new Float64Array(k),
    failures: new Float64Array(k),
    failureDowntime: new Float64Array(k),
    runHours: new Float64Array(k),
    bookedHours: new Float64Array(k),
  };
  const total = {
    orders: 0,
    downtime: 0,
    downtimeSq: 0,
    failures: 0,
    failureDowntime: 0,
    runHours: 0,
    bookedHours: 0,
  };
  const { codes } = columns.machines;
  const { downtime, failed, runHours, bookedHours, start, end } = columns;
  let from = Infinity;
  let to = -Infinity;
  for (let i = 0; i < frame.n; i++) {
    const d = downtime ? (downtime[i] as number) : 0;
    const f = failed ? (failed[i] as number) : 0;
    const r = runHours ? (runHours[i] as number) : 0;
    const b = bookedHours ? (bookedHours[i] as number) : 0;
    total.orders++;
    total.downtime += d;
    total.downtimeSq += d * d;
    total.failures += f;
    total.failureDowntime += f * d;
    total.runHours += r;
    total.bookedHours += b;
    const t0 = start ? (start[i] as number) : Number.NaN;
    const t1 = end ? (end[i] as number) : Number.NaN;
    if (t0 < from) from = t0;
    if (t0 > to) to = t0;
    if (t1 > to) to = t1;
    const c = codes[i] as number;
    if (c < 0) continue;
    s.orders[c] = (s.orders[c] as number) + 1;
    s.downtime[c] = (s.downtime[c] as number) + d;
    s.downtimeSq[c] = (s.downtimeSq[c] as number) + d * d;
    s.failures[c] = (s.failures[c] as number) + f;
    s.failureDowntime[c] = (s.failureDowntime[c] as number) + f * d;
    s.runHours[c] = (s.runHours[c] as number) + r;
    s.bookedHours[c] = (s.bookedHours[c] as number) + b;
  }
  return {
    names: columns.machines.dict,
    ...s,
    total,
    from: Number.isFinite(from) ? from : Number.NaN,
    to: Number.isFinite(to) ? to : Number.NaN,
  };
}

const momentsOf = (n: number, sum: number, sq: number): Moments => ({
  n,
  mean: n > 0 ? sum / n : Number.NaN,
  variance: n > 1 ? Math.max(0, (sq - (sum * sum) / n) / (n - 1)) : Number.NaN,
});

export interface MachineTest {
  code: number;
  name: string;
  orders: number;
  value: number;
  rest: number;
  statistic: number;
  /** BH-adjusted across the machines tested. */
  pValue: number;
  tested: number;
}

/** Downtime per order of each machine against the rest's (Welch's t), BH across machines. */
export function downtimeTests(stats: MachineStats, minSample: number): MachineTest[] {
  const { total } = stats;
  const tests: MachineTest[] = [];
  stats.names.forEach((name, c) => {
    const n = stats.orders[c] as number;
    if (n < minSample || total.orders - n < minSample) return;
    const own = momentsOf(n, stats.downtime[c] as number, stats.downtimeSq[c] as number);
    const rest = momentsOf(
      total.orders - n,
      total.downtime - (stats.downtime[c] as number),
      total.downtimeSq - (stats.downtimeSq[c] as number),
    );
    const t = welchT(own, rest);
    tests.push({
      code: c,
      name,
      orders: n,
      value: own.mean,
      rest: rest.mean,
      statistic: t.statistic,
      pValue: t.pValue,
      tested: 0,
    });
  });
  return adjusted(tests);
}

/** Share of orders with a failure of each machine against the rest's (two-proportion z), BH. */
export function failureTests(stats: MachineStats, minSample: number): MachineTest[] {
  const { total } = stats;
  const tests: MachineTest[] = [];
  stats.names.forEach((name, c) => {
    const n = stats.orders[c] as number;
    const x = stats.failures[c] as number;
    if (n < minSample || total.orders - n < minSample) return;
    const t = twoProportionZ(x, n, total.failures - x, total.orders - n);
    tests.push({
      code: c,
      name,
      orders: n,
      value: x / n,
      rest: (total.failures - x) / (total.orders - n),
      statistic: t.statistic,
      pValue: t.pValue,
      tested: 0,
    });
  });
  return adjusted(tests);
}

function adjusted(tests: MachineTest[]): MachineTest[] {
  const p = benjaminiHochberg(tests.map((t) => t.pValue));
  tests.forEach((t, i) => {
    t.pValue = p[i] as number;
    t.tested = tests.length;
  });
  return tests;
}

/** Mean time between failures (h) and to repair (min) of a machine; NaN without failures or hours. */
export function mtbfOf(
  stats: MachineStats,
  c: number,
  has: { hours: boolean; downtime: boolean },
): { mtbf: number; mttr: number } {
  const f = stats.failures[c] as number;
  return {
    mtbf: has.hours && f > 0 ? (stats.runHours[c] as number) / f : Number.NaN,
    mttr: has.downtime && f > 0 ? (stats.failureDowntime[c] as number) / f : Number.NaN,
  };
}

/**
 * Hours a machine was available over the import's period: calendar days from the first start to
 * the last end × hours per day, 8 per shift seen in the data (24 when shifts are not mapped).
 */
export function availableHours(
  stats: MachineStats,
  shifts: number,
): { hours: number; days: number; perDay: number } {
  const days = Number.isFinite(stats.to - stats.from)
    ? Math.max(1, (stats.to - stats.from) / 86_400_000)
    : Number.NaN;
  const perDay = shifts > 0 ? Math.min(24, 8 * shifts) : 24;
  return { hours: days * perDay, days, perDay };
}
