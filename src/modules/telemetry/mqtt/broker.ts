// The built-in MQTT broker (MQTT_LISTEN_PORT), for plants without one of their own: devices sign in
// with an API key of their tenant (scope `operate`) as the password — the user name is not checked —
// and may publish and subscribe only under their tenant's prefix, plantintel/<topic key>/…. What
// they publish goes through the same pipeline as the bridge's messages.
//
// Acknowledgement: the publish is authorized (aedes' `authorizePublish`) once its batch has
// committed, and aedes sends the PUBACK only after that — a device's QoS 1 message is acknowledged
// when it is stored, as with the bridge. A publish outside the tenant's prefix is refused, which
// in MQTT 3.1.1 (aedes) means the connection is closed.
import { createServer, type Server } from 'node:net';
import type { AuthenticateError, Client } from 'aedes';
import type { Principal } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Directory } from './directory.ts';
import type { MqttMetrics } from './metrics.ts';
import { parseTopic, TOPIC_ROOT } from './payload.ts';
import type { Pipeline } from './pipeline.ts';

export interface BrokerOptions {
  port: number;
  host: string;
  pipeline: Pipeline;
  directory: Directory;
  metrics: MqttMetrics;
  logger: { info(obj: object, msg: string): void; debug(obj: object, msg: string): void };
  /** Turns an API key into who it acts for (throws when it is invalid, revoked or expired). */
  authenticateToken(token: string): Promise<Principal>;
  /** Calls the listener after credential changes, with a test of which principals they may affect. */
  onCredentialsChanged?: (listener: (affects: (principal: Principal) => boolean) => void) => () => void;
}

interface Device {
  principal: Principal;
  tenantId: string;
  key: string;
  checkedAt: number;
}

// MQTT 3.1.1 CONNACK return codes.
const IDENTIFIER_REJECTED = 2;
const SERVER_UNAVAILABLE = 3;
const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;
/** A connected device's key is checked again when it publishes after this long (expiry, revocation). */
const RECHECK_MS = 30_000;

function refusal(message: string, returnCode: number): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

export async function startBroker(options: BrokerOptions) {
  const { pipeline, directory, metrics, logger } = options;
  // Loaded when the broker starts: a server with MQTT off never pays for aedes.
  const { Aedes } = await import('aedes');
  const broker = new Aedes({
    // A device that stops reading is disconnected instead of stalling deliveries to others.
    drainTimeout: 30_000,
    connectTimeout: 10_000,
    maxClientsIdLength: 256,
  });
  await broker.listen();
  const devices = new WeakMap<Client, Device>();
  const connected = new Set<Client>();
  const clientsById = (broker as unknown as { clients: Record<string, Client | undefined> }).clients;

  /** The principal of an API key that may send readings (scope operate), or a refusal. */
  async function verify(key: string): Promise<Principal> {
    let principal: Principal;
    try {
      principal = await options.authenticateToken(key);
    } catch (err) {
      // A key that is not good, or a server that cannot tell (database down): the device retries.
      if (err instanceof AppError && err.code === 'unauthorized')
        throw refusal('invalid, revoked or expired API key', BAD_USERNAME_OR_PASSWORD);
      throw refusal('the server cannot check keys now', SERVER_UNAVAILABLE);
    }
    if (principal.kind !== 'apiKey' || !principal.tenantId || !principal.scopes.has('operate'))
      throw refusal('the API key needs the scope "operate"', NOT_AUTHORIZED);
    return principal;
  }

  broker.authenticate = (client, _username, password, done) => {
    const key = password?.toString('utf8') ?? '';
    verify(key).then(
      (principal) => {
        const tenantId = principal.tenantId as string;
        // A client id in use by another tenant's device is not taken over (MQTT would let it).
        const existing = clientsById[client.id];
        if (existing && existing !== client && devices.get(existing)?.tenantId !== tenantId) {
          metrics.brokerRefusals.inc({ what: 'connect' });
          return done(refusal('client id in use', IDENTIFIER_REJECTED), false);
        }
        devices.set(client, { principal, tenantId, key, checkedAt: Date.now() });
        done(null, true);
      },
      (err: AuthenticateError) => {
        metrics.brokerRefusals.inc({ what: 'connect' });
        logger.debug({ clientId: client.id, reason: err.message }, 'MQTT connection refused');
        done(err, false);
      },
    );
  };

  /** The device's tenant, after checking its key again if the last check is old. */
  async function tenantOf(client: Client): Promise<string> {
    const device = devices.get(client);
    if (!device) throw new Error('not signed in');
    if (Date.now() - device.checkedAt > RECHECK_MS) {
      device.principal = await verify(device.key);
      device.checkedAt = Date.now();
    }
    return device.tenantId;
  }

  broker.authorizePublish = (client, packet, done) => {
    if (!client) return done(new Error('no publisher'));
    const parts = parseTopic(packet.topic);
    // Retained readings would pile up in the broker's memory; they are readings, not state.
    packet.retain = false;
    (async () => {
      const tenantId = await tenantOf(client);
      if (!parts || (await directory.tenantOfKey(parts.topicKey)) !== tenantId) {
        metrics.brokerRefusals.inc({ what: 'publish' });
        throw new Error(`publish only to ${TOPIC_ROOT}/<your topic key>/<facility code>/<sensor key>`);
      }
      // Settles once the batch committed; a malformed message is dropped (counted) and acknowledged.
      await pipeline.accept('broker', packet.topic, packet.payload as Buffer, tenantId);
    })().then(
      () => done(null),
      (err: Error) => {
        logger.debug({ clientId: client.id, reason: err.message }, 'MQTT publish refused');
        done(err);
      },
    );
  };

  broker.authorizeSubscribe = (client, subscription, done) => {
    const [root, key] = subscription.topic.split('/');
    const device = devices.get(client);
    const refuse = () => {
      metrics.brokerRefusals.inc({ what: 'subscribe' });
      done(null, null); // SUBACK 0x80 for this topic; the connection stays
    };
    if (!device || root !== TOPIC_ROOT || !key || key === '+' || key === '#') return refuse();
    Promise.resolve(directory.tenantOfKey(key)).then(
      (tenantId) => (tenantId === device.tenantId ? done(null, subscription) : refuse()),
      () => refuse(),
    );
  };

  broker.on('clientReady', (client) => {
    connected.add(client);
    metrics.brokerClients.set(connected.size);
  });
  broker.on('clientDisconnect', (client) => {
    connected.delete(client);
    metrics.brokerClients.set(connected.size);
  });
  // A device's protocol error or refused publish ends its connection, nothing more.
  broker.on('clientError', (client, err) =>
    logger.debug({ clientId: client.id, reason: err.message }, 'MQTT client error'),
  );
  broker.on('connectionError', (client, err) =>
    logger.debug({ clientId: client?.id, reason: err.message }, 'MQTT connection error'),
  );

  // A revoked key or a removed member: their devices are disconnected at once.
  const stopListening = options.onCredentialsChanged?.((affects) => {
    for (const client of connected) {
      const device = devices.get(client);
      if (!device || !affects(device.principal)) continue;
      verify(device.key).then(
        (principal) => {
          device.principal = principal;
          device.checkedAt = Date.now();
        },
        () => client.close(),
      );
    }
  });

  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  logger.info({ host: options.host, port }, 'built-in MQTT broker listening');

  return {
    port,
    /** Accepts no more connections and closes the open ones. */
    async close() {
      stopListening?.();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      for (const client of connected) client.close();
      await closed;
      metrics.brokerClients.set(0);
    },
  };
}

export type Broker = Awaited<ReturnType<typeof startBroker>>;
