import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database, Executor } from '../db/database.ts';

// PostgreSQL LISTEN/NOTIFY carries commits to every server process (PGlite delivers in-process).
// A NOTIFY issued inside a transaction is sent only if and when that transaction commits.

export const REALTIME_CHANNEL = 'plantintel_realtime';
export const EVENTS_CHANNEL = 'plantintel_events';
// PostgreSQL refuses payloads of 8000 bytes or more; larger messages travel as a reference.
export const MAX_PAYLOAD_BYTES = 7900;

export function notify(executor: Executor, channel: string, payload: string) {
  return executor.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/** Several notifications on one channel in one statement, delivered in the order given. */
export async function notifyMany(executor: Executor, channel: string, payloads: readonly string[]) {
  if (payloads.length <= 1) {
    if (payloads[0] !== undefined) await notify(executor, channel, payloads[0]);
    return;
  }
  // pg_notify is volatile: evaluated after the sort, so in the array's order.
  await executor.execute(
    sql`select pg_notify(${channel}, u.p) from unnest(${sql.param(payloads)}::text[]) with ordinality as u(p, n) order by u.n`,
  );
}

export type Unlisten = () => Promise<void>;

export interface ListenOptions {
  onError?: (err: Error) => void;
  /** Called after a lost connection was re-established (notifications in between were missed). */
  onReconnect?: () => void;
}

interface Handler extends ListenOptions {
  channel: string;
  onPayload: (payload: string) => void;
}

/**
 * One listening connection per database and process, shared by every channel. PostgreSQL delivers
 * the notifications of one connection in commit order, so a process sees a credential change
 * before any event committed after it — separate connections per channel could swap the two.
 */
class SharedListener {
  private client: pg.Client | undefined;
  /** Channels LISTENed on `client`. */
  private listening = new Set<string>();
  private readonly handlers = new Set<Handler>();
  private connecting: Promise<void> | undefined;
  private reconnectPending = false;
  private delayMs = 250;

  private readonly connectionString: string | undefined;

  constructor(connectionString: string | undefined) {
    this.connectionString = connectionString;
  }

  async add(handler: Handler): Promise<Unlisten> {
    this.handlers.add(handler);
    try {
      // While a reconnect is pending, it LISTENs on every channel, this one included.
      if (!this.client && !this.reconnectPending) {
        this.connecting ??= this.connect().finally(() => {
          this.connecting = undefined;
        });
        await this.connecting;
      }
      const client = this.client;
      if (client && !this.listening.has(handler.channel)) {
        this.listening.add(handler.channel);
        await client.query(`listen ${pg.escapeIdentifier(handler.channel)}`);
      }
    } catch (err) {
      await this.remove(handler);
      throw err;
    }
    return () => this.remove(handler);
  }

  private hasChannel(channel: string): boolean {
    for (const handler of this.handlers) if (handler.channel === channel) return true;
    return false;
  }

  private async remove(handler: Handler): Promise<void> {
    if (!this.handlers.delete(handler)) return;
    const client = this.client;
    if (this.handlers.size === 0) {
      this.client = undefined;
      this.listening = new Set();
      await client?.end().catch(() => {});
    } else if (!this.hasChannel(handler.channel) && this.listening.delete(handler.channel)) {
      await client?.query(`unlisten ${pg.escapeIdentifier(handler.channel)}`).catch(() => {});
    }
  }

  private async connect(): Promise<void> {
    const next = new pg.Client({ connectionString: this.connectionString });
    next.on('notification', (message) => {
      if (message.payload === undefined) return;
      for (const handler of this.handlers) {
        if (handler.channel === message.channel) handler.onPayload(message.payload);
      }
    });
    next.on('error', (err) => {
      for (const handler of this.handlers) handler.onError?.(err);
      next.end().catch(() => {});
      if (this.client === next) this.reconnect();
    });
    const listening = new Set<string>();
    try {
      await next.connect();
      for (const { channel } of this.handlers) {
        if (listening.has(channel)) continue;
        listening.add(channel);
        await next.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
    } catch (err) {
      await next.end().catch(() => {});
      throw err;
    }
    if (this.handlers.size === 0) {
      // Everyone left while this connection was being made.
      await next.end().catch(() => {});
      return;
    }
    this.client = next;
    this.listening = listening;
    this.delayMs = 250;
  }

  private reconnect() {
    this.client = undefined;
    this.listening = new Set();
    if (this.handlers.size === 0) return;
    this.reconnectPending = true;
    setTimeout(() => {
      if (this.handlers.size === 0) {
        this.reconnectPending = false;
        return;
      }
      this.connect().then(
        () => {
          this.reconnectPending = false;
          for (const handler of this.handlers) handler.onReconnect?.();
        },
        (err: Error) => {
          for (const handler of this.handlers) handler.onError?.(err);
          this.delayMs = Math.min(this.delayMs * 2, 10_000);
          this.reconnect();
        },
      );
    }, this.delayMs).unref();
  }
}

const listeners = new WeakMap<pg.Pool, SharedListener>();

/**
 * Calls `onPayload` for every notification on `channel`. On PostgreSQL the process's one listening
 * connection (see SharedListener) reconnects with backoff when it drops; on PGlite the embedded
 * engine delivers.
 */
export async function listen(
  database: Database,
  channel: string,
  onPayload: (payload: string) => void,
  options: ListenOptions = {},
): Promise<Unlisten> {
  if (database.raw.kind === 'pglite') {
    return database.raw.client.listen(channel, onPayload);
  }
  const { pool } = database.raw;
  let shared = listeners.get(pool);
  if (!shared) {
    shared = new SharedListener(pool.options.connectionString);
    listeners.set(pool, shared);
  }
  return shared.add({ channel, onPayload, ...options });
}
