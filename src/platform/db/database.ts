import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { isFreshDataDir, readBaseline } from './baseline.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { EmbeddedClient } from './embedded/client.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database itself or an open transaction. */
export type Executor = Db | Tx;
export type DriverName = 'pglite' | 'postgres';

/** The underlying driver handle, for the few things Drizzle does not cover (LISTEN/NOTIFY, dumps). */
export type RawClient = { kind: 'postgres'; pool: pg.Pool } | { kind: 'pglite'; client: EmbeddedClient };

export interface Database {
  readonly driver: DriverName;
  readonly raw: RawClient;
  readonly db: Db;
  /** Human-readable location, safe to log (no credentials). */
  readonly location: string;
  /** Round-trip time of a trivial query in milliseconds; throws when the database is unreachable. */
  ping(): Promise<number>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /**
   * dataDir undefined → in memory; loadDataDir → start from a dumped data directory (a tar or a
   * gzipped tar), whose bytes are handed over to the database thread (the array is left empty).
   */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Uint8Array };

export function targetFromConfig(config: {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedBaseline?: boolean;
  /** DATABASE_POOL_SIZE: connections of the PostgreSQL pool (default 10). */
  databasePoolSize?: number;
}): DatabaseTarget {
  if (config.databaseUrl)
    return {
      kind: 'postgres',
      url: config.databaseUrl,
      ...(config.databasePoolSize ? { poolSize: config.databasePoolSize } : {}),
    };
  const dataDir = path.resolve(config.dataDir, 'pglite');
  // A new embedded database starts from the migrated dump built at install time (see baseline.ts).
  const loadDataDir =
    config.embeddedBaseline !== false && isFreshDataDir(dataDir) ? readBaseline() : undefined;
  return { kind: 'pglite', dataDir, ...(loadDataDir ? { loadDataDir } : {}) };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return Math.round((performance.now() - start) * 100) / 100;
}

export function safeLocation(url: string): string {
  const u = new URL(url);
  return `postgres://${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export interface OpenOptions {
  /** An idle pooled connection failed (e.g. the server restarted); the pool replaces it. */
  onConnectionError?: (err: Error) => void;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process, nor go unnoticed.
    const onConnectionError = options.onConnectionError ?? ((err: Error) => process.emitWarning(err));
    pool.on('error', onConnectionError);
    // A checked-out connection that dies between two queries (the server restarting while a
    // transaction awaits other work) emits 'error' with no pool listener attached, which would crash
    // the process. Its next query fails instead ("not queryable"), the caller releases it broken and
    // the pool drops it (test/faults/postgres-restart.test.ts).
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    let closed = false;
    return {
      driver: 'postgres',
      raw: { kind: 'postgres', pool },
      db,
      location: safeLocation(target.url),
      ping: () => timed(() => pool.query('select 1')),
      close: async () => {
        if (closed) return;
        closed = true;
        await pool.end();
      },
    };
  }

  let releaseLock = () => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(target.dataDir);
  }
  let client: EmbeddedClient;
  try {
    // PGlite runs in a thread of its own (see embedded/client.ts): queries never block the event loop.
    client = await EmbeddedClient.create({ dataDir: target.dataDir, loadDataDir: target.loadDataDir });
  } catch (err) {
    releaseLock();
    throw err;
  }
  // biome-ignore lint/suspicious/noExplicitAny: the client speaks the part of PGlite's interface Drizzle uses
  const db = drizzlePglite(client as any, { schema }) as unknown as Db;
  return {
    driver: 'pglite',
    raw: { kind: 'pglite', client },
    db,
    location: target.dataDir ?? 'memory',
    ping: () => timed(() => client.query('select 1')),
    close: async () => {
      if (!client.closed) await client.close();
      releaseLock();
    },
  };
}

/** Runs a statement and returns its rows, on either driver. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Awaits lazy queries one after another. A transaction is one connection, which runs one query at
 * a time: handing it several at once (Promise.all) only queues them, and `pg` deprecates doing so.
 */
export async function inSequence<T extends readonly unknown[]>(
  ...queries: { [K in keyof T]: PromiseLike<T[K]> }
): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as unknown as T;
}
