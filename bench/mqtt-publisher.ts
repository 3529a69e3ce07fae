// One publisher of bench/mqtt.ts, a child process of its own (so it loads nothing but mqtt): it
// connects, says it is ready, waits for the go, publishes its share of the readings, says it is
// done. Its job comes in BENCH_PUBLISHER_JOB (JSON).
import mqtt from 'mqtt';

export interface PublisherJob {
  url: string;
  qos: 0 | 1;
  topics: string[];
  /** Readings per sensor (topic). */
  perSensor: number;
  perMessage: number;
  /** Timestamp of each sensor's first reading; the next ones follow 100 ms apart. */
  base: number;
  clientId: string;
}

/** QoS 1 publishes awaiting their PUBACK at most (the benchmark's broker allows 1000). */
const WINDOW = 500;

async function publish(job: PublisherJob) {
  const send = (message: object) => process.send?.(message);
  const client = mqtt.connect(job.url, { protocolVersion: 5, clientId: job.clientId, reconnectPeriod: 0 });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    send({ ready: true });
  });
  // QoS 1: a sliding window of publishes awaiting their PUBACK.
  let inFlight = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const acked = (err?: Error) => {
    inFlight--;
    if (err) failure = err;
    wake?.();
  };
  const room = (limit: number) =>
    inFlight < limit ? undefined : new Promise<void>((resolve) => (wake = resolve));
  let sent = 0;
  for (let k = 0; k < job.perSensor; k += job.perMessage) {
    for (const topic of job.topics) {
      const readings = [];
      for (let j = k; j < k + job.perMessage; j++)
        readings.push({ ts: job.base + j * 100, value: (j % 50) / 10 + 20 });
      const payload = JSON.stringify(job.perMessage === 1 ? readings[0] : readings);
      if (job.qos === 1) {
        while (inFlight >= WINDOW) await room(WINDOW);
        inFlight++;
        client.publish(topic, payload, { qos: 1 }, acked);
      } else {
        client.publish(topic, payload, { qos: 0 });
        // Let the socket drain now and then instead of queueing everything in memory.
        if (++sent % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  while (inFlight > 0) await room(1);
  if (failure) throw failure;
  await client.endAsync();
  send({ done: true });
}

await publish(JSON.parse(process.env.BENCH_PUBLISHER_JOB ?? '{}') as PublisherJob);
