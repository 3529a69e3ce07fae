// The embedded database's own thread: PGlite runs here, so a long query stops this thread, never
// the one serving HTTP and WebSockets. It answers the calls of EmbeddedClient (client.ts) in the
// order they arrive; PGlite itself serialises statements and transactions as it always does.
import { parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { MemoryFS, PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { type Call, type QueryMessage, type Reply, serializeError } from './protocol.ts';
import { tarEntries } from './tar-files.ts';

/** A compiled WebAssembly.Module (the project's TypeScript libraries do not declare WebAssembly). */
export type WasmModule = object;

export interface EmbeddedWorkerData {
  dataDir: string | undefined;
  /** A dumped data directory (tar, optionally gzipped) to start from. */
  loadDataDir: ArrayBuffer | undefined;
  /** PGlite's PostgreSQL and initdb, compiled once per process (client.ts). */
  modules: { pglite: WasmModule; initdb: WasmModule };
}

if (!parentPort) throw new Error('the embedded database worker must run in a worker thread');
const port = parentPort;
const { dataDir, loadDataDir, modules } = workerData as EmbeddedWorkerData;
const post = (reply: Reply, transfer?: ArrayBuffer[]) =>
  transfer ? port.postMessage(reply, transfer) : port.postMessage(reply);

/**
 * Transactions by the client's id. The client does not wait for a transaction to open: its
 * statements may arrive first and wait here, in order, until PGlite hands the transaction over.
 */
interface OpenTransaction {
  handle: Transaction | undefined;
  waiting: Call[];
  /** Why it could not open; its statements fail with this. */
  failed: unknown;
  end: (commit: boolean) => void;
  /** The `end` call waiting for the transaction to finish (the commit itself may still fail). */
  endCall: number | undefined;
}
const transactions = new Map<number, OpenTransaction>();
const listeners = new Map<string, () => Promise<void>>();
const ROLLBACK = Symbol('rollback');

/**
 * Hands a statement's wire-protocol bytes to PostgreSQL and returns its answer unparsed (wire.ts
 * reads it on the main thread; PGlite's raw call would parse it here too, to look for errors and
 * notifications). Taken in turn the way PGlite's own `query` is: a statement of an open transaction
 * runs inside it (the transaction holds PGlite's lock); any other waits for the lock, as an
 * autocommitted statement, and is written through to the data directory.
 */
function query(target: PGlite | Transaction, { message }: QueryMessage): Promise<ArrayBuffer> {
  const run = async (syncToFs: boolean) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    await db.execProtocolRawStream(message, {
      syncToFs,
      onRawData: (bytes) => {
        // A view of PostgreSQL's memory, reused for the next chunk: copied.
        chunks.push(bytes.slice());
        length += bytes.length;
      },
    });
    if (chunks.length === 1) return (chunks[0] as Uint8Array).buffer as ArrayBuffer;
    const answer = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      answer.set(chunk, at);
      at += chunk.length;
    }
    return answer.buffer;
  };
  if (target === db) return db._runExclusiveTransaction(() => db._runExclusiveQuery(() => run(true)));
  return db._runExclusiveQuery(() => run(false));
}

/** Opens a transaction (running `preamble` first) and holds it until the client ends it. */
function begin(id: number, tx: number, preamble: string | undefined) {
  const state: OpenTransaction = {
    handle: undefined,
    waiting: [],
    failed: undefined,
    end: () => {},
    endCall: undefined,
  };
  const ended = new Promise<boolean>((resolve) => {
    state.end = resolve;
  });
  transactions.set(tx, state);
  let opened = false;
  db.transaction(async (handle) => {
    if (preamble) await handle.exec(preamble);
    opened = true;
    state.handle = handle;
    post({ kind: 'result', id, value: null });
    // Handed to PGlite in arrival order, before any later message can be: its lock keeps that order.
    for (const call of state.waiting.splice(0)) handle_(call).catch(() => {});
    if (!(await ended)) throw ROLLBACK;
  }).then(
    () => finish(tx, null),
    (err: unknown) => {
      if (opened) return finish(tx, err === ROLLBACK ? null : err);
      state.failed = err;
      post({ kind: 'error', id, error: serializeError(err) });
      for (const call of state.waiting.splice(0))
        post({ kind: 'error', id: call.id, error: serializeError(err) });
      if (state.endCall !== undefined) finish(tx, null);
    },
  );
}

function finish(tx: number, err: unknown) {
  const state = transactions.get(tx);
  transactions.delete(tx);
  const endCall = state?.endCall;
  if (endCall === undefined) return;
  if (err) post({ kind: 'error', id: endCall, error: serializeError(err) });
  else post({ kind: 'result', id: endCall, value: null });
}

function end(id: number, tx: number, commit: boolean) {
  const state = transactions.get(tx);
  if (!state)
    return post({ kind: 'error', id, error: { name: 'Error', message: `transaction ${tx} is not open` } });
  state.endCall = id;
  if (state.failed !== undefined) return finish(tx, null);
  state.end(commit);
}

/** Where a statement runs: the database, or its open transaction (else it waits or fails). */
function targetOf(call: Call & { tx: number | undefined }): PGlite | Transaction | 'waiting' {
  if (call.tx === undefined) return db;
  const state = transactions.get(call.tx);
  if (!state) throw new Error(`transaction ${call.tx} is not open`);
  if (state.failed !== undefined) throw state.failed;
  if (state.handle) return state.handle;
  state.waiting.push(call);
  return 'waiting';
}

async function listen(channel: string) {
  if (listeners.has(channel)) return;
  const stop = await db.listen(channel, (payload) => post({ kind: 'notification', channel, payload }));
  listeners.set(channel, stop);
}

async function unlisten(channel: string) {
  const stop = listeners.get(channel);
  listeners.delete(channel);
  await stop?.();
}

/** PostgreSQL's simple-query message ('Q'), for a statement run under a lock PGlite's exec would take again. */
function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, 'utf8');
  const message = Buffer.alloc(5 + body.length);
  message.write('Q', 0, 'latin1');
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
}

/**
 * The data directory as a gzipped tar, consistent: taken between transactions (PGlite's transaction
 * lock, which every transaction and autocommitted statement here holds while it runs) and after a
 * CHECKPOINT, so the files hold everything committed and nothing half-done (backups, baselines).
 */
async function dump(): Promise<ArrayBuffer> {
  const file = await db._runExclusiveTransaction(async () => {
    await db._runExclusiveQuery(() => db.execProtocolRaw(simpleQuery('CHECKPOINT'), { syncToFs: true }));
    return db.dumpDataDir('gzip');
  });
  return file.arrayBuffer();
}

/** PGlite's Emscripten module is not part of its typed interface; its heap view is what we read. */
function memoryBytes(): number {
  const mod = (db as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod;
  return mod?.HEAPU8?.byteLength ?? 0;
}

async function handle_(call: Call): Promise<void> {
  try {
    switch (call.op) {
      case 'query': {
        const target = targetOf(call);
        if (target === 'waiting') return;
        const answer = await query(target, call);
        return post({ kind: 'result', id: call.id, value: answer }, [answer]);
      }
      case 'exec': {
        const target = targetOf(call);
        if (target === 'waiting') return;
        const results = await target.exec(call.text);
        const value = results.map((r) => ({ rows: r.rows, affectedRows: r.affectedRows, fields: r.fields }));
        return post({ kind: 'result', id: call.id, value });
      }
      case 'begin':
        return begin(call.id, call.tx, call.preamble);
      case 'end':
        return end(call.id, call.tx, call.commit);
      case 'listen':
        await listen(call.channel);
        return post({ kind: 'result', id: call.id, value: null });
      case 'unlisten':
        await unlisten(call.channel);
        return post({ kind: 'result', id: call.id, value: null });
      case 'dump': {
        const buffer = await dump();
        return post({ kind: 'result', id: call.id, value: buffer }, [buffer]);
      }
      case 'memory':
        return post({ kind: 'result', id: call.id, value: memoryBytes() });
      case 'close':
        // The client sends nothing after close, so an open transaction would never end and PGlite
        // would wait for it for ever: what is still open is rolled back.
        for (const state of transactions.values()) state.end(false);
        if (!db.closed) await db.close();
        post({ kind: 'result', id: call.id, value: null });
        port.close();
        return;
    }
  } catch (err) {
    post({ kind: 'error', id: call.id, error: serializeError(err) });
  }
}

/** A dump's tar: a gzipped one (a backup's) is unpacked here with zlib. */
function unpacked(dump: ArrayBuffer): Uint8Array {
  const bytes = new Uint8Array(dump);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/**
 * A dump as the Blob PGlite's loadDataDir asks for, to fill a data directory on its first start.
 * PGlite only calls its arrayBuffer(), so the bytes are handed over as they are: a real Blob of the
 * migrated baseline (45 MB) cost a copy to make and chunked copies to read back. A gzipped dump
 * is unpacked with zlib, faster than the web DecompressionStream PGlite would use.
 */
function tarOf(dump: ArrayBuffer): Blob {
  const tar = unpacked(dump);
  const whole =
    tar.byteOffset === 0 && tar.byteLength === tar.buffer.byteLength
      ? (tar.buffer as ArrayBuffer)
      : (tar.slice().buffer as ArrayBuffer);
  return { type: 'application/x-tar', arrayBuffer: async () => whole } as unknown as Blob;
}

/**
 * An in-memory database (the test suite's, one per test file) keeps every page in memory already,
 * so a large buffer pool would only hold second copies. PostgreSQL's default of 128 MB made each
 * one zero-fill memory it never used, a noticeable part of its start; 16 MB does not.
 * A data directory on disk keeps the default.
 */
const IN_MEMORY_START = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/** Where PGlite keeps its data directory in its file system (its PGDATA). */
const PGDATA = '/pglite/data';

/**
 * PGlite's in-memory file system, starting with the files of a dump: each file's contents are a
 * view into the dump's bytes (Emscripten's canOwn), which this thread owns. PGlite's own loader
 * copies each file out of the tar and again into the file system; a test file's database opens
 * this way without either copy. PGlite finds PG_VERSION in place and starts on the directory.
 */
class DumpMemoryFS extends MemoryFS {
  readonly #tar: Uint8Array;

  constructor(tar: Uint8Array) {
    super();
    this.#tar = tar;
  }

  override async initialSyncFs(): Promise<void> {
    const fs = (this.pg as PGlite).Module.FS;
    for (const entry of tarEntries(this.#tar)) {
      const path = `${PGDATA}/${entry.path}`;
      if (entry.kind === 'directory') fs.mkdirTree(path);
      else {
        fs.mkdirTree(path.slice(0, path.lastIndexOf('/')));
        fs.writeFile(path, entry.data, { canOwn: true } as never);
        fs.utime(path, entry.mtimeMs, entry.mtimeMs);
      }
    }
  }
}

/** How PGlite opens the database: a data directory (from a dump on its first start), or memory. */
function fileSystem(): Pick<PGliteOptions, 'dataDir' | 'fs' | 'loadDataDir'> {
  if (dataDir !== undefined) return { dataDir, ...(loadDataDir ? { loadDataDir: tarOf(loadDataDir) } : {}) };
  if (!loadDataDir) return {};
  return { fs: new DumpMemoryFS(unpacked(loadDataDir)) };
}

let db: PGlite;
try {
  db = await PGlite.create({
    pgliteWasmModule: modules.pglite as never,
    initdbWasmModule: modules.initdb as never,
    ...fileSystem(),
    ...(dataDir === undefined ? { startParams: IN_MEMORY_START } : {}),
  });
} catch (err) {
  post({ kind: 'failed', error: serializeError(err) });
  port.close();
  throw err;
}
port.on('message', (call: Call) => {
  handle_(call).catch(() => {});
});
post({ kind: 'ready' });
