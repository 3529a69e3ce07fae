// From one sensor's findings in a batch to its alarms: which open alarm a finding extends, which
// alarms clear themselves, and which open anew. Pure. The rule is the same however the readings
// were batched (one at a time from a PLC, 50,000 in one bulk request, a day of history from a CSV
// file): per rule, in timestamp order, a finding opens an alarm or extends the one not cleared, and
// a reading without a finding of that rule, at least the sensor's clear-after time after the
// alarm's latest signal, clears it at that reading's time. So two faults an hour apart in one batch
// open two alarms, as they would have arriving reading by reading, and an alarm left open by an
// earlier batch clears before the next fault of its rule opens a new one.
//
// Only this batch's readings can prove a rule quiet: readings stored before (the replay's) are
// not looked at, so an alarm stays open rather than clearing on evidence the batch does not hold.
// Late findings, older than the latest signal of the rule's alarm not cleared, extend that alarm
// (only its latest signal is known here): for readings sent in time order the alarms are the same
// whatever the batching, for late ones they may be fewer. A rule that flaps (a clear-after time no
// longer than the sampling period) opens at most MAX_EPISODES_PER_RULE alarms in one batch; its
// later findings extend the last.
import type { Finding } from './monitor.ts';

/** A sensor's finding (monitor.ts), or a group's signal: what one reading or bucket raised. */
export type AlarmFinding = Pick<Finding, 'ts' | 'value' | 'severity' | 'message'> & { rule: string };

/** One run of a rule's findings with no clearing gap inside. */
export interface Episode {
  rule: string;
  severity: Finding['severity'];
  /** Of the episode's first finding. */
  message: string;
  value: number;
  firstTs: number;
  lastTs: number;
  count: number;
  /** It continues the sensor's alarm of this rule that was not cleared (null: opens a new one). */
  extendsOpen: boolean;
  /** The reading at which it had been quiet for the clear-after time; null: still open. */
  clearedTs: number | null;
}

export interface AlarmPlan {
  /** Per rule in timestamp order; only a rule's first may extend an open alarm. */
  episodes: Episode[];
  /** Open alarms (by rule) that cleared before any new finding of their rule, and when. */
  cleared: { rule: string; clearedTs: number }[];
}

const EMPTY: AlarmPlan = { episodes: [], cleared: [] };

/** Alarms one rule of one sensor may open in one batch (bounds one transaction's work). */
export const MAX_EPISODES_PER_RULE = 100;

/**
 * `readingTs`: the batch's readings of the sensor, in any order; `open`: the latest signal time of
 * each of its alarms that is not cleared, by rule.
 */
export function planAlarms(
  findings: readonly AlarmFinding[],
  readingTs: ArrayLike<number>,
  open: ReadonlyMap<string, number>,
  clearAfterMs: number,
): AlarmPlan {
  if (findings.length === 0 && open.size === 0) return EMPTY;
  const byRule = new Map<string, AlarmFinding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const readings = Float64Array.from(readingTs).sort();
  const plan: AlarmPlan = { episodes: [], cleared: [] };
  for (const rule of new Set([...open.keys(), ...byRule.keys()])) {
    const list = (byRule.get(rule) ?? []).sort((a, b) => a.ts - b.ts);
    planRule(plan, rule, list, readings, open.get(rule) ?? null, clearAfterMs);
  }
  return plan;
}

function planRule(
  plan: AlarmPlan,
  rule: string,
  findings: readonly AlarmFinding[],
  readings: Float64Array,
  openLastTs: number | null,
  clearAfterMs: number,
) {
  // The latest signal of the alarm not cleared (the stored one, then the episode's), or null.
  let last = openLastTs;
  let episode: Episode | null = null;
  let i = 0;
  let j = 0;
  let lastFindingTs = Number.NaN;
  let opened = 0;
  while (i < findings.length || j < readings.length) {
    const f = findings[i];
    const r = readings[j] as number;
    // At equal times the finding goes first: the reading it was found on is not a quiet one.
    if (f && (j >= readings.length || f.ts <= r)) {
      i++;
      lastFindingTs = f.ts;
      if (last !== null && episode) {
        episode.count++;
        episode.lastTs = Math.max(episode.lastTs, f.ts);
      } else {
        episode = {
          rule,
          severity: f.severity,
          message: f.message,
          value: f.value,
          firstTs: f.ts,
          lastTs: f.ts,
          count: 1,
          extendsOpen: last !== null,
          clearedTs: null,
        };
        plan.episodes.push(episode);
        opened++;
      }
      last = Math.max(last ?? f.ts, f.ts);
      continue;
    }
    j++;
    if (last === null || r === lastFindingTs || r - last < clearAfterMs) continue;
    if (opened >= MAX_EPISODES_PER_RULE) continue;
    if (episode) episode.clearedTs = r;
    else plan.cleared.push({ rule, clearedTs: r });
    last = null;
    episode = null;
  }
}
