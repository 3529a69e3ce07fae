// Raw COPY for the benchmarks' baselines. Through pg's own connection (no pg-copy-streams):
// submittable queries that pg's client drives like any other, answering the server's
// CopyInResponse with the data and CopyDone, or taking the CopyData of a COPY … TO STDOUT. And a
// table dumped to a COPY text file and loaded again with one COPY, on PostgreSQL or on PGlite
// (`/dev/blob`, PGlite's way in and out for COPY).
import { closeSync, createReadStream, openSync, readFileSync, writeSync } from 'node:fs';
import type { Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

interface CopyConnection {
  stream: Socket;
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/** The handlers pg calls on the active query that a COPY does not use. */
abstract class Submittable {
  private resolve!: () => void;
  private reject!: (err: Error) => void;
  protected error: Error | undefined;
  readonly done = new Promise<void>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
  protected readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  submit(connection: { query(text: string): void }) {
    connection.query(this.text);
  }
  handleError(err: Error) {
    this.error = err;
  }
  handleReadyForQuery() {
    if (this.error) this.reject(this.error);
    else this.resolve();
  }
  handleCommandComplete() {}
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyInResponse(_connection: CopyConnection) {}
  handleCopyData(_message: { chunk: Buffer }, _connection: CopyConnection) {}
}

/**
 * `COPY … FROM STDIN` of `data`: a buffer sent at once, or chunks (a file read as a stream) sent
 * as the socket takes them, so a file larger than memory can be copied.
 * Run it with `client.query(copy as unknown as pg.QueryConfig); await copy.done`.
 */
export class CopyIn extends Submittable {
  private readonly data: Buffer | AsyncIterable<Uint8Array>;
  constructor(text: string, data: Buffer | AsyncIterable<Uint8Array>) {
    super(text);
    this.data = data;
  }
  override handleCopyInResponse(connection: CopyConnection) {
    const data = this.data;
    if (Buffer.isBuffer(data)) {
      const CHUNK = 1 << 20;
      for (let at = 0; at < data.length; at += CHUNK)
        connection.sendCopyFromChunk(data.subarray(at, at + CHUNK));
      connection.endCopyFrom();
      return;
    }
    (async () => {
      for await (const chunk of data) {
        connection.sendCopyFromChunk(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (connection.stream.writableNeedDrain)
          await new Promise((resolve) => connection.stream.once('drain', resolve));
      }
      connection.endCopyFrom();
    })().catch((err: Error) => {
      this.error ??= err;
      connection.sendCopyFail(err.message);
    });
  }
}

/** `COPY … TO STDOUT`: each CopyData message's bytes handed to `onChunk` as they arrive. */
export class CopyOut extends Submittable {
  private readonly onChunk: (chunk: Buffer) => void;
  constructor(text: string, onChunk: (chunk: Buffer) => void) {
    super(text);
    this.onChunk = onChunk;
  }
  override handleCopyData(message: { chunk: Buffer }) {
    try {
      this.onChunk(message.chunk);
    } catch (err) {
      this.error ??= err as Error;
    }
  }
}

/** Some rows of a table dumped to a COPY text file, and that file loaded again into the emptied table. */
export interface TableReload {
  /** Writes the rows `filter` selects (`where … order by …`) to `file`, outside any clock. */
  dump(filter: string, file: string): Promise<void>;
  /** Truncates the table, checkpoints, then loads `file` with one COPY: the seconds of that COPY. */
  reload(file: string): Promise<number>;
  rows(): Promise<number>;
  close(): Promise<void>;
}

/** The columns COPY can fill: all but identity and generated ones. */
const columnsSql = (table: string) => `select column_name from information_schema.columns
  where table_schema = 'public' and table_name = '${table}' and is_identity = 'NO' and is_generated = 'NEVER'
  order by ordinal_position`;

/** On PostgreSQL, as a superuser; the file is streamed from disk into COPY … FROM STDIN. */
export async function postgresReload(url: string, table: string): Promise<TableReload> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ column_name: string }>(columnsSql(table));
  const columns = rows.map((r) => r.column_name).join(', ');
  return {
    async dump(filter, file) {
      const fd = openSync(file, 'w');
      try {
        const out = new CopyOut(`copy (select ${columns} from ${table} ${filter}) to stdout`, (chunk) =>
          writeSync(fd, chunk),
        );
        client.query(out as unknown as pg.QueryConfig);
        await out.done;
      } finally {
        closeSync(fd);
      }
    },
    async reload(file) {
      await client.query(`truncate ${table}`);
      await client.query('checkpoint');
      const copy = new CopyIn(
        `copy ${table} (${columns}) from stdin`,
        createReadStream(file, { highWaterMark: 1 << 20 }),
      );
      const started = performance.now();
      client.query(copy as unknown as pg.QueryConfig);
      await copy.done;
      return (performance.now() - started) / 1000;
    },
    rows: async () =>
      Number((await client.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]?.n),
    close: () => client.end(),
  };
}

/**
 * On PGlite, opened on `dataDir` in this process (no server may have it open): COPY … FROM
 * '/dev/blob' with the file, read into memory before the clock, as the query's `blob`.
 */
export async function pgliteReload(dataDir: string, table: string): Promise<TableReload> {
  const db = await PGlite.create(dataDir);
  const { rows } = await db.query<{ column_name: string }>(columnsSql(table));
  const columns = rows.map((r) => r.column_name).join(', ');
  return {
    async dump(filter, file) {
      const result = await db.query(`copy (select ${columns} from ${table} ${filter}) to '/dev/blob'`);
      if (!result.blob) throw new Error('COPY TO /dev/blob gave no blob');
      const fd = openSync(file, 'w');
      try {
        writeSync(fd, new Uint8Array(await result.blob.arrayBuffer()));
      } finally {
        closeSync(fd);
      }
    },
    async reload(file) {
      await db.exec(`truncate ${table}; checkpoint`);
      const blob = new Blob([readFileSync(file)]);
      const started = performance.now();
      await db.query(`copy ${table} (${columns}) from '/dev/blob'`, [], { blob });
      return (performance.now() - started) / 1000;
    },
    rows: async () =>
      Number((await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n),
    close: () => db.close(),
  };
}
