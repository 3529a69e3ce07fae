// The embedded database (PGlite) seen from the main thread. PGlite runs in a worker thread
// (worker.ts) so its queries — a 10-second aggregate, a million-row insert — never stop the event
// loop that serves HTTP, WebSocket heartbeats and push. This client speaks the part of PGlite's
// interface that Drizzle, pg-boss's PGlite adapter and our LISTEN code use: query, exec,
// transaction, listen, dumpDataDir and close. Why a worker with a message port rather than PGlite
// serving the PostgreSQL wire protocol to a `pg` pool: see the README ("Embedded database").
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  type Call,
  EmbeddedDatabaseError,
  type QueryResult,
  type Reply,
  type Request,
  type RowMode,
} from './protocol.ts';
import { decodeStatement, encodeStatement } from './wire.ts';
import type { EmbeddedWorkerData } from './worker.ts';

interface QueryOptions {
  rowMode?: RowMode;
  /** Only parsers that return PostgreSQL's text unchanged are supported (all Drizzle uses). */
  parsers?: Record<number, (value: string, typeId?: number) => unknown>;
}

export interface EmbeddedTransaction {
  query<T = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<QueryResult & { rows: T[] }>;
  exec(text: string): Promise<QueryResult[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

// PGlite's WebAssembly (PostgreSQL and initdb), compiled once per process and handed to every
// database thread, which instantiates it. Compiled code that is freed when the last thread using it
// ends, then compiled again for the next, is the churn behind a V8 crash seen in test runs (Check
// failed: jit_page.has_value(), nodejs/node#64500); this process keeps its one copy until it exits.
// WebAssembly.compile works off the main thread.
let modules: Promise<EmbeddedWorkerData['modules']> | undefined;
function compiledModules(): Promise<EmbeddedWorkerData['modules']> {
  modules ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const { WebAssembly: wasm } = globalThis as unknown as {
      WebAssembly: { compile(bytes: Uint8Array): Promise<object> };
    };
    const compile = async (file: string) => wasm.compile(await readFile(path.join(dist, file)));
    const [pglite, initdb] = await Promise.all([compile('pglite.wasm'), compile('initdb.wasm')]);
    return { pglite, initdb };
  })();
  return modules;
}

const PROBE = '2024-01-01 00:00:00';

/** The type oids whose parser keeps the text as it is; anything else cannot cross the thread. */
function rawTypesOf(parsers: QueryOptions['parsers']): number[] {
  if (!parsers) return [];
  return Object.entries(parsers).map(([oid, parse]) => {
    if (parse(PROBE) !== PROBE) throw new Error(`embedded database: parser for type ${oid} is not supported`);
    return Number(oid);
  });
}

/**
 * The bytes as an ArrayBuffer of their own, to transfer to the thread without a copy (a file read
 * whole has one); a view into a larger buffer (Node's pool) is copied out first.
 */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
}

export class EmbeddedClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  private readonly listeners = new Map<string, Set<(payload: string) => void>>();
  private nextId = 1;
  private nextTx = 1;
  private isClosed = false;
  private closing: Promise<void> | undefined;
  private failure: Error | undefined;

  private constructor(worker: Worker) {
    this.worker = worker;
    // The thread keeps the process alive only while a call is waiting for it: an idle database left
    // open (a failed start-up, a forgotten close) never keeps a process from ending.
    worker.unref();
  }

  /** Starts the worker and opens the database in it: a data directory, a dump, or memory. */
  static async create(options: { dataDir?: string; loadDataDir?: Uint8Array } = {}): Promise<EmbeddedClient> {
    const loadDataDir = options.loadDataDir ? ownBuffer(options.loadDataDir) : undefined;
    const workerData: EmbeddedWorkerData = {
      dataDir: options.dataDir,
      loadDataDir,
      modules: await compiledModules(),
    };
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData,
      transferList: loadDataDir ? [loadDataDir] : [],
    });
    const client = new EmbeddedClient(worker);
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: Reply) => {
        if (reply.kind === 'ready') resolve();
        else if (reply.kind === 'failed') reject(new EmbeddedDatabaseError(reply.error));
        else client.receive(reply);
      });
      worker.on('error', (err) => {
        reject(err);
        client.fail(err);
      });
      worker.on('exit', (code) => {
        const err = new Error(`the embedded database thread exited (code ${code})`);
        reject(err);
        client.fail(err);
      });
    });
    return client;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Requests sent to the database thread and not yet answered (queries, transaction steps). */
  get inFlight(): number {
    return this.pending.size;
  }

  query<T = Record<string, unknown>>(
    text: string,
    params: unknown[] = [],
    options: QueryOptions = {},
  ): Promise<QueryResult & { rows: T[] }> {
    return this.queryIn(undefined, text, params, options) as Promise<QueryResult & { rows: T[] }>;
  }

  exec(text: string): Promise<QueryResult[]> {
    return this.call({ op: 'exec', text, tx: undefined }) as Promise<QueryResult[]>;
  }

  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * `preamble` (parameterless SQL, e.g. the transaction's role and tenant) runs first. The
   * transaction opens without a round trip of its own: its first statement follows BEGIN at once.
   *
   * `readOnly`: each statement runs in a read-only transaction of its own, opened with `preamble`
   * and committed in the same trip into the database, so no transaction stays open while this
   * thread works between statements (the database, one session, would wait for it). Under READ
   * COMMITTED, which every transaction here uses, each statement sees what was committed when it
   * started either way; writing fails.
   */
  async transaction<T>(
    work: (tx: EmbeddedTransaction) => Promise<T>,
    options: { preamble?: string; readOnly?: boolean } = {},
  ): Promise<T> {
    if (options.readOnly) return this.readOnly(work, options.preamble);
    const id = this.nextTx++;
    const opened = this.call({ op: 'begin', tx: id, preamble: options.preamble });
    // Its failure also fails every statement of the transaction; it is awaited before the end.
    opened.catch(() => {});
    let done = false;
    let rolledBack = false;
    const ensureOpen = () => {
      if (done || rolledBack) throw new Error('the transaction is already closed');
    };
    const tx: EmbeddedTransaction = {
      query: (text, params = [], queryOptions = {}) => {
        ensureOpen();
        return this.queryIn(id, text, params, queryOptions) as never;
      },
      exec: (text) => {
        ensureOpen();
        return this.call({ op: 'exec', text, tx: id }) as Promise<QueryResult[]>;
      },
      rollback: async () => {
        ensureOpen();
        rolledBack = true;
      },
      get closed() {
        return done || rolledBack;
      },
    };
    let result: T;
    try {
      result = await work(tx);
      await opened;
    } catch (err) {
      done = true;
      await this.call({ op: 'end', tx: id, commit: false }).catch(() => {});
      throw err;
    }
    done = true;
    await this.call({ op: 'end', tx: id, commit: !rolledBack });
    return result;
  }

  /**
   * A reader whose every statement is a read-only transaction of its own opened with `preamble`,
   * as in `transaction(…, { readOnly: true })`, for any number of reads: it holds nothing between
   * statements, so it never closes (scoped-transaction.ts keeps one per scope).
   */
  reader(preamble?: string): EmbeddedTransaction {
    const scope = preamble ? `begin read only; ${preamble}` : 'begin read only';
    return {
      query: (text, params = [], queryOptions = {}) =>
        this.queryIn(undefined, text, params, queryOptions, scope) as never,
      exec: () => {
        throw new Error('a read-only transaction runs single statements (query), not scripts');
      },
      rollback: async () => {},
      closed: false,
    };
  }

  /** `reader` for the length of `work`: closed once it has ended or rolled back. */
  private async readOnly<T>(work: (tx: EmbeddedTransaction) => Promise<T>, preamble: string | undefined) {
    const reader = this.reader(preamble);
    let closed = false;
    const tx: EmbeddedTransaction = {
      query: (text, params, queryOptions) => {
        if (closed) throw new Error('the transaction is already closed');
        return reader.query(text, params, queryOptions);
      },
      exec: reader.exec,
      rollback: async () => {
        closed = true;
      },
      get closed() {
        return closed;
      },
    };
    try {
      return await work(tx);
    } finally {
      closed = true;
    }
  }

  /** Calls `callback` for every notification on `channel`; returns the unsubscribe function. */
  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.call({ op: 'listen', channel });
    }
    set.add(callback);
    return async () => {
      const current = this.listeners.get(channel);
      if (!current?.delete(callback) || current.size > 0) return;
      this.listeners.delete(channel);
      if (!this.isClosed) await this.call({ op: 'unlisten', channel });
    };
  }

  /** The data directory as a gzipped tar (PGlite's dump format), e.g. to start tests from. */
  /** Bytes of the database thread's WebAssembly memory (its high-water mark: it never shrinks). */
  async memoryBytes(): Promise<number> {
    return (await this.call({ op: 'memory' })) as number;
  }

  async dumpDataDir(): Promise<Blob> {
    const buffer = (await this.call({ op: 'dump' })) as ArrayBuffer;
    return new Blob([buffer]);
  }

  close(): Promise<void> {
    this.closing ??= this.closeThread();
    return this.closing;
  }

  private async closeThread(): Promise<void> {
    if (this.isClosed) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    const closed = this.call({ op: 'close' });
    try {
      await closed;
    } finally {
      this.isClosed = true;
      // Held until the thread has ended: what the caller does after close (release the data-dir
      // lock) must still happen.
      this.worker.ref();
      await exited;
      // Calls that were in flight when the database closed get no answer from the thread: they fail.
      this.rejectPending(new Error('the embedded database is closed'));
    }
  }

  /** Encoded and decoded here (wire.ts); the worker only passes the bytes through PostgreSQL. */
  private async queryIn(
    tx: number | undefined,
    text: string,
    params: unknown[],
    options: QueryOptions,
    scope?: string,
  ): Promise<QueryResult> {
    const rawTypes = rawTypesOf(options.parsers);
    const message = encodeStatement(text, params, scope);
    const answer = (await this.call({ op: 'query', message, tx }, [
      message.buffer as ArrayBuffer,
    ])) as ArrayBuffer;
    const { outcome, notifications } = decodeStatement(new Uint8Array(answer), options.rowMode, rawTypes);
    for (const { channel, payload } of notifications) this.notify(channel, payload);
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  }

  private call(request: Request, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.isClosed || this.closing) return Promise.reject(new Error('the embedded database is closed'));
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } satisfies Call, transfer);
    });
  }

  private notify(channel: string, payload: string) {
    for (const callback of this.listeners.get(channel) ?? []) callback(payload);
  }

  private receive(reply: Reply) {
    if (reply.kind === 'notification') return this.notify(reply.channel, reply.payload);
    if (reply.kind !== 'result' && reply.kind !== 'error') return;
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.kind === 'result') waiting?.resolve(reply.value);
    else waiting?.reject(new EmbeddedDatabaseError(reply.error));
  }

  /**
   * The thread died: every call in flight and every later one fails. An exit while closing is the
   * close itself (its 'exit' event can come before the close's own answer is handled): calls then
   * fail as closed, not with the exit.
   */
  private fail(err: Error) {
    if (!this.isClosed && !this.closing) this.failure = err;
    this.isClosed = true;
    this.rejectPending(this.failure ?? new Error('the embedded database is closed'));
  }

  private rejectPending(err: Error) {
    for (const waiting of this.pending.values()) waiting.reject(err);
    this.pending.clear();
  }
}
