// The per-work-order figures the equipment analyzer works from, read once into typed arrays: which
// machine (or work center, when no machine is mapped), downtime minutes, whether the order failed,
// the machine's running and booked hours, when the order started and ended, and what an hour of
// standing machine costs. Which of them exist depends on what the import mapped.
import { numberOf } from './config.ts';
import type { AnalyzerContext, TextColumn } from './types.ts';

export interface EquipmentColumns {
  /** The field machines are read from: `machine`, else `workCenter`. */
  field: 'machine' | 'workCenter';
  /** Without either, `machines` names no entity and only plant-wide figures are given. */
  machines: TextColumn;
  machinesMapped: boolean;
  /** Downtime minutes per order (empty as 0); null when not mapped. */
  downtime: Float64Array | null;
  /** 1 where the order had a failure; null when there is neither a flag nor downtime. */
  failed: Uint8Array | null;
  failureSource: 'flag' | 'stoppage' | null;
  /** Hours the machine ran (empty as 0); null when no hours are mapped. */
  runHours: Float64Array | null;
  runSource: string;
  /** Run + setup hours: the time the order occupied the machine. */
  bookedHours: Float64Array | null;
  /** Actual start (planned when missing), epoch ms, NaN where unknown. */
  start: Float64Array | null;
  /** Actual end (planned when missing). */
  end: Float64Array | null;
  /** Cost of one hour of standing machine (NaN when no cost is mapped) and how it was derived. */
  hourCost: number;
  hourCostFormula: string;
}

function zeroed(column: Float64Array | undefined): Float64Array | null {
  if (!column) return null;
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as number;
    out[i] = Number.isNaN(v) ? 0 : v;
  }
  return out;
}

function firstKnown(a: Float64Array | undefined, b: Float64Array | undefined): Float64Array | null {
  if (!a) return b ?? null;
  if (!b) return a;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++)
    out[i] = Number.isNaN(a[i] as number) ? (b[i] as number) : (a[i] as number);
  return out;
}

/**
 * Null when there is nothing to analyse: no machines or work centers, no failure flag and no
 * downtime. Without machines (AI4I-style process logs) failures and conditions are still judged over
 * all orders: `machines` then has no entities (every code −1).
 */
export function equipmentColumns(ctx: AnalyzerContext): EquipmentColumns | null {
  const { frame, config } = ctx;
  const named = frame.texts.machine ? 'machine' : frame.texts.workCenter ? 'workCenter' : null;
  if (!named && !frame.numbers.machineFailure && !frame.numbers.downtimeMinutes) return null;
  const field = named ?? 'machine';
  const n = frame.n;
  const downtime = zeroed(frame.numbers.downtimeMinutes);
  const flag = frame.numbers.machineFailure;
  let failed: Uint8Array | null = null;
  let failureSource: EquipmentColumns['failureSource'] = null;
  if (flag) {
    failed = new Uint8Array(n);
    for (let i = 0; i < n; i++) failed[i] = flag[i] === 1 ? 1 : 0;
    failureSource = 'flag';
  } else if (downtime) {
    // Without a failure flag, an order that stood at least downtime_threshold_minutes is a stoppage.
    const threshold = numberOf(config, 'downtime_threshold_minutes');
    failed = new Uint8Array(n);
    for (let i = 0; i < n; i++) failed[i] = (downtime[i] as number) >= threshold ? 1 : 0;
    failureSource = 'stoppage';
  }
  const setup = zeroed(frame.numbers.setupHours);
  let runHours = zeroed(frame.numbers.runHours);
  let runSource = 'run hours';
  const labour = zeroed(frame.numbers.laborHoursActual);
  if (!runHours && labour) {
    // Booked labour less setup is the closest stand-in for the machine's running time.
    runHours = new Float64Array(n);
    for (let i = 0; i < n; i++)
      runHours[i] = Math.max(0, (labour[i] as number) - (setup ? (setup[i] as number) : 0));
    runSource = setup
      ? 'labour hours less setup (run hours not mapped)'
      : 'labour hours (run hours not mapped)';
  }
  let bookedHours: Float64Array | null = null;
  if (runHours) {
    bookedHours = new Float64Array(n);
    for (let i = 0; i < n; i++) bookedHours[i] = (runHours[i] as number) + (setup ? (setup[i] as number) : 0);
  }
  const { hourCost, hourCostFormula } = hourCostOf(ctx);
  return {
    field,
    machines: named ? (frame.texts[named] as TextColumn) : { codes: new Int32Array(n).fill(-1), dict: [] },
    machinesMapped: named !== null,
    downtime,
    failed,
    failureSource,
    runHours,
    runSource,
    bookedHours,
    start: firstKnown(frame.numbers.actualStart, frame.numbers.plannedStart),
    end: firstKnown(frame.numbers.actualEnd, frame.numbers.plannedEnd),
    hourCost,
    hourCostFormula,
  };
}

function sum(column: Float64Array | undefined): number {
  let s = 0;
  if (!column) return s;
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as number;
    if (!Number.isNaN(v)) s += v;
  }
  return s;
}

/**
 * What an hour of standing machine costs: the crew waiting (labour cost per booked labour hour, or
 * default_labor_rate) plus the machine's overhead (overhead cost per booked machine hour, when
 * mapped). Output not made is not counted: it is only lost where the machine is a bottleneck.
 */
function hourCostOf(ctx: AnalyzerContext): { hourCost: number; hourCostFormula: string } {
  const { numbers } = ctx.frame;
  const labourHours = sum(numbers.laborHoursActual);
  const labourCost = sum(numbers.laborCostActual);
  const machineHours = sum(numbers.runHours) + sum(numbers.setupHours) || labourHours;
  const overhead = sum(numbers.overheadCostActual);
  const labourRate =
    labourCost > 0 && labourHours > 0 ? labourCost / labourHours : numberOf(ctx.config, 'default_labor_rate');
  const labourText =
    labourCost > 0 && labourHours > 0
      ? `labour ${labourRate.toFixed(2)}/h (labour cost ÷ labour hours)`
      : `labour ${labourRate.toFixed(2)}/h (default_labor_rate)`;
  if (overhead > 0 && machineHours > 0) {
    const overheadRate = overhead / machineHours;
    return {
      hourCost: labourRate + overheadRate,
      hourCostFormula: `${labourText} + overhead ${overheadRate.toFixed(2)}/h (overhead ÷ booked machine hours)`,
    };
  }
  return { hourCost: labourRate, hourCostFormula: labourText };
}
