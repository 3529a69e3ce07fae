// Builds the migrated, empty embedded database that baseline.ts describes.
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { baselineFile, pruneBaselines, readBaseline } from './baseline.ts';
import { openDatabase } from './database.ts';
import { migrateDatabase } from './migrate.ts';

/**
 * Returns the dump for the current migrations, building it when missing. Concurrent builders (parallel
 * test files, two installs) each write a private file and rename it into place, so a reader only
 * ever sees a complete dump. A new dump removes the stale ones of other migrations (pruneBaselines).
 */
export async function ensureBaseline(file = baselineFile()): Promise<Uint8Array> {
  const existing = readBaseline(file);
  if (existing) return existing;
  const database = await openDatabase({ kind: 'pglite' });
  try {
    await migrateDatabase(database);
    if (database.raw.kind !== 'pglite') throw new Error('unreachable: an in-memory database is embedded');
    const tar = gunzipSync(await (await database.raw.client.dumpDataDir()).arrayBuffer());
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${randomUUID()}`;
    writeFileSync(partial, tar);
    renameSync(partial, file);
    pruneBaselines(file);
    return tar;
  } finally {
    await database.close();
  }
}
