// Orphan image files: bytes in the store that no image row refers to — left by an ingest that
// failed after writing its files (a crash between the write and the commit) — are removed once
// they are older than a grace period (so an ingest in flight keeps its files).
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../platform/db/database.ts';
import { readAcrossTenants } from '../../platform/db/scope.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { referencedFileKeys } from './triggers.repo.ts';

export const ORPHAN_GRACE_MS = 15 * 60_000;
const CHECK_BATCH = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HASH = /^[0-9a-f]{64}$/;

async function* storedFiles(dir: string): AsyncGenerator<{ key: string; path: string }> {
  for (const tenant of await readdir(dir).catch(() => [] as string[])) {
    if (!UUID.test(tenant)) continue;
    for (const prefix of await readdir(join(dir, tenant)).catch(() => [] as string[]))
      for (const hash of await readdir(join(dir, tenant, prefix)).catch(() => [] as string[]))
        if (HASH.test(hash)) yield { key: `${tenant}/${hash}`, path: join(dir, tenant, prefix, hash) };
  }
}

/** Removes unreferenced files older than `graceMs` (and stale partial uploads); returns how many. */
export async function sweepOrphanImages(
  { db, files, dir }: { db: Db; files: FileStore; dir: string },
  graceMs = ORPHAN_GRACE_MS,
): Promise<number> {
  const cutoff = Date.now() - graceMs;
  let removed = 0;
  let batch: string[] = [];
  const flush = async () => {
    const used = await readAcrossTenants(db, (tx) => referencedFileKeys(tx, batch));
    for (const key of batch)
      if (!used.has(key)) {
        await files.remove(key);
        removed++;
      }
    batch = [];
  };
  for await (const { key, path } of storedFiles(dir)) {
    const info = await stat(path).catch(() => undefined);
    if (!info || info.mtimeMs > cutoff) continue;
    batch.push(key);
    if (batch.length >= CHECK_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  for (const part of await readdir(join(dir, 'incoming')).catch(() => [] as string[])) {
    const path = join(dir, 'incoming', part);
    const info = await stat(path).catch(() => undefined);
    if (info && info.mtimeMs <= cutoff) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
