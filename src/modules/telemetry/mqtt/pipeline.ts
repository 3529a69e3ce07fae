// From MQTT message to committed readings, for both the bridge and the built-in broker: read the
// topic and payload, look up tenant and facility, and gather the readings into batches per
// (tenant, facility) for ingest. A batch goes once it holds `maxReadings` readings or its first
// message waited `maxDelayMs` — and only when the previous batch of its (tenant, facility) has
// committed: one batch per facility at a time (they would wait for each other's sensor locks
// anyway), and meanwhile the next one grows, up to ingest's maximum. Light traffic gets small
// batches soon, heavy traffic big ones, which ingest handles at a much higher rate per reading.
// A message's promise settles when the batch carrying it has committed (or failed), which is when
// an MQTT QoS 1 message may be acknowledged.
import { createHash } from 'node:crypto';
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
  /** Runs before a batch is committed, with its sensor keys (creating the missing ones, if allowed). */
  beforeCommit?: (tenantId: string, facilityId: string, sensorKeys: string[]) => Promise<void>;
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
  since: number;
}

/** One (tenant, facility): the batches waiting, the last one still growing, and whether one commits. */
interface Lane {
  batches: Batch[];
  committing: boolean;
}

const INGESTED: Outcome = { ingested: true };

/** Times a message alone may fail, the database answering, before it is dropped as unprocessable. */
const MAX_LONE_FAILURES = 3;

export function createPipeline({
  ingest,
  directory,
  metrics,
  logger,
  databaseAnswers,
  beforeCommit,
  maxReadings = 5000,
  maxDelayMs = 50,
  concurrency = 4,
}: PipelineOptions) {
  const lanes = new Map<string, Lane>();
  const running = new Set<Promise<void>>();
  /** Readings accepted from messages and not yet committed (or failed): the backpressure measure. */
  let pending = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const drainWaiters: { below: number; resolve(): void }[] = [];
  const logDrop = createDropLog(logger);
  /** Lone failures by message (a hash of topic and payload), bounded. */
  const loneFailures = new Map<string, number>();

  function drop(source: Source, topic: string, reason: DropReason): Outcome {
    metrics.messages.inc({ source, outcome: reason });
    logDrop(reason, redactTopic(topic), source);
    return { ingested: false, reason };
  }

  const isDue = (lane: Lane, now: number) => {
    const first = lane.batches[0];
    return (
      first !== undefined &&
      (stopped || lane.batches.length > 1 || first.readings >= maxReadings || now - first.since >= maxDelayMs)
    );
  };

  /** Starts the due batches of idle lanes while there is room; the timer covers batches not due yet. */
  function pump() {
    const now = Date.now();
    let waiting = false;
    for (const [key, lane] of lanes) {
      if (lane.committing) continue;
      if (lane.batches.length === 0) {
        lanes.delete(key);
        continue;
      }
      if (!isDue(lane, now) || running.size >= concurrency) {
        waiting = true;
        continue;
      }
      const batch = lane.batches.shift() as Batch;
      lane.committing = true;
      const run = commit(batch)
        .catch((err) => logger.warn({ err }, 'MQTT batch settlement failed'))
        .finally(() => {
          lane.committing = false;
          pending -= batch.readings;
          wakeDrainWaiters();
          running.delete(run);
          pump();
        });
      running.add(run);
    }
    if (waiting) timer ??= setTimeout(onTimer, maxDelayMs);
  }

  function onTimer() {
    timer = undefined;
    pump();
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

  async function commit(batch: Batch) {
    if (beforeCommit) {
      const keys = new Set<string>();
      for (const m of batch.messages) keys.add(m.rows[0]?.sensorKey as string);
      try {
        await beforeCommit(batch.tenantId, batch.facilityId, [...keys]);
      } catch (err) {
        metrics.batches.inc({ result: 'failed' });
        logger.warn(
          { err, readings: batch.readings },
          'an MQTT batch could not be prepared; not acknowledged',
        );
        for (const m of batch.messages) m.reject(err);
        return;
      }
    }
    await settle(batch.tenantId, batch.facilityId, batch.messages);
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
      const result = await ingest.ingest(tenantId, rows, { facilityId, channel: 'mqtt' });
      metrics.batches.inc({ result: 'committed' });
      if (result.accepted) metrics.readings.inc({ result: 'accepted' }, result.accepted);
      if (result.rejected) metrics.readings.inc({ result: 'rejected' }, result.rejected);
      let fromBroker = 0;
      for (const m of messages) {
        if (m.source === 'broker') fromBroker++;
        m.resolve(INGESTED);
      }
      if (fromBroker) metrics.messages.inc({ source: 'broker', outcome: 'ingested' }, fromBroker);
      if (messages.length > fromBroker)
        metrics.messages.inc({ source: 'bridge', outcome: 'ingested' }, messages.length - fromBroker);
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
      const key = createHash('sha256')
        .update(message.topic)
        .update('\u0000')
        .update(message.payload)
        .digest('base64');
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

  /** Adds a message's readings to the growing batch of its (tenant, facility); settles once committed. */
  function enqueue(tenantId: string, facilityId: string, message: Omit<Message, 'resolve' | 'reject'>) {
    if (stopped) return Promise.reject(new Error('the MQTT pipeline is stopped'));
    const key = `${tenantId}/${facilityId}`;
    let lane = lanes.get(key);
    if (!lane) {
      lane = { batches: [], committing: false };
      lanes.set(key, lane);
    }
    let batch = lane.batches.at(-1);
    if (!batch || batch.readings + message.rows.length > MAX_BATCH) {
      batch = { tenantId, facilityId, readings: 0, messages: [], since: Date.now() };
      lane.batches.push(batch);
    }
    const messages = batch.messages;
    const done = new Promise<Outcome>((resolve, reject) => {
      messages.push({
        source: message.source,
        rows: message.rows,
        topic: message.topic,
        payload: message.payload,
        resolve,
        reject,
      });
    });
    batch.readings += message.rows.length;
    pending += message.rows.length;
    // A lane that is committing is looked at again when that commit is over.
    if (lane.committing) return done;
    if (batch.readings >= maxReadings || lane.batches.length > 1) pump();
    else timer ??= setTimeout(onTimer, maxDelayMs);
    return done;
  }

  /**
   * Takes one message. Resolves with what became of it once that is final: dropped (counted, and
   * logged now and then), or ingested — its batch committed. Rejects when the batch failed.
   * `tenantOfPublisher`, when given, is the tenant the publisher belongs to (built-in broker): a
   * topic key of another tenant is then an unknown one.
   */
  function accept(
    source: Source,
    topic: string,
    payload: Buffer | string,
    tenantOfPublisher?: string,
  ): Promise<Outcome> {
    if (stopped) return Promise.reject(new Error('the MQTT pipeline is stopped'));
    const parts = parseTopic(topic);
    if (!parts) return Promise.resolve(drop(source, topic, 'bad_topic'));
    const rows = parsePayload(payload, parts.sensorKey);
    if (typeof rows === 'string') return Promise.resolve(drop(source, topic, rows));
    const message = { source, rows, topic, payload };
    // The usual case first, without a promise or closure per lookup: tenant and facility known.
    const tenant = directory.tenantOfKey(parts.topicKey);
    if (!(tenant instanceof Promise)) {
      if (!tenant || (tenantOfPublisher && tenant !== tenantOfPublisher))
        return Promise.resolve(drop(source, topic, 'unknown_topic_key'));
      const facility = directory.facilityOf(tenant, parts.facilityCode);
      if (!(facility instanceof Promise))
        return facility
          ? enqueue(tenant, facility, message)
          : Promise.resolve(drop(source, topic, 'unknown_facility'));
    }
    return (async () => {
      const tenantId = await tenant;
      if (!tenantId || (tenantOfPublisher && tenantId !== tenantOfPublisher))
        return drop(source, topic, 'unknown_topic_key');
      const facilityId = await directory.facilityOf(tenantId, parts.facilityCode);
      if (!facilityId) return drop(source, topic, 'unknown_facility');
      return enqueue(tenantId, facilityId, message);
    })();
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
      pump();
      while (running.size > 0) {
        await Promise.allSettled([...running]);
        pump();
      }
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

export type Pipeline = ReturnType<typeof createPipeline>;
