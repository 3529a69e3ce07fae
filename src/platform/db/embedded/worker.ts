// The embedded database's own thread: PGlite runs here, so a long query stops this thread, never
// the one serving HTTP and WebSockets. It answers the calls of EmbeddedClient (client.ts) in the
// order they arrive; PGlite itself serialises statements and transactions as it always does.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type Call, type QueryMessage, type Reply, serializeError } from './protocol.ts';

export interface EmbeddedWorkerData {
  dataDir: string | undefined;
  /** A dumped data directory (tar, optionally gzipped) to start from. */
  loadDataDir: ArrayBuffer | undefined;
}

if (!parentPort) throw new Error('the embedded database worker must run in a worker thread');
const port = parentPort;
const { dataDir, loadDataDir } = workerData as EmbeddedWorkerData;
const post = (reply: Reply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

/** Open transactions: the PGlite handle, and how to end it (commit or roll back). */
const transactions = new Map<number, { tx: Transaction; end: (commit: boolean) => void }>();
const listeners = new Map<string, () => Promise<void>>();
const keepAsText = (value: string) => value;

function target(tx: number | undefined): PGlite | Transaction {
  if (tx === undefined) return db;
  const open = transactions.get(tx);
  if (!open) throw new Error(`transaction ${tx} is not open`);
  return open.tx;
}

async function query({ text, params, rowMode, rawTypes, tx }: QueryMessage) {
  const parsers = Object.fromEntries(rawTypes.map((oid) => [oid, keepAsText]));
  const result = await target(tx).query(text, params, { rowMode, parsers });
  return { rows: result.rows, affectedRows: result.affectedRows, fields: result.fields };
}

const ROLLBACK = Symbol('rollback');
/** The `end` call waiting for its transaction to finish (the commit itself may still fail). */
const pendingEnds = new Map<number, number>();

/** Opens a transaction and holds it until the client ends it; answers `begin` once it is open. */
function begin(id: number, tx: number) {
  let opened = false;
  db.transaction(async (handle) => {
    opened = true;
    const commit = await new Promise<boolean>((resolve) => {
      transactions.set(tx, { tx: handle, end: resolve });
      post({ kind: 'result', id, value: null });
    });
    if (!commit) throw ROLLBACK;
  }).then(
    () => finish(tx, null),
    (err: unknown) => {
      if (!opened) post({ kind: 'error', id, error: serializeError(err) });
      else finish(tx, err === ROLLBACK ? null : err);
    },
  );
}

function finish(tx: number, err: unknown) {
  transactions.delete(tx);
  const endId = pendingEnds.get(tx);
  pendingEnds.delete(tx);
  if (endId === undefined) return;
  if (err) post({ kind: 'error', id: endId, error: serializeError(err) });
  else post({ kind: 'result', id: endId, value: null });
}

function end(id: number, tx: number, commit: boolean) {
  const open = transactions.get(tx);
  if (!open)
    return post({ kind: 'error', id, error: { name: 'Error', message: `transaction ${tx} is not open` } });
  pendingEnds.set(tx, id);
  open.end(commit);
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

async function dump(): Promise<ArrayBuffer> {
  const file = await db.dumpDataDir('gzip');
  return file.arrayBuffer();
}

async function handle(call: Call): Promise<void> {
  try {
    switch (call.op) {
      case 'query':
        return post({ kind: 'result', id: call.id, value: await query(call) });
      case 'exec': {
        const results = await target(call.tx).exec(call.text);
        const value = results.map((r) => ({ rows: r.rows, affectedRows: r.affectedRows, fields: r.fields }));
        return post({ kind: 'result', id: call.id, value });
      }
      case 'begin':
        return begin(call.id, call.tx);
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
      case 'close':
        if (!db.closed) await db.close();
        post({ kind: 'result', id: call.id, value: null });
        port.close();
        return;
    }
  } catch (err) {
    post({ kind: 'error', id: call.id, error: serializeError(err) });
  }
}

let db: PGlite;
try {
  db = await PGlite.create(dataDir, loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {});
} catch (err) {
  post({ kind: 'failed', error: serializeError(err) });
  port.close();
  throw err;
}
port.on('message', (call: Call) => {
  handle(call).catch(() => {});
});
post({ kind: 'ready' });
