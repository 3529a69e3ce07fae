// Readings over MQTT: the bridge to an external broker (MQTT_URL) and the built-in broker
// (MQTT_LISTEN_PORT), both feeding one pipeline into ingest. Neither runs unless configured, and
// neither is loaded unless configured: mqtt.js and aedes are a noticeable part of loading the app.
import { sql } from 'drizzle-orm';
import type { Registry } from 'prom-client';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import type { Ingest } from '../ingest.service.ts';
import { createMissingSensors } from '../line-protocol.repo.ts';
import { SensorKey } from '../telemetry.schemas.ts';
import type { Bridge } from './bridge.ts';
import type { Broker } from './broker.ts';
import { createDirectory } from './directory.ts';
import { createMqttMetrics } from './metrics.ts';
import { createPipeline } from './pipeline.ts';

export { parsePayload, parseTopic, TOPIC_FILTER } from './payload.ts';

// Keys a device may create a sensor for: those the sensors API accepts.
const SENSOR_KEY_RULE = SensorKey as unknown as { pattern: string; maxLength: number };
const SENSOR_KEY = new RegExp(SENSOR_KEY_RULE.pattern);
const SENSOR_KEY_MAX = SENSOR_KEY_RULE.maxLength;

export interface MqttSettings {
  mqttUrl: string | undefined;
  mqttUsername: string | undefined;
  mqttPassword: string | undefined;
  mqttClientId: string | undefined;
  mqttShareGroup: string;
  mqttReceiveMaximum: number;
  mqttListenPort: number | undefined;
  host: string;
}

export interface MqttDeps {
  settings: MqttSettings;
  db: Db;
  ingest: Pick<Ingest, 'ingest'>;
  registry: Registry;
  logger: {
    info(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
    debug(obj: object, msg: string): void;
  };
  authenticateToken(token: string): Promise<Principal>;
  onCredentialsChanged?: (listener: (affects: (principal: Principal) => boolean) => void) => () => void;
}

export function createMqtt(deps: MqttDeps) {
  const { settings, logger } = deps;
  const metrics = createMqttMetrics(deps.registry);
  let running: { bridge?: Bridge; broker?: Broker; stop(): Promise<void> } | undefined;

  return {
    /** Whether anything is configured to run. */
    enabled: settings.mqttUrl !== undefined || settings.mqttListenPort !== undefined,
    /**
     * Starts what is configured. The bridge connects in the background (a broker that is down
     * does not keep the server from starting); the built-in broker fails here if its port is taken.
     */
    async start(role: 'serve' | 'worker') {
      if (running || (settings.mqttUrl === undefined && settings.mqttListenPort === undefined)) return;
      const directory = createDirectory({ db: deps.db });
      const pipeline = createPipeline({
        ingest: deps.ingest,
        directory,
        metrics,
        logger,
        beforeCommit: async (tenantId, facilityId, keys) => {
          if (!(await directory.autoCreate(tenantId))) return;
          const wanted = keys.filter((key) => key.length <= SENSOR_KEY_MAX && SENSOR_KEY.test(key));
          if (wanted.length === 0) return;
          const created = await inTenant(deps.db, tenantId, (tx) =>
            createMissingSensors(
              tx,
              tenantId,
              facilityId,
              wanted.map((key) => ({ key, unit: undefined })),
            ),
          );
          if (created) metrics.sensorsCreated.inc(created);
        },
        databaseAnswers: () =>
          deps.db.execute(sql`select 1`).then(
            () => true,
            () => false,
          ),
      });
      const bridge = settings.mqttUrl
        ? (await import('./bridge.ts')).startBridge({
            url: settings.mqttUrl,
            username: settings.mqttUsername,
            password: settings.mqttPassword,
            clientId: settings.mqttClientId,
            role,
            shareGroup: settings.mqttShareGroup,
            receiveMaximum: settings.mqttReceiveMaximum,
            pipeline,
            metrics,
            logger,
          })
        : undefined;
      let broker: Broker | undefined;
      try {
        broker =
          settings.mqttListenPort !== undefined
            ? await (await import('./broker.ts')).startBroker({
                port: settings.mqttListenPort,
                host: settings.host,
                pipeline,
                directory,
                metrics,
                logger,
                authenticateToken: deps.authenticateToken,
                onCredentialsChanged: deps.onCredentialsChanged,
              })
            : undefined;
      } catch (err) {
        await bridge?.close();
        await pipeline.stop();
        throw err;
      }
      running = {
        ...(bridge ? { bridge } : {}),
        ...(broker ? { broker } : {}),
        async stop() {
          // Take nothing new, commit (and acknowledge) what was taken, then disconnect.
          await bridge?.stopTaking();
          await pipeline.stop();
          await Promise.all([bridge?.close(), broker?.close()]);
        },
      };
    },
    async stop() {
      const current = running;
      running = undefined;
      await current?.stop();
    },
  };
}

export type Mqtt = ReturnType<typeof createMqtt>;
