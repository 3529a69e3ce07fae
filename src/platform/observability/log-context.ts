import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who a log line is about: the request (or job) being handled, and once known its tenant and user.
 * Every line written while it is the current context carries these fields, whichever logger writes
 * it (request.log, a service's logger, the job runner's), through the logger's mixin.
 */
export interface LogContext {
  requestId?: string;
  tenantId?: string;
  userId?: string;
  jobId?: string;
  job?: string;
}

const storage = new AsyncLocalStorage<LogContext>();
const NONE = Object.freeze({});

/** Runs `work` (and everything it starts) with `context` as the current log context. */
export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run(context, work);
}

/** The current context, to add the tenant and user once the caller is known. */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

/** Pino's `mixin`: a copy, because pino merges the line's own fields into what the mixin returns. */
export function logContextFields(): object {
  const context = storage.getStore();
  return context ? { ...context } : NONE;
}

/** Pino's `mixinMergeStrategy`: outside any context the line is left as it is (nothing copied). */
export function mergeLogContext(line: object, fields: object): object {
  return fields === NONE ? line : Object.assign(fields, line);
}
