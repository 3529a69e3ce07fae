// From MQTT message to committed readings, for both the bridge and the built-in broker: read the
// topic and payload, look up tenant and facility, and gather the readings into batches per
// (tenant, facility) that go to ingest together — at `maxReadings` readings or after `maxDelayMs`,
// whichever comes first. A message's promise settles when the batch carrying it has committed (or
// failed), which is when an MQTT QoS 1 message may be acknowledged.
import { type Ingest, MAX_BATCH, type ReadingInput } from '../ingest.service.ts';
import type { Directory } from './directory.ts';
import { createDropLog, type MqttMetrics, type Source, type WarnLogger } from './metrics.ts';
import { type DropReason, parsePayload, parseTopic, redactTopic } from './payload.ts';

export type Outcome = { ingested: true } | { ingested: false; reason: DropReason };

export interface PipelineOptions {
  ingest: Pick<Ingest, 'ingest'>;
  directory: Directory;
  metrics: MqttMetrics;
  logger: WarnLogger;
  /** Whether the database answers: a batch that failed while it does may hold a message at fault. */
  databaseAnswers: () => Promise<boolean>;
  /** A batch goes to ingest once it holds this many readings… */
  maxReadings?: number;
  /** …or this long after its first message arrived. */
  maxDelayMs?: number;
  /** Batches committing at the same time (each is one transaction). */
  concurrency?: number;
}

interface Message {
  source: Source;
  rows: ReadingInput[];
  /** For recognising the message when the broker delivers it again. */
  topic: string;
  payload: Buffer | string;
  resolve(outcome: Outcome): void;
  reject(err: unknown): void;
}

interface Batch {
  tenantId: string;
  facilityId: string;
  readings: number;
  messages: Message[];
}

/** Times a message alone may fail, the database answering, before it is dropped as unprocessable. */
const MAX_LONE_FAILURES = 3;

export function createPipeline({
  ingest,
  directory,
  metrics,
  logger,
  databaseAnswers,
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
  /** Lone failures by message (topic and payload), bounded. */
  const loneFailures = new Map<string, number>();

  function drop(source: Source, topic: string, reason: DropReason): Outcome {
    metrics.messages.inc({ source, outcome: reason });
    logDrop(reason, redactTopic(topic), source);
    return { ingested: false, reason };
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
      const run = settle(batch.tenantId, batch.facilityId, batch.messages)
        .catch((err) => logger.warn({ err }, 'MQTT batch settlement failed'))
        .finally(() => {
          pending -= batch.readings;
          wakeDrainWaiters();
          running.delete(run);
          pump();
        });
      running.add(run);
    }
  }

  function wakeDrainWaiters() {
    for (let i = drainWaiters.length - 1; i >= 0; i--) {
      const waiter = drainWaiters[i] as { below: number; resolve(): void };
      if (pending < waiter.below) {
        drainWaiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  /**
   * Commits the messages' readings in one transaction. If that fails while the database answers,
   * a message may be at fault: the halves are tried apart, down to single messages, so the others
   * still commit. A message that keeps failing on its own is dropped in the end — acknowledged, or
   * the broker would deliver it for ever. While the database does not answer, nothing is dropped.
   */
  async function settle(tenantId: string, facilityId: string, messages: Message[]): Promise<void> {
    const rows = messages.length === 1 ? (messages[0] as Message).rows : messages.flatMap((m) => m.rows);
    try {
      const result = await ingest.ingest(tenantId, rows, { facilityId });
      metrics.batches.inc({ result: 'committed' });
      if (result.accepted) metrics.readings.inc({ result: 'accepted' }, result.accepted);
      if (result.rejected) metrics.readings.inc({ result: 'rejected' }, result.rejected);
      for (const m of messages) m.resolve({ ingested: true });
      return;
    } catch (err) {
      metrics.batches.inc({ result: 'failed' });
      if (!(await databaseAnswers())) {
        logger.warn(
          { err, readings: rows.length },
          'an MQTT batch failed (database unavailable); not acknowledged',
        );
        for (const m of messages) m.reject(err);
        return;
      }
      if (messages.length > 1) {
        const half = Math.ceil(messages.length / 2);
        await settle(tenantId, facilityId, messages.slice(0, half));
        await settle(tenantId, facilityId, messages.slice(half));
        return;
      }
      const message = messages[0] as Message;
      const key = `${message.topic}\u0000${message.payload.toString()}`;
      const failures = (loneFailures.get(key) ?? 0) + 1;
      if (loneFailures.size >= 10_000) loneFailures.clear();
      loneFailures.set(key, failures);
      if (failures < MAX_LONE_FAILURES) {
        logger.warn(
          { err, topic: redactTopic(message.topic), failures },
          'an MQTT message failed; not acknowledged',
        );
        message.reject(err);
      } else {
        loneFailures.delete(key);
        logger.warn({ err, topic: redactTopic(message.topic) }, 'an MQTT message kept failing; dropped');
        message.resolve(drop(message.source, message.topic, 'ingest_failed'));
      }
    }
  }

  /** Adds a message's readings to the open batch of its (tenant, facility); settles once committed. */
  function enqueue(tenantId: string, facilityId: string, message: Omit<Message, 'resolve' | 'reject'>) {
    if (stopped) return Promise.reject(new Error('the MQTT pipeline is stopped'));
    const key = `${tenantId}/${facilityId}`;
    let batch = open.get(key);
    if (batch && batch.readings + message.rows.length > MAX_BATCH) {
      close(key, batch);
      batch = undefined;
    }
    if (!batch) {
      batch = { tenantId, facilityId, readings: 0, messages: [] };
      open.set(key, batch);
    }
    const target = batch;
    const done = new Promise<Outcome>((resolve, reject) =>
      target.messages.push({ ...message, resolve, reject }),
    );
    batch.readings += message.rows.length;
    pending += message.rows.length;
    if (batch.readings >= maxReadings) close(key, batch);
    else timer ??= setTimeout(closeAll, maxDelayMs);
    return done;
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
    const outcome = await enqueue(tenantId, facilityId, { source, rows, topic, payload });
    if (outcome.ingested) metrics.messages.inc({ source, outcome: 'ingested' });
    return outcome;
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
