// Messages between the embedded database's worker thread and its client on the main thread.

export type RowMode = 'object' | 'array';

export interface QueryMessage {
  op: 'query';
  /** One statement in PostgreSQL's wire protocol (wire.ts); answered with PostgreSQL's bytes. */
  message: Uint8Array;
  /** The open transaction the statement belongs to, if any. */
  tx: number | undefined;
}

export type Request =
  | QueryMessage
  | { op: 'exec'; text: string; tx: number | undefined }
  /** `preamble`: parameterless statements run first inside the transaction (e.g. its scope). */
  | { op: 'begin'; tx: number; preamble: string | undefined }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'listen'; channel: string }
  | { op: 'unlisten'; channel: string }
  | { op: 'dump' }
  /** The bytes of the database's WebAssembly memory (it grows to the high-water mark, never shrinks). */
  | { op: 'memory' }
  | { op: 'close' };

export type Call = Request & { id: number };

export interface QueryResult {
  rows: unknown[];
  affectedRows?: number;
  fields: { name: string; dataTypeID: number }[];
}

/** From the worker: an answer to a call, a notification, or (once) that the database is open. */
export type Reply =
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: SerializedError }
  | { kind: 'notification'; channel: string; payload: string }
  | { kind: 'ready' }
  | { kind: 'failed'; error: SerializedError };

/** An error as it crosses the thread boundary: PostgreSQL's fields, never the query's parameters. */
export interface SerializedError {
  name: string;
  message: string;
  [field: string]: string | number | undefined;
}

const DATABASE_ERROR_FIELDS = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const;

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const out: SerializedError = { name: err.name, message: err.message };
  const fields = err as unknown as Record<string, unknown>;
  for (const field of DATABASE_ERROR_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  return out;
}

/** PostgreSQL's error on this side of the boundary: same name and fields, this thread's stack. */
export class EmbeddedDatabaseError extends Error {
  constructor(serialized: SerializedError) {
    super(serialized.message);
    Object.assign(this, serialized);
    this.name = serialized.name;
  }
}
