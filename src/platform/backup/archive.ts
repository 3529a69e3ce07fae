// The backup archive: one uncompressed tar (its big parts are compressed already: PostgreSQL's custom
// format, PGlite's gzipped data directory, images), written and read as streams with tar-stream.
//
//   manifest.json            what this is: format version, driver, migrations, PlantIntel version, time
//   database.pgdump          `pg_dump --format=custom` (PostgreSQL), or
//   database.pglite.tar.gz   PGlite's dumpDataDir (embedded)
//   data/<root>/…            the stored files under DATA_DIR (see stored-files.ts)
//   checksums.json           last: size and SHA-256 of every entry above, computed while writing
//
// A reader checks the manifest first, hashes every entry as it extracts it and compares with
// checksums.json at the end; an archive cut short has no checksums.json and is refused.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type tarStream from 'tar-stream';
import { AppError } from '../http/errors.ts';
import { STORED_ROOTS } from './stored-files.ts';

export const ARCHIVE_FORMAT = 'plantintel-backup';
export const ARCHIVE_FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';
const CHECKSUMS = 'checksums.json';

export type BackupDriver = 'pglite' | 'postgres';

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  driver: BackupDriver;
  createdAt: string;
  plantintelVersion: string;
  /** The migrations applied to the backed-up database: how many, and the tag of the last. */
  migrations: { count: number; last: string | null };
  /** The archive entry holding the database dump. */
  database: string;
}

export const databaseEntry = (driver: BackupDriver) =>
  driver === 'postgres' ? 'database.pgdump' : 'database.pglite.tar.gz';

interface Checksum {
  bytes: number;
  sha256: string;
}

/** A refused archive or target: the CLI prints the message and exits 2. */
export function backupError(message: string): AppError {
  return new AppError('bad_request', message);
}

function hashing(hash: ReturnType<typeof createHash>, onBytes?: (n: number) => void) {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      onBytes?.(chunk.length);
      done(null, chunk);
    },
  });
}

export interface ArchiveWriter {
  /** Adds a file from disk under `name`, streamed and hashed. */
  addFile(name: string, file: string): Promise<void>;
  /** Writes checksums.json and closes the archive. */
  finish(): Promise<void>;
  /** Stops writing after a failure (the caller removes the partial file). */
  abort(err: Error): void;
}

/** Starts an archive at `out` with its manifest as the first entry. */
export async function createArchive(
  out: string,
  manifest: Manifest,
  onBytes?: (n: number) => void,
): Promise<ArchiveWriter> {
  const tar: typeof tarStream = (await import('tar-stream')).default;
  const pack = tar.pack();
  const written = pipeline(pack, createWriteStream(out, { flags: 'wx', mode: 0o600 }));
  written.catch(() => {}); // observed in finish(); an early failure surfaces there
  const checksums: Record<string, Checksum> = {};
  const addBuffer = (name: string, body: Buffer) =>
    new Promise<void>((resolve, reject) =>
      pack.entry({ name, size: body.length, mode: 0o600 }, body, (err) => (err ? reject(err) : resolve())),
    );
  await addBuffer(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
  return {
    async addFile(name, file) {
      const info = await stat(file);
      const hash = createHash('sha256');
      const entry = pack.entry({ name, size: info.size, mode: 0o600, mtime: info.mtime });
      // The size read now is what goes in: a file still growing (a watched folder's) is cut there.
      const source = info.size > 0 ? createReadStream(file, { end: info.size - 1 }) : createReadStream(file);
      await pipeline(source, hashing(hash, onBytes), entry);
      checksums[name] = { bytes: info.size, sha256: hash.digest('hex') };
    },
    async finish() {
      await addBuffer(CHECKSUMS, Buffer.from(JSON.stringify(checksums)));
      pack.finalize();
      await written;
    },
    abort(err) {
      pack.destroy(err);
    },
  };
}

/** The database dump, or a stored file under one of the stored roots (no `.`/`..`, no control characters). */
function allowedName(name: string): boolean {
  if (name === 'database.pgdump' || name === 'database.pglite.tar.gz') return true;
  const parts = name.split('/');
  return (
    parts.length >= 3 &&
    parts[0] === 'data' &&
    (STORED_ROOTS as readonly string[]).includes(parts[1] as string) &&
    parts.every((p) => p !== '' && p !== '.' && p !== '..' && ![...p].some((c) => c.charCodeAt(0) < 0x20))
  );
}

function parseManifest(body: Buffer): Manifest {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(body.toString('utf8'));
  } catch {
    throw backupError('the archive manifest is not valid JSON');
  }
  if (manifest.format !== ARCHIVE_FORMAT)
    throw backupError('not a PlantIntel backup (unknown manifest format)');
  if (manifest.formatVersion !== ARCHIVE_FORMAT_VERSION)
    throw backupError(
      `backup format version ${manifest.formatVersion} is not supported by this release (it reads version ${ARCHIVE_FORMAT_VERSION})`,
    );
  if (manifest.driver !== 'pglite' && manifest.driver !== 'postgres')
    throw backupError(`unknown database driver in the manifest: ${String(manifest.driver)}`);
  if (manifest.database !== databaseEntry(manifest.driver))
    throw backupError('the manifest names an unexpected database entry');
  if (typeof manifest.migrations?.count !== 'number')
    throw backupError('the manifest has no migration state');
  return manifest as Manifest;
}

async function readAll(stream: AsyncIterable<unknown>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) throw backupError('an archive metadata entry is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Extracts `archive` into `dest` (a new, empty directory), verifying as it goes. `onManifest` sees the
 * manifest before anything else is written and may refuse it. Throws a clear error on anything
 * unexpected: unknown format, a name outside the layout, a checksum mismatch, a truncated archive.
 */
export async function extractArchive(
  archive: string,
  dest: string,
  onManifest: (manifest: Manifest) => void | Promise<void>,
  onBytes?: (n: number) => void,
): Promise<{ manifest: Manifest; files: string[] }> {
  const tar: typeof tarStream = (await import('tar-stream')).default;
  const extract = tar.extract();
  const source = pipeline(createReadStream(archive), extract);
  source.catch(() => {}); // awaited below; an early failure must not go unhandled meanwhile
  let manifest: Manifest | undefined;
  let checksums: Record<string, Checksum> | undefined;
  const seen: Record<string, Checksum> = {};
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      if (!manifest) {
        if (name !== MANIFEST) throw backupError('not a PlantIntel backup (no manifest first)');
        manifest = parseManifest(await readAll(entry, 1_000_000));
        await onManifest(manifest);
        continue;
      }
      if (checksums) throw backupError(`unexpected entry after the checksums: ${name}`);
      if (name === CHECKSUMS) {
        checksums = JSON.parse((await readAll(entry, 256_000_000)).toString('utf8'));
        continue;
      }
      if (type !== 'file' || !allowedName(name))
        throw backupError(`unexpected entry in the archive: ${name}`);
      if (seen[name]) throw backupError(`duplicate entry in the archive: ${name}`);
      const target = path.join(dest, name);
      await mkdir(path.dirname(target), { recursive: true });
      const hash = createHash('sha256');
      let bytes = 0;
      await pipeline(
        entry,
        hashing(hash, (n) => {
          bytes += n;
          onBytes?.(n);
        }),
        createWriteStream(target, { flags: 'wx', mode: 0o600 }),
      );
      seen[name] = { bytes, sha256: hash.digest('hex') };
    }
    await source;
  } catch (err) {
    extract.destroy();
    await source.catch(() => {});
    if (err instanceof AppError) throw err;
    throw backupError(`the archive could not be read: ${(err as Error).message}`);
  }
  if (!manifest) throw backupError('the archive is empty');
  if (!checksums) throw backupError('the archive is incomplete (no checksums at its end): truncated?');
  for (const [name, expected] of Object.entries(checksums)) {
    const got = seen[name];
    if (!got) throw backupError(`the archive is missing ${name}`);
    if (got.sha256 !== expected.sha256 || got.bytes !== expected.bytes)
      throw backupError(`checksum mismatch for ${name}: the archive is corrupt`);
  }
  for (const name of Object.keys(seen))
    if (!checksums[name]) throw backupError(`the archive holds an entry without a checksum: ${name}`);
  if (!seen[manifest.database]) throw backupError('the archive holds no database dump');
  return { manifest, files: Object.keys(seen) };
}
