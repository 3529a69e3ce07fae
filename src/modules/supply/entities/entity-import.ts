import { sql } from 'drizzle-orm';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { clientIdsByName, idByKey, type NaturalKey, warehouseIdsByCode } from './entities.repo.ts';
import {
  ClientCreate,
  ClientPatch,
  InventoryCreate,
  InventoryPatch,
  VehicleCreate,
  VehiclePatch,
  WarehouseCreate,
  WarehousePatch,
} from './entities.schemas.ts';
import type { CellError, ColumnMapping, EntityImportKind } from './imports.csv.ts';
import { OrderCreate } from './orders.schemas.ts';
import type { OrderInput } from './orders.service.ts';

// Storing the rows of an entity file, in one transaction: each row is checked by the same schema
// and rules as the API's body, then creates its row or updates the one with its natural key (a
// warehouse or vehicle code, a client name, a warehouse and SKU). A row that fails is reported with
// its row number and column, and the others are stored. Order files have a row per order line:
// rows with the same reference are one order (its other fields from its first row), created only.

export interface ReadRow {
  rowNo: number;
  values: Record<string, unknown>;
  errors: CellError[];
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportTally {
  created: number;
  updated: number;
  rejected: number;
  errors: RowError[];
}

/** What a kind's rows are stored through (the entity services, inside the caller's transaction). */
export interface RowSinks {
  insert(kind: EntityImportKind, tx: Tx, tenantId: string, input: Record<string, unknown>): Promise<unknown>;
  update(kind: EntityImportKind, tx: Tx, id: string, input: Record<string, unknown>): Promise<unknown>;
}

const MAX_ERRORS = 200;

const checks = (create: TSchema, patch: TSchema) => ({ create: Compile(create), patch: Compile(patch) });
const CHECKS = {
  warehouses: checks(WarehouseCreate, WarehousePatch),
  inventory: checks(InventoryCreate, InventoryPatch),
  vehicles: checks(VehicleCreate, VehiclePatch),
  clients: checks(ClientCreate, ClientPatch),
  orders: checks(OrderCreate, OrderCreate),
};

/** A row in a savepoint: a refused row leaves the transaction usable for the next one. */
async function inSavepoint<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  await tx.execute(sql`savepoint supply_import_row`);
  try {
    const result = await work();
    await tx.execute(sql`release savepoint supply_import_row`);
    return result;
  } catch (err) {
    await tx.execute(sql`rollback to savepoint supply_import_row`);
    throw err;
  }
}

/** Fields whose value comes from another column of the file (a code resolved to an id). */
const SOURCE_COLUMN: Record<string, string> = {
  warehouseId: 'warehouse',
  depotId: 'depot',
  clientId: 'client',
};

/** The bookkeeping of one file's rows: the tally, row errors by column, a row stored or refused. */
function createRowImport(tx: Tx, mapping: ColumnMapping) {
  const tally: ImportTally = { created: 0, updated: 0, rejected: 0, errors: [] };
  const columnOf = (field: string) => mapping.header.get(SOURCE_COLUMN[field] ?? field) ?? field;
  const reject = (rowNo: number, errors: { column: string; message: string }[]) => {
    tally.rejected++;
    for (const e of errors) if (tally.errors.length < MAX_ERRORS) tally.errors.push({ row: rowNo, ...e });
  };
  /**
   * The schema's objections to `input`, by the file's column; `line` is the order line an error is
   * about (`/lines/2/quantity`), 0 for the rest.
   */
  const schemaErrors = (check: ReturnType<typeof Compile>, input: unknown) =>
    check.Errors(input).map((e) => {
      const [first = '', index, inner] = e.instancePath.split('/').slice(1);
      const field = first === 'lines' && inner ? inner : first;
      const missing = (e.params as { requiredProperties?: string[] }).requiredProperties;
      return {
        line: first === 'lines' ? Number(index ?? 0) : 0,
        column: columnOf(field || (missing?.[0] ?? '')),
        message: e.keyword === 'pattern' ? 'has characters that are not allowed here' : e.message,
      };
    });
  /** Stores one row (or order) in its savepoint; false when it was refused. */
  const store = async (rowNo: number, work: () => Promise<unknown>) => {
    try {
      await inSavepoint(tx, work);
      return true;
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      // A rule's 400 names its field (`/body/operatingHours[0]`): the column it was read from.
      const field = err.details?.[0]?.path.replace('/body/', '').split(/[[/]/)[0] ?? '';
      reject(rowNo, [{ column: columnOf(field), message: err.message }]);
      return false;
    }
  };
  return { tally, reject, schemaErrors, store, columnOf };
}

type Refs = { warehouses: Map<string, string>; clients: Map<string, string> };

/** The row's values with codes resolved to ids, or the columns whose code is unknown. */
function resolve(values: Record<string, unknown>, refs: Refs, columnOf: (field: string) => string) {
  const input = { ...values };
  const errors: { column: string; message: string }[] = [];
  const ref = (from: string, to: string, map: Map<string, string>, what: string) => {
    if (!(from in input)) return;
    const id = map.get(String(input[from]));
    if (id) input[to] = id;
    else errors.push({ column: columnOf(from), message: `Unknown ${what} ${String(input[from])}` });
    delete input[from];
  };
  ref('warehouse', 'warehouseId', refs.warehouses, 'warehouse code');
  ref('depot', 'depotId', refs.warehouses, 'warehouse code');
  ref('client', 'clientId', refs.clients, 'client');
  return { input, errors };
}

function naturalKey(kind: Exclude<EntityImportKind, 'orders'>, input: Record<string, unknown>): NaturalKey {
  if (kind === 'clients') return { kind, name: String(input.name) };
  if (kind === 'inventory') return { kind, warehouseId: String(input.warehouseId), sku: String(input.sku) };
  return { kind, code: String(input.code) };
}

/** Stores the rows of a warehouse, inventory, vehicle or client file. */
export async function importEntityRows(
  tx: Tx,
  tenantId: string,
  kind: Exclude<EntityImportKind, 'orders'>,
  mapping: ColumnMapping,
  rows: readonly ReadRow[],
  sinks: RowSinks,
): Promise<ImportTally> {
  const run = createRowImport(tx, mapping);
  const refs = { warehouses: await warehouseIdsByCode(tx), clients: new Map<string, string>() };
  for (const row of rows) {
    const { input, errors } = resolve(row.values, refs, run.columnOf);
    if (row.errors.length + errors.length > 0) {
      run.reject(row.rowNo, [...row.errors, ...errors]);
      continue;
    }
    const id = await idByKey(tx, naturalKey(kind, input));
    if (id && kind === 'inventory') {
      delete input.warehouseId;
      delete input.sku;
    }
    const check = id ? CHECKS[kind].patch : CHECKS[kind].create;
    const problems = run.schemaErrors(check, input);
    if (problems.length > 0) {
      run.reject(
        row.rowNo,
        problems.map(({ column, message }) => ({ column, message })),
      );
      continue;
    }
    const stored = await run.store(row.rowNo, () =>
      id ? sinks.update(kind, tx, id, input) : sinks.insert(kind, tx, tenantId, input),
    );
    if (stored && id) run.tally.updated++;
    else if (stored) run.tally.created++;
  }
  return run.tally;
}

const ORDER_FIELDS = [
  'kind',
  'reference',
  'clientId',
  'warehouseId',
  'supplier',
  'requestedDate',
  'windowStart',
  'windowEnd',
  'status',
  'priority',
  'weightKg',
  'volumeM3',
  'requiredFeatures',
];

/** Stores the orders of an order file (a row per line, grouped by reference). */
export async function importOrderRows(
  tx: Tx,
  tenantId: string,
  mapping: ColumnMapping,
  rows: readonly ReadRow[],
  sinks: RowSinks,
): Promise<ImportTally> {
  const run = createRowImport(tx, mapping);
  const refs = { warehouses: await warehouseIdsByCode(tx), clients: await clientIdsByName(tx) };
  const groups = new Map<string, ReadRow[]>();
  for (const row of rows) {
    const reference = String(row.values.reference ?? '');
    groups.set(reference, [...(groups.get(reference) ?? []), row]);
  }
  for (const [reference, lines] of groups) {
    // Problems by line of the order (its rows in the file, in order).
    const problems = new Map<number, { column: string; message: string }[]>();
    const add = (i: number, errors: { column: string; message: string }[]) => {
      if (errors.length > 0) problems.set(i, [...(problems.get(i) ?? []), ...errors]);
    };
    const resolved = lines.map((line, i) => {
      const { input, errors } = resolve(line.values, refs, run.columnOf);
      add(i, [...line.errors, ...errors]);
      return input;
    });
    const head = resolved[0] ?? {};
    const input: Record<string, unknown> = Object.fromEntries(
      ORDER_FIELDS.filter((f) => f in head).map((f) => [f, head[f]]),
    );
    input.lines = resolved.map((r) => ({ sku: r.sku, quantity: r.quantity }));
    if (problems.size === 0) {
      for (const { line, column, message } of run.schemaErrors(CHECKS.orders.create, input))
        add(line, [{ column, message }]);
      if (await idByKey(tx, { kind: 'orders', reference }))
        add(0, [
          {
            column: run.columnOf('reference'),
            message: `Order ${reference} already exists (an import does not change orders)`,
          },
        ]);
    }
    if (problems.size > 0) {
      lines.forEach((line, i) => {
        run.reject(
          line.rowNo,
          problems.get(i) ?? [
            {
              column: run.columnOf('reference'),
              message: `Order ${reference} is not imported: another of its lines has errors`,
            },
          ],
        );
      });
      continue;
    }
    const first = lines[0] as ReadRow;
    if (await run.store(first.rowNo, () => sinks.insert('orders', tx, tenantId, input as OrderInput)))
      run.tally.created++;
    else run.tally.rejected += lines.length - 1;
  }
  return run.tally;
}
