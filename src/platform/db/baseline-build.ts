// Builds the migrated, empty embedded database that baseline.ts describes.
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { baselineFile, readBaseline } from './baseline.ts';
import { openDatabase } from './database.ts';
import { migrateDatabase } from './migrate.ts';

/**
 * Returns the dump for the current migrations, building it when missing. Concurrent builders (parallel
 * test files, two installs) each write a private file and rename it into place, so a reader only
 * ever sees a complete dump.
 */
export async function ensureBaseline(file = baselineFile()): Promise<Blob> {
  const existing = readBaseline(file);
  if (existing) return existing;
  const database = await openDatabase({ kind: 'pglite' });
  try {
    await migrateDatabase(database);
    if (database.raw.kind !== 'pglite') throw new Error('unreachable: an in-memory database is embedded');
    const dump = await database.raw.client.dumpDataDir();
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${randomUUID()}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await database.close();
  }
}
