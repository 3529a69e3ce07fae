// Late data judged in timestamp order: the replay window. Pure; ingest keeps the two states it needs
// per sensor beside the current one and reads the stored readings for it.
//
// The detectors are stateful, so a reading older than the newest already judged cannot simply be
// stepped (monitor.ts gives it the spec check and the point rules only). Instead, each sensor keeps
// its detectors' state as of two earlier readings: `pending` (the state at the start of a recent
// batch) and `checkpoint` (an older pending). When the newest reading judged has moved
// `windowMs` past `pending`, the batch starts by rotating them: checkpoint ← pending ← the current
// state. So the checkpoint is always at least about `windowMs` of reading time behind (once two
// rotations have happened), and a sensor's first checkpoint is its empty state.
//
// A batch with readings older than the newest judged but newer than the checkpoint is replayed: the
// detectors run again from the checkpoint over every stored reading after it (this batch's
// included) in timestamp order, which is exactly what they would have seen had everything
// arrived in order. To raise only what is new, the same replay without this batch's readings gives
// what was found before; the difference (per rule and reading) is what this batch found. (Up to
// this batch's earliest reading the two replays are the same, so that part is stepped once.) The
// pending state is recomputed on the way (it too has new readings before it). Readings at or
// before the checkpoint are beyond the window: spec and point rules only, as in monitor.ts. So
// are all of a batch's late readings when the window holds more than MAX_REPLAY_READINGS (and
// the states then rotate at once: batch-judgement.ts), past the batch's budget, or before the
// sensor has a checkpoint. Those a later replay can still reach are remembered in the state
// (`unjudged`): they make the sensor's next batch replay, and count as new in it.
import type { Finding, MonitorConfig, MonitorState, Readings } from './monitor.ts';
import { LATE_RULE_BITS, monitor, seriesOf } from './monitor.ts';
import type { ControlLimits } from './spc.ts';

/**
 * The most stored readings a replay reads for one sensor: a window holding more (a high-rate
 * sensor, history imported out of time order) is not replayed, and its late readings are judged
 * as beyond it. Bounds what one batch can cost.
 */
export const MAX_REPLAY_READINGS = 20_000;

/**
 * The stored readings all the replays of one batch may read together (each is stepped through
 * twice): the sensors past it are not replayed, their late readings judged as beyond the window.
 * Bounds how long one batch holds the thread and its sensors' locks (a gateway resending minutes
 * of hundreds of sensors).
 */
export const MAX_REPLAY_READINGS_PER_BATCH = 100_000;

export interface Reading {
  ts: number;
  value: number;
}

/** Readings as the replay steps through them: two columns it can cut without copying. */
interface Columns {
  ts: Float64Array;
  value: Float64Array;
}

/** Readings as columns (objects and other columns are copied, Float64Array columns taken as they are). */
function columnsOf(readings: Readings): Columns {
  const { ts, value } = seriesOf(readings);
  if (ts instanceof Float64Array && value instanceof Float64Array) return { ts, value };
  return { ts: Float64Array.from(ts), value: Float64Array.from(value) };
}

/** Positions [start, end) of `c`, without copying. */
function part(c: Columns, start: number, end = c.ts.length): Columns {
  return { ts: c.ts.subarray(start, end), value: c.value.subarray(start, end) };
}

/** The readings of `c` whose time passes `keep`, in their order. */
function where(c: Columns, keep: (ts: number) => boolean): Columns {
  let n = 0;
  for (let i = 0; i < c.ts.length; i++) if (keep(c.ts[i] as number)) n++;
  const out = { ts: new Float64Array(n), value: new Float64Array(n) };
  for (let i = 0, j = 0; i < c.ts.length; i++) {
    const ts = c.ts[i] as number;
    if (!keep(ts)) continue;
    out.ts[j] = ts;
    out.value[j] = c.value[i] as number;
    j++;
  }
  return out;
}

/** The position of the first reading of `c` (in timestamp order) newer than `ts` (`orAt`: at or newer). */
function firstAfter(c: Columns, ts: number, orAt = false): number {
  let i = 0;
  while (i < c.ts.length && (orAt ? (c.ts[i] as number) < ts : (c.ts[i] as number) <= ts)) i++;
  return i;
}

/** Where a sensor's replay states stand, as ingest reads them with the sensor's lock. */
export interface ReplayMarks {
  /** Reading time of the checkpoint: null → none kept, −Infinity → before the first reading. */
  checkpointTs: number | null;
  /** Reading time of the pending state: null → none kept. */
  pendingTs: number | null;
}

/**
 * The most late readings a sensor's state remembers as judged without a replay: each is replayed,
 * and what it changes raised, by the sensor's next replay. Past it the oldest are forgotten (and
 * no longer hold a rotation back, so they may be left out for good).
 */
export const MAX_UNJUDGED = 1_000;

export interface ReplayPlan {
  /** Rotate before judging: checkpoint ← pending (when there is one) ← the current state. */
  rotate: boolean;
  /**
   * Replay from the checkpoint (as it is after the rotation): some reading of the batch is late
   * and within the window, or one judged without a replay before is.
   */
  replayFrom: number | null;
  /**
   * Late readings newer than this that are judged without a replay (past a batch's budget, a
   * window too long, a sensor without a checkpoint yet) are remembered in the state
   * (`unjudged`), to be replayed later; null → none is (replaying is off).
   */
  keepLateAfter: number | null;
}

/**
 * What ingest does for one sensor's batch: rotate the replay states, and whether (and from where)
 * to replay. `windowMs` 0 turns replaying off. `unjudged`: the state's late readings judged
 * without a replay so far.
 */
export function planReplay(
  previousTs: number | undefined,
  marks: ReplayMarks,
  batch: Readings,
  windowMs: number,
  unjudged: MonitorState['unjudged'] = [],
): ReplayPlan {
  if (windowMs <= 0 || previousTs === undefined)
    return { rotate: false, replayFrom: null, keepLateAfter: null };
  const { pendingTs, checkpointTs } = marks;
  // A pending state older than a reading judged without a replay was never recomputed with it:
  // it must not become the checkpoint before a replay has (it would leave the reading out for
  // good), so the rotation waits for that replay.
  const stale =
    pendingTs !== null &&
    checkpointTs !== null &&
    unjudged.some(([ts]) => ts <= pendingTs && ts > checkpointTs);
  const rotate = !stale && (pendingTs === null || previousTs - pendingTs >= windowMs);
  const from = rotate && pendingTs !== null ? pendingTs : checkpointTs;
  // Without a checkpoint yet, the pending state (after the rotation) is the first one there will be.
  const keepLateAfter = from ?? (rotate ? previousTs : pendingTs);
  if (from === null) return { rotate, replayFrom: null, keepLateAfter };
  const { ts } = seriesOf(batch);
  let late = unjudged.some(([at]) => at > from);
  for (let i = 0; i < ts.length && !late; i++)
    late = (ts[i] as number) <= previousTs && (ts[i] as number) > from;
  return { rotate, replayFrom: late ? from : null, keepLateAfter };
}

/**
 * The plan when the window holds too much to replay (replaying is on): no replay, and the states
 * rotate at once (as planReplay's rotation, whether or not it was due). The late readings judged
 * without a replay are given up: the pending state the rotation makes lacks them, so keeping them
 * would hold the next rotation back and read the same long window again.
 */
export function rotateNow(previousTs: number): ReplayPlan {
  return { rotate: true, replayFrom: null, keepLateAfter: previousTs };
}

export interface ReplayInput {
  /** The state before this batch (its lastTs is the newest reading judged). */
  previous: MonitorState;
  /** The state the replay starts from; readings after its lastTs (all, without one) are replayed. */
  checkpoint: MonitorState;
  /** The pending state to recompute on the way, null when none is kept. */
  pending: MonitorState | null;
  config: MonitorConfig;
  /** Every stored reading of the sensor after the checkpoint, this batch's included, in timestamp order. */
  stored: Readings;
  /** This batch's new readings (stored ones, duplicates excluded), any order. */
  batch: Readings;
}

export interface ReplayResult {
  state: MonitorState;
  /** The recomputed pending state (null when none is kept). */
  pending: MonitorState | null;
  /** What this batch found: the replay's findings less those the stream had already found. */
  findings: Finding[];
  /** Limits the replay learned that the sensor did not have. */
  learned: ControlLimits | null;
  /**
   * Readings the detectors stepped through: those before this batch's earliest once, the rest
   * twice (with and without this batch).
   */
  replayed: number;
}

interface Run {
  state: MonitorState;
  pending: MonitorState | null;
  findings: Finding[];
}

/** The detectors from `checkpoint` over `readings` (in order), with the state at `pendingTs` on the way. */
function run(
  checkpoint: MonitorState,
  pendingTs: number | null,
  config: MonitorConfig,
  readings: Columns,
): Run {
  if (pendingTs === null) {
    const all = monitor(checkpoint, config, readings);
    return { state: all.state, pending: null, findings: all.findings };
  }
  const split = firstAfter(readings, pendingTs);
  const head = monitor(checkpoint, config, part(readings, 0, split));
  const tail = monitor(head.state, config, part(readings, split));
  return { state: tail.state, pending: head.state, findings: [...head.findings, ...tail.findings] };
}

const keyOf = (f: Pick<Finding, 'rule' | 'ts'>) => `${f.rule}@${f.ts}`;

function withoutUnjudged<S extends MonitorState | null>(state: S): S {
  if (!state?.unjudged) return state;
  const { unjudged: _, ...rest } = state;
  return rest as S;
}

/**
 * The state after a batch judged without a replay: its late readings that a later replay can
 * still reach (newer than `keepAfter`) join the state's list of unjudged ones; those it can no
 * longer reach leave it.
 */
function noteUnjudged(
  judged: { state: MonitorState; findings: readonly Finding[]; late: number },
  previousTs: number | undefined,
  batch: Readings,
  keepAfter: number | null,
): MonitorState {
  const { state, late } = judged;
  if (keepAfter === null) return withoutUnjudged(state);
  // `late`: monitor's count of the batch's readings at or before the newest judged (none, mostly).
  if (late === 0 && !state.unjudged) return state;
  const kept = (state.unjudged ?? []).filter(([ts]) => ts > keepAfter);
  if (late > 0 && previousTs !== undefined) {
    const raised = new Map<number, number>();
    for (const f of judged.findings) {
      const bit = LATE_RULE_BITS.get(f.rule);
      if (bit && f.ts <= previousTs) raised.set(f.ts, (raised.get(f.ts) ?? 0) | bit);
    }
    for (const ts of Array.from(seriesOf(batch).ts))
      if (ts <= previousTs && ts > keepAfter) kept.push([ts, raised.get(ts) ?? 0]);
  }
  if (kept.length === 0) return withoutUnjudged(state);
  kept.sort((a, b) => a[0] - b[0]);
  return { ...state, unjudged: kept.length > MAX_UNJUDGED ? kept.slice(-MAX_UNJUDGED) : kept };
}

/** Replays one sensor's window with this batch's readings in it; see the file's comment. */
export function replay(input: ReplayInput): ReplayResult {
  const { previous, checkpoint, config } = input;
  const stored = columnsOf(input.stored);
  const batch = columnsOf(input.batch);
  const from = checkpoint.lastTs ?? Number.NEGATIVE_INFINITY;
  const pendingTs = input.pending?.lastTs ?? null;
  const fresh = new Set<number>();
  let firstFresh = Number.POSITIVE_INFINITY;
  // New in this replay: the batch's readings, and the late readings judged without a replay
  // before (stored, but never yet stepped through in order).
  const remembered = new Map((previous.unjudged ?? []).filter(([ts]) => ts > from));
  const noteFresh = (ts: number) => {
    if (!(ts > from)) return;
    fresh.add(ts);
    if (ts < firstFresh) firstFresh = ts;
  };
  for (const ts of batch.ts) noteFresh(ts);
  for (const ts of remembered.keys()) noteFresh(ts);
  // The stored readings before this batch's earliest are the same with and without it: the
  // detectors step through them once, and both runs go on from there. What they find there is in
  // both runs, so it is not new.
  const cut = firstAfter(stored, firstFresh, true);
  const pendingInPrefix = pendingTs !== null && pendingTs < firstFresh;
  const head = run(checkpoint, pendingInPrefix ? pendingTs : null, config, part(stored, 0, cut));
  const tailPendingTs = pendingInPrefix ? null : pendingTs;
  const rest = part(stored, cut);
  const before = where(rest, (ts) => !fresh.has(ts));
  // What was found before: the same run without the fresh readings, and what a reading judged
  // without a replay raised then (spec, rule 1).
  const known = new Map<string, number>();
  const note = (key: string) => known.set(key, (known.get(key) ?? 0) + 1);
  for (const f of run(head.state, tailPendingTs, config, before).findings) note(keyOf(f));
  for (const [ts, raised] of remembered)
    for (const [rule, bit] of LATE_RULE_BITS) if (raised & bit) note(keyOf({ rule, ts }));
  const now = run(head.state, tailPendingTs, config, rest);
  const findings: Finding[] = [];
  for (const f of now.findings) {
    const seen = known.get(keyOf(f)) ?? 0;
    if (seen > 0) known.set(keyOf(f), seen - 1);
    else findings.push(f);
  }
  // Older than the checkpoint: beyond the window, judged as monitor.ts judges late readings.
  const beyond = where(batch, (ts) => ts <= from);
  // Every late reading after the checkpoint has now been judged in order; those before it never
  // will be. (The states the runs start from carry the list as it was when they were kept.)
  let state = withoutUnjudged(now.state);
  if (beyond.ts.length > 0) {
    const outside = monitor(state, config, beyond);
    findings.push(...outside.findings);
    state = outside.state;
  }
  const learned =
    state.learned &&
    (state.learned.center !== previous.learned?.center || state.learned.sigma !== previous.learned?.sigma)
      ? state.learned
      : null;
  return {
    state,
    pending: input.pending === null ? null : withoutUnjudged(pendingInPrefix ? head.pending : now.pending),
    findings,
    learned,
    replayed: cut + before.ts.length + rest.ts.length,
  };
}

/** A sensor's stored replay states, read only when its batch is replayed. */
export interface ReplayStates {
  checkpoint: MonitorState | null;
  pending: MonitorState | null;
}

export interface SensorJudgement {
  state: MonitorState;
  findings: Finding[];
  learned: ControlLimits | null;
  /** The pending state to store (a replay recomputed it); null → as the rotation leaves it. */
  pending: MonitorState | null;
  /** Readings a replay stepped through; 0 → no replay. */
  replayed: number;
}

/**
 * One sensor's batch: the detectors from `previous` over the batch, or a replay when `plan` says so
 * and the states are there. `states` are the stored ones, before `plan`'s rotation (which the
 * database makes when the update is stored); `stored` the readings after `plan.replayFrom`.
 */
export function judgeSensor(input: {
  previous: MonitorState;
  marks: ReplayMarks;
  plan: ReplayPlan;
  states: ReplayStates | undefined;
  stored: Readings;
  config: MonitorConfig;
  /** This batch's new readings, any order. */
  batch: Readings;
}): SensorJudgement {
  const { previous, marks, plan, states, config, batch } = input;
  // After a rotation the checkpoint is the stored pending state, and the pending one the previous.
  const rotated = plan.rotate && marks.pendingTs !== null;
  const checkpoint =
    plan.replayFrom === null ? null : ((rotated ? states?.pending : states?.checkpoint) ?? null);
  if (!checkpoint) {
    const judged = monitor(previous, config, batch);
    const state = noteUnjudged(judged, previous.lastTs, batch, plan.keepLateAfter);
    return { ...judged, state, pending: null, replayed: 0 };
  }
  return replay({
    previous,
    checkpoint,
    pending: plan.rotate ? previous : (states?.pending ?? null),
    config,
    stored: input.stored,
    batch,
  });
}
