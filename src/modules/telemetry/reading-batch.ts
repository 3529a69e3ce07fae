// A batch of readings held as columns: each reading's sensor reference (an index into the batch's
// distinct references), its timestamp and its value, as they were sent. Ingest reads it without an
// object per reading. A columnar bulk body of 50,000 readings used to become 50,000 row objects and
// then 50,000 parsed entries before anything was stored, and their garbage collection led
// bench:ingest's CPU profile; a batch also resolves each distinct sensor once, not once per reading.
import type { ReadingInput } from './ingest.service.ts';

/** How a reading names its sensor: by id (which wins when both are given) or by key. */
export interface SensorRef {
  sensorId?: string | undefined;
  sensorKey?: string | undefined;
}

export interface ReadingBatch {
  readonly length: number;
  /** The distinct references, each once. */
  readonly refs: readonly SensorRef[];
  /** Per reading: its sensor reference, an index into `refs`. */
  readonly ref: Int32Array;
  readonly ts: readonly ReadingInput['ts'][];
  readonly value: readonly ReadingInput['value'][];
}

export class ReadingBatchBuilder {
  private readonly refs: SensorRef[] = [];
  private readonly byId = new Map<string, number>();
  private readonly byKey = new Map<string, number>();
  private none = -1;
  private readonly ref: Int32Array;
  private readonly ts: ReadingInput['ts'][];
  private readonly value: ReadingInput['value'][];
  private length = 0;

  constructor(capacity: number) {
    this.ref = new Int32Array(capacity);
    this.ts = new Array(capacity);
    this.value = new Array(capacity);
  }

  /** The index of a reference, added on first sight. */
  refOf(sensorId: string | undefined, sensorKey: string | undefined): number {
    if (sensorId) return this.byId.get(sensorId) ?? this.add(this.byId, sensorId, { sensorId });
    if (sensorKey) return this.byKey.get(sensorKey) ?? this.add(this.byKey, sensorKey, { sensorKey });
    if (this.none < 0) this.none = this.refs.push({}) - 1;
    return this.none;
  }

  private add(map: Map<string, number>, name: string, ref: SensorRef): number {
    const at = this.refs.push(ref) - 1;
    map.set(name, at);
    return at;
  }

  push(ref: number, ts: ReadingInput['ts'], value: ReadingInput['value']): void {
    const at = this.length;
    if (at === this.ref.length) throw new Error(`the batch is full (${at} readings)`);
    this.ref[at] = ref;
    this.ts[at] = ts;
    this.value[at] = value;
    this.length = at + 1;
  }

  build(): ReadingBatch {
    const { length } = this;
    return {
      length,
      refs: this.refs,
      ref: this.ref.subarray(0, length),
      ts: length === this.ts.length ? this.ts : this.ts.slice(0, length),
      value: length === this.value.length ? this.value : this.value.slice(0, length),
    };
  }
}

/** Rows as a batch (the single reading, MQTT, line protocol, CSV and the simulator send rows). */
export function batchOfRows(rows: readonly ReadingInput[]): ReadingBatch {
  const builder = new ReadingBatchBuilder(rows.length);
  for (const row of rows) builder.push(builder.refOf(row.sensorId, row.sensorKey), row.ts, row.value);
  return builder.build();
}
