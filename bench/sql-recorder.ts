// Records the statements a request sends to the database, so bench/api-read.ts can replay exactly
// the same SQL from a bare route (its baseline). Works on both drivers: for PostgreSQL it watches
// `pg` clients and read-only transactions' ScopedReadClients, for the embedded database the
// EmbeddedClient's transactions and readers.
import pg from 'pg';
import { EmbeddedClient, type EmbeddedTransaction } from '../src/platform/db/embedded/client.ts';
import { ScopedReadClient } from '../src/platform/db/pipelined-reads.ts';

export interface Statement {
  text: string;
  values: unknown[];
  rowMode: 'array' | undefined;
}

type Key = object | number;

let recording: Map<Key, Statement[]> | undefined;

function note(key: Key, statement: Statement) {
  if (!recording) return;
  const list = recording.get(key) ?? [];
  list.push(statement);
  recording.set(key, list);
}

const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (
  this: pg.Client,
  config: unknown,
  values?: unknown,
  ...rest: unknown[]
) {
  // A ScopedReadClient's statement (a submittable) is recorded by the ScopedReadClient.
  if (recording && typeof (config as { submit?: unknown }).submit !== 'function') {
    const c = (typeof config === 'string' ? { text: config } : config) as {
      text: string;
      values?: unknown[];
      rowMode?: string;
    };
    const params = Array.isArray(values) ? values : (c.values ?? []);
    note(this, { text: c.text, values: params, rowMode: c.rowMode === 'array' ? 'array' : undefined });
  }
  return pgQuery.call(this, config, values, ...rest);
} as typeof pg.Client.prototype.query;

// A read-only transaction on PostgreSQL: one ScopedReadClient, each statement its own trip.
const scopedQuery = ScopedReadClient.prototype.query;
ScopedReadClient.prototype.query = function (this: ScopedReadClient, config, values) {
  if (recording && !recording.has(this))
    note(this, { text: `begin read only; ${this.scope}`, values: [], rowMode: undefined });
  const c = typeof config === 'string' ? { text: config } : config;
  note(this, {
    text: c.text,
    values: values ?? c.values ?? [],
    rowMode: (c as { rowMode?: string }).rowMode === 'array' ? 'array' : undefined,
  });
  return scopedQuery.call(this, config, values);
};

const embeddedTransaction = EmbeddedClient.prototype.transaction;
EmbeddedClient.prototype.transaction = function <T>(
  this: EmbeddedClient,
  work: (tx: EmbeddedTransaction) => Promise<T>,
  ...rest: unknown[]
) {
  const key = {};
  const { preamble, readOnly } = (rest[0] as { preamble?: string; readOnly?: boolean } | undefined) ?? {};
  const begin = readOnly ? 'begin read only' : 'begin';
  if (preamble) note(key, { text: `${begin}; ${preamble}`, values: [], rowMode: undefined });
  return (embeddedTransaction as (...args: unknown[]) => Promise<T>).call(
    this,
    (tx: EmbeddedTransaction) =>
      work({
        ...tx,
        query: (text, params = [], options = {}) => {
          note(key, { text, values: params, rowMode: options.rowMode === 'array' ? 'array' : undefined });
          return tx.query(text, params, options);
        },
        get closed() {
          return tx.closed;
        },
      }),
    ...rest,
  );
} as typeof EmbeddedClient.prototype.transaction;

// A read-only transaction on the embedded database: one reader per scope, each statement its own trip.
const embeddedReader = EmbeddedClient.prototype.reader;
EmbeddedClient.prototype.reader = function (this: EmbeddedClient, preamble: string) {
  const reader = embeddedReader.call(this, preamble);
  return {
    ...reader,
    query: (text, params = [], options = {}) => {
      if (recording && !recording.has(reader))
        note(reader, { text: `begin read only; ${preamble}`, values: [], rowMode: undefined });
      note(reader, { text, values: params, rowMode: options.rowMode === 'array' ? 'array' : undefined });
      return reader.query(text, params, options);
    },
  };
};

const BEGIN = /^\s*begin(\s+read\s+only)?\s*;?\s*/i;
const END = /^\s*(commit|rollback)\b/i;

/** A transaction as a request sent it: what travelled with BEGIN, then each statement. */
export interface RecordedTransaction {
  preamble: string;
  /** Begun READ ONLY (the request only reads: see readInTenant). */
  readOnly: boolean;
  statements: Statement[];
}

/**
 * The transactions `run` caused that act in a scope (set the role): the request itself, not
 * background work. COMMIT is left out; the replay adds its own.
 */
export async function record(run: () => Promise<void>): Promise<RecordedTransaction[]> {
  const recorded = new Map<Key, Statement[]>();
  recording = recorded;
  try {
    await run();
  } finally {
    recording = undefined;
  }
  const transactions: RecordedTransaction[] = [];
  for (const statements of recorded.values()) {
    if (!statements.some((s) => s.text.includes("set_config('role'"))) continue;
    const [first, ...rest] = statements.filter((s) => !END.test(s.text));
    if (!first || !BEGIN.test(first.text)) throw new Error(`a transaction without BEGIN: ${first?.text}`);
    const readOnly = BEGIN.exec(first.text)?.[1] !== undefined;
    transactions.push({ preamble: first.text.replace(BEGIN, ''), readOnly, statements: rest });
  }
  return transactions;
}
