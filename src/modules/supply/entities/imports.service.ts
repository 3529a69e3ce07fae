import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { inCallerTenant, tenantOf } from '../../../platform/db/scope.ts';
import { AppError, badRequest } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { FileFormatError } from '../../analytics/parse/index.ts';
import { importEntityRows, importOrderRows, type ReadRow, type RowSinks } from './entity-import.ts';
import { type CellFormats, type EntityImportKind, rowReader } from './imports.csv.ts';
import { demandImportJob } from './imports.job.ts';
import type { OrderInput, OrdersService } from './orders.service.ts';
import { type ImportUpload, openImport, uploadFiles } from './uploads.ts';

// CSV imports of the supply entities. A file of warehouses, inventory, vehicles, clients or orders
// is small: it is read and stored in the request, in one transaction, and answered with what was
// created, updated and refused (row, column, why). Demand history can be millions of rows: it is
// stored to disk and imported by a job (imports.job.ts), followed on GET /jobs/{id}.

/** Rows of an entity file imported in the request; a larger file is a 413. */
export const ENTITY_IMPORT_MAX_ROWS = 5000;
/** Bytes of an entity file (demand files may take the whole upload limit). */
export const ENTITY_IMPORT_MAX_BYTES = 5 * 1_048_576;

/** An entity kind's service, as the import stores rows through it (inputs checked by its schema). */
interface Sink {
  insertIn(tx: Tx, tenantId: string, input: never): Promise<unknown>;
  updateIn(tx: Tx, id: string, input: never): Promise<unknown>;
}

export function createImportsService(deps: {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  uploadsDir: string;
  maxBytes: number;
  warehouses: Sink;
  inventory: Sink;
  vehicles: Sink;
  clients: Sink;
  orders: Pick<OrdersService, 'createIn'>;
}) {
  const { db, jobs, maxBytes } = deps;
  const uploads = uploadFiles(deps.uploadsDir);
  const entitySinks = {
    warehouses: deps.warehouses,
    inventory: deps.inventory,
    vehicles: deps.vehicles,
    clients: deps.clients,
  };
  const sinks: RowSinks = {
    insert: (kind, tx, tenantId, input) =>
      kind === 'orders'
        ? deps.orders.createIn(tx, tenantId, input as OrderInput)
        : entitySinks[kind].insertIn(tx, tenantId, input as never),
    update: (kind, tx, id, input) => {
      if (kind === 'orders') throw new Error('orders are not updated by an import');
      return entitySinks[kind].updateIn(tx, id, input as never);
    },
  };

  /** Imports a file of `kind` in the request: its rows stored, its refused rows reported. */
  async function importEntities(
    principal: Principal,
    kind: EntityImportKind,
    upload: ImportUpload,
    formats: CellFormats,
  ) {
    const { name } = await uploads.store(upload, Math.min(maxBytes, ENTITY_IMPORT_MAX_BYTES));
    try {
      const { reader, mapping } = await openImport(uploads.path(name), kind);
      const read = rowReader(kind, mapping, formats);
      const rows: ReadRow[] = [];
      try {
        for await (const row of reader) {
          if (rows.length >= ENTITY_IMPORT_MAX_ROWS)
            throw new AppError(
              'payload_too_large',
              `The file has more than ${ENTITY_IMPORT_MAX_ROWS} rows: split it`,
            );
          if (row.problem)
            rows.push({ rowNo: row.rowNo, values: {}, errors: [{ column: '', message: row.problem }] });
          else rows.push({ rowNo: row.rowNo, ...read(row.cells) });
        }
      } catch (err) {
        if (err instanceof FileFormatError) throw badRequest(`The file cannot be imported: ${err.message}`);
        throw err;
      } finally {
        await reader.close();
      }
      const tally = await inCallerTenant(db, principal, (tx, tenantId) =>
        kind === 'orders'
          ? importOrderRows(tx, tenantId, mapping, rows, sinks)
          : importEntityRows(tx, tenantId, kind, mapping, rows, sinks),
      );
      return {
        kind,
        rows: rows.length,
        ...tally,
        errors: tally.errors.sort((a, b) => a.row - b.row),
        columns: { mapped: Object.fromEntries(mapping.header), ignored: mapping.ignored },
      };
    } finally {
      await uploads.remove(name);
    }
  }

  /** Stores a demand file, checks its columns and starts the job that imports it. */
  async function startDemandImport(principal: Principal, upload: ImportUpload, formats: CellFormats) {
    const { name, bytes } = await uploads.store(upload, maxBytes);
    try {
      const { reader } = await openImport(uploads.path(name), 'demand');
      await reader.close();
      const job = await jobs.submit(
        'supply.import-demand',
        { upload: name, bytes, ...formats },
        { tenantId: tenantOf(principal), createdBy: principal.userId },
      );
      return { jobId: job.id, bytes };
    } catch (err) {
      await uploads.remove(name);
      throw err;
    }
  }

  return {
    importEntities,
    startDemandImport,
    maxBytes,
    /** Defines the demand import job on the queue. */
    defineJobs(queue: Pick<Jobs, 'define'>) {
      queue.define(demandImportJob({ db, uploads }));
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
