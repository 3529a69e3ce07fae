// One sensor's streaming judgement: spec limits, the anomaly detector (univariate.ts: forecast
// error turned into an anomaly likelihood), EWMA, rolling z-score and the SPC run rules,
// against control limits set by hand or learned from the sensor's first readings. It takes the
// state left by the previous batch and the batch's new readings (any order) and returns the new
// state and what it found. Pure: ingest stores the state with the readings in one transaction.
//
// Readings at or before the newest one already judged (late data) are checked against the spec
// limits and the point rules (Western Electric 1, Nelson 1: one point beyond 3σ of the control
// limits as they stand) only: the stateful detectors have moved past them, and stepping them out of
// order would judge them against a future they did not have. Ingest replays late data that falls
// within the sensor's replay window from a stored checkpoint instead (replay.ts).
import { type EwmaState, ewmaStep, type ZScoreState, ZScoreWindow } from './detectors.ts';
import {
  type ControlLimits,
  limitsFromBaseline,
  RULE_DESCRIPTIONS,
  type RuleId,
  signalsAt,
  WINDOW,
} from './spc.ts';
import { UnivariateDetector, type UnivariateState } from './univariate.ts';

export interface DetectionConfig {
  spec: boolean;
  ewma: { enabled: boolean; lambda: number; width: number };
  zscore: { enabled: boolean; window: number; threshold: number };
  /** The default detector (univariate.ts); absent in settings stored before it existed → off. */
  anomaly?: { enabled: boolean; threshold: number };
  rules: readonly RuleId[];
  baselineCount: number;
}

export const DEFAULT_DETECTION: DetectionConfig = {
  spec: true,
  ewma: { enabled: false, lambda: 0.2, width: 3 },
  zscore: { enabled: false, window: 60, threshold: 4 },
  anomaly: { enabled: true, threshold: 2 },
  rules: ['we1'],
  baselineCount: 100,
};

export interface MonitorConfig {
  lowerSpec: number | null;
  upperSpec: number | null;
  detection: DetectionConfig;
  /** Limits set by hand; null → learned from the first `baselineCount` readings. */
  manualLimits: ControlLimits | null;
}

export interface MonitorState {
  /** Reading time (ms) of the newest reading judged in order. */
  lastTs?: number;
  /** Readings collected for the baseline while the limits are being learned. */
  baseline?: number[];
  learned?: ControlLimits;
  ewma?: EwmaState;
  z?: ZScoreState;
  anomaly?: UnivariateState;
  /** The last WINDOW readings, for the run rules. */
  recent?: number[];
  /**
   * Late readings judged without a replay (spec and point rules only) that a later replay can
   * still reach, oldest first (replay.ts): [time, which of those rules they raised then (bits:
   * 1 spec, 2 Western Electric 1, 4 Nelson 1)]. That replay judges them in order.
   */
  unjudged?: [ts: number, raised: number][];
}

export type FindingRule = 'spec' | 'anomaly' | 'ewma' | 'zscore' | RuleId;

export interface Finding {
  rule: FindingRule;
  ts: number;
  value: number;
  severity: 'warning' | 'critical';
  message: string;
}

export interface MonitorResult {
  state: MonitorState;
  findings: Finding[];
  /** Limits learned in this batch (the baseline filled up), to be stored on the sensor. */
  learned: ControlLimits | null;
  /** Readings that were older than the newest already judged. */
  late: number;
}

const CRITICAL = new Set<FindingRule>(['spec', 'we1', 'n1']);

const finding = (rule: FindingRule, ts: number, value: number, message: string): Finding => ({
  rule,
  ts,
  value,
  severity: CRITICAL.has(rule) ? 'critical' : 'warning',
  message,
});

function specFinding(config: MonitorConfig, ts: number, value: number): Finding | null {
  if (!config.detection.spec) return null;
  const { lowerSpec, upperSpec } = config;
  if (upperSpec !== null && value > upperSpec)
    return finding('spec', ts, value, `${value} above the upper spec limit ${upperSpec}`);
  if (lowerSpec !== null && value < lowerSpec)
    return finding('spec', ts, value, `${value} below the lower spec limit ${lowerSpec}`);
  return null;
}

const usable = (limits: ControlLimits | undefined | null): limits is ControlLimits =>
  !!limits && Number.isFinite(limits.center) && limits.sigma > 0 && Number.isFinite(limits.sigma);

/**
 * The rules a late reading that cannot be stepped through the detectors is judged by: the spec
 * limits and the point rules (one point beyond 3σ), each with its bit in `MonitorState.unjudged`
 * (stored: the bits must not change).
 */
export const LATE_RULE_BITS: ReadonlyMap<FindingRule, number> = new Map<FindingRule, number>([
  ['spec', 1],
  ['we1', 2],
  ['n1', 4],
]);

/** The run rules that need only the point itself (all of them late rules too). */
const POINT_RULES = new Set<FindingRule>(['we1', 'n1']);

/** What signalsAt finds for the point rules among `rules`, without its window: one point beyond 3σ. */
function pointRuleFindings(
  findings: Finding[],
  rules: readonly RuleId[],
  limits: ControlLimits,
  ts: number,
  value: number,
): void {
  if (Math.abs((value - limits.center) / limits.sigma) <= 3) return;
  for (const rule of rules)
    if (POINT_RULES.has(rule)) findings.push(finding(rule, ts, value, RULE_DESCRIPTIONS[rule]));
}

/**
 * One sensor's readings as columns, `ts[i]` (ms) and `value[i]`: what ingest judges, without an
 * object per reading.
 */
export interface Series {
  readonly ts: ArrayLike<number>;
  readonly value: ArrayLike<number>;
}

/** Readings as objects (the replay, tests) or as columns (ingest). */
export type Readings = readonly { ts: number; value: number }[] | Series;

/** The readings as columns (objects are copied, columns taken as they are). */
export function seriesOf(readings: Readings): Series {
  if (!Array.isArray(readings)) return readings as Series;
  const rows = readings as readonly { ts: number; value: number }[];
  const ts = new Float64Array(rows.length);
  const value = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    ts[i] = r.ts;
    value[i] = r.value;
  });
  return { ts, value };
}

/** Positions of `ts` in timestamp order (a stable order), or null when they are in order already (as a device sends them). */
function timeOrder(ts: ArrayLike<number>): number[] | null {
  let sorted = true;
  // (Not `>=`: a NaN time, which ingest refuses, leaves the order as it is.)
  for (let i = 1; i < ts.length && sorted; i++) sorted = !((ts[i] as number) < (ts[i - 1] as number));
  if (sorted) return null;
  return Array.from({ length: ts.length }, (_, i) => i).sort((a, b) => (ts[a] as number) - (ts[b] as number));
}

/** The recent values kept for the run rules: the buffer grows and is cut back now and then. */
const RECENT_SLACK = 4 * WINDOW;

/** Judges `readings` (ts in ms, any order) of one sensor after `previous`. */
export function monitor(previous: MonitorState, config: MonitorConfig, readings: Readings): MonitorResult {
  const { detection } = config;
  const state: MonitorState = { ...previous };
  const findings: Finding[] = [];
  let learned: ControlLimits | null = null;
  let late = 0;
  const { ts: times, value: values } = seriesOf(readings);
  if (times.length !== values.length) throw new Error('monitor: the ts and value columns differ in length');
  // Judged in timestamp order; readings already in order (the rule) are not sorted.
  const order = timeOrder(times);
  const rules = detection.rules;
  // Rule 1 alone (the default) needs only the point itself: no window of z-scores to build.
  const pointRulesOnly = rules.every((rule) => POINT_RULES.has(rule));
  let recent = state.recent ? [...state.recent] : [];
  let recentChanged = false;
  let baseline = state.baseline ? [...state.baseline] : [];
  let zscore: ZScoreWindow | undefined;
  let anomaly: UnivariateDetector | undefined;

  for (let j = 0; j < times.length; j++) {
    const i = order ? (order[j] as number) : j;
    const ts = times[i] as number;
    const value = values[i] as number;
    const spec = specFinding(config, ts, value);
    if (spec) findings.push(spec);
    if (state.lastTs !== undefined && ts <= state.lastTs) {
      late++;
      const limits = usable(config.manualLimits) ? config.manualLimits : state.learned;
      if (usable(limits)) pointRuleFindings(findings, rules, limits, ts, value);
      continue;
    }
    state.lastTs = ts;

    if (detection.anomaly?.enabled) {
      anomaly ??= new UnivariateDetector(state.anomaly, { threshold: detection.anomaly.threshold });
      const step = anomaly.step(value, ts);
      if (step.signal)
        findings.push(
          finding(
            'anomaly',
            ts,
            value,
            `unusual reading (score ${step.score.toFixed(1)}${step.expected === null ? '' : `, expected about ${step.expected.toPrecision(4)}`})`,
          ),
        );
    }

    if (detection.zscore.enabled) {
      const { window, threshold } = detection.zscore;
      if (!zscore) {
        zscore = new ZScoreWindow(state.z, { window, threshold, minPoints: Math.min(10, window) });
        state.z = zscore.state(); // (set at the end; here so that the state's keys keep their order)
      }
      const z = zscore.step(value);
      if (z !== null && Math.abs(z) > threshold)
        findings.push(finding('zscore', ts, value, `z-score ${z.toFixed(1)} beyond ±${threshold}`));
    }

    let limits = usable(config.manualLimits) ? config.manualLimits : state.learned;
    if (!usable(limits) && (rules.length > 0 || detection.ewma.enabled)) {
      baseline.push(value);
      if (baseline.length >= detection.baselineCount) {
        // A flat baseline has no spread (limitsFromBaseline refuses it): keep collecting.
        let candidate: ControlLimits | null = null;
        try {
          candidate = limitsFromBaseline(baseline);
        } catch {
          candidate = null;
        }
        // A flat baseline has no spread to judge against: keep collecting.
        if (usable(candidate)) {
          learned = candidate;
          state.learned = candidate;
          limits = candidate;
          baseline = [];
        } else baseline = baseline.slice(-detection.baselineCount + 1);
      }
      continue;
    }
    if (!usable(limits)) continue;

    if (detection.ewma.enabled) {
      const step = ewmaStep(state.ewma, value, limits, detection.ewma);
      state.ewma = step.state;
      if (step.signal)
        findings.push(
          finding(
            'ewma',
            ts,
            value,
            `EWMA ${step.state.statistic.toPrecision(4)} outside its control limits`,
          ),
        );
    }
    if (rules.length > 0) {
      recent.push(value);
      recentChanged = true;
      if (recent.length > RECENT_SLACK) recent = recent.slice(recent.length - WINDOW);
      if (pointRulesOnly) pointRuleFindings(findings, rules, limits, ts, value);
      else {
        for (const signal of signalsAt(recent, recent.length - 1, limits, rules)) {
          findings.push(finding(signal.rule, ts, value, RULE_DESCRIPTIONS[signal.rule]));
        }
      }
    }
  }
  if (zscore) state.z = zscore.state();
  if (anomaly) state.anomaly = anomaly.state();
  if (recentChanged && recent.length > WINDOW) recent = recent.slice(recent.length - WINDOW);
  if (recent.length > 0) state.recent = recent;
  if (baseline.length > 0) state.baseline = baseline;
  else delete state.baseline;
  return { state, findings, learned, late };
}
