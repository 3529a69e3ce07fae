// The bridge to an external MQTT broker (MQTT_URL): one MQTT 5 client that subscribes to the reading
// topics — as a shared subscription, so the bridges of several processes split the messages — and
// hands every message to the pipeline. It reconnects with backoff for as long as it runs, so a
// broker restart only pauses it.
//
// QoS 1 messages are acknowledged only once the batch carrying them has committed. mqtt.js sends a
// PUBACK when its message handler returns, and reads the next packet only after that: holding the
// handler until the commit would let one message through per commit. So the handler returns at
// once and the PUBACK itself waits: `holdPubacks` sends it when the message's batch has committed,
// and never when it failed — the bridge then reconnects (its session persists at the broker), and
// the broker redelivers every message not acknowledged.
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { MqttMetrics, WarnLogger } from './metrics.ts';
import { TOPIC_FILTER } from './payload.ts';
import type { Outcome, Pipeline } from './pipeline.ts';

export interface BridgeOptions {
  url: string;
  username?: string | undefined;
  password?: string | undefined;
  /** The session at the broker; the same id across restarts lets the broker redeliver. */
  clientId?: string | undefined;
  /** Which kind of process this is, for the default client id. */
  role: 'serve' | 'worker';
  /** Shared-subscription group; '' subscribes plainly (every bridge gets every message). */
  shareGroup: string;
  /** Unacknowledged QoS 1 messages the broker may send ahead (default: the most MQTT allows). */
  receiveMaximum?: number | undefined;
  pipeline: Pipeline;
  metrics: MqttMetrics;
  logger: WarnLogger & { info(obj: object, msg: string): void };
}

/**
 * How long the broker keeps the session while the bridge is away (a crash, a restart): messages for
 * it wait there — unacknowledged ones included — and arrive when it is back.
 */
const SESSION_EXPIRY_SECONDS = 300;
/** Unacknowledged QoS 1 messages the broker may send ahead (the most MQTT allows): bursts wait here. */
const RECEIVE_MAXIMUM = 65_535;
/** Readings waiting for their commit above which the bridge stops reading from the socket. */
const HIGH_WATER_READINGS = 100_000;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

const ignore = () => {};

type SendPacket = (
  packet: { cmd: string; messageId?: number; reasonCode?: number },
  cb?: (err?: Error) => void,
  ...rest: unknown[]
) => void;

/** PUBACKs with reason Success and no properties: four bytes each, the same in MQTT 3.1.1 and 5. */
export function pubackBytes(messageIds: readonly number[]): Buffer {
  const out = Buffer.allocUnsafe(messageIds.length * 4);
  messageIds.forEach((id, i) => {
    out[4 * i] = 0x40;
    out[4 * i + 1] = 2;
    out.writeUInt16BE(id, 4 * i + 2);
  });
  return out;
}

/**
 * Makes `client` send the PUBACK of a held message only once its commit resolved. Uses mqtt.js's
 * internal `_sendPacket` (the version is pinned): the public hooks can only delay the whole
 * receive loop, not one acknowledgement. The acknowledgements a commit releases (often tens of
 * thousands at once) go out together as one write of their bytes: sent one by one through mqtt.js,
 * each was several small buffers of one large writev, which cost more than the rest of the bridge.
 */
function holdPubacks(client: MqttClient, onSuccess: () => void, onFailure: () => void) {
  const internal = client as unknown as { _sendPacket: SendPacket };
  const send = internal._sendPacket.bind(client);
  const held = new Map<number, Promise<Outcome>>();
  /**
   * Ids of messages of an earlier connection whose PUBACK mqtt.js had not asked for when it closed
   * (the handler held back by backpressure): when it does, it is dropped. Sent on the connection of
   * the time, it could acknowledge another message with that id, or the same one redelivered,
   * before its commit.
   */
  const stale = new Set<number>();
  let connection = 0;
  let due: number[] = [];
  let flushing = false;
  const flush = () => {
    flushing = false;
    const ids = due;
    due = [];
    if (ids.length > 0 && client.connected && client.stream.writable) client.stream.write(pubackBytes(ids));
  };
  client.on('close', () => {
    // Acknowledgements belong to their connection: the broker redelivers what this one did not ack.
    connection++;
    for (const id of held.keys()) stale.add(id);
    held.clear();
    due = [];
  });
  internal._sendPacket = (packet, cb, ...rest) => {
    const messageId = packet.messageId;
    const commit = packet.cmd === 'puback' && messageId !== undefined && held.get(messageId);
    if (!commit) {
      if (packet.cmd === 'puback' && messageId !== undefined && stale.delete(messageId)) {
        cb?.();
        return;
      }
      // Nothing may follow a DISCONNECT: the acknowledgements of the last commit go before it.
      if (packet.cmd === 'disconnect') flush();
      return send(packet, cb, ...rest);
    }
    held.delete(messageId as number);
    const sentOn = connection;
    cb?.(); // the client reads on; the acknowledgement follows the commit
    commit.then(
      () => {
        onSuccess();
        if (sentOn !== connection) return;
        // The four bytes say Success: a PUBACK with another reason goes through mqtt.js, as it is.
        if (packet.reasonCode) {
          send(packet);
          return;
        }
        due.push(messageId as number);
        // Once every message of the commit has been released (their callbacks run together).
        if (!flushing) {
          flushing = true;
          setImmediate(flush);
        }
      },
      () => onFailure(),
    );
  };
  return { hold: (messageId: number, commit: Promise<Outcome>) => held.set(messageId, commit) };
}

export function startBridge(options: BridgeOptions) {
  const { pipeline, metrics, logger } = options;
  const subscription = options.shareGroup ? `$share/${options.shareGroup}/${TOPIC_FILTER}` : TOPIC_FILTER;
  const url = new URL(options.url);
  // Never the URL as given: it may carry a password.
  const where = `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
  const clientOptions: IClientOptions = {
    protocolVersion: 5,
    clientId: options.clientId ?? `plantintel-${hostname()}-${options.role}`,
    clean: false,
    keepalive: 30,
    connectTimeout: 10_000,
    reconnectPeriod: FIRST_RETRY_MS,
    reconnectOnConnackError: true,
    resubscribe: false,
    queueQoSZero: false,
    properties: {
      sessionExpiryInterval: SESSION_EXPIRY_SECONDS,
      receiveMaximum: options.receiveMaximum ?? RECEIVE_MAXIMUM,
    },
    ...(options.username !== undefined ? { username: options.username } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
  };
  const client = mqtt.connect(options.url, clientOptions);
  /** A generated client id may not come back (a new container, a new host name): its session ends with it. */
  const endSession = options.clientId === undefined;

  let retryMs = FIRST_RETRY_MS;
  let stopping = false;
  let subscribed = false;
  let lastError = 0;
  let failures = 0;
  let subscribeFailures = 0;
  let recovery: NodeJS.Timeout | undefined;
  const warn = (obj: object, msg: string) => {
    // Every retry of an unreachable broker fails; once a minute in the log is enough.
    if (Date.now() - lastError < 60_000) return;
    lastError = Date.now();
    logger.warn({ broker: where, ...obj }, msg);
  };

  /** A batch failed: reconnect (after a pause that grows while failures go on) to have it redelivered. */
  const acks = holdPubacks(
    client,
    () => {
      failures = 0;
    },
    () => {
      if (recovery || stopping) return;
      failures++;
      const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.min(failures - 1, 5));
      recovery = setTimeout(() => {
        recovery = undefined;
        if (!stopping) client.reconnect();
      }, delay);
    },
  );

  let readyResolve!: () => void;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));

  client.on('connect', (connack) => {
    retryMs = FIRST_RETRY_MS;
    client.options.reconnectPeriod = retryMs;
    client.subscribe(subscription, { qos: 1 }, (err, granted) => {
      const code = granted?.[0]?.qos;
      if (err || code === undefined || code > 2) {
        // E.g. a broker without shared subscriptions (MQTT_SHARE_GROUP= subscribes plainly).
        warn({ err, code }, 'the MQTT bridge could not subscribe; it reconnects and tries again');
        subscribeFailures++;
        clearTimeout(recovery);
        recovery = setTimeout(
          () => {
            recovery = undefined;
            if (!stopping) client.reconnect();
          },
          Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.min(subscribeFailures - 1, 5)),
        );
        return;
      }
      subscribeFailures = 0;
      subscribed = true;
      metrics.bridgeConnected.set(1);
      logger.info(
        { broker: where, subscription, sessionPresent: connack.sessionPresent },
        'MQTT bridge subscribed',
      );
      readyResolve();
    });
  });
  client.on('close', () => {
    if (subscribed && !stopping) logger.warn({ broker: where }, 'MQTT bridge disconnected; reconnecting');
    subscribed = false;
    metrics.bridgeConnected.set(0);
    // Backoff for the next attempt (mqtt.js reads the period when it schedules one).
    retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
    client.options.reconnectPeriod = Math.round(retryMs * (0.75 + Math.random() * 0.5));
  });
  client.on('error', (err) => warn({ err: { message: err.message } }, 'MQTT bridge connection failed'));

  client.handleMessage = (packet, callback) => {
    if (stopping) return; // neither taken nor acknowledged: the broker redelivers it later
    const outcome = pipeline.accept('bridge', packet.topic, packet.payload as Buffer);
    if (packet.qos > 0 && packet.messageId !== undefined) acks.hold(packet.messageId, outcome);
    // A failure is counted and logged by the pipeline: QoS 0 messages are lost, QoS 1 redelivered.
    outcome.catch(ignore);
    // Backpressure: while the database is far behind, stop reading (the broker queues meanwhile).
    if (pipeline.pending < HIGH_WATER_READINGS) callback();
    else void pipeline.whenBelow(HIGH_WATER_READINGS / 2).then(() => callback());
  };

  return {
    /** Resolves once subscribed for the first time. */
    ready,
    get subscribed() {
      return subscribed;
    },
    /**
     * Takes no more messages. With a session of its own (MQTT_CLIENT_ID), what the broker sends from
     * now on waits in that session for the next start; with the generated client id, which may never
     * come back, the bridge first leaves the subscription — so the broker stops routing a share of
     * the messages to it — and takes what was already on its way.
     */
    async stopTaking() {
      clearTimeout(recovery);
      if (endSession && client.connected) {
        await Promise.race([
          client.unsubscribeAsync(subscription).catch(() => {}),
          sleep(2000, undefined, { ref: false }),
        ]);
      }
      stopping = true;
    },
    /** Disconnects; call after the pipeline committed what was taken, so its PUBACKs went out. */
    async close() {
      stopping = true;
      clearTimeout(recovery);
      await client.endAsync(false, endSession ? { properties: { sessionExpiryInterval: 0 } } : {});
      metrics.bridgeConnected.set(0);
    },
  };
}

export type Bridge = ReturnType<typeof startBridge>;
