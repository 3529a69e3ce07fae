// The MQTT counters on the app's /metrics, and the rate-limited warning about dropped messages.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { DropReason } from './payload.ts';

export type Source = 'bridge' | 'broker';

export function createMqttMetrics(registry: Registry) {
  const registers = [registry];
  return {
    messages: new Counter({
      name: 'mqtt_messages_total',
      help: 'MQTT messages by source (bridge: external broker, broker: built-in) and outcome (ingested or why dropped)',
      labelNames: ['source', 'outcome'] as const,
      registers,
    }),
    readings: new Counter({
      name: 'mqtt_readings_total',
      help: 'Readings from MQTT messages that ingest accepted or rejected (unknown sensor, duplicate, …)',
      labelNames: ['result'] as const,
      registers,
    }),
    batches: new Counter({
      name: 'mqtt_batches_total',
      help: 'Ingest batches of MQTT readings by result (committed, failed)',
      labelNames: ['result'] as const,
      registers,
    }),
    sensorsCreated: new Counter({
      name: 'mqtt_sensors_created_total',
      help: 'Sensors created for unknown keys of MQTT messages (tenants with autoCreateSensors on)',
      registers,
    }),
    bridgeConnected: new Gauge({
      name: 'mqtt_bridge_connected',
      help: '1 while the bridge is connected and subscribed to the external broker',
      registers,
    }),
    brokerRefusals: new Counter({
      name: 'mqtt_broker_refusals_total',
      help: 'Built-in broker: connections (bad or insufficient API key), publishes and subscriptions (outside the tenant) refused',
      labelNames: ['what'] as const,
      registers,
    }),
    brokerClients: new Gauge({
      name: 'mqtt_broker_clients',
      help: 'Devices connected to the built-in MQTT broker',
      registers,
    }),
  };
}

export type MqttMetrics = ReturnType<typeof createMqttMetrics>;

export interface WarnLogger {
  warn(obj: object, msg: string): void;
}

/**
 * Dropped messages are counted always, logged at most once per interval: the first drop at once,
 * then a summary of what was dropped since (a misconfigured fleet must not flood the log).
 */
export function createDropLog(logger: WarnLogger, intervalMs = 10_000) {
  let counts: Partial<Record<DropReason, number>> = {};
  let last = 0;
  return (reason: DropReason, topic: string, source: Source) => {
    counts[reason] = (counts[reason] ?? 0) + 1;
    const now = Date.now();
    if (now - last < intervalMs) return;
    logger.warn(
      { source, dropped: counts, example: { reason, topic } },
      'MQTT messages dropped (malformed or for an unknown topic key / facility)',
    );
    counts = {};
    last = now;
  };
}
