// How `plantintel backup` gets a consistent dump of an embedded database a server is running on.
//
// The embedded database belongs to one process (data-dir-lock.ts): another may not even open its
// directory, and copying the files from outside would catch PostgreSQL half-way through writing
// them. So the process holding the lock answers a local control channel: a unix socket at
// DATA_DIR/.control/backup.sock, in a directory only the owner may enter (mode 0700, the socket
// 0600: reaching it means being the user the server runs as, who can read DATA_DIR anyway). Asked
// for a dump, the server has its database thread take the dump between transactions, after a
// checkpoint (embedded/worker.ts), and streams it back. It answers one request at a time.
//
// Protocol: the client sends one line `{"op":"dump"}`; the server answers one JSON line,
// `{"ok":true,"bytes":N,"migrations":{"count":…,"last":…}}` followed by N bytes of the gzipped data directory, or
// `{"ok":false,"error":"…"}`.
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EmbeddedClient } from '../db/embedded/client.ts';
import type { Manifest } from './archive.ts';
import { APPLIED_MIGRATIONS_SQL, migrationState } from './migration-state.ts';

// sun_path holds 108 bytes on Linux, 104 on macOS.
const MAX_SOCKET_PATH = 100;

export function controlSocketPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), '.control', 'backup.sock');
}

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ControlChannel {
  close(): Promise<void>;
}

/**
 * Reads the first line of `socket` (at most `limit` bytes) and hands back what came after it. Listens
 * for 'data' and pauses after the line: iterating the socket and stopping would destroy it.
 */
function readLine(socket: net.Socket, limit: number): Promise<{ line: string; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
    };
    const onEnd = () => {
      cleanup();
      reject(new Error('the control channel closed before a complete line'));
    };
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf(0x0a);
      if (end < 0 && buffered.length <= limit) return;
      cleanup();
      socket.pause();
      if (end < 0) reject(new Error('the control channel sent too long a line'));
      else resolve({ line: buffered.subarray(0, end).toString('utf8'), rest: buffered.subarray(end + 1) });
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
  });
}

/** Serves dumps of `client`'s database to local `plantintel backup` runs, until closed. */
export async function startControlChannel(
  dataDir: string,
  client: EmbeddedClient,
  logger: Logger,
): Promise<ControlChannel | undefined> {
  const file = controlSocketPath(dataDir);
  if (file.length > MAX_SOCKET_PATH) {
    logger.warn(
      { socket: file },
      'DATA_DIR is too long a path for the backup control socket: `plantintel backup` needs the server stopped',
    );
    return undefined;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await chmod(path.dirname(file), 0o700);
  // This process holds the data-directory lock: a socket file left here belongs to a dead server.
  await rm(file, { force: true });
  let busy: Promise<void> = Promise.resolve();
  const server = net.createServer((socket) => {
    socket.on('error', () => {}); // a client that went away: nothing to do
    const answer = async () => {
      const { line } = await readLine(socket, 1024);
      const request = JSON.parse(line) as { op?: unknown };
      if (request.op !== 'dump') throw new Error(`unknown request ${JSON.stringify(request.op)}`);
      const started = performance.now();
      const { rows } = await client.query<{ count: number; last: string | null }>(APPLIED_MIGRATIONS_SQL);
      const dump = await client.dumpDataDir();
      const migrations = { count: rows[0]?.count ?? 0, last: rows[0]?.last ?? null };
      socket.write(`${JSON.stringify({ ok: true, bytes: dump.size, migrations })}\n`);
      await pipeline(Readable.fromWeb(dump.stream() as never), socket);
      logger.info(
        { bytes: dump.size, ms: Math.round(performance.now() - started) },
        'embedded database dumped for a backup',
      );
    };
    // One dump at a time: each holds the whole (compressed) data directory in memory.
    busy = busy.then(() =>
      answer().catch((err: Error) => {
        if (!socket.destroyed) socket.end(`${JSON.stringify({ ok: false, error: err.message })}\n`);
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => {
      server.off('error', reject);
      resolve();
    });
  });
  await chmod(file, 0o600);
  server.unref(); // never what keeps a process alive
  return {
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(file, { force: true });
    },
  };
}

/**
 * Asks the server running on `dataDir` for a dump and writes it to `out`, returning the dumped
 * database's migrations. Returns undefined when no server answers there (no socket, or a stale
 * one): the caller opens the directory itself.
 */
export async function requestDump(dataDir: string, out: string): Promise<Manifest['migrations'] | undefined> {
  const file = controlSocketPath(dataDir);
  const socket = await new Promise<net.Socket | undefined>((resolve, reject) => {
    const s = net.connect(file);
    s.once('connect', () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') resolve(undefined);
      else reject(err);
    });
  });
  if (!socket) return undefined;
  try {
    socket.write(`${JSON.stringify({ op: 'dump' })}\n`);
    const { line, rest } = await readLine(socket, 64 * 1024);
    const header = JSON.parse(line) as {
      ok: boolean;
      bytes?: number;
      error?: string;
      migrations?: { count: number; last: string | null };
    };
    if (!header.ok) throw new Error(`the running server could not dump its database: ${header.error}`);
    let received = rest.length;
    const counted = async function* () {
      yield rest;
      for await (const chunk of socket) {
        received += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    };
    await pipeline(Readable.from(counted()), createWriteStream(out, { mode: 0o600 }));
    if (received !== header.bytes)
      throw new Error(`the server's dump was cut short (${received} of ${header.bytes} bytes)`);
    return migrationState(header.migrations?.count ?? 0, header.migrations?.last ?? null);
  } finally {
    socket.destroy();
  }
}
