// Capacity: load per work center and OEE where the fields allow.
//
// Load = booked hours ÷ available hours, where booked hours are machine hours (setup + run, else
// actual labour hours) and available hours = the data's date span in days × 24 h × the machines seen
// at the work center (1 when machines are not mapped). Round-the-clock availability is the honest
// upper bound an export can support (it carries no shift calendar), so loads read low for one- or
// two-shift plants; a work center above bottleneck_utilization_pct is a bottleneck even so.
//
// OEE = availability × performance × quality: availability = machine hours ÷ (machine hours +
// downtime), performance = planned ÷ machine hours (at most 1), quality = good ÷ (good + scrap).

import { numberOf } from './config.ts';
import {
  contrastByEntity,
  ENTITY_LABEL,
  type InsightSpec,
  lowerName,
  oneSampleT,
  pText,
  significanceRules,
} from './cost-contrasts.ts';
import { machineHours } from './efficiency-hours.ts';
import { fmt, pct } from './frame.ts';
import type { AnalyzerContext, Chart, EntityType } from './types.ts';

const DAY = 86_400_000;

interface Section {
  insights: InsightSpec[];
  metrics: Record<string, number>;
  charts: Chart[];
  notes: string[];
  /** Per-order OEE, for the test against a baseline. */
  perOrder?: Float64Array;
}
const section = (): Section => ({ insights: [], metrics: {}, charts: [], notes: [] });

/** Days covered by the orders' dates (at least 1). */
function spanDays(ctx: AnalyzerContext): number {
  let min = Infinity;
  let max = -Infinity;
  for (const f of ['actualStart', 'actualEnd', 'plannedStart', 'plannedEnd']) {
    const col = ctx.frame.numbers[f];
    if (!col) continue;
    for (const t of col) {
      if (Number.isNaN(t)) continue;
      if (t < min) min = t;
      if (t > max) max = t;
    }
  }
  return min === Infinity ? Number.NaN : Math.max(1, (max - min) / DAY);
}

export function utilisation(ctx: AnalyzerContext): Section {
  const { frame, config } = ctx;
  const out = section();
  const booked = machineHours(frame) ?? frame.numbers.laborHoursActual;
  const wc = frame.texts.workCenter;
  const days = spanDays(ctx);
  if (!booked || !wc || Number.isNaN(days)) {
    out.notes.push('booked hours, work center or dates not mapped: no utilisation');
    return out;
  }
  const { minSample } = significanceRules(config);
  const k = wc.dict.length;
  const hours = new Float64Array(k);
  const rows = new Float64Array(k);
  const machine = frame.texts.machine;
  const seen = machine ? new Uint8Array(k * machine.dict.length) : null;
  for (let i = 0; i < frame.n; i++) {
    const c = wc.codes[i] as number;
    if (c < 0) continue;
    rows[c] = (rows[c] as number) + 1;
    const h = booked[i] as number;
    if (!Number.isNaN(h)) hours[c] = (hours[c] as number) + h;
    const m = machine ? (machine.codes[i] as number) : -1;
    if (seen && machine && m >= 0) seen[c * machine.dict.length + m] = 1;
  }
  const limit = numberOf(config, 'bottleneck_utilization_pct');
  let totalBooked = 0;
  let totalAvailable = 0;
  const points: { label: string; value: number }[] = [];
  for (let c = 0; c < k; c++) {
    if (!(rows[c] as number)) continue;
    let machines = 1;
    if (seen && machine) {
      machines = 0;
      for (let m = 0; m < machine.dict.length; m++) machines += seen[c * machine.dict.length + m] as number;
      machines = Math.max(1, machines);
    }
    const available = days * 24 * machines;
    const load = (hours[c] as number) / available;
    totalBooked += hours[c] as number;
    totalAvailable += available;
    const value = wc.dict[c] as string;
    points.push({ label: value, value: load * 100 });
    if (load * 100 <= limit) continue;
    // More than 100 % cannot be run: the export names fewer machines than work there, or a header
    // row carries its whole routing's hours to the last work center. The excess counts only up to
    // full load.
    const counted = Math.min(hours[c] as number, available);
    const over = counted - (limit / 100) * available;
    const implausible =
      load > 1
        ? ' Booked hours exceed round-the-clock capacity of the machines seen (more machines than the export names, or hours of whole routings booked to their last work center): the excess over the line is counted up to full load.'
        : '';
    out.insights.push({
      kind: 'efficiency.bottleneck',
      entity: { type: 'workCenter', id: value },
      title: `${ENTITY_LABEL.workCenter} ${value} is a bottleneck: loaded ${pct(load)} of its available hours`,
      detail: `${fmt(hours[c] as number)} booked hours over ${fmt(days, 0)} days on ${machines} machine(s) = ${fmt(available, 0)} available hours (24 h a day): load ${pct(load)}, above the ${fmt(limit)} % bottleneck line.${implausible}`,
      impact: {
        currency: null,
        hours: over,
        units: null,
        formula: `${fmt(counted)} booked h${load > 1 ? ' (at most full load)' : ''} − ${fmt(limit)} % × ${fmt(available, 0)} available h = ${fmt(over)} h above the line`,
      },
      evidence: {
        metric: 'load (booked ÷ available hours)',
        value: load,
        baseline: null,
        expected: limit / 100,
        statistic: null,
        pValue: null,
        sampleSize: rows[c] as number,
      },
      significant: (rows[c] as number) >= minSample,
      recommendation: `Protect ${value}: never let it wait for material or operators, offload work to alternative routings or overtime there, and schedule the rest of the plant to its pace.`,
      rows: { kind: 'entity', field: 'workCenter', value },
      rowCount: rows[c] as number,
    });
  }
  if (totalAvailable > 0) out.metrics['efficiency.utilizationPct'] = (totalBooked / totalAvailable) * 100;
  out.charts.push({
    id: 'efficiency-load-by-work-center',
    kind: 'bar',
    title: 'Load by work center (% of 24 h availability)',
    unit: '%',
    points: points.sort((a, b) => b.value - a.value).slice(0, 20),
  });
  return out;
}

export function oee(ctx: AnalyzerContext): Section {
  const { frame, config } = ctx;
  const out = section();
  const machine = machineHours(frame);
  const down = frame.numbers.downtimeMinutes;
  const planned = frame.numbers.laborHoursPlanned;
  const good = frame.numbers.qtyCompleted;
  const scrap = frame.numbers.qtyScrap;
  if (!machine || !down || !planned || !good || !scrap) {
    out.notes.push('OEE needs run hours, downtime, planned hours, good and scrap quantities: not all mapped');
    return out;
  }
  const { alpha, minSample } = significanceRules(config);
  const target = numberOf(config, 'oee_target_pct') / 100;
  // Per order, and the sums behind the facility's factors.
  const value = new Float64Array(frame.n);
  const loading = new Float64Array(frame.n);
  let sm = 0;
  let sd = 0;
  let sp = 0;
  let sg = 0;
  let ss = 0;
  for (let i = 0; i < frame.n; i++) {
    const m = machine[i] as number;
    const d = (down[i] as number) / 60 || 0;
    const p = planned[i] as number;
    const g = good[i] as number;
    const s = (scrap[i] as number) || 0;
    if (!(m > 0) || !(p > 0) || Number.isNaN(g) || !(g + s > 0)) {
      value[i] = Number.NaN;
      loading[i] = Number.NaN;
      continue;
    }
    value[i] = (m / (m + d)) * Math.min(1, p / m) * (g / (g + s));
    loading[i] = m + d;
    sm += m;
    sd += d;
    sp += p;
    sg += g;
    ss += s;
  }
  if (!(sm > 0)) {
    out.notes.push('no work order with machine hours, plan and quantities: no OEE');
    return out;
  }
  const factors = {
    availability: sm / (sm + sd),
    performance: Math.min(1, sp / sm),
    quality: sg / (sg + ss),
  };
  const overall = factors.availability * factors.performance * factors.quality;
  out.metrics['efficiency.availabilityPct'] = factors.availability * 100;
  out.metrics['efficiency.performancePct'] = factors.performance * 100;
  out.metrics['efficiency.qualityPct'] = factors.quality * 100;
  out.metrics['efficiency.oeePct'] = overall * 100;
  const factorText = (a: number, p: number, q: number) =>
    `availability ${pct(a)} × performance ${pct(p)} × quality ${pct(q)}`;
  if (overall < target) {
    const test = oneSampleT(value, target);
    const lost = (target - overall) * (sm + sd);
    out.insights.push({
      kind: 'efficiency.oee',
      entity: null,
      title: `OEE ${pct(overall)} against a target of ${pct(target, 0)}`,
      detail: `${factorText(factors.availability, factors.performance, factors.quality)} = ${pct(overall)} over ${test.n} work orders, below the ${pct(target, 0)} target. t = ${fmt(test.statistic, 2)} of the per-order OEE against the target, p ${pText(test.pValue)}.`,
      impact: {
        currency: null,
        hours: lost,
        units: null,
        formula: `(${pct(target, 0)} − ${pct(overall)}) × ${fmt(sm + sd)} loading hours (machine + downtime) = ${fmt(lost)} h`,
      },
      evidence: {
        metric: 'OEE',
        value: overall,
        baseline: null,
        expected: target,
        statistic: { name: 't', value: test.statistic },
        pValue: test.pValue,
        sampleSize: test.n,
      },
      significant: test.pValue < alpha && test.n >= minSample && test.mean < target,
      recommendation: `Attack the weakest factor first: ${Object.entries(factors).sort((a, b) => a[1] - b[1])[0]?.[0]} (${pct(Math.min(...Object.values(factors)))}).`,
      rows: { kind: 'all' },
      rowCount: frame.n,
    });
  }
  // Machines against the other machines of their work center (the work center's own loss is its finding).
  const dims: { field: string; type: EntityType; peers?: string }[] = [
    { field: 'workCenter', type: 'workCenter' },
    { field: 'machine', type: 'machine', peers: 'workCenter' },
  ];
  for (const dim of dims) {
    if (!frame.texts[dim.field]) continue;
    const loads = new Map(
      contrastByEntity(frame, config, dim.field, loading, null, { clip: Infinity }).map((e) => [
        e.value,
        e.num,
      ]),
    );
    for (const e of contrastByEntity(
      frame,
      config,
      dim.field,
      value,
      null,
      dim.peers ? { peers: dim.peers } : {},
    )) {
      // Welch on the per-order OEE; the title quotes the mean per-order OEE of each side.
      // Below target where comparable orders (the rest; a machine's work-center peers) are not: when
      // they are too, the loss is the work center's or the facility's, reported there.
      if (!(e.significant && e.statistic < 0 && e.ratio < target && e.expected >= target)) continue;
      const hours = loads.get(e.value) ?? 0;
      const lost = (target - e.ratio) * hours;
      const label = `${ENTITY_LABEL[dim.type] ?? dim.type} ${e.value}`;
      out.insights.push({
        kind: 'efficiency.oee',
        entity: { type: dim.type, id: e.value },
        title: `${label}: OEE ${pct(e.ratio)} vs ${pct(e.restRatio)} for the rest (target ${pct(target, 0)})`,
        detail: `Mean OEE per work order at ${e.value} is ${pct(e.ratio)} over ${e.n} work orders (${fmt(hours)} loading hours), below the ${pct(target, 0)} target; the rest average ${pct(e.restRatio)}. Welch t = ${fmt(e.statistic, 2)}${dim.peers ? ' against the other machines of the same work center' : ''}, BH-adjusted p ${pText(e.pValue)}.`,
        impact: {
          currency: null,
          hours: lost,
          units: null,
          formula: `(${pct(target, 0)} − ${pct(e.ratio)}) × ${fmt(hours)} loading hours = ${fmt(lost)} h`,
        },
        evidence: {
          metric: 'OEE (mean per work order)',
          value: e.ratio,
          baseline: e.restRatio,
          expected: target,
          statistic: { name: 't', value: e.statistic },
          pValue: e.pValue,
          sampleSize: e.n,
        },
        significant: true,
        recommendation: `Split the OEE loss of ${lowerName(dim.type, e.value)} into downtime, slow running and scrap, and start with the largest.`,
        rows: { kind: 'entity', field: dim.field, value: e.value },
        rowCount: e.rows,
      });
    }
  }
  out.perOrder = value;
  return out;
}
