import type { Query } from 'drizzle-orm';
import type { WithCacheConfig } from 'drizzle-orm/cache/core/types';
import { NodePgSession } from 'drizzle-orm/node-postgres/session';
import type { PgPreparedQuery, PreparedQueryConfig, SelectedFieldsOrdered } from 'drizzle-orm/pg-core';
import { PgliteSession } from 'drizzle-orm/pglite/session';
import { mapRows, type SelectedField } from './row-mapper.ts';

// Drizzle's sessions with one change: a statement that selects fields (and brings no mapper of its
// own, as relational queries do) turns its rows into objects with `mapRows`, which does what
// Drizzle's per-row mapping does at a fraction of the cost (row-mapper.ts).

type Metadata = { type: 'select' | 'update' | 'delete' | 'insert'; tables: string[] };
type Prepared<T extends PreparedQueryConfig> = PgPreparedQuery<T> & {
  joinsNotNullableMap?: Record<string, boolean>;
};

function prepareMapped<T extends PreparedQueryConfig>(
  prepare: (mapper: ((rows: unknown[][]) => T['execute']) | undefined) => Prepared<T>,
  fields: SelectedFieldsOrdered | undefined,
  customResultMapper: ((rows: unknown[][]) => T['execute']) | undefined,
): Prepared<T> {
  if (!fields || customResultMapper) return prepare(customResultMapper);
  // The select builder sets the join map on the prepared statement after this returns.
  const prepared: Prepared<T> = prepare(
    (rows) =>
      mapRows(fields as unknown as SelectedField[], rows, prepared.joinsNotNullableMap) as T['execute'],
  );
  return prepared;
}

interface Session {
  prepareQuery<T extends PreparedQueryConfig = PreparedQueryConfig>(
    query: Query,
    fields: SelectedFieldsOrdered | undefined,
    name: string | undefined,
    isResponseInArrayMode: boolean,
    customResultMapper?: (rows: unknown[][]) => T['execute'],
    queryMetadata?: Metadata,
    cacheConfig?: WithCacheConfig,
  ): PgPreparedQuery<T>;
}

// biome-ignore lint/suspicious/noExplicitAny: a mixin's base constructor takes whatever its class takes
type SessionClass = new (...args: any[]) => Session;

/** `Base` (one of Drizzle's sessions) with `mapRows` for its rows. */
function withMappedRows<Base extends SessionClass>(base: Base) {
  return class extends base {
    override prepareQuery<T extends PreparedQueryConfig = PreparedQueryConfig>(
      query: Query,
      fields: SelectedFieldsOrdered | undefined,
      name: string | undefined,
      isResponseInArrayMode: boolean,
      customResultMapper?: (rows: unknown[][]) => T['execute'],
      queryMetadata?: Metadata,
      cacheConfig?: WithCacheConfig,
    ): PgPreparedQuery<T> {
      return prepareMapped<T>(
        (mapper) =>
          super.prepareQuery<T>(
            query,
            fields,
            name,
            isResponseInArrayMode,
            mapper,
            queryMetadata,
            cacheConfig,
          ),
        fields,
        customResultMapper,
      );
    }
  };
}

export const MappedNodePgSession = withMappedRows(NodePgSession);
export const MappedPgliteSession = withMappedRows(PgliteSession);
