// What of an error may reach the log. A failed Drizzle query carries its parameters (password and
// API-key hashes, tokens) in its message, its stack and a `params` field; PostgreSQL's `detail`
// repeats the offending values ("Key (email)=(…) already exists"), and some of its messages quote
// the bad input ('invalid input syntax for type uuid: "…"'). So only named, value-free fields are
// kept: the class, a message that cannot carry parameters, the SQLSTATE, the constraint and table,
// and the stack frames without the message lines above them.
import { DrizzleQueryError } from 'drizzle-orm';

export interface SafeError {
  type: string;
  message: string;
  /** SQLSTATE for database errors (looked up through a failed query's cause), else e.g. ECONNREFUSED. */
  code?: string;
  constraint?: string;
  table?: string;
  stack?: string;
  cause?: SafeError;
}

interface PgFields {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  schema?: unknown;
  severity?: unknown;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
// A failed query wraps a driver error that wraps … — a few levels are all that ever occur.
const MAX_CAUSES = 3;

const stringField = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function isDatabaseError(err: Error): boolean {
  const { code, severity } = err as PgFields;
  return typeof code === 'string' && SQLSTATE.test(code) && typeof severity === 'string';
}

/**
 * PostgreSQL's message with every quoted part hidden except the names the error itself reports
 * (constraint, table, column, schema): those are identifiers, anything else quoted may be a value.
 */
function databaseMessage(err: Error): string {
  const f = err as PgFields;
  const names = new Set([f.constraint, f.table, f.column, f.schema].map(stringField));
  return err.message.replace(/"([^"]*)"/g, (quoted, inner: string) => (names.has(inner) ? quoted : '"…"'));
}

export function safeMessage(err: Error): string {
  if (err instanceof DrizzleQueryError) return 'Failed query';
  if (isDatabaseError(err)) return databaseMessage(err);
  return err.message;
}

/** The stack frames only: V8 starts a stack with "Name: message", which may span many lines. */
function framesOf(err: Error): string | undefined {
  if (typeof err.stack !== 'string') return undefined;
  const header = String(err);
  const rest = err.stack.startsWith(header) ? err.stack.slice(header.length) : err.stack;
  const frames = rest.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.join('\n') : undefined;
}

/** The driver error of a failed query, for its SQLSTATE and names. */
function databaseFields(err: Error): PgFields {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth <= MAX_CAUSES; depth++) {
    if (isDatabaseError(e)) return e as PgFields;
    e = e.cause;
  }
  return err as PgFields;
}

/** Pino's `err` serializer: see the top of this file for what is kept. */
export function safeError(value: unknown, depth = 0): SafeError | unknown {
  if (!(value instanceof Error)) return value;
  const fields = databaseFields(value);
  const code = stringField(fields.code);
  const out: SafeError = {
    // PGlite's error class is minified; both drivers call theirs DatabaseError.
    type: isDatabaseError(value) ? 'DatabaseError' : value.constructor.name || value.name,
    message: safeMessage(value),
    ...(code ? { code } : {}),
    ...(stringField(fields.constraint) ? { constraint: String(fields.constraint) } : {}),
    ...(stringField(fields.table) ? { table: String(fields.table) } : {}),
  };
  const stack = framesOf(value);
  if (stack) out.stack = stack;
  if (value.cause instanceof Error && depth < MAX_CAUSES) {
    out.cause = safeError(value.cause, depth + 1) as SafeError;
  }
  return out;
}

/** The database's own words rather than a query wrapper's (which would quote the whole batch). */
export function innermostMessage(err: unknown): string {
  let current = err;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return (current instanceof Error ? current.message : String(current)).slice(0, 1000);
}
