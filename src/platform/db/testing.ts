// Fresh, migrated databases for tests: one per test file, fast.
// PGlite: restore the migrated dump of baseline.ts (built at install, or here when missing).
// PostgreSQL: CREATE DATABASE … TEMPLATE a migrated template database (built once per migration hash).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadTestSettings } from '../../config.ts';
import { migrationsHash } from './baseline.ts';
import { ensureBaseline } from './baseline-build.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateDatabase } from './migrate.ts';

export interface TestDatabase extends Database {
  /** Closes the database and deletes it (PostgreSQL) so nothing piles up between runs. */
  dispose(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function postgresTemplate(adminUrl: string, hash: string): Promise<string> {
  const template = `plantintel_tpl_${hash}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // One builder at a time across all test processes; the others wait and then reuse it.
    await admin.query('select pg_advisory_lock(727002)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_${process.pid}`;
      await admin.query(`drop database if exists ${quoteIdent(building)}`);
      await admin.query(`create database ${quoteIdent(building)}`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
      try {
        await migrateDatabase(database);
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${quoteIdent(building)} rename to ${quoteIdent(template)}`);
      // Templates of older migration sets are of no further use.
      const stale = await admin.query(
        "select datname from pg_database where datname like 'plantintel\\_tpl\\_%' and datname <> $1",
        [template],
      );
      for (const row of stale.rows)
        await admin.query(`drop database if exists ${quoteIdent(row.datname)} with (force)`);
    }
    await admin.query('select pg_advisory_unlock(727002)');
  } finally {
    await admin.end();
  }
  return template;
}

async function createPostgresTestDatabase(adminUrl: string, hash: string): Promise<TestDatabase> {
  const template = await postgresTemplate(adminUrl, hash);
  const name = `plantintel_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${quoteIdent(name)} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** A fresh, fully migrated database: PostgreSQL when DATABASE_URL is set, in-memory PGlite otherwise. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { databaseUrl } = loadTestSettings();
  if (databaseUrl) return createPostgresTestDatabase(databaseUrl, migrationsHash());
  const database = await openDatabase({ kind: 'pglite', loadDataDir: await ensureBaseline() });
  return { ...database, dispose: () => database.close() };
}

/**
 * For tests that always run the embedded database whatever the suite's driver (the CLI, PGlite's
 * durability): they would do the same work twice, so they run once, in the embedded phase. A
 * `skip` reason with DATABASE_URL set, false otherwise.
 */
export function embeddedPhaseOnly(): string | false {
  return loadTestSettings().databaseUrl ? 'runs with the embedded test phase (DATABASE_URL unset)' : false;
}
