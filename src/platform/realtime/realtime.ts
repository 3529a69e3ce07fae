import type { FastifyBaseLogger } from 'fastify';
import type { Principal, Scope } from '../auth/principal.ts';
import type { Database, Executor } from '../db/database.ts';
import { type PushedEvent, RealtimeHub } from './hub.ts';
import { listen, MAX_PAYLOAD_BYTES, notifyMany, REALTIME_CHANNEL, type Unlisten } from './notifications.ts';

/** Whether a tenant may subscribe to `<kind>:<id>`: the entity exists and is the tenant's. */
export type TopicAuthorizer = (principal: Principal, id: string) => Promise<boolean>;

/** What travels through NOTIFY: the event itself, or a reference to load when it is too large. */
interface Wire {
  t: string;
  topics: string[];
  e?: PushedEvent;
  ref?: number;
  /** The scope a subscriber needs, when more than `read`. */
  a?: Scope;
}

export interface RealtimeDeps {
  database: Database;
  logger: FastifyBaseLogger;
  /** Loads an event too large for a notification (domain events are stored; see events module). */
  loadEvent?: (tenantId: string, id: number) => Promise<PushedEvent | undefined>;
}

/** One message for `publishMany`. */
export interface Publication {
  tenantId: string;
  topics: string[];
  event: PushedEvent;
  access?: Scope | undefined;
}

const TOPIC = /^(tenant|([a-z][a-z-]{1,30}):([A-Za-z0-9._:-]{1,100}))$/;

/**
 * Live push: publishers NOTIFY inside their transaction; every process LISTENs and fans the
 * message out to its own WebSocket connections through the hub.
 */
export function createRealtime({ database, logger, loadEvent }: RealtimeDeps) {
  const hub = new RealtimeHub();
  const authorizers = new Map<string, TopicAuthorizer>();
  const connections = new Set<{ terminate(): void }>();
  let unlisten: Unlisten | undefined;

  /** The notification's text: the event itself, or a reference to it when it is too large. */
  function wireOf({ tenantId, topics, event, access = 'read' }: Publication): string {
    const a = access === 'read' ? undefined : access;
    const payload = JSON.stringify({ t: tenantId, topics, e: event, a } satisfies Wire);
    if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES) return payload;
    if (typeof event.id !== 'number' || !loadEvent) {
      throw new Error(`realtime message of ${event.type} too large to push (${payload.length} bytes)`);
    }
    return JSON.stringify({ t: tenantId, topics, ref: event.id, a } satisfies Wire);
  }

  async function onPayload(payload: string) {
    let wire: Wire;
    try {
      wire = JSON.parse(payload) as Wire;
    } catch {
      logger.warn('ignoring a malformed realtime notification');
      return;
    }
    let event = wire.e;
    if (!event && wire.ref !== undefined && loadEvent) event = await loadEvent(wire.t, wire.ref);
    if (event) hub.publish(wire.t, wire.topics, event, wire.a);
  }

  return {
    hub,

    /**
     * Sends `event` to the tenant's subscribers of `topics` once `executor`'s transaction commits;
     * only to those with `access` when the event needs more than `read`.
     */
    async publish(
      executor: Executor,
      tenantId: string,
      topics: string[],
      event: PushedEvent,
      access: Scope = 'read',
    ) {
      await notifyMany(executor, REALTIME_CHANNEL, [wireOf({ tenantId, topics, event, access })]);
    },

    /** `publish` of several messages, in one statement (in their order) for a transaction's events. */
    async publishMany(executor: Executor, messages: readonly Publication[]) {
      await notifyMany(executor, REALTIME_CHANNEL, messages.map(wireOf));
    },

    /** Lets clients subscribe to `<kind>:<id>` topics, checking each id with `authorize`. */
    registerTopic(kind: string, authorize: TopicAuthorizer) {
      authorizers.set(kind, authorize);
    },

    /** null when the principal may subscribe, else the reason it may not. */
    async checkTopic(principal: Principal, topic: string): Promise<string | null> {
      const match = TOPIC.exec(topic);
      if (!match) return 'malformed topic';
      if (topic === 'tenant') return null;
      const authorize = authorizers.get(match[2] ?? '');
      if (!authorize) return `unknown topic kind "${match[2]}"`;
      return (await authorize(principal, match[3] ?? '')) ? null : 'not found';
    },

    /** Live WebSocket connections of this process (the /ws route adds and removes them). */
    connections,

    /**
     * Counts since the start, for /metrics (the /ws route adds to them): event frames written to
     * clients, frames a slow client lost to a newer one of the same topic, client messages read.
     */
    stats: { framesSent: 0, framesDropped: 0, messagesReceived: 0 },

    /** Drops every live connection at once, as a lost network would; clients reconnect. */
    dropConnections() {
      for (const connection of connections) connection.terminate();
    },

    async start() {
      unlisten = await listen(
        database,
        REALTIME_CHANNEL,
        (payload) => {
          onPayload(payload).catch((err) => logger.error({ err }, 'realtime delivery failed'));
        },
        {
          onError: (err) => logger.warn({ err }, 'realtime listener connection lost'),
          onReconnect: () => logger.info('realtime listener reconnected'),
        },
      );
    },

    async stop() {
      await unlisten?.();
      unlisten = undefined;
    },
  };
}

export type Realtime = ReturnType<typeof createRealtime>;
