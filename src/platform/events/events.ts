import type { FastifyBaseLogger } from 'fastify';
import type { Scope } from '../auth/principal.ts';
import type { Database, Db, Tx } from '../db/database.ts';
import { acrossTenants, inTenant, readAcrossTenants } from '../db/scope.ts';
import type { PushedEvent } from '../realtime/hub.ts';
import { EVENTS_CHANNEL, listen, notify, type Unlisten } from '../realtime/notifications.ts';
import type { Realtime } from '../realtime/realtime.ts';
import {
  assignPositions,
  claimPending,
  claimReceipt,
  type EventFilter,
  type EventRow,
  findEvent,
  insertEvents,
  listDead,
  listEvents,
  markAllPublished,
  markFailed,
  markPublished,
  pendingSummary,
  reviveDead,
} from './events.repo.ts';

export type { EventRow };

export interface NewEvent {
  tenantId: string;
  aggregateType: string;
  aggregateId: string;
  type: string;
  data: Record<string, unknown>;
  /** Live topics beyond `tenant` and the aggregate's own, e.g. the line a batch runs on. */
  topics?: string[];
  /**
   * The scope a reader needs to see this event, in the history and on every live topic (default
   * `read`). Events carrying data of an admin-only resource (members) say `admin`.
   */
  access?: Scope;
}

export interface DeliveredEvent {
  id: number;
  tenantId: string;
  aggregateType: string;
  aggregateId: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * A reaction to events. It runs in the event's tenant scope, in a transaction that also records
 * its receipt: its database effects happen exactly once; effects outside the database at least
 * once (redelivery after a crash), so those must be idempotent by `event.id`.
 */
export type EventHandler = (event: DeliveredEvent, tx: Tx) => Promise<void>;

interface Registration {
  consumer: string;
  types: ReadonlySet<string> | '*';
  handler: EventHandler;
}

export interface EventsDeps {
  db: Db;
  database: Database;
  realtime: Realtime;
  logger: FastifyBaseLogger;
  /** Failed deliveries before an event is dead (default 10). */
  maxAttempts?: number;
  /** How often delivery looks for pending events without a notification (seconds). */
  backstopPollSeconds?: number;
}

const BATCH = 100;
const MAX_BACKOFF_SECONDS = 300;
/** How long a dispatcher holds the events it claimed; a crashed process's claims run out then. */
const CLAIM_SECONDS = 120;

export const toPushed = (row: EventRow): PushedEvent => ({
  id: row.id,
  type: row.eventType,
  occurredAt: row.occurredAt.toISOString(),
  data: row.payload,
});

const toDelivered = (row: EventRow): DeliveredEvent => ({
  id: row.id,
  tenantId: row.tenantId,
  aggregateType: row.aggregateType,
  aggregateId: row.aggregateId,
  type: row.eventType,
  data: row.payload,
  occurredAt: row.occurredAt,
});

/** The topics an event is pushed on: the tenant-wide one, its aggregate's, and any it names. */
export const topicsOf = (event: Pick<NewEvent, 'aggregateType' | 'aggregateId' | 'topics'>) => [
  'tenant',
  `${event.aggregateType}:${event.aggregateId}`,
  ...(event.topics ?? []),
];

/** Domain events: recorded with the change (outbox), dispatched at least once, pushed live. */
export function createEvents({
  db,
  database,
  realtime,
  logger,
  maxAttempts = 10,
  backstopPollSeconds = 30,
}: EventsDeps) {
  const registrations: Registration[] = [];
  let unlisten: Unlisten | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** A wake-up for the soonest retry of a failed delivery, and when it fires. */
  let retryTimer: NodeJS.Timeout | undefined;
  let retryAt = Number.POSITIVE_INFINITY;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;
  /** Failed deliveries (one per failing event and attempt) and events given up, since the start. */
  const deliveryStats = { failures: 0, givenUp: 0 };

  /** Writes the event in `tx` (the transaction of the change). Live subscribers get it on commit. */
  async function record(tx: Tx, event: NewEvent): Promise<EventRow> {
    const [row] = await recordMany(tx, [event]);
    return row as EventRow;
  }

  /**
   * `record` for several events of one change (an alarm storm, a batch of readings): a few statements
   * in all rather than three per event, pushed and delivered in the order given.
   */
  async function recordMany(tx: Tx, list: readonly NewEvent[]): Promise<EventRow[]> {
    if (list.length === 0) return [];
    const rows = await insertEvents(
      tx,
      list.map((event) => ({
        tenantId: event.tenantId,
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        eventType: event.type,
        payload: event.data,
        requiredScope: event.access ?? 'read',
      })),
    );
    await realtime.publishMany(
      tx,
      rows.map((row, i) => {
        const event = list[i] as NewEvent;
        return {
          tenantId: event.tenantId,
          topics: topicsOf(event),
          event: toPushed(row),
          access: event.access,
        };
      }),
    );
    await notify(tx, EVENTS_CHANNEL, '');
    return rows;
  }

  function on(consumer: string, types: string[] | '*', handler: EventHandler) {
    if (registrations.some((r) => r.consumer === consumer))
      throw new Error(`consumer ${consumer} registered twice`);
    registrations.push({ consumer, types: types === '*' ? '*' : new Set(types), handler });
  }

  async function deliver(row: EventRow): Promise<void> {
    const failures: string[] = [];
    for (const { consumer, types, handler } of registrations) {
      if (types !== '*' && !types.has(row.eventType)) continue;
      try {
        await inTenant(db, row.tenantId, async (tx) => {
          if (await claimReceipt(tx, consumer, row)) await handler(toDelivered(row), tx);
        });
      } catch (err) {
        logger.error({ err, eventId: row.id, consumer }, 'event handler failed; will retry');
        failures.push(`${consumer}: ${(err as Error).message}`);
      }
    }
    await acrossTenants(db, async (tx) => {
      if (failures.length === 0) await markPublished(tx, row.id);
      else {
        const backoff = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(row.attempts, 8));
        const dead = row.attempts + 1 >= maxAttempts;
        deliveryStats.failures += 1;
        if (dead) deliveryStats.givenUp += 1;
        await markFailed(tx, row.id, failures.join('; '), { retryInSeconds: backoff, dead });
        if (dead)
          logger.error(
            { eventId: row.id, eventType: row.eventType },
            'event given up after repeated failures',
          );
        else wakeAt(Date.now() + backoff * 1000);
      }
    });
  }

  /** Dispatches again at `at` (or sooner, if a sooner wake-up is already set). */
  function wakeAt(at: number) {
    if (stopped || at >= retryAt) return;
    clearTimeout(retryTimer);
    retryAt = at;
    retryTimer = setTimeout(
      () => {
        retryAt = Number.POSITIVE_INFINITY;
        kick();
      },
      Math.max(0, at - Date.now()),
    );
    retryTimer.unref();
  }

  /** Gives every committed event its place in the history (see assignPositions). */
  async function placeInHistory(): Promise<void> {
    for (;;) {
      const placed = await acrossTenants(db, (tx) => assignPositions(tx, BATCH * 10));
      if (placed < BATCH * 10 || stopped) return;
    }
  }

  /**
   * Places new events in the history, then delivers every pending event this process could claim
   * (others are being delivered by another process); returns how many were handled.
   */
  async function dispatchPending(): Promise<number> {
    await placeInHistory();
    let total = 0;
    for (;;) {
      const batch = await acrossTenants(db, (tx) => claimPending(tx, BATCH, CLAIM_SECONDS));
      // Events no handler wants are only marked published, all in one statement.
      const unwanted = batch.filter(
        (row) => !registrations.some((r) => r.types === '*' || r.types.has(row.eventType)),
      );
      if (unwanted.length > 0)
        await acrossTenants(db, (tx) =>
          markAllPublished(
            tx,
            unwanted.map((row) => row.id),
          ),
        );
      for (const row of batch) if (!unwanted.includes(row)) await deliver(row);
      total += batch.length;
      if (batch.length < BATCH || stopped) return total;
    }
  }

  /** Runs a dispatch now, or right after the one in progress (never two at once in a process). */
  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = dispatchPending()
      .catch((err) => logger.error({ err }, 'event dispatch failed'))
      .then(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    record,
    recordMany,
    on,
    dispatchPending,
    deliveryStats: deliveryStats as Readonly<typeof deliveryStats>,

    /** Events of every tenant still to deliver, and the oldest one's age (for /metrics and /ready). */
    pending: () => readAcrossTenants(db, (tx) => pendingSummary(tx)),

    /** Starts delivering: now (events left by a crash), on every commit notification, and by poll. */
    async start() {
      stopped = false;
      unlisten = await listen(database, EVENTS_CHANNEL, kick, {
        onReconnect: kick,
        onError: (err) => logger.warn({ err }, 'event listener connection lost'),
      });
      // Delivery wakes on the commit notification; the poll is only a backstop for a lost one (and
      // for the claims of a crashed process).
      timer = setInterval(kick, backstopPollSeconds * 1000);
      timer.unref();
      kick();
    },

    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      clearTimeout(retryTimer);
      retryAt = Number.POSITIVE_INFINITY;
      const stopListening = unlisten;
      unlisten = undefined;
      await running;
      await stopListening?.();
    },

    /**
     * The tenant's history, without the events that need a scope the reader lacks. Events committed
     * before the call are placed first, so a caller reads its own writes.
     */
    async list(tenantId: string, filter: EventFilter) {
      await placeInHistory();
      return inTenant(db, tenantId, (tx) => listEvents(tx, filter));
    },

    /** The tenant's events that were given up after repeated failures, newest first. */
    dead(tenantId: string, limit: number) {
      return inTenant(db, tenantId, (tx) => listDead(tx, limit));
    },

    /** Delivers a dead event again from scratch; false when the tenant has no such dead event. */
    async redeliver(tenantId: string, id: number): Promise<boolean> {
      const revived = await acrossTenants(db, (tx) => reviveDead(tx, tenantId, id));
      if (revived) kick();
      return revived;
    },

    /** For realtime: an event too large to travel inside a notification. */
    async load(tenantId: string, id: number): Promise<PushedEvent | undefined> {
      const row = await inTenant(db, tenantId, (tx) => findEvent(tx, id));
      return row && toPushed(row);
    },
  };
}

export type Events = ReturnType<typeof createEvents>;
