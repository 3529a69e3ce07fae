import { sql } from 'drizzle-orm';
import { type NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres/session';
import { PgliteTransaction } from 'drizzle-orm/pglite/session';
import pg from 'pg';
import type { Db, Tx } from './database.ts';
import { EmbeddedClient } from './embedded/client.ts';
import { ScopedReadClient } from './pipelined-reads.ts';
import { MappedNodePgSession, MappedPgliteSession } from './sessions.ts';
import { withNamedStatements } from './statement-names.ts';

// Every request's work is a transaction that first sets its scope (role and tenant). Sent as a
// statement of its own that costs a round trip per request; here it travels with BEGIN instead —
// in one simple-protocol message on PostgreSQL, inside the embedded database's `begin` on PGlite.
// A read-only transaction is one trip per statement on both (pipelined-reads.ts, EmbeddedClient).
// Drizzle's transaction API has no such hook, so its session and transaction classes are built
// here the way its own `transaction()` builds them (the sessions with a faster row mapper, sessions.ts),
// without the relational query builders (`tx.query.…`, one object per table per transaction), which
// the application does not use.

interface DrizzleInternals {
  dialect: ConstructorParameters<typeof NodePgTransaction>[0];
  session: {
    client: unknown;
    schema: ConstructorParameters<typeof NodePgTransaction>[2];
    options: ConstructorParameters<typeof NodePgSession>[3];
  };
}

// A read-only transaction on PostgreSQL holds nothing of its own (each statement takes a pooled
// connection for one trip), so one per pool and scope serves every read in that scope: built once,
// not per request. Scopes are few (the platform's, one per tenant); past MAX_SCOPES the cache starts
// over, so its size stays bounded.
const MAX_SCOPES = 1000;
const readTransactions = new WeakMap<pg.Pool, Map<string, Tx>>();

function scopedReads(
  pool: pg.Pool,
  scope: string,
  dialect: DrizzleInternals['dialect'],
  options: DrizzleInternals['session']['options'],
): Tx {
  let byScope = readTransactions.get(pool);
  if (!byScope) {
    byScope = new Map();
    readTransactions.set(pool, byScope);
  }
  let tx = byScope.get(scope);
  if (!tx) {
    if (byScope.size >= MAX_SCOPES) byScope.clear();
    const client = new ScopedReadClient(pool, scope) as unknown as pg.PoolClient;
    const inner = new MappedNodePgSession(client, dialect, undefined, options);
    tx = new NodePgTransaction(dialect, inner, undefined) as unknown as Tx;
    byScope.set(scope, tx);
  }
  return tx;
}

/**
 * `db.transaction(work)` with `preamble` — parameterless statements, e.g. `set_config` calls with
 * trusted literals — run first, without a round trip of their own. `readOnly`: the transaction
 * may not write (PostgreSQL refuses), and each statement is a read-only transaction of its own,
 * in one trip (ScopedReadClient on PostgreSQL, EmbeddedClient.transaction on the embedded database).
 */
export async function transactionWith<T>(
  db: Db,
  preamble: string,
  work: (tx: Tx) => Promise<T>,
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<T> {
  const { dialect, session } = db as unknown as DrizzleInternals;
  const client = session?.client;
  if (client instanceof EmbeddedClient) {
    return client.transaction(
      (raw) => {
        // biome-ignore lint/suspicious/noExplicitAny: the embedded client speaks PGlite's transaction interface
        const inner = new MappedPgliteSession(raw as any, dialect, undefined, session.options);
        return work(new PgliteTransaction(dialect, inner, undefined) as unknown as Tx);
      },
      { preamble, readOnly },
    );
  }
  if (client instanceof pg.Pool && readOnly)
    return work(scopedReads(client, preamble, dialect, session.options));
  if (client instanceof pg.Pool) {
    const connection = await client.connect();
    let broken: Error | undefined;
    try {
      await connection.query(`begin; ${preamble}`);
      const inner = new MappedNodePgSession(
        withNamedStatements(connection),
        dialect,
        undefined,
        session.options,
      );
      const result = await work(new NodePgTransaction(dialect, inner, undefined) as unknown as Tx);
      await connection.query('commit');
      return result;
    } catch (err) {
      await connection.query('rollback').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw err;
    } finally {
      // A connection that could not even roll back is not handed out again.
      connection.release(broken);
    }
  }
  return db.transaction(async (tx) => {
    if (readOnly) await tx.execute(sql.raw('set transaction read only'));
    await tx.execute(sql.raw(preamble));
    return work(tx);
  });
}
