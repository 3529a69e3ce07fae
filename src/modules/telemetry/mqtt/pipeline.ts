// From MQTT message to committed readings, for both the bridge and the built-in broker: read the
// topic and payload, look up tenant and facility, and gather the readings into batches per
// (tenant, facility) that go to ingest together — at `maxReadings` readings or after `maxDelayMs`,
// whichever comes first. A message's promise settles when the batch carrying it has committed (or
// failed), which is when an MQTT QoS 1 message may be acknowledged.
import { type Ingest, type IngestResult, MAX_BATCH, type ReadingInput } from '../ingest.service.ts';
import type { Directory } from './directory.ts';
import { createDropLog, type MqttMetrics, type Source, type WarnLogger } from './metrics.ts';
import { type DropReason, parsePayload, parseTopic, redactTopic } from './payload.ts';

export type Outcome = { ingested: true } | { ingested: false; reason: DropReason };

export interface PipelineOptions {
  ingest: Pick<Ingest, 'ingest'>;
  directory: Directory;
  metrics: MqttMetrics;
  logger: WarnLogger;
  /** A batch goes to ingest once it holds this many readings… */
  maxReadings?: number;
  /** …or this long after its first message arrived. */
  maxDelayMs?: number;
  /** Batches committing at the same time (each is one transaction). */
  concurrency?: number;
}

interface Batch {
  tenantId: string;
  facilityId: string;
  rows: ReadingInput[];
  done: Promise<IngestResult>;
  resolve(result: IngestResult): void;
  reject(err: unknown): void;
}

export function createPipeline({
  ingest,
  directory,
  metrics,
  logger,
  maxReadings = 5000,
  maxDelayMs = 50,
  concurrency = 4,
}: PipelineOptions) {
  const open = new Map<string, Batch>();
  const queue: Batch[] = [];
  const running = new Set<Promise<void>>();
  /** Readings accepted from messages and not yet committed (or failed): the backpressure measure. */
  let pending = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const drainWaiters: { below: number; resolve(): void }[] = [];
  const logDrop = createDropLog(logger);

  function drop(source: Source, topic: string, reason: DropReason): Outcome {
    metrics.messages.inc({ source, outcome: reason });
    logDrop(reason, redactTopic(topic), source);
    return { ingested: false, reason };
  }

  function newBatch(tenantId: string, facilityId: string): Batch {
    let resolve!: (result: IngestResult) => void;
    let reject!: (err: unknown) => void;
    const done = new Promise<IngestResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Settled for whoever listens; a batch nobody waits for must not be an unhandled rejection.
    done.catch(() => {});
    return { tenantId, facilityId, rows: [], done, resolve, reject };
  }

  function close(key: string, batch: Batch) {
    open.delete(key);
    queue.push(batch);
    pump();
  }

  function closeAll() {
    clearTimeout(timer);
    timer = undefined;
    for (const [key, batch] of open) close(key, batch);
  }

  function pump() {
    while (running.size < concurrency && queue.length > 0) {
      const batch = queue.shift() as Batch;
      const run = commit(batch).finally(() => {
        running.delete(run);
        pump();
      });
      running.add(run);
    }
  }

  async function commit(batch: Batch) {
    try {
      const result = await ingest.ingest(batch.tenantId, batch.rows, { facilityId: batch.facilityId });
      metrics.batches.inc({ result: 'committed' });
      if (result.accepted) metrics.readings.inc({ result: 'accepted' }, result.accepted);
      if (result.rejected) metrics.readings.inc({ result: 'rejected' }, result.rejected);
      batch.resolve(result);
    } catch (err) {
      metrics.batches.inc({ result: 'failed' });
      logger.warn(
        { err, readings: batch.rows.length },
        'an MQTT batch failed; its QoS 1 messages are not acknowledged',
      );
      batch.reject(err);
    } finally {
      pending -= batch.rows.length;
      for (let i = drainWaiters.length - 1; i >= 0; i--) {
        const waiter = drainWaiters[i] as { below: number; resolve(): void };
        if (pending < waiter.below) {
          drainWaiters.splice(i, 1);
          waiter.resolve();
        }
      }
    }
  }

  /** Adds a message's readings to the open batch of its (tenant, facility); resolves once committed. */
  function enqueue(tenantId: string, facilityId: string, rows: ReadingInput[]): Promise<IngestResult> {
    if (stopped) return Promise.reject(new Error('the MQTT pipeline is stopped'));
    const key = `${tenantId}/${facilityId}`;
    let batch = open.get(key);
    if (batch && batch.rows.length + rows.length > MAX_BATCH) {
      close(key, batch);
      batch = undefined;
    }
    if (!batch) {
      batch = newBatch(tenantId, facilityId);
      open.set(key, batch);
    }
    for (const row of rows) batch.rows.push(row);
    pending += rows.length;
    if (batch.rows.length >= maxReadings) close(key, batch);
    else timer ??= setTimeout(closeAll, maxDelayMs);
    return batch.done;
  }

  /**
   * Takes one message. Resolves with what became of it once that is final: dropped (counted, and
   * logged now and then), or ingested — its batch committed. Rejects when the batch failed.
   * `tenantId`, when given, is the tenant the publisher belongs to (built-in broker): a topic key
   * of another tenant is then an unknown one.
   */
  async function accept(
    source: Source,
    topic: string,
    payload: Buffer | string,
    tenantOfPublisher?: string,
  ): Promise<Outcome> {
    if (stopped) throw new Error('the MQTT pipeline is stopped');
    const parts = parseTopic(topic);
    if (!parts) return drop(source, topic, 'bad_topic');
    const rows = parsePayload(payload, parts.sensorKey);
    if (typeof rows === 'string') return drop(source, topic, rows);
    const tenantId = await directory.tenantOfKey(parts.topicKey);
    if (!tenantId || (tenantOfPublisher && tenantId !== tenantOfPublisher))
      return drop(source, topic, 'unknown_topic_key');
    const facilityId = await directory.facilityOf(tenantId, parts.facilityCode);
    if (!facilityId) return drop(source, topic, 'unknown_facility');
    await enqueue(tenantId, facilityId, rows);
    metrics.messages.inc({ source, outcome: 'ingested' });
    return { ingested: true };
  }

  return {
    accept,
    /** Readings taken but not yet committed. */
    get pending() {
      return pending;
    },
    /** Resolves once fewer than `below` readings are pending (for a receiver to stop reading meanwhile). */
    whenBelow(below: number): Promise<void> {
      if (pending < below) return Promise.resolve();
      return new Promise((resolve) => drainWaiters.push({ below, resolve }));
    },
    /** Commits what is open and waits for every batch; takes no more messages after. */
    async stop() {
      stopped = true;
      closeAll();
      while (running.size > 0 || queue.length > 0) await Promise.allSettled([...running]);
    },
  };
}

export type Pipeline = ReturnType<typeof createPipeline>;
