// The one path every reading takes (HTTP single and bulk, MQTT, line protocol, CSV import, the
// simulator): validate each row, store the batch with its rollups set-based, judge each sensor's
// new readings in timestamp order with its stored detector state, and open or clear alarms — all
// in one transaction, so a batch is either committed whole or not at all. Live subscribers get the
// newest values (throttled) and every opened alarm.
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import { storeAlarmPlans } from './alarm-lifecycle.ts';
import { openAlarmsOf } from './alarms.repo.ts';
import { judgeBatch } from './batch-judgement.ts';
import type { LivePush } from './live.ts';
import type { Series } from './monitor.ts';
import { batchOfRows, type ReadingBatch, type SensorRef } from './reading-batch.ts';
import { ensurePartitions, insertReadings } from './readings.repo.ts';
import {
  lockStates,
  type SensorRow,
  saveStates,
  sensorsById,
  sensorsByKey,
  storeLearnedLimits,
} from './sensors.repo.ts';

export const MAX_BATCH = 50_000;

export type RejectReason =
  | 'unknown_sensor'
  | 'ambiguous_sensor_key'
  | 'non_finite_value'
  | 'timestamp_out_of_range'
  | 'invalid_timestamp'
  | 'duplicate';

export interface ReadingInput {
  sensorId?: string | undefined;
  sensorKey?: string | undefined;
  /** Epoch milliseconds, an ISO 8601 string, or absent for now. */
  ts?: number | string | undefined;
  /** Non-numbers (null, "NaN") are counted as non-finite. */
  value: number | string | null;
}

export interface Rejection {
  index: number;
  reason: RejectReason;
}

export interface IngestResult {
  accepted: number;
  rejected: number;
  /** Rejections by reason. */
  reasons: Partial<Record<RejectReason, number>>;
  /** The first rejected rows (at most 100), by position in the request. */
  errors: Rejection[];
  /** Alarms this batch opened. */
  alarmsOpened: number;
}

export interface IngestOptions {
  /** Where sensor keys are looked up (required when a key exists in several facilities). */
  facilityId?: string | undefined;
  /** The way the readings came in, for the counts on /metrics (default `http`). */
  channel?: IngestChannel;
}

export const INGEST_CHANNELS = ['http', 'bulk', 'line_protocol', 'mqtt', 'csv', 'simulator'] as const;
export type IngestChannel = (typeof INGEST_CHANNELS)[number];

/** Readings and batches per channel since the process started (read when /metrics is scraped). */
export interface ChannelCounts {
  accepted: number;
  rejected: number;
  committed: number;
  failed: number;
}

export interface IngestDeps {
  db: Db;
  events: Pick<Events, 'record' | 'recordMany'>;
  live: LivePush;
  /** Oldest accepted reading, in days before now. */
  maxAgeDays: number;
  /** Newest accepted reading, in seconds after now (clock skew of devices). */
  maxFutureSeconds: number;
  /** How far back (reading time) late data is replayed through the detectors; 0 → never (replay.ts). */
  replayWindowMs: number;
  now?: () => number;
}

const MAX_ERRORS = 100;
/** A batch's statements take its readings as arrays: their plans need not depend on them (scope.ts). */
const GENERIC_PLANS = { genericPlans: true };
const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);

function timestampOf(ts: ReadingInput['ts'], now: number): number {
  if (ts === undefined) return now;
  // Microseconds, as PostgreSQL stores them: two readings equal there are equal here.
  const ms = typeof ts === 'number' ? ts : Date.parse(ts);
  return Math.round(ms * 1000) / 1000;
}

function numberOf(value: ReadingInput['value']): number {
  return typeof value === 'number' ? value : Number.NaN;
}

/** What the first pass finds wrong with a reading's own time and value (0: nothing). */
const PROBLEMS = [null, 'invalid_timestamp', 'timestamp_out_of_range', 'non_finite_value'] as const;

/**
 * Each sensor's new readings, as columns in the order they came. `skip`: positions stored already
 * (null when none is, as in almost every batch).
 */
function seriesPerSensor(
  columns: { sensor: Int32Array; ts: Float64Array; value: Float64Array },
  sensors: number,
  skip: ReadonlySet<number> | null,
): Series[] {
  const counts = new Int32Array(sensors);
  for (let i = 0; i < columns.sensor.length; i++)
    if (!skip?.has(i))
      counts[columns.sensor[i] as number] = (counts[columns.sensor[i] as number] as number) + 1;
  const out = Array.from(counts, (count) => ({
    ts: new Float64Array(count),
    value: new Float64Array(count),
  }));
  const filled = new Int32Array(sensors);
  for (let i = 0; i < columns.sensor.length; i++) {
    if (skip?.has(i)) continue;
    const k = columns.sensor[i] as number;
    const at = filled[k] as number;
    const series = out[k] as { ts: Float64Array; value: Float64Array };
    series.ts[at] = columns.ts[i] as number;
    series.value[at] = columns.value[i] as number;
    filled[k] = at + 1;
  }
  return out;
}

export function createIngest({
  db,
  events,
  live,
  maxAgeDays,
  maxFutureSeconds,
  replayWindowMs,
  now = Date.now,
}: IngestDeps) {
  /** Days whose partition this process has made sure of. */
  const partitionDays = new Set<string>();
  const counts = new Map<IngestChannel, ChannelCounts>(
    INGEST_CHANNELS.map((c) => [c, { accepted: 0, rejected: 0, committed: 0, failed: 0 }]),
  );

  async function ensureDays(tenantId: string, fromMs: number, toMs: number) {
    const first = Math.floor(fromMs / DAY_MS);
    const last = Math.floor(toMs / DAY_MS);
    let missing = false;
    for (let d = first; d <= last && !missing; d++) missing = !partitionDays.has(dayOf(d * DAY_MS));
    if (!missing) return;
    // A short transaction of its own: making a partition locks the parent table until commit.
    await inTenant(db, tenantId, (tx) => ensurePartitions(tx, dayOf(fromMs), dayOf(toMs)));
    for (let d = first; d <= last; d++) partitionDays.add(dayOf(d * DAY_MS));
  }

  /** Resolves the batch's sensor references (each distinct one once): a sensor or a rejection each. */
  async function resolve(
    tx: Tx,
    refs: readonly SensorRef[],
    facilityId: string | undefined,
  ): Promise<(SensorRow | RejectReason)[]> {
    const ids: string[] = [];
    const keys: string[] = [];
    for (const ref of refs) {
      if (ref.sensorId) ids.push(ref.sensorId);
      else if (ref.sensorKey) keys.push(ref.sensorKey);
    }
    const byId = await sensorsById(tx, ids);
    const byKey = new Map<string, SensorRow | 'ambiguous_sensor_key'>();
    for (const sensor of await sensorsByKey(tx, keys, facilityId)) {
      byKey.set(sensor.key, byKey.has(sensor.key) ? 'ambiguous_sensor_key' : sensor);
    }
    return refs.map((ref) => {
      const found = ref.sensorId
        ? byId.get(ref.sensorId)
        : ref.sensorKey
          ? byKey.get(ref.sensorKey)
          : undefined;
      return found ?? 'unknown_sensor';
    });
  }

  /** Stores `rows` (or a batch built as columns: ReadingBatchBuilder) in one transaction. */
  async function ingest(
    tenantId: string,
    rows: readonly ReadingInput[] | ReadingBatch,
    options: IngestOptions = {},
  ) {
    const counted = counts.get(options.channel ?? 'http') as ChannelCounts;
    try {
      const batch = Array.isArray(rows) ? batchOfRows(rows) : (rows as ReadingBatch);
      const result = await ingestBatch(tenantId, batch, options);
      counted.committed += 1;
      counted.accepted += result.accepted;
      counted.rejected += result.rejected;
      return result;
    } catch (err) {
      counted.failed += 1;
      throw err;
    }
  }

  async function ingestBatch(
    tenantId: string,
    batch: ReadingBatch,
    options: IngestOptions,
  ): Promise<IngestResult> {
    const n = batch.length;
    if (n > MAX_BATCH) throw new Error(`at most ${MAX_BATCH} readings per batch`);
    const clock = now();
    const oldest = clock - maxAgeDays * DAY_MS;
    const newest = clock + maxFutureSeconds * 1000;
    const rejections: Rejection[] = [];
    // Timestamps and values first: cheap, and they bound the partitions needed.
    const tsAt = new Float64Array(n);
    const valueAt = new Float64Array(n);
    const problem = new Uint8Array(n);
    let minTs = Number.POSITIVE_INFINITY;
    let maxTs = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const ts = timestampOf(batch.ts[i], clock);
      const value = numberOf(batch.value[i] as ReadingInput['value']);
      tsAt[i] = ts;
      valueAt[i] = value;
      if (!Number.isFinite(ts)) problem[i] = 1;
      else if (ts < oldest || ts > newest) problem[i] = 2;
      else if (!Number.isFinite(value)) problem[i] = 3;
      else {
        if (ts < minTs) minTs = ts;
        if (ts > maxTs) maxTs = ts;
      }
    }
    if (minTs <= maxTs) await ensureDays(tenantId, minTs, maxTs);

    const outcome = await inTenant(
      db,
      tenantId,
      async (tx) => {
        const sensorOfRef = await resolve(tx, batch.refs, options.facilityId);
        /** Per reference: its sensor's position in the batch's sensors (-1 until its first reading). */
        const positionOfRef = new Int32Array(batch.refs.length).fill(-1);
        const sensorIds: string[] = [];
        const sensorIndex = new Map<string, number>();
        const sensorRows: SensorRow[] = [];
        // The rows to store, as columns filled up to `m` (no growing arrays: a batch is up to 50,000).
        const sensorCol = new Int32Array(n);
        const tsCol = new Float64Array(n);
        const valueCol = new Float64Array(n);
        /** Per stored row: its position in the request. */
        const origin = new Int32Array(n);
        let m = 0;
        /** Per sensor: its newest timestamp in the batch so far, and (once one came out of order) all of them. */
        const newestOf: number[] = [];
        const seen: (Set<number> | undefined)[] = [];
        for (let i = 0; i < n; i++) {
          const r = batch.ref[i] as number;
          const sensor = sensorOfRef[r] as SensorRow | RejectReason;
          const reason = typeof sensor === 'string' ? sensor : PROBLEMS[problem[i] as number];
          if (reason) {
            rejections.push({ index: i, reason });
            continue;
          }
          // Two references (an id and a key) may name one sensor: positions are per sensor.
          let k = positionOfRef[r] as number;
          if (k < 0) {
            const s = sensor as SensorRow;
            let at = sensorIndex.get(s.id);
            if (at === undefined) {
              at = sensorIds.length;
              sensorIndex.set(s.id, at);
              sensorIds.push(s.id);
              sensorRows.push(s);
              newestOf.push(Number.NEGATIVE_INFINITY);
              seen.push(undefined);
            }
            k = at;
            positionOfRef[r] = k;
          }
          const ts = tsAt[i] as number;
          // A repeat inside the batch (the database finds repeats of stored readings).
          // Rows of a sensor usually come in time order: a repeat is only possible at or before the
          // newest seen so far, and only then is the set of its timestamps built and asked.
          if (ts > (newestOf[k] as number)) {
            newestOf[k] = ts;
            seen[k]?.add(ts);
          } else {
            let times = seen[k];
            if (!times) {
              times = new Set<number>();
              for (let j = 0; j < m; j++) if (sensorCol[j] === k) times.add(tsCol[j] as number);
              seen[k] = times;
            }
            if (times.has(ts)) {
              rejections.push({ index: i, reason: 'duplicate' });
              continue;
            }
            times.add(ts);
          }
          sensorCol[m] = k;
          tsCol[m] = ts;
          valueCol[m] = valueAt[i] as number;
          origin[m] = i;
          m++;
        }
        const columns = {
          sensor: sensorCol.subarray(0, m),
          ts: tsCol.subarray(0, m),
          value: valueCol.subarray(0, m),
        };
        // Locked before the insert: batches of one sensor are judged one after the other.
        const states = await lockStates(tx, sensorIds);
        const { inserted, duplicates } = await insertReadings(tx, { sensorIds, ...columns });
        for (const position of duplicates) {
          rejections.push({ index: origin[position] as number, reason: 'duplicate' });
        }
        const stored = duplicates.length > 0 ? new Set(duplicates) : null;
        const perSensor = seriesPerSensor(columns, sensorIds.length, stored);
        const open = await openAlarmsOf(tx, 'sensor', sensorIds);
        const { alarms, updates, learnedLimits } = await judgeBatch(
          tx,
          sensorRows,
          states,
          perSensor,
          open,
          replayWindowMs,
        );
        await storeLearnedLimits(tx, learnedLimits);
        await saveStates(tx, updates);
        const opened = await storeAlarmPlans(tx, events, tenantId, 'sensor', alarms);
        return { inserted, opened, updates };
      },
      GENERIC_PLANS,
    );
    for (const u of outcome.updates) live.offer(tenantId, u.sensorId, u.lastTs, u.lastValue);

    rejections.sort((a, b) => a.index - b.index);
    const reasons: Partial<Record<RejectReason, number>> = {};
    for (const r of rejections) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
    return {
      accepted: outcome.inserted,
      rejected: rejections.length,
      reasons,
      errors: rejections.slice(0, MAX_ERRORS),
      alarmsOpened: outcome.opened,
    } satisfies IngestResult;
  }

  return { ingest, counts: counts as ReadonlyMap<IngestChannel, Readonly<ChannelCounts>> };
}

export type Ingest = ReturnType<typeof createIngest>;
