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

export type Unlisten = () => Promise<void>;

export interface ListenOptions {
  onError?: (err: Error) => void;
  /** Called after a lost connection was re-established (notifications in between were missed). */
  onReconnect?: () => void;
}

/**
 * Calls `onPayload` for every notification on `channel`. On PostgreSQL a dedicated connection
 * listens and reconnects with backoff when it drops; on PGlite the embedded engine delivers.
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
  const { connectionString } = database.raw.pool.options;
  let client: pg.Client | undefined;
  let stopped = false;
  let delayMs = 250;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on('error', (err) => {
      options.onError?.(err);
      next.end().catch(() => {});
      if (client === next) reconnect();
    });
    await next.connect();
    await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    client = next;
    delayMs = 250;
  };

  const reconnect = () => {
    client = undefined;
    if (stopped) return;
    setTimeout(() => {
      if (stopped) return;
      connect().then(
        () => options.onReconnect?.(),
        (err: Error) => {
          options.onError?.(err);
          delayMs = Math.min(delayMs * 2, 10_000);
          reconnect();
        },
      );
    }, delayMs).unref();
  };

  await connect();
  return async () => {
    stopped = true;
    const current = client;
    client = undefined;
    await current?.end().catch(() => {});
  };
}
