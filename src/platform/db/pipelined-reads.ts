import pg from 'pg';
import { type StatementNames, sharedStatementNames } from './statement-names.ts';

// A read on PostgreSQL in one round trip per statement. A read held a pooled connection for three
// trips (BEGIN with the scope, the statement, COMMIT) and for the JavaScript between them — under
// load, other requests' work — so connections sat idle in open transactions while requests queued
// for them. Here each statement takes a connection, sends BEGIN READ ONLY, the scope, the statement
// and COMMIT as extended-protocol messages in one write with one Sync, and gives the connection
// back when the answer arrives. Each statement is a transaction of its own, as on the embedded
// database (EmbeddedClient.transaction); under READ COMMITTED each statement takes a snapshot of
// its own inside a transaction too, so a read sees the same.

interface Connection {
  parse(config: { text: string; name?: string }): void;
  bind(config: { values?: unknown[] }): void;
  execute(config: { portal?: string; rows?: number }): void;
  sync(): void;
}

/** The parts of node-postgres's Query (pg/lib/query.js) this subclass builds on. */
interface PgQuery {
  portal: string;
  rows?: number;
  hasBeenParsed(connection: Connection): boolean;
  prepare(connection: Connection): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: Connection): void;
}
type QueryCallback = (error: Error | null, result?: pg.QueryResult) => void;
const PgQuery = pg.Query as unknown as new (
  config: object,
  values: undefined,
  callback: QueryCallback,
) => PgQuery;

const sendUnnamed = (connection: Connection, text: string) => {
  connection.parse({ text });
  connection.bind({});
  connection.execute({});
};

/**
 * node-postgres's statement with parameterless statements sent before it (`before`) and after it
 * (`after`) in the same trip; their rows and completions are not the statement's result.
 */
class ScopedStatement extends PgQuery {
  private completed = 0;
  /** Whether this trip carried the Parse of a named statement (see `ScopedReadClient.query`). */
  parsedHere = false;

  private readonly before: readonly string[];
  private readonly after: readonly string[];

  constructor(before: readonly string[], after: readonly string[], config: object, callback: QueryCallback) {
    super(config, undefined, callback);
    this.before = before;
    this.after = after;
  }

  requiresPreparation() {
    return true;
  }

  override prepare(connection: Connection) {
    for (const text of this.before) sendUnnamed(connection, text);
    this.parsedHere = !this.hasBeenParsed(connection);
    super.prepare(connection);
  }

  /** node-postgres's last step of `prepare`: execute, then (here) the statements after, then Sync. */
  _getRows(connection: Connection, rows: number | undefined) {
    connection.execute({ portal: this.portal, rows });
    for (const text of this.after) sendUnnamed(connection, text);
    connection.sync();
  }

  override handleDataRow(message: unknown) {
    if (this.completed === this.before.length) super.handleDataRow(message);
  }

  override handleCommandComplete(message: unknown, connection: Connection) {
    if (this.completed++ === this.before.length) super.handleCommandComplete(message, connection);
  }
}

type StatementConfig = { text: string; name?: string; rows?: number; values?: unknown[] };

const AFTER = ['commit'];

/**
 * The client a read-only scoped transaction's session queries (`transactionWith`): every statement
 * a read-only transaction of its own, opened with `scope` (parameterless statements, e.g.
 * `select set_config(…)`), on a connection taken from `pool` for that one trip.
 */
export class ScopedReadClient {
  /** What opens each statement's transaction after BEGIN READ ONLY. */
  readonly scope: string;
  private readonly before: readonly string[];
  private readonly pool: pg.Pool;
  private readonly names: StatementNames;

  constructor(pool: pg.Pool, scope: string, names: StatementNames = sharedStatementNames) {
    this.pool = pool;
    this.scope = scope;
    this.before = ['begin read only', scope];
    this.names = names;
  }

  async query(config: string | StatementConfig, values?: unknown[]): Promise<pg.QueryResult> {
    const statement = typeof config === 'string' ? { text: config } : config;
    if (statement.rows) throw new Error('ScopedReadClient: reading a result in pages is not supported');
    const name = statement.name ?? this.names.nameOf(statement.text);
    const connection = await this.pool.connect();
    let query: ScopedStatement | undefined;
    let broken: Error | boolean | undefined;
    try {
      return await new Promise<pg.QueryResult>((resolve, reject) => {
        query = new ScopedStatement(
          this.before,
          AFTER,
          { ...statement, name, values: values ?? statement.values },
          (error, result) => (error ? reject(error) : resolve(result as pg.QueryResult)),
        );
        connection.query(query as unknown as pg.Submittable);
      });
    } catch (err) {
      // The server skipped the rest of the trip, so the transaction is still open (and failed).
      // node-postgres recorded the statement as prepared when the trip's first Parse completed,
      // whether or not its own Parse did: a connection that parsed it in this trip is not reused.
      if (query?.parsedHere) broken = true;
      else
        await connection.query('rollback').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      throw err;
    } finally {
      connection.release(broken);
    }
  }
}
