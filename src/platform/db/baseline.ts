// A migrated, empty embedded database, dumped once per migration set and reused.
// Applying ~30 migrations statement by statement on PGlite (WebAssembly) takes 10–17 s; restoring
// the dump of an already migrated database takes well under a second. `npm install` builds the dump
// (scripts/build-baseline.ts), a fresh DATA_DIR starts from it, and the test suite restores it for
// every test file (baseline-build.ts builds it). The migrations stay the source of truth: the dump is keyed by a hash of the
// migration files, a stale one is ignored, and migrateDatabase still runs afterwards (a no-op).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** A data directory PostgreSQL has never initialised (no PG_VERSION file yet). */
export function isFreshDataDir(dataDir: string): boolean {
  return !existsSync(path.join(dataDir, 'PG_VERSION'));
}
