// Faults of the environment rather than of the request: the database unreachable or restarting, the
// disk full. The error handler answers them with 503 `unavailable` and a Retry-After instead of a
// bare 500, so clients (and proxies) retry once the database or the space is back.
import { sqlState } from './errors.ts';

/** Seconds a client is told to wait (Retry-After) when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket-level failures of a database connection (node's errno codes). */
const CONNECTION_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/**
 * SQLSTATEs of a server that is going away or not there yet: class 08 (connection exception),
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections.
 */
const UNAVAILABLE_STATE = /^(08...|57P0[1-3]|53300)$/;

/** node-postgres and pg-pool report a lost or never-made connection with these messages, without a code. */
const CONNECTION_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|the database system is (shutting down|starting up|in recovery mode)/i;

/** Walks `err` and its causes (drizzle wraps the driver's error in its own). */
function chain(err: unknown): { code?: unknown; message?: unknown; errno?: unknown }[] {
  const out: { code?: unknown; message?: unknown }[] = [];
  for (let e = err as { cause?: unknown } | undefined, depth = 0; e && depth < 6; depth++) {
    if (typeof e !== 'object') break;
    out.push(e as { code?: unknown; message?: unknown });
    e = e.cause as typeof e;
  }
  return out;
}

/** True when `err` says the database cannot be reached or is restarting (not that the query was wrong). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const state = sqlState(err);
  if (state && UNAVAILABLE_STATE.test(state)) return true;
  return chain(err).some(
    (e) =>
      (typeof e.code === 'string' && CONNECTION_ERRNO.has(e.code)) ||
      (typeof e.message === 'string' && CONNECTION_MESSAGE.test(e.message)),
  );
}

/** True when `err` is a full disk: the file system's ENOSPC/EDQUOT, or PostgreSQL's 53100 disk_full. */
export function isOutOfSpace(err: unknown): boolean {
  if (sqlState(err) === '53100') return true;
  return chain(err).some(
    (e) =>
      e.code === 'ENOSPC' ||
      e.code === 'EDQUOT' ||
      (typeof e.message === 'string' &&
        /ENOSPC|No space left on device|could not extend file/i.test(e.message)),
  );
}
