// Work orders of the demo plant, one operation at a time, with the planted patterns applied. Values
// are canonical (hours, minutes, currency, pieces; timestamps in minutes since the demo epoch) and
// already rounded as they will be written, so what the truth measures is what the file says.
import type { Plant } from './plant.ts';
import type { Random } from './prng.ts';

/** The period the orders span: 2024-01-01 to 2025-12-30. */
export const DAYS = 730;
/** Days the date tables reach beyond the period (late finishes). */
export const DAYS_MARGIN = 120;

export const DOWNTIME_REASONS = [
  { en: 'Breakdown', de: 'Störung' },
  { en: 'Material shortage', de: 'Materialmangel' },
  { en: 'Tool change', de: 'Werkzeugwechsel' },
  { en: 'Waiting for QA', de: 'Warten auf Prüfung' },
  { en: 'Setup overrun', de: 'Rüstüberschreitung' },
  { en: 'No operator', de: 'Kein Personal' },
] as const;

export const DEFECT_TYPES = ['DIM', 'SURF', 'BURR', 'POROS', 'CRACK', 'THREAD'] as const;

const SHIFT_START = [6 * 60, 14 * 60, 22 * 60];
const SHIFT_SHARE = [0.45, 0.35, 0.2];
export const LABOR_RATE = 48;
export const OVERHEAD_RATE = 36;

/** One row of the export: an operation, or (header granularity) the whole order rolled up. */
export interface OpRow {
  order: number;
  /** Operation number (10, 20, …); a header row carries its last operation's. */
  opSeq: number;
  part: number;
  supplier: number;
  customer: number;
  operator: number;
  shift: number;
  workCenter: number;
  machine: number;
  lot: number;
  qtyPlanned: number;
  qtyCompleted: number;
  qtyScrap: number;
  qtyRework: number;
  plannedStart: number;
  plannedEnd: number;
  actualStart: number;
  actualEnd: number;
  laborHoursPlanned: number;
  laborHoursActual: number;
  setupHours: number;
  runHours: number;
  downtimeMinutes: number;
  /** Index into DOWNTIME_REASONS, -1 for none. */
  downtimeReason: number;
  materialCostPlanned: number;
  materialCostActual: number;
  laborCostPlanned: number;
  laborCostActual: number;
  overheadCostPlanned: number;
  overheadCostActual: number;
  standardCostTotal: number;
  actualCostTotal: number;
  defectCount: number;
  /** Index into DEFECT_TYPES, -1 for none. */
  defectType: number;
  machineFailure: boolean;
  /** NaN where the machine has no such measurement (welding). */
  toolWearMinutes: number;
  processTemperature: number;
  ambientTemperature: number;
  spindleSpeed: number;
  torque: number;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;
const r1 = (x: number): number => Math.round(x * 10) / 10;

export interface OrderSource {
  /** The operations of the next order (`progress` in [0, 1) places it in the period). */
  next(progress: number): OpRow[];
}

export function createOrderSource(plant: Plant, rng: Random): OrderSource {
  const { planted } = plant;
  // Cumulative demand, searched by bisection: a part is drawn for every order.
  const partCumulative: number[] = [];
  for (const part of plant.parts)
    partCumulative.push((partCumulative[partCumulative.length - 1] ?? 0) + part.weight);
  const drawPart = () => {
    const r = rng.next() * (partCumulative[partCumulative.length - 1] as number);
    let lo = 0;
    let hi = partCumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((partCumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return plant.parts[lo] as Plant['parts'][number];
  };
  const shiftOperators = [0, 1, 2].map((s) => plant.operators.filter((o) => o.shift === s).map((o) => o.id));
  const wear = plant.machines.map(() => rng.int(0, 200));
  let order = 0;

  // The tool wears with every order and is changed near the end of its life (as in AI4I 2020).
  const advanceWear = (row: OpRow) => {
    if (plant.workCenters[row.workCenter]?.kind === 'weld') return;
    let w = (wear[row.machine] as number) + rng.int(8, 30);
    if (w > 240 || (w > 180 && rng.chance(0.15))) w = rng.int(0, 5);
    wear[row.machine] = w;
    row.toolWearMinutes = w;
  };

  const downtime = (row: OpRow, final: boolean) => {
    const hot = row.machine === planted.machine;
    const worn = row.toolWearMinutes > 200;
    const pFail = final ? 0.02 + (worn ? 0.15 : 0) + (hot ? 0.22 : 0) : 0.005;
    row.machineFailure = rng.chance(pFail);
    if (row.machineFailure) {
      row.downtimeMinutes = Math.round(Math.max(30, rng.normal(200, 80)) * (hot ? 1.4 : 1));
      row.downtimeReason = 0;
    } else if (rng.chance(hot ? 0.5 : final ? 0.2 : 0.05)) {
      row.downtimeMinutes = Math.round(rng.int(5, 40) * (hot ? 2 : 1));
      row.downtimeReason = rng.int(1, DOWNTIME_REASONS.length - 1);
    }
  };

  const readings = (row: OpRow, day: number) => {
    const machine = plant.machines[row.machine];
    const season = 4 * Math.sin(2 * Math.PI * (day / 365 - 0.3));
    row.ambientTemperature = r1(21 + season + rng.normal(0, 1.2));
    if (Number.isNaN(row.toolWearMinutes) || !machine) return;
    const failed = row.machineFailure;
    row.processTemperature = r1(row.ambientTemperature + 10 + rng.normal(0, 0.8) + (failed ? 2.5 : 0));
    row.spindleSpeed = Math.round(machine.nominalSpeed + rng.normal(0, 60) - (failed ? 150 : 0));
    row.torque = r1(Math.max(3, 40 - (row.spindleSpeed - machine.nominalSpeed) * 0.02 + rng.normal(0, 5)));
  };

  return {
    next(progress) {
      const part = drawPart();
      const supplier = rng.pick(part.suppliers);
      const shift = rng.weighted(SHIFT_SHARE);
      const operator = rng.pick(shiftOperators[shift] as number[]);
      const customer = rng.int(0, plant.customers.length - 1);
      const qtyPlanned = Math.max(5, 5 * Math.round((part.lotSize * (0.5 + rng.next())) / 5));
      const scrapBase = supplier === planted.supplier ? 0.085 : 0.018;
      const qtyScrap = Math.max(
        0,
        Math.round(qtyPlanned * scrapBase * Math.exp(rng.normal(0, 0.5)) + rng.normal(0, 0.6)),
      );
      const qtyRework = Math.max(0, Math.round(qtyPlanned * 0.01 * Math.exp(rng.normal(0, 0.6)) - 0.3));
      const shortfall = rng.chance(0.15) ? Math.round(qtyPlanned * 0.03 * rng.next()) : 0;
      const qtyCompleted = Math.max(0, qtyPlanned - qtyScrap - shortfall);
      const extraDefects =
        operator === planted.operator ? Math.round(qtyPlanned * 0.05 * (0.5 + rng.next())) : 0;
      const efficiency = shift === planted.shift ? rng.normal(1.45, 0.1) : rng.normal(1.02, 0.07);
      const day = Math.floor(progress * DAYS);
      const routing = part.routing;
      const ops: OpRow[] = [];
      let prepScrap = 0;
      for (let i = 0; i < routing.length; i++) {
        const final = i === routing.length - 1;
        const workCenter = routing[i] as number;
        const machines = (plant.workCenters[workCenter] as Plant['workCenters'][number]).machines;
        const row = blankRow(order, 10 * (i + 1), part.id, supplier, customer, operator, shift, workCenter);
        row.machine = rng.pick(machines);
        row.qtyPlanned = qtyPlanned;
        const scrap = final
          ? qtyScrap - prepScrap
          : Math.min(qtyScrap - prepScrap, Math.round(qtyScrap * 0.15 * rng.next()));
        prepScrap += final ? 0 : scrap;
        row.qtyScrap = scrap;
        row.qtyCompleted = final ? qtyCompleted : qtyPlanned - prepScrap;
        row.qtyRework = final ? qtyRework : 0;
        row.defectCount = scrap + row.qtyRework + (final ? rng.int(0, 2) + extraDefects : 0);
        row.defectType = row.defectCount > 0 ? rng.weighted([5, 3, 2, 1, 0.5, 1]) : -1;
        const drift = final && workCenter === planted.driftWorkCenter ? 1 + 0.6 * progress : 1;
        const rate = final ? part.runRate : 0.004 + 0.002 * i;
        const setupPlanned = final ? part.setupHours : 0.3;
        row.setupHours = r2(setupPlanned * Math.max(0.5, rng.normal(1.05, 0.15)));
        row.runHours = r2((row.qtyCompleted + scrap) * rate * rng.normal(1, 0.06) * drift);
        row.laborHoursPlanned = r2(setupPlanned + qtyPlanned * rate);
        row.laborHoursActual = r2((row.setupHours + row.runHours) * efficiency);
        advanceWear(row);
        downtime(row, final);
        readings(row, day);
        costs(row, i === 0 ? part.materialCost : 0, i === 0 && part.id === planted.part);
        ops.push(row);
      }
      schedule(ops, day, shift, rng);
      order += 1;
      return ops;
    },
  };

  function costs(row: OpRow, materialCost: number, overrun: boolean) {
    row.materialCostPlanned = r2(row.qtyPlanned * materialCost);
    const issued = (row.qtyCompleted + row.qtyScrap) * materialCost;
    row.materialCostActual = r2(issued * rng.normal(overrun ? 1.25 : 1, 0.03));
    row.laborCostPlanned = r2(row.laborHoursPlanned * LABOR_RATE);
    row.laborCostActual = r2(row.laborHoursActual * LABOR_RATE);
    row.overheadCostPlanned = r2(row.laborHoursPlanned * OVERHEAD_RATE);
    row.overheadCostActual = r2((row.setupHours + row.runHours + row.downtimeMinutes / 60) * OVERHEAD_RATE);
    row.standardCostTotal = r2(row.materialCostPlanned + row.laborCostPlanned + row.overheadCostPlanned);
    row.actualCostTotal = r2(row.materialCostActual + row.laborCostActual + row.overheadCostActual);
  }
}

/**
 * Planned and actual windows, operation after operation; a day's shift holds 8 working hours. Work may
 * start up to a day early, but never before the period does (minute 0): the date columns' tables begin
 * there, and an order of the first day would otherwise start on 2023-12-31.
 */
function schedule(ops: OpRow[], day: number, shift: number, rng: Random) {
  let planned = day * 1440 + (SHIFT_START[shift] as number);
  let actual = Math.max(0, planned + Math.max(-1440, Math.round(rng.normal(240, 600))));
  for (const op of ops) {
    op.plannedStart = planned;
    planned += Math.max(30, Math.round(op.laborHoursPlanned * 180));
    op.plannedEnd = planned;
    op.actualStart = Math.max(actual, op.plannedStart - 1440);
    actual = op.actualStart + Math.max(20, Math.round(op.laborHoursActual * 180 + op.downtimeMinutes));
    op.actualEnd = actual;
  }
}

function blankRow(
  order: number,
  opSeq: number,
  part: number,
  supplier: number,
  customer: number,
  operator: number,
  shift: number,
  workCenter: number,
): OpRow {
  return {
    order,
    opSeq,
    part,
    supplier,
    customer,
    operator,
    shift,
    workCenter,
    machine: 0,
    lot: order * 7 + 100_003,
    qtyPlanned: 0,
    qtyCompleted: 0,
    qtyScrap: 0,
    qtyRework: 0,
    plannedStart: 0,
    plannedEnd: 0,
    actualStart: 0,
    actualEnd: 0,
    laborHoursPlanned: 0,
    laborHoursActual: 0,
    setupHours: 0,
    runHours: 0,
    downtimeMinutes: 0,
    downtimeReason: -1,
    materialCostPlanned: 0,
    materialCostActual: 0,
    laborCostPlanned: 0,
    laborCostActual: 0,
    overheadCostPlanned: 0,
    overheadCostActual: 0,
    standardCostTotal: 0,
    actualCostTotal: 0,
    defectCount: 0,
    defectType: -1,
    machineFailure: false,
    toolWearMinutes: Number.NaN,
    processTemperature: Number.NaN,
    ambientTemperature: Number.NaN,
    spindleSpeed: Number.NaN,
    torque: Number.NaN,
  };
}

/**
 * An order's operations rolled up by the canonical aggregations (canonical.ts): sums, first/last,
 * min/max, averages of what was measured. The downtime reason is the longest stop's. Written out field
 * by field: a loop over key names makes every property access megamorphic, ten times slower.
 */
export function rollUp(ops: readonly OpRow[]): OpRow {
  const first = ops[0] as OpRow;
  if (ops.length === 1) return first;
  const last = ops[ops.length - 1] as OpRow;
  const row = blankRow(
    last.order,
    last.opSeq,
    last.part,
    last.supplier,
    last.customer,
    last.operator,
    first.shift,
    last.workCenter,
  );
  row.machine = last.machine;
  row.qtyPlanned = last.qtyPlanned;
  row.qtyCompleted = last.qtyCompleted;
  row.plannedStart = first.plannedStart;
  row.actualStart = first.actualStart;
  let longest = first;
  const temp = mean();
  const ambient = mean();
  const speed = mean();
  const torque = mean();
  let wear = -1;
  for (const op of ops) {
    row.qtyScrap += op.qtyScrap;
    row.qtyRework += op.qtyRework;
    row.laborHoursPlanned += op.laborHoursPlanned;
    row.laborHoursActual += op.laborHoursActual;
    row.setupHours += op.setupHours;
    row.runHours += op.runHours;
    row.downtimeMinutes += op.downtimeMinutes;
    row.materialCostPlanned += op.materialCostPlanned;
    row.materialCostActual += op.materialCostActual;
    row.laborCostPlanned += op.laborCostPlanned;
    row.laborCostActual += op.laborCostActual;
    row.overheadCostPlanned += op.overheadCostPlanned;
    row.overheadCostActual += op.overheadCostActual;
    row.standardCostTotal += op.standardCostTotal;
    row.actualCostTotal += op.actualCostTotal;
    row.defectCount += op.defectCount;
    temp.add(op.processTemperature);
    ambient.add(op.ambientTemperature);
    speed.add(op.spindleSpeed);
    torque.add(op.torque);
    if (op.downtimeMinutes > longest.downtimeMinutes) longest = op;
    if (row.defectType < 0) row.defectType = op.defectType;
    if (op.machineFailure) row.machineFailure = true;
    if (op.toolWearMinutes > wear) wear = op.toolWearMinutes;
    if (op.plannedEnd > row.plannedEnd) row.plannedEnd = op.plannedEnd;
    if (op.actualEnd > row.actualEnd) row.actualEnd = op.actualEnd;
  }
  // Sums of values with two decimals, rounded back to two (0.1 + 0.2 is not 0.3).
  row.laborHoursPlanned = r2(row.laborHoursPlanned);
  row.laborHoursActual = r2(row.laborHoursActual);
  row.setupHours = r2(row.setupHours);
  row.runHours = r2(row.runHours);
  row.materialCostPlanned = r2(row.materialCostPlanned);
  row.materialCostActual = r2(row.materialCostActual);
  row.laborCostPlanned = r2(row.laborCostPlanned);
  row.laborCostActual = r2(row.laborCostActual);
  row.overheadCostPlanned = r2(row.overheadCostPlanned);
  row.overheadCostActual = r2(row.overheadCostActual);
  row.standardCostTotal = r2(row.standardCostTotal);
  row.actualCostTotal = r2(row.actualCostTotal);
  row.processTemperature = r1(temp.value());
  row.ambientTemperature = r1(ambient.value());
  row.spindleSpeed = Math.round(speed.value());
  row.torque = r1(torque.value());
  row.downtimeReason = longest.downtimeReason;
  row.toolWearMinutes = wear < 0 ? Number.NaN : wear;
  return row;
}

/** A mean of the values measured (NaN: not measured); NaN when none was. */
function mean() {
  let sum = 0;
  let n = 0;
  return {
    add(v: number) {
      if (!Number.isNaN(v)) {
        sum += v;
        n += 1;
      }
    },
    value: () => (n === 0 ? Number.NaN : sum / n),
  };
}
