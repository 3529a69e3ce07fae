// Which migrations a database has had, in the terms of the committed journal (drizzle/meta): how a
// backup records its schema version, and how a restore knows whether this release can read it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../db/migrate.ts';
import { backupError, type Manifest } from './archive.ts';

interface JournalEntry {
  tag: string;
  when: number;
}

export function journal(dir = MIGRATIONS_DIR): JournalEntry[] {
  const parsed = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return parsed.entries;
}

/** SQL for drizzle's record of applied migrations: their count and the newest one's journal time. */
export const APPLIED_MIGRATIONS_SQL =
  'select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations';

/** The manifest's `migrations` from the applied count and the newest applied journal time. */
export function migrationState(count: number, lastWhen: string | number | null): Manifest['migrations'] {
  const when = lastWhen === null ? null : Number(lastWhen);
  const entry = journal().find((e) => e.when === when);
  // A migration this release does not know (the database was migrated by a newer release).
  return { count, last: entry?.tag ?? (when === null ? null : `unknown@${when}`) };
}

/** Refuses a backup whose database has migrations this release does not have. */
export function assertRestorable(manifest: Manifest): void {
  const known = journal();
  const { count, last } = manifest.migrations;
  if (count > known.length || (last !== null && !known.some((e) => e.tag === last)))
    throw backupError(
      `the backup was taken by a newer PlantIntel (${manifest.plantintelVersion}, migration ${last ?? 'none'}); restore it with that release or a later one`,
    );
}
