import type { SQL } from 'drizzle-orm';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { isForeignKeyViolation } from '../../../platform/db/errors.ts';
import { inCallerTenant, readInCallerTenant } from '../../../platform/db/scope.ts';
import { conflict, conflictOnUnique, notFound } from '../../../platform/http/errors.ts';
import {
  deleteRow,
  type EntityTable,
  findRow,
  type InsertOf,
  insertRow,
  pageRows,
  type RowOf,
  updateRow,
} from './crud.repo.ts';

// The create / read / update / delete every supply entity kind shares, one transaction each in the
// caller's tenant. A kind says how its input becomes a row (checking what it refers to), how its
// list is filtered, and what keeps a row from being deleted; orders add their lifecycle on top.

export type Page = { limit: number; offset: number };

export interface EntitySpec<T extends EntityTable, Create, Patch, Filter> {
  table: T;
  /** "Warehouse": the subject of its 404. */
  noun: string;
  where: (filter: Filter) => SQL | undefined;
  order: SQL[];
  /** The row to insert for `input` (without the tenant); throws a 400 for a bad reference. */
  prepare: (tx: Tx, input: Create) => Promise<Omit<InsertOf<T>, 'tenantId'>>;
  /** The columns to change; `current` is the row as it is. */
  prepareUpdate: (tx: Tx, input: Patch, current: RowOf<T>) => Promise<Partial<InsertOf<T>>>;
  /** The 409 when a unique key (a code, a name) is taken. */
  duplicate: string;
  /** Why the row cannot be deleted — what still refers to it — or null. */
  blocker?: (tx: Tx, row: RowOf<T>) => Promise<string | null>;
}

export function entityCrud<T extends EntityTable, Create, Patch, Filter>(
  db: Db,
  spec: EntitySpec<T, Create, Patch, Filter>,
) {
  const { table, noun } = spec;

  /**
   * The row, or a 404 (another tenant's row is not found either: row-level security). Changes
   * read it locked, so two of them on one row take turns.
   */
  async function getIn(tx: Tx, id: string, lock = false): Promise<RowOf<T>> {
    const row = await findRow(tx, table, id, { lock });
    if (!row) throw notFound(noun);
    return row;
  }

  async function insertIn(tx: Tx, tenantId: string, input: Create): Promise<RowOf<T>> {
    const values = { ...(await spec.prepare(tx, input)), tenantId } as InsertOf<T>;
    return insertRow(tx, table, values).catch(conflictOnUnique(spec.duplicate));
  }

  async function updateIn(tx: Tx, id: string, input: Patch): Promise<RowOf<T>> {
    const current = await getIn(tx, id, true);
    const values = await spec.prepareUpdate(tx, input, current);
    const row = await updateRow(tx, table, id, values).catch(conflictOnUnique(spec.duplicate));
    if (!row) throw notFound(noun);
    return row;
  }

  async function removeIn(tx: Tx, id: string) {
    const row = await getIn(tx, id, true);
    const blocked = await spec.blocker?.(tx, row);
    if (blocked) throw conflict(blocked);
    // A reference made by a concurrent request after the check: still a 409, never a 500.
    await deleteRow(tx, table, id).catch((err: unknown) => {
      if (isForeignKeyViolation(err)) throw conflict(`The ${noun.toLowerCase()} is in use`);
      throw err;
    });
  }

  return {
    getIn,
    insertIn,
    updateIn,
    removeIn,
    list: (principal: Principal, filter: Filter & Page) =>
      readInCallerTenant(db, principal, (tx) => pageRows(tx, table, spec.where(filter), spec.order, filter)),
    get: (principal: Principal, id: string) => readInCallerTenant(db, principal, (tx) => getIn(tx, id)),
    create: (principal: Principal, input: Create) =>
      inCallerTenant(db, principal, (tx, tenantId) => insertIn(tx, tenantId, input)),
    update: (principal: Principal, id: string, input: Patch) =>
      inCallerTenant(db, principal, (tx) => updateIn(tx, id, input)),
    remove: (principal: Principal, id: string) => inCallerTenant(db, principal, (tx) => removeIn(tx, id)),
  };
}

export type EntityCrud<T extends EntityTable, Create, Patch, Filter> = ReturnType<
  typeof entityCrud<T, Create, Patch, Filter>
>;
