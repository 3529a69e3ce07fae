// One publisher of bench/mqtt.ts, a child process of its own: it connects, says it is ready, waits
// for the go, publishes its share of the readings, says it is done. Its job comes in
// BENCH_PUBLISHER_JOB (JSON).
// It speaks MQTT 5 itself over TCP — CONNECT, PUBLISH (QoS 0 or 1), PUBACK, DISCONNECT — instead of
// using mqtt.js: the publishers stand for devices, which bring their own CPUs, and here they share
// the machine with the broker and the server; the leaner they are, the more the figures are about
// the server. (With mqtt.js publishers the bare-subscriber baseline at QoS 1 was no faster than
// PlantIntel on the two-CPU development VM: the publishers were the limit.)
import { connect, type Socket } from 'node:net';

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

function varint(n: number): Buffer {
  const bytes: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    bytes.push(byte);
  } while (n > 0);
  return Buffer.from(bytes);
}

const utf8 = (s: string) => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
};

function packet(type: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type]), varint(body.length), body]);
}

function connectPacket(clientId: string): Buffer {
  // Protocol name, level 5, flags: clean start; keep alive 60 s; no properties.
  const header = Buffer.concat([utf8('MQTT'), Buffer.from([5, 0x02, 0, 60, 0])]);
  return packet(0x10, Buffer.concat([header, utf8(clientId)]));
}

function publishPacket(topic: Buffer, id: number, qos: 0 | 1, payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  const idBytes = qos === 1 ? Buffer.from([id >> 8, id & 0xff]) : Buffer.alloc(0);
  const variable = Buffer.concat([topic, idBytes, Buffer.from([0])]);
  return Buffer.concat([
    Buffer.from([qos === 1 ? 0x32 : 0x30]),
    varint(variable.length + body.length),
    variable,
    body,
  ]);
}

/** Calls `onPacket(type)` for every complete packet the broker sends. */
function readPackets(socket: Socket, onPacket: (type: number) => void) {
  let buffer: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      let length = 0;
      let multiplier = 1;
      let at = 1;
      let complete = false;
      while (at < buffer.length && at <= 4) {
        const byte = buffer[at++] as number;
        length += (byte & 0x7f) * multiplier;
        multiplier *= 128;
        if ((byte & 0x80) === 0) {
          complete = true;
          break;
        }
      }
      if (!complete || buffer.length < at + length) return;
      onPacket((buffer[0] as number) >> 4);
      buffer = buffer.subarray(at + length);
    }
  });
}

async function publish(job: PublisherJob) {
  const send = (message: object) => process.send?.(message);
  const url = new URL(job.url);
  const socket = connect(Number(url.port || 1883), url.hostname);
  socket.setNoDelay(true);
  let inFlight = 0;
  let wake: (() => void) | undefined;
  let connected!: () => void;
  const connack = new Promise<void>((resolve) => (connected = resolve));
  readPackets(socket, (type) => {
    if (type === 2) connected();
    else if (type === 4) {
      inFlight--;
      wake?.();
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(connectPacket(job.clientId));
  await connack;
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    send({ ready: true });
  });
  const topics = job.topics.map((t) => utf8(t));
  let id = 0;
  for (let k = 0; k < job.perSensor; k += job.perMessage) {
    for (const topic of topics) {
      const readings = [];
      for (let j = k; j < k + job.perMessage; j++)
        readings.push({ ts: job.base + j * 100, value: (j % 50) / 10 + 20 });
      const payload = JSON.stringify(job.perMessage === 1 ? readings[0] : readings);
      if (job.qos === 1) {
        while (inFlight >= WINDOW) await new Promise<void>((resolve) => (wake = resolve));
        inFlight++;
        id = (id % 65_535) + 1;
      }
      if (!socket.write(publishPacket(topic, id, job.qos, payload)))
        await new Promise((resolve) => socket.once('drain', resolve));
    }
  }
  while (inFlight > 0) await new Promise<void>((resolve) => (wake = resolve));
  // DISCONNECT (normal), then wait until the broker has everything.
  await new Promise<void>((resolve) => socket.end(Buffer.from([0xe0, 0]), resolve));
  send({ done: true });
}

await publish(JSON.parse(process.env.BENCH_PUBLISHER_JOB ?? '{}') as PublisherJob);
