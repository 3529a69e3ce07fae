// Helpers for the backup tests: row counts of every table, fresh restore targets, the restored database.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadTestSettings } from '../../config.ts';
import { type Database, type Executor, openDatabase, queryRows } from '../db/database.ts';
import { embeddedDir } from './embedded.ts';

/** Rows in every table outside the system schemas (public, drizzle's journal, the job queue), by name. */
export async function tableCounts(db: Executor): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
           and n.nspname not like 'pg\\_%' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${name}`));
    counts[name] = rows[0]?.n ?? 0;
  }
  return counts;
}

/** The connection string of an open PostgreSQL database (tests connect as a trusted superuser). */
export function urlOf(database: Database): string {
  if (database.raw.kind !== 'postgres') throw new Error('not PostgreSQL');
  return (database.raw.pool.options as { connectionString: string }).connectionString;
}

export interface RestoreTarget {
  dataDir: string;
  /** Undefined on the embedded driver. */
  databaseUrl: string | undefined;
  /** Opens the restored database (the embedded one in dataDir, or the PostgreSQL one). */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/** An empty DATA_DIR, and on PostgreSQL (DATABASE_URL set) an empty database of its own. */
export async function createRestoreTarget(): Promise<RestoreTarget> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'plantintel-restore-'));
  const { databaseUrl: adminUrl } = loadTestSettings();
  let databaseUrl: string | undefined;
  let name: string | undefined;
  if (adminUrl) {
    name = `plantintel_restore_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`).finally(() => admin.end());
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  return {
    dataDir,
    databaseUrl,
    open: () =>
      databaseUrl
        ? openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 2 })
        : openDatabase({ kind: 'pglite', dataDir: embeddedDir(dataDir) }),
    dispose: async () => {
      await rm(dataDir, { recursive: true, force: true });
      if (adminUrl && name) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`drop database if exists "${name}" with (force)`).finally(() => admin.end());
      }
    },
  };
}
