import type { Executor } from './database.ts';

// Building a statement with Drizzle costs more than running it on a warm connection (a profile of
// GET /lines had query building as the largest part of its JavaScript). A hot read written as a template
// — its values as placeholders (`sql.placeholder('limit')`), its optional parts as a shape — is
// built once per executor and shape and afterwards only run with new values. Read-only
// transactions on PostgreSQL are kept per scope (scoped-transaction.ts), so a tenant's reads build
// each shape once; an executor that lives for one request builds it as it would have anyway.

interface Preparable<Result> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<Result> };
}

type Prepared<Result> = ReturnType<Preparable<Result>['prepare']>;

/** Shapes per executor past which a template stops caching (shapes come from flags: few). */
const MAX_SHAPES = 64;

/**
 * `build(executor, shape)` — a select with placeholders — as a function that runs it on `executor`
 * with `values` for the placeholders. `shape` says which optional parts the statement has.
 */
export function statementTemplate<Shape extends string, Result>(
  build: (executor: Executor, shape: Shape) => Preparable<Result>,
): (executor: Executor, shape: Shape, values: Record<string, unknown>) => Promise<Result> {
  const prepared = new WeakMap<Executor, Map<Shape, Prepared<Result>>>();
  return (executor, shape, values) => {
    let byShape = prepared.get(executor);
    if (!byShape) {
      byShape = new Map();
      prepared.set(executor, byShape);
    }
    let statement = byShape.get(shape);
    if (!statement) {
      // No name: the session names statements by their text (statement-names.ts).
      statement = build(executor, shape).prepare(undefined as unknown as string);
      if (byShape.size < MAX_SHAPES) byShape.set(shape, statement);
    }
    return statement.execute(values);
  };
}
