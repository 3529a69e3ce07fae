// `plantintel backup --out <file>`: the database and the stored files in one archive (archive.ts).
//
// Order matters while servers keep working: the database is dumped first (one consistent moment),
// the stored files after. Stored files are written before the rows that name them and are
// content-addressed, so every file a dumped row refers to is already on disk when the files are
// copied; a file added later is an unreferenced extra, harmless.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  type BackupDriver,
  createArchive,
  databaseEntry,
} from './archive.ts';
import { dumpEmbedded, dumpOpenDatabase } from './embedded.ts';
import { migrationState } from './migration-state.ts';
import { appliedMigrations, checkDumpRole, dumpPostgres } from './postgres.ts';
import { type Progress, silentProgress } from './progress.ts';
import { listStoredFiles } from './stored-files.ts';

export type BackupSource =
  | { kind: 'postgres'; url: string }
  /** The embedded database of DATA_DIR: via its running server, or opened here. */
  | { kind: 'pglite' }
  /** An embedded database this process has open (tests, or a caller holding it). */
  | { kind: 'open'; database: Database };

export interface BackupOptions {
  source: BackupSource;
  dataDir: string;
  out: string;
  version: string;
  progress?: Progress;
}

export interface BackupSummary {
  out: string;
  driver: BackupDriver;
  bytes: number;
  databaseBytes: number;
  files: number;
  seconds: number;
  /** Embedded only: whether the running server made the dump or this process opened the directory. */
  via?: 'server' | 'directory';
}

export async function backup(options: BackupOptions): Promise<BackupSummary> {
  const progress = options.progress ?? silentProgress;
  const started = performance.now();
  const out = path.resolve(options.out);
  // Written beside the destination and renamed into place: a failed run leaves no half archive.
  const work = await mkdtemp(path.join(path.dirname(out), '.plantintel-backup-'));
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${randomUUID()}.partial`);
  const driver: BackupDriver = options.source.kind === 'postgres' ? 'postgres' : 'pglite';
  const dumpFile = path.join(work, databaseEntry(driver));
  let via: BackupSummary['via'];
  try {
    progress.step('Dumping the database');
    let migrations: { count: number; last: string | null };
    const source = options.source;
    if (source.kind === 'postgres') {
      await checkDumpRole(source.url);
      const applied = await appliedMigrations(source.url);
      await dumpPostgres(source.url, dumpFile);
      migrations = migrationState(applied.count, applied.last);
    } else if (source.kind === 'open') {
      migrations = await dumpOpenDatabase(source.database, dumpFile);
    } else {
      migrations = await dumpEmbedded(options.dataDir, dumpFile, (way) => {
        via = way;
      });
    }
    const databaseBytes = (await stat(dumpFile)).size;
    progress.step(`Database dump: ${(databaseBytes / 1_048_576).toFixed(1)} MB. Listing stored files`);
    const files = await listStoredFiles(options.dataDir);
    const archive = await createArchive(
      partial,
      {
        format: ARCHIVE_FORMAT,
        formatVersion: ARCHIVE_FORMAT_VERSION,
        driver,
        createdAt: new Date().toISOString(),
        plantintelVersion: options.version,
        migrations,
        database: databaseEntry(driver),
      },
      (n) => progress.bytes(n),
    );
    try {
      progress.step(`Writing the archive: the database and ${files.length} stored files`);
      await archive.addFile(databaseEntry(driver), dumpFile);
      for (const file of files) {
        try {
          await archive.addFile(`data/${file.name}`, file.file);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
          throw new Error(`${file.name} was removed during the backup; run the backup again`);
        }
      }
      await archive.finish();
    } catch (err) {
      archive.abort(err as Error);
      throw err;
    }
    progress.done();
    await rename(partial, out);
    const bytes = (await stat(out)).size;
    return {
      out,
      driver,
      bytes,
      databaseBytes,
      files: files.length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      ...(via ? { via } : {}),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}
