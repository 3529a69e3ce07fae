// The embedded database's side of backup and restore. Its data directory is DATA_DIR/pglite.
//
// Backup: a running server is asked over the control channel (control-channel.ts); with no server
// running, this process opens the directory itself (taking the data-directory lock, so no server
// starts meanwhile) and dumps it the same way: between transactions, after a checkpoint. PGlite's
// dump is one gzipped tar of the directory made in memory (its API has no streaming form): the
// demo's database is about 15 MB compressed.
//
// Restore: the dump is loaded into a new directory in a staging area inside DATA_DIR, migrated there,
// and only then swapped in (restore.ts).
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConfigError } from '../../config.ts';
import { isFreshDataDir } from '../db/baseline.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { backupError, type Manifest } from './archive.ts';
import { requestDump } from './control-channel.ts';
import { APPLIED_MIGRATIONS_SQL, migrationState } from './migration-state.ts';

export const embeddedDir = (dataDir: string) => path.resolve(dataDir, 'pglite');

/** The applied migrations of an open database (either driver). */
export async function databaseMigrations(database: Database): Promise<Manifest['migrations']> {
  if (database.raw.kind !== 'pglite') throw new Error('embedded only');
  const { rows } = await database.raw.client.query<{ count: number; last: string | null }>(
    APPLIED_MIGRATIONS_SQL,
  );
  return migrationState(rows[0]?.count ?? 0, rows[0]?.last ?? null);
}

/** Writes the dump of an open embedded database to `file`. */
export async function dumpOpenDatabase(database: Database, file: string): Promise<Manifest['migrations']> {
  if (database.raw.kind !== 'pglite') throw new Error('embedded only');
  const migrations = await databaseMigrations(database);
  const dump = await database.raw.client.dumpDataDir();
  await pipeline(Readable.fromWeb(dump.stream() as never), createWriteStream(file, { mode: 0o600 }));
  return migrations;
}

/**
 * Dumps the embedded database of `dataDir` into `file`: through the running server if there is one,
 * else by opening it here. `onWay` tells which way it went (for the terminal).
 */
export async function dumpEmbedded(
  dataDir: string,
  file: string,
  onWay: (way: 'server' | 'directory') => void,
): Promise<Manifest['migrations']> {
  const served = await requestDump(dataDir, file);
  if (served) {
    onWay('server');
    return served;
  }
  const dir = embeddedDir(dataDir);
  if (isFreshDataDir(dir)) throw backupError(`there is no embedded database in ${dir} to back up`);
  onWay('directory');
  let database: Database;
  try {
    database = await openDatabase({ kind: 'pglite', dataDir: dir });
  } catch (err) {
    if (err instanceof ConfigError)
      throw backupError(
        `${err.message.split('. ')[0]}, which does not answer backups (a command such as migrate or seed, or a server started without its control socket). Retry when it has finished.`,
      );
    throw err;
  }
  try {
    return await dumpOpenDatabase(database, file);
  } finally {
    await database.close();
  }
}

/**
 * Loads the dump in `file` into the new data directory `dir` and migrates it forward. The dump holds
 * the source's lock file: removed, so the restored directory is not "in use" by a stranger's pid.
 */
export async function loadEmbedded(file: string, dir: string): Promise<void> {
  const database = await openDatabase({ kind: 'pglite', dataDir: dir, loadDataDir: await readFile(file) });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  await rm(path.join(dir, 'plantintel.pid'), { force: true });
}
