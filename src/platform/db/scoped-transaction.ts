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

// A read-only transaction holds nothing of its own (each statement is a transaction of its own,
// in one trip), so one per database and scope serves every read in that scope: built once, not per
// request, and statement templates (statement-template.ts) built on it are reused. Scopes are few
// (the platform's, one per tenant); past MAX_SCOPES the cache starts over, so its size stays bounded.
const MAX_SCOPES = 1000;
const readTransactions = new WeakMap<object, Map<string, Tx>>();

function scopedReads(
  client: pg.Pool | EmbeddedClient,
  scope: string,
  { dialect, session }: DrizzleInternals,
): Tx {
  let byScope = readTransactions.get(client);
  if (!byScope) {
    byScope = new Map();
    readTransactions.set(client, byScope);
  }
  let tx = byScope.get(scope);
  if (!tx) {
    if (byScope.size >= MAX_SCOPES) byScope.clear();
    if (client instanceof EmbeddedClient) {
      // biome-ignore lint/suspicious/noExplicitAny: the embedded client speaks PGlite's transaction interface
      const inner = new MappedPgliteSession(client.reader(scope) as any, dialect, undefined, session.options);
      tx = new PgliteTransaction(dialect, inner, undefined) as unknown as Tx;
    } else {
      const reader = new ScopedReadClient(client, scope) as unknown as pg.PoolClient;
      const inner = new MappedNodePgSession(reader, dialect, undefined, session.options);
      tx = new NodePgTransaction(dialect, inner, undefined) as unknown as Tx;
    }
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
  const internals = db as unknown as DrizzleInternals;
  const { dialect, session } = internals;
  const client = session?.client;
  if (readOnly && (client instanceof EmbeddedClient || client instanceof pg.Pool))
    return work(scopedReads(client, preamble, internals));
  if (client instanceof EmbeddedClient) {
    return client.transaction(
      (raw) => {
        // biome-ignore lint/suspicious/noExplicitAny: the embedded client speaks PGlite's transaction interface
        const inner = new MappedPgliteSession(raw as any, dialect, undefined, session.options);
        return work(new PgliteTransaction(dialect, inner, undefined) as unknown as Tx);
      },
      { preamble },
    );
  }
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
