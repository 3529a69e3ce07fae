// A statement for the embedded database as PostgreSQL's wire protocol, and its answer read back,
// on the main thread. The worker hands the bytes to PGlite and returns PGlite's bytes untouched
// (both move between threads without a copy), so the worker spends its time in PostgreSQL only.
// PGlite's own `query` makes six calls into PostgreSQL per statement, parses every field into a
// sliced buffer and then has the rows cloned across the thread; that was most of the embedded
// database's cost per request. Encoding, parsing and type conversion here are node-postgres's own
// (pg-protocol, pg-types and pg's parameter preparation), so both drivers read and write values
// the same way.
import { createRequire } from 'node:module';
import pg from 'pg';
import { serialize } from 'pg-protocol';
import type {
  BackendMessage,
  CommandCompleteMessage,
  DataRowMessage,
  NotificationResponseMessage,
  RowDescriptionMessage,
} from 'pg-protocol/dist/messages.js';
import { Parser } from 'pg-protocol/dist/parser.js';
import { EmbeddedDatabaseError, type QueryResult, type RowMode, serializeError } from './protocol.ts';

const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  /** node-postgres's conversion of a JavaScript value to a parameter's text (or bytes). */
  prepareValue(value: unknown): string | Buffer | null;
};

const keepText = (value: string) => value;

/**
 * Parse, bind, describe, execute and sync: one statement, one trip into PostgreSQL. With `scope`
 * (parameterless statements that open a transaction, e.g. `begin read only; select set_config(…)`)
 * the statement runs in a transaction of its own, opened by `scope` and committed in the same trip.
 */
export function encodeStatement(text: string, params: readonly unknown[], scope?: string): Uint8Array {
  const parts = [
    ...(scope ? [serialize.query(scope)] : []),
    serialize.parse({ text }),
    serialize.bind({ values: params as unknown[], valueMapper: prepareValue }),
    serialize.describe({ type: 'P' }),
    serialize.execute({}),
    serialize.sync(),
    ...(scope ? [serialize.query('commit')] : []),
  ];
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export interface DecodedStatement {
  /** Rows (objects or arrays), fields and the affected row count — or PostgreSQL's error. */
  outcome: { ok: true; result: QueryResult } | { ok: false; error: Error };
  /** What NOTIFY delivered with this answer (an autocommitted statement that notified). */
  notifications: { channel: string; payload: string }[];
}

/** Reads PostgreSQL's answer to `encodeStatement`; `rawTypes` are type oids kept as PostgreSQL's text. */
export function decodeStatement(
  bytes: Uint8Array,
  rowMode: RowMode | undefined,
  rawTypes: readonly number[],
): DecodedStatement {
  const messages: BackendMessage[] = [];
  new Parser().parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (message) => {
    messages.push(message);
  });
  const notifications: DecodedStatement['notifications'] = [];
  let fields: QueryResult['fields'] = [];
  let names: string[] = [];
  let parsers: ((value: string) => unknown)[] = [];
  const rows: unknown[] = [];
  let affectedRows = 0;
  let failure: Error | undefined;
  // The statement's answer runs from its ParseComplete to the next ReadyForQuery; what a scope sent
  // before it (set_config's row) and the commit after it are not the statement's. An error
  // anywhere is: a scope that failed means the statement never ran.
  let inStatement = false;
  for (const message of messages) {
    if (message.name === 'parseComplete') inStatement = true;
    else if (message.name === 'readyForQuery') inStatement = false;
    else if (!inStatement && message.name !== 'notification' && message.name !== 'error') continue;
    switch (message.name) {
      case 'rowDescription': {
        const described = (message as RowDescriptionMessage).fields;
        fields = described.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID }));
        names = described.map((field) => field.name);
        parsers = described.map((field) =>
          rawTypes.includes(field.dataTypeID) ? keepText : pg.types.getTypeParser(field.dataTypeID, 'text'),
        );
        break;
      }
      case 'dataRow':
        rows.push(toRow((message as DataRowMessage).fields, names, parsers, rowMode));
        break;
      case 'commandComplete':
        affectedRows = affectedRowsOf((message as CommandCompleteMessage).text);
        break;
      case 'notification': {
        const { channel, payload } = message as NotificationResponseMessage;
        notifications.push({ channel, payload });
        break;
      }
      case 'error':
        // This thread's stack and the same fields as every other database error, never the parameters.
        failure ??= new EmbeddedDatabaseError(serializeError(message));
        break;
    }
  }
  return {
    outcome: failure ? { ok: false, error: failure } : { ok: true, result: { rows, fields, affectedRows } },
    notifications,
  };
}

function toRow(
  values: (string | null)[],
  names: string[],
  parsers: ((value: string) => unknown)[],
  rowMode: RowMode | undefined,
): unknown {
  if (rowMode === 'array') {
    const row = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      row[i] = value === null || value === undefined ? null : parsers[i]?.(value);
    }
    return row;
  }
  const row: Record<string, unknown> = {};
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    row[names[i] as string] = value === null || value === undefined ? null : parsers[i]?.(value);
  }
  return row;
}

/** PGlite's meaning of `affectedRows`: the count of an INSERT, UPDATE, DELETE, COPY or MERGE. */
function affectedRowsOf(tag: string): number {
  const words = tag.split(' ');
  if (!['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(words[0] ?? '')) return 0;
  return Number.parseInt(words[words.length - 1] ?? '0', 10) || 0;
}
