// OEE of a batch, as a pure function of the batch window, the line's downtime in it, the shift
// calendar and the counts. The service loads the facts; the demo seeder generates them.
//
//   planned production time = window − planned stops (breaks, time outside shifts, planned reasons)
//   run time                = planned production time − unplanned downtime
//   availability = run / planned · performance = ideal cycle × total / run · quality = good / total
//   OEE = ideal cycle × good / planned production time (= A × P × Q whenever all three are defined)
import type { Interval, ShiftOccurrence } from './calendar.ts';

export interface DowntimeSpan extends Interval {
  reasonCode: string;
  /** Planned stops leave planned production time; unplanned ones are availability losses. */
  planned: boolean;
}

export interface BatchFacts {
  window: Interval;
  /** The line's non-running spans (any status but running), unclipped. */
  downtime: readonly DowntimeSpan[];
  /** Shift occurrences overlapping the window; `calendar: false` → whole days, no breaks. */
  periods: readonly ShiftOccurrence[];
  calendar: boolean;
  /** Local day of the window start: the segment of a batch made wholly outside every shift. */
  offShiftDay?: string;
  idealCycleSeconds: number;
  good: number;
  scrap: number;
  rework: number;
  labourHours: number;
  labourRate: number;
  materialCostPerUnit: number;
}

export interface OeeFigures {
  windowSeconds: number;
  plannedStopSeconds: number;
  plannedProductionSeconds: number;
  unplannedDowntimeSeconds: number;
  runSeconds: number;
  idealRunSeconds: number;
  idealGoodSeconds: number;
  totalCount: number;
  goodCount: number;
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
}

export interface BatchOee extends OeeFigures {
  scrapRate: number | null;
  yieldRate: number | null;
  labourCost: number;
  materialCost: number;
  scrapCost: number;
  performanceAboveIdeal: boolean;
  segments: OeeSegment[];
}

export interface OeeSegment {
  day: string;
  shiftName: string | null;
  start: number;
  end: number;
  plannedProductionSeconds: number;
  unplannedDowntimeSeconds: number;
  runSeconds: number;
  idealRunSeconds: number;
  idealGoodSeconds: number;
  totalCount: number;
  goodCount: number;
}

/** Sorted, non-overlapping union of intervals, clipped to `within`. */
export function merge(intervals: readonly Interval[], within?: Interval): Interval[] {
  const clipped = intervals
    .map((i) => (within ? { start: Math.max(i.start, within.start), end: Math.min(i.end, within.end) } : i))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of clipped) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/**
 * `a` minus `b`, both merged (sorted, non-overlapping). One sweep over both lists: linear in their
 * lengths, so a long back-dated window with many stops costs no more than its size.
 */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let first = 0;
  for (const i of a) {
    // Cuts that end before this interval cannot touch it, nor any later one.
    while (first < b.length && (b[first] as Interval).end <= i.start) first += 1;
    let start = i.start;
    for (let k = first; k < b.length && start < i.end; k += 1) {
      const cut = b[k] as Interval;
      if (cut.start >= i.end) break;
      if (cut.start > start) out.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
    }
    if (start < i.end) out.push({ start, end: i.end });
  }
  return out;
}

export const lengthOf = (intervals: readonly Interval[]) =>
  intervals.reduce((sum, i) => sum + (i.end - i.start), 0);

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

/** Planned stops and unplanned downtime of `within`, as merged interval sets. */
function losses(facts: BatchFacts, within: Interval) {
  const scheduled = facts.calendar ? merge(facts.periods, within) : [within];
  const offShift = subtract([within], scheduled);
  const breaks = facts.periods.flatMap((p) => p.breaks);
  const plannedDowntime = facts.downtime.filter((d) => d.planned);
  const planned = merge([...offShift, ...breaks, ...plannedDowntime], within);
  const unplanned = subtract(
    merge(
      facts.downtime.filter((d) => !d.planned),
      within,
    ),
    planned,
  );
  return { planned, unplanned };
}

export function computeBatchOee(facts: BatchFacts): BatchOee {
  const { window, idealCycleSeconds: cycle, good, scrap, rework } = facts;
  const total = good + scrap + rework;
  const { planned, unplanned } = losses(facts, window);
  const windowMs = window.end - window.start;
  const plannedProductionMs = windowMs - lengthOf(planned);
  const unplannedMs = lengthOf(unplanned);
  const runMs = plannedProductionMs - unplannedMs;
  const figures: OeeFigures = {
    windowSeconds: windowMs / 1000,
    plannedStopSeconds: lengthOf(planned) / 1000,
    plannedProductionSeconds: plannedProductionMs / 1000,
    unplannedDowntimeSeconds: unplannedMs / 1000,
    runSeconds: runMs / 1000,
    idealRunSeconds: cycle * total,
    idealGoodSeconds: cycle * good,
    totalCount: total,
    goodCount: good,
    availability: ratio(runMs, plannedProductionMs),
    performance: ratio(cycle * total * 1000, runMs),
    quality: ratio(good, total),
    oee: ratio(cycle * good * 1000, plannedProductionMs),
  };

  // Counts are split over the shifts (or days) the batch spans in proportion to run time there.
  const segments = facts.periods
    .map((period) => {
      const within = { start: Math.max(period.start, window.start), end: Math.min(period.end, window.end) };
      if (within.end <= within.start) return undefined;
      const part = losses({ ...facts, periods: [period] }, within);
      const plannedMs = within.end - within.start - lengthOf(part.planned);
      const downMs = lengthOf(part.unplanned);
      return { period, within, plannedMs, downMs, runMs: plannedMs - downMs };
    })
    .filter((s) => s !== undefined);
  if (segments.length === 0 && facts.offShiftDay) {
    // Produced entirely outside the shift calendar: no planned time, but the pieces still count.
    const pseudo = { name: '', day: facts.offShiftDay, start: window.start, end: window.end, breaks: [] };
    segments.push({ period: pseudo, within: window, plannedMs: 0, downMs: 0, runMs: 0 });
  }
  const shareBase = segments.reduce((sum, s) => sum + Math.max(s.runMs, 0), 0);
  return {
    ...figures,
    scrapRate: ratio(scrap, total),
    yieldRate: ratio(good, total),
    labourCost: facts.labourHours * facts.labourRate,
    materialCost: total * facts.materialCostPerUnit,
    scrapCost: scrap * facts.materialCostPerUnit,
    performanceAboveIdeal: (figures.performance ?? 0) > 1,
    segments: segments.map((s, i) => {
      const share = shareBase > 0 ? Math.max(s.runMs, 0) / shareBase : i === 0 ? 1 : 0;
      return {
        day: s.period.day,
        shiftName: s.period.name || null,
        start: s.within.start,
        end: s.within.end,
        plannedProductionSeconds: s.plannedMs / 1000,
        unplannedDowntimeSeconds: s.downMs / 1000,
        runSeconds: s.runMs / 1000,
        idealRunSeconds: cycle * total * share,
        idealGoodSeconds: cycle * good * share,
        totalCount: total * share,
        goodCount: good * share,
      };
    }),
  };
}

/** OEE of summed figures (a report group): times and counts add, ratios are recomputed. */
export function aggregate(parts: readonly Omit<OeeSegment, 'day' | 'shiftName' | 'start' | 'end'>[]) {
  const sum = (key: keyof (typeof parts)[number]) => parts.reduce((s, p) => s + (p[key] as number), 0);
  const planned = sum('plannedProductionSeconds');
  const run = sum('runSeconds');
  const ideal = sum('idealRunSeconds');
  const idealGood = sum('idealGoodSeconds');
  const total = sum('totalCount');
  const good = sum('goodCount');
  return {
    plannedProductionMinutes: planned / 60,
    runMinutes: run / 60,
    totalCount: total,
    goodCount: good,
    availability: ratio(run, planned),
    performance: ratio(ideal, run),
    quality: ratio(good, total),
    oee: ratio(idealGood, planned),
    losses: {
      availabilityMinutes: sum('unplannedDowntimeSeconds') / 60,
      performanceMinutes: (run - ideal) / 60,
      qualityMinutes: (ideal - idealGood) / 60,
    },
  };
}
