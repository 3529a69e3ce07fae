import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { test } from 'node:test';
import { generate, type Packet, parser } from 'mqtt-packet';
import { Registry } from 'prom-client';
import { eventually } from '../../../platform/jobs/testing.ts';
import { pubackBytes, startBridge } from './bridge.ts';
import { createMqttMetrics } from './metrics.ts';
import type { Outcome, Pipeline } from './pipeline.ts';

// The bridge's acknowledgements on the wire, seen by a broker of this test's own that speaks MQTT 5
// through mqtt-packet (the codec mqtt.js itself uses) and records what the bridge sends.

const V5 = { protocolVersion: 5 };

interface Connection {
  socket: Socket;
  /** What the bridge sent on it: `puback <id>` and `disconnect`, in order. */
  seen: string[];
  closed: Promise<unknown>;
}

/** A broker that accepts the bridge and its subscription, one entry per connection. */
async function fakeBroker() {
  const connections: Connection[] = [];
  const server = createServer((socket) => {
    const connection: Connection = { socket, seen: [], closed: once(socket, 'close') };
    connections.push(connection);
    const decode = parser(V5);
    decode.on('packet', (packet) => {
      if (packet.cmd === 'connect')
        socket.write(generate({ cmd: 'connack', sessionPresent: false, reasonCode: 0 }, V5));
      else if (packet.cmd === 'subscribe')
        socket.write(generate({ cmd: 'suback', messageId: packet.messageId, granted: [1] }, V5));
      else if (packet.cmd === 'puback') connection.seen.push(`puback ${packet.messageId}`);
      else if (packet.cmd === 'disconnect') connection.seen.push('disconnect');
    });
    socket.on('data', (chunk) => decode.parse(chunk));
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { url: `mqtt://127.0.0.1:${port}`, connections, close: () => server.close() };
}

/** Sends the bridge a QoS 1 reading with `messageId` on `connection`. */
function publish(connection: Connection | undefined, messageId: number) {
  const packet: Packet = {
    cmd: 'publish',
    topic: 'plantintel/key/F1/S1',
    payload: JSON.stringify({ value: messageId }),
    qos: 1,
    messageId,
    dup: false,
    retain: false,
  };
  connection?.socket.write(generate(packet, V5));
}

/** A pipeline whose commits the test resolves, and whose backlog it sets. */
function fakePipeline() {
  const commits: { resolve: (outcome: Outcome) => void; done: Promise<Outcome> }[] = [];
  let release = () => {};
  const pipeline = {
    accept: () => {
      let resolve!: (outcome: Outcome) => void;
      const done = new Promise<Outcome>((r) => (resolve = r));
      commits.push({ resolve, done });
      return done;
    },
    pending: 0,
    whenBelow: () => new Promise<void>((resolve) => (release = resolve)),
  } as unknown as Pipeline & { pending: number };
  return { pipeline, commits, release: () => release() };
}

function bridgeTo(url: string, pipeline: Pipeline) {
  return startBridge({
    url,
    clientId: 'bridge-acks-test',
    role: 'serve',
    shareGroup: '',
    pipeline,
    metrics: createMqttMetrics(new Registry()),
    logger: { warn: () => {}, info: () => {} },
  });
}

test('a PUBACK is four bytes: type 4, remaining length 2, the message id', () => {
  assert.deepEqual(
    [...pubackBytes([1, 0x1234, 65535])],
    [0x40, 2, 0, 1, 0x40, 2, 0x12, 0x34, 0x40, 2, 0xff, 0xff],
  );
  const decoded: Packet[] = [];
  const p = parser(V5);
  p.on('packet', (packet) => decoded.push(packet));
  p.parse(pubackBytes([7, 8]));
  assert.deepEqual(
    decoded.map((d) => [d.cmd, d.messageId]),
    [
      ['puback', 7],
      ['puback', 8],
    ],
  );
});

test('QoS 1 messages are acknowledged once their commit resolves, and a graceful stop sends them before DISCONNECT', async () => {
  const broker = await fakeBroker();
  const { pipeline, commits } = fakePipeline();
  const bridge = bridgeTo(broker.url, pipeline);
  try {
    await bridge.ready;
    const connection = broker.connections[0];
    for (const id of [1, 2, 3]) publish(connection, id);
    await eventually(async () => (commits.length === 3 ? true : undefined), 'three messages taken');
    assert.deepEqual(connection?.seen, [], 'nothing acknowledged before its commit');

    // The first commit: its message is acknowledged.
    commits[0]?.resolve({ ingested: true });
    await eventually(async () => (connection?.seen.length === 1 ? true : undefined), 'the first PUBACK');
    assert.deepEqual(connection?.seen, ['puback 1']);

    // The last commit, then at once the stop (as the server's shutdown awaits the pipeline's last
    // commit and then closes the bridge): its PUBACKs still go first.
    for (const c of commits.slice(1)) c.resolve({ ingested: true });
    await Promise.all(commits.map((c) => c.done));
    await bridge.close();
    await connection?.closed;
    assert.deepEqual(connection?.seen, ['puback 1', 'puback 2', 'puback 3', 'disconnect']);
  } finally {
    await bridge.close();
    broker.close();
  }
});

test('a message held back by backpressure when its connection closed is not acknowledged on the next one', async () => {
  const broker = await fakeBroker();
  const { pipeline, commits, release } = fakePipeline();
  // Far behind: the bridge stops reading until the pipeline is below its low mark.
  pipeline.pending = 1_000_000;
  const bridge = bridgeTo(broker.url, pipeline);
  try {
    await bridge.ready;
    const [first] = broker.connections;
    publish(first, 7);
    await eventually(async () => (commits.length === 1 ? true : undefined), 'the message taken');
    // The connection goes while the message's handler is held back; the bridge reconnects.
    first?.socket.destroy();
    await eventually(
      async () => (broker.connections.length === 2 && bridge.subscribed ? true : undefined),
      'a reconnect',
    );
    const second = broker.connections[1];
    // The backpressure ends and the old message's commit resolves: nothing may go out for it.
    pipeline.pending = 0;
    release();
    commits[0]?.resolve({ ingested: true });
    // A message of the new connection, acknowledged after its commit: the write that carries its
    // PUBACK comes after anything sent for the old one.
    publish(second, 9);
    await eventually(async () => (commits.length === 2 ? true : undefined), 'the new message taken');
    commits[1]?.resolve({ ingested: true });
    await eventually(async () => (second && second.seen.length > 0 ? true : undefined), 'the new PUBACK');
    assert.deepEqual(second?.seen, ['puback 9']);
    assert.deepEqual(first?.seen, []);
  } finally {
    await bridge.close();
    broker.close();
  }
});
