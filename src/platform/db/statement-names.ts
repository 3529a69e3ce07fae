import type pg from 'pg';

// On PostgreSQL, a statement the application has sent before is sent by name: each connection
// parses and plans it once and afterwards only binds and executes it (node-postgres keeps track of
// what each connection has prepared). The application's statements come from a fixed set of query
// builders, so their texts are few; past MAX_NAMED distinct texts (e.g. IN lists of every length),
// new texts go unnamed, so neither side's memory grows without bound.
export const MAX_NAMED = 2000;

/** Statement texts and their names, one registry per process (the names are the same on every connection). */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly max: number;

  constructor(max = MAX_NAMED) {
    this.max = max;
  }

  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known || this.names.size >= this.max) return known;
    const name = `plantintel_${this.names.size + 1}`;
    this.names.set(text, name);
    return name;
  }
}

/** The registry every connection of this process uses. */
export const sharedStatementNames = new StatementNames();

type QueryConfig = { text: string; name?: string };

/** `client` whose parameterised statements (Drizzle's) run as named prepared statements. */
export function withNamedStatements(client: pg.PoolClient, names = sharedStatementNames): pg.PoolClient {
  const query = (config: unknown, ...rest: unknown[]) => {
    if (typeof config === 'object' && config !== null && typeof (config as QueryConfig).text === 'string') {
      const statement = config as QueryConfig;
      const name = statement.name ?? names.nameOf(statement.text);
      if (name) return (client.query as (...args: unknown[]) => unknown)({ ...statement, name }, ...rest);
    }
    return (client.query as (...args: unknown[]) => unknown)(config, ...rest);
  };
  return { query } as unknown as pg.PoolClient;
}
