// `plantintel restore <file>`: the archive back into DATA_DIR and the configured database.
//
// Nothing is left half-restored: the archive is extracted into a staging directory inside DATA_DIR
// and verified entry by entry (archive.ts) before the target is touched. Embedded: the dump is
// loaded into a new data directory in the staging area and migrated there; only then are the
// database directory and the stored-file folders swapped in by renames (undone if one fails).
// PostgreSQL: the dump is restored in one transaction (postgres.ts), then migrated, then the
// stored files are swapped in. Either way migrations run after the load, so a backup taken by an
// earlier release comes back at this release's schema.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../config.ts';
import { isFreshDataDir } from '../db/baseline.ts';
import { acquireDataDirLock } from '../db/data-dir-lock.ts';
import { openDatabase } from '../db/database.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { backupError, extractArchive, type Manifest } from './archive.ts';
import { embeddedDir, loadEmbedded } from './embedded.ts';
import { assertRestorable } from './migration-state.ts';
import { restorePostgres, userObjectCount } from './postgres.ts';
import { type Progress, silentProgress } from './progress.ts';
import { STORED_ROOTS } from './stored-files.ts';

export interface RestoreOptions {
  archive: string;
  dataDir: string;
  /** The PostgreSQL target; undefined: the embedded database in DATA_DIR. */
  databaseUrl: string | undefined;
  /** Replace a target that already holds data. */
  force: boolean;
  progress?: Progress;
}

export interface RestoreSummary {
  manifest: Manifest;
  files: number;
  seconds: number;
}

/** Derived data dropped on restore (rebuilt on demand from the restored images). */
const DERIVED = ['image-cache'];

async function hasFiles(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch {
    return false;
  }
}

/** Renames each staged folder into DATA_DIR, moving what was there aside; undoes it all on failure. */
async function swapIn(dataDir: string, staged: string, aside: string, names: string[]): Promise<void> {
  const done: Array<() => Promise<void>> = [];
  await mkdir(aside, { recursive: true });
  try {
    for (const name of names) {
      const current = path.join(dataDir, name);
      const replacement = path.join(staged, name);
      if (existsSync(current)) {
        await rename(current, path.join(aside, name));
        done.push(() => rename(path.join(aside, name), current));
      }
      if (existsSync(replacement)) {
        await rename(replacement, current);
        done.push(() => rename(current, replacement));
      }
    }
  } catch (err) {
    for (const undo of done.reverse()) await undo().catch(() => {});
    throw err;
  }
}

export async function restore(options: RestoreOptions): Promise<RestoreSummary> {
  const progress = options.progress ?? silentProgress;
  const started = performance.now();
  const dataDir = path.resolve(options.dataDir);
  const driver = options.databaseUrl ? 'postgres' : 'pglite';
  await mkdir(dataDir, { recursive: true });
  // Embedded: hold the data directory's lock throughout, so no server starts on it meanwhile.
  let release = () => {};
  // A refused or failed restore into a new DATA_DIR leaves no empty database directory behind.
  const newDir = driver === 'pglite' && !existsSync(embeddedDir(dataDir));
  if (driver === 'pglite') {
    await mkdir(embeddedDir(dataDir), { recursive: true });
    try {
      release = acquireDataDirLock(embeddedDir(dataDir));
    } catch (err) {
      if (err instanceof ConfigError)
        throw backupError(`${err.message.split('. ')[0]}: stop the server before restoring into it.`);
      throw err;
    }
  }
  const staging = await mkdtemp(path.join(dataDir, '.restore-'));
  try {
    progress.step('Checking the target');
    const stored = (await Promise.all(STORED_ROOTS.map((r) => hasFiles(path.join(dataDir, r))))).some(
      Boolean,
    );
    const holdsData =
      driver === 'pglite'
        ? !isFreshDataDir(embeddedDir(dataDir)) || stored
        : (await userObjectCount(options.databaseUrl as string)) > 0 || stored;
    if (holdsData && !options.force)
      throw backupError(
        `the target already holds data (${driver === 'pglite' ? dataDir : 'the database or DATA_DIR'}); restore into an empty one, or pass --force to replace it`,
      );

    progress.step(`Reading and verifying ${options.archive}`);
    const { manifest, files } = await extractArchive(
      options.archive,
      staging,
      (m) => {
        if (m.driver !== driver)
          throw backupError(
            `this backup holds ${m.driver === 'postgres' ? 'a PostgreSQL' : 'an embedded'} database; ` +
              `restore it with ${m.driver === 'postgres' ? 'DATABASE_URL set to a PostgreSQL database' : 'DATABASE_URL unset (embedded database)'}`,
          );
        assertRestorable(m);
      },
      (n) => progress.bytes(n),
    );
    progress.done();
    const dump = path.join(staging, manifest.database);
    const data = path.join(staging, 'data');
    await mkdir(data, { recursive: true });
    if (driver === 'pglite') {
      progress.step('Loading the embedded database and applying newer migrations');
      await loadEmbedded(dump, path.join(data, 'pglite'));
      progress.step('Swapping the restored data in');
      await swapIn(dataDir, data, path.join(staging, 'replaced'), ['pglite', ...STORED_ROOTS, ...DERIVED]);
    } else {
      const url = options.databaseUrl as string;
      progress.step('Restoring the PostgreSQL database (one transaction)');
      await restorePostgres(url, dump, holdsData);
      progress.step('Applying newer migrations');
      const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
      try {
        await migrateDatabase(database);
      } finally {
        await database.close();
      }
      progress.step('Swapping the stored files in');
      await swapIn(dataDir, data, path.join(staging, 'replaced'), [...STORED_ROOTS, ...DERIVED]);
    }
    return {
      manifest,
      files: files.filter((f) => f.startsWith('data/')).length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
    release();
    if (newDir) await rmdir(embeddedDir(dataDir)).catch(() => {}); // only while still empty
  }
}
