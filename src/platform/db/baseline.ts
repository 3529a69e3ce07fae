// A migrated, empty embedded database, dumped once per migration set and reused.
// Applying ~30 migrations statement by statement on PGlite (WebAssembly) takes 10–17 s; restoring
// the dump of an already migrated database takes well under a second. `npm install` builds the dump
// (scripts/build-baseline.ts), a fresh DATA_DIR starts from it, and the test suite restores it for
// every test file (baseline-build.ts builds it). The migrations stay the source of truth: the dump is keyed by a hash of the
// migration files, a stale one is ignored, and migrateDatabase still runs afterwards (a no-op).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_DIR } from './migrate.ts';

const BASELINE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/plantintel', import.meta.url));

/** A short hash of every file under drizzle/ (SQL and journal): changes whenever a migration does. */
export function migrationsHash(dir = MIGRATIONS_DIR): string {
  const hash = createHash('sha256');
  const walk = (current: string) => {
    const entries = readdirSync(current, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      const file = path.join(current, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(readFileSync(file));
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 12);
}

export function baselineFile(hash = migrationsHash(), dir = BASELINE_DIR): string {
  // A plain tar, several times the size of a gzipped one (the WAL segment is mostly zeros): every
  // test file opens it, and unpacking a gzipped one was part of each one's start.
  return path.join(dir, `pglite-${hash}.tar`);
}

/** The dump for the current migrations, or undefined when it has not been built. */
export function readBaseline(file = baselineFile()): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** How long a dump of other migrations is kept after it was last written. */
export const STALE_BASELINE_MS = 24 * 3600_000;
// A dump, a gzipped dump of earlier versions, or the private file of a build that crashed before
// renaming it into place (baseline-build.ts: `<dump>.<pid>.<uuid>`; a build takes seconds).
const DUMP_NAME =
  /^pglite-[0-9a-f]{12}\.tar(\.gz|\.\d+\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/;

/**
 * Removes the dumps of other migration sets (and the gzipped dumps of earlier versions, and the
 * partial files of crashed builds) next to `keep` that were written more than `maxAgeMs` ago: each
 * is tens of megabytes, and every change to the migrations leaves one behind. A recent one stays
 * (another checkout sharing this node_modules may still use it, and would otherwise rebuild it);
 * one removed in use is rebuilt.
 * Returns the names removed.
 */
export function pruneBaselines(keep: string, now = Date.now(), maxAgeMs = STALE_BASELINE_MS): string[] {
  const dir = path.dirname(keep);
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (file === keep || !DUMP_NAME.test(name)) continue;
    try {
      if (now - statSync(file).mtimeMs <= maxAgeMs) continue;
      unlinkSync(file);
      removed.push(name);
    } catch {
      // Gone already (another process pruned it): nothing to do.
    }
  }
  return removed;
}

/** A data directory PostgreSQL has never initialised (no PG_VERSION file yet). */
export function isFreshDataDir(dataDir: string): boolean {
  return !existsSync(path.join(dataDir, 'PG_VERSION'));
}
