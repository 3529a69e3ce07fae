// Judges one ingest batch, sensor by sensor, inside its transaction: each sensor's new readings
// through its detectors (monitor.ts) from the locked state, or, when some of them are late but
// within the replay window, a replay from the sensor's checkpoint over its stored readings
// (replay.ts). Returns what ingest then stores: the new states, each sensor's alarm plan (the
// episodes to clear, open or extend; alarm-episodes.ts), learned limits.
import type { Tx } from '../../platform/db/database.ts';
import { planAlarms } from './alarm-episodes.ts';
import type { SubjectAlarmPlan } from './alarm-lifecycle.ts';
import type { MonitorState, Series } from './monitor.ts';
import { readingsAfter, replayStates } from './replay.repo.ts';
import {
  judgeSensor,
  MAX_REPLAY_READINGS,
  MAX_REPLAY_READINGS_PER_BATCH,
  planReplay,
  type Reading,
  type ReplayMarks,
  type ReplayPlan,
  type ReplayStates,
  rotateNow,
} from './replay.ts';
import { configOf } from './sensor-judgement.ts';
import type { LockedState, SensorRow, StateUpdate } from './sensors.repo.ts';

const marksOf = (locked: LockedState | undefined): ReplayMarks => ({
  checkpointTs: locked?.checkpointTs ?? null,
  pendingTs: locked?.pendingTs ?? null,
});

const NONE: ReadonlyMap<string, number> = new Map();

/** Sensors whose stored readings one query reads for replays. */
const WINDOWS_PER_READ = 8;

export interface BatchJudgement {
  /** What each sensor's alarms do, for the sensors with findings or alarms not cleared. */
  alarms: SubjectAlarmPlan[];
  updates: StateUpdate[];
  learnedLimits: { sensorId: string; center: number; sigma: number }[];
}

/**
 * `readings[k]` are the batch's new readings of `sensors[k]` (duplicates left out), in any order;
 * `states` the sensors' locked state rows; `open` their alarms not cleared (sensor → rule → latest
 * signal). `windowMs` 0 turns replaying off.
 */
export async function judgeBatch(
  tx: Tx,
  sensors: readonly SensorRow[],
  states: ReadonlyMap<string, LockedState>,
  readings: readonly Series[],
  open: ReadonlyMap<string, ReadonlyMap<string, number>>,
  windowMs: number,
): Promise<BatchJudgement> {
  const out: BatchJudgement = { alarms: [], updates: [], learnedLimits: [] };
  const plans: (ReplayPlan | null)[] = sensors.map((sensor, k) => {
    const batch = readings[k] as Series;
    if (batch.ts.length === 0) return null;
    const locked = states.get(sensor.id);
    const previous = (locked?.state ?? {}) as MonitorState;
    return planReplay(previous.lastTs, marksOf(locked), batch, windowMs, previous.unjudged);
  });
  // Late readings within the window are rare: what a replay reads is fetched for those sensors only.
  const windows = sensors.flatMap((sensor, k) => {
    const from = plans[k]?.replayFrom;
    return from === null || from === undefined ? [] : [{ sensorId: sensor.id, from }];
  });
  const after = new Map<string, Reading[]>();
  // Windows holding more than a replay may read: only their count matters, not their rows.
  const tooLong = new Set<string>();
  // The replays of one batch share a budget of stored readings, read a few sensors at a time:
  // sensors past it are not replayed (their late readings are judged without a replay, and
  // remembered for the next one: replay.ts).
  let budget = MAX_REPLAY_READINGS_PER_BATCH;
  for (let i = 0; i < windows.length && budget > 0; i += WINDOWS_PER_READ) {
    const read = await readingsAfter(tx, windows.slice(i, i + WINDOWS_PER_READ));
    for (const [sensorId, rows] of read) {
      if (rows.length > MAX_REPLAY_READINGS) {
        tooLong.add(sensorId);
        continue;
      }
      if (rows.length > budget) {
        budget = 0;
        break;
      }
      budget -= rows.length;
      after.set(sensorId, rows);
    }
  }
  const replayed: string[] = [];
  sensors.forEach((sensor, k) => {
    const plan = plans[k];
    if (!plan || plan.replayFrom === null) return;
    // A window holding more than a replay may read (a high-rate sensor, history imported out of
    // order) is not replayed either, and the states rotate at once, so that the next late data
    // finds a shorter window instead of the same one.
    if (tooLong.has(sensor.id)) {
      plans[k] = rotateNow(((states.get(sensor.id)?.state ?? {}) as MonitorState).lastTs as number);
    } else if (after.has(sensor.id)) replayed.push(sensor.id);
  });
  // The checkpoint and pending states are read for the sensors replayed only: a sensor past the
  // budget gets none, and is judged without a replay.
  const stored: Map<string, ReplayStates> =
    replayed.length > 0 ? await replayStates(tx, replayed) : new Map();

  for (let k = 0; k < sensors.length; k++) {
    const plan = plans[k];
    if (!plan) continue;
    const sensor = sensors[k] as SensorRow;
    const batch = readings[k] as Series;
    const locked = states.get(sensor.id);
    const previous = (locked?.state ?? {}) as MonitorState;
    const result = judgeSensor({
      previous,
      marks: marksOf(locked),
      plan,
      states: stored.get(sensor.id),
      stored: after.get(sensor.id) ?? [],
      config: configOf(sensor),
      batch,
    });
    if (result.learned) out.learnedLimits.push({ sensorId: sensor.id, ...result.learned });
    const alarms = planAlarms(
      result.findings,
      batch.ts,
      open.get(sensor.id) ?? NONE,
      sensor.clearAfterSeconds * 1000,
    );
    if (alarms.episodes.length > 0 || alarms.cleared.length > 0)
      out.alarms.push({
        subjectId: sensor.id,
        facilityId: sensor.facilityId,
        name: sensor.name,
        plan: alarms,
      });
    // The newest reading.
    let last = 0;
    for (let i = 1; i < batch.ts.length; i++)
      if ((batch.ts[i] as number) >= (batch.ts[last] as number)) last = i;
    const lastTs = batch.ts[last] as number;
    out.updates.push({
      sensorId: sensor.id,
      lastTs,
      lastValue: batch.value[last] as number,
      state: result.state as Record<string, unknown>,
      ...(plan.rotate && previous.lastTs !== undefined ? { rotateAt: previous.lastTs } : {}),
      ...(result.pending ? { pending: result.pending as Record<string, unknown> } : {}),
    });
  }
  return out;
}
