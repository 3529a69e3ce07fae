import type { Db } from '../../../platform/db/database.ts';
import { inTenant, readInTenant } from '../../../platform/db/scope.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { innermostMessage } from '../../../platform/observability/safe-error.ts';
import { bucketOf, bucketStart } from './buckets.ts';
import { DaySets } from './day-set.ts';
import { type DemandBatch, pairsWithoutInventory, upsertDemand } from './demand.repo.ts';
import { warehouseIdsByCode } from './entities.repo.ts';
import { type CellFormats, type ColumnMapping, type RowReader, rowReader } from './imports.csv.ts';
import { openImport, type UploadFiles } from './uploads.ts';

// Demand history import, the job side: the stored file is read as a stream and its rows (SKU,
// warehouse code, date, quantity, promotion flag) written in batches, each its own transaction.
// A (warehouse, SKU, day) already stored takes the file's figure; the same day given twice in the
// file is summed. A retry starts over from the top, which gives the same result: the first row of
// a day replaces, the later ones add. Rows that cannot be read are counted and the first 100 kept
// (row, column, why); the rest of the file is imported all the same.

export interface DemandImportPayload extends CellFormats {
  /** The upload's file name. */
  upload: string;
  bytes: number;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'supply.import-demand': DemandImportPayload;
  }
}

/** Distinct (warehouse, SKU, day) entries per transaction. */
export const DEMAND_BATCH = 20_000;
const RETRY_LIMIT = 2;
const MAX_ERRORS = 100;

interface DemandDay {
  warehouseId: string;
  sku: string;
  /** Days since 1970-01-01. */
  day: number;
  quantity: number;
  promotion: boolean;
}

interface Entry extends DemandDay {
  /** Written before by this import: added to what is stored rather than replacing it. */
  add: boolean;
}

interface RowError {
  row: number;
  column: string;
  message: string;
}

const count = (n: number) => n.toLocaleString('en');

function batchOf(entries: Entry[]): DemandBatch {
  return {
    warehouseIds: entries.map((e) => e.warehouseId),
    skus: entries.map((e) => e.sku),
    days: entries.map((e) => e.day),
    quantities: entries.map((e) => e.quantity),
    promotions: entries.map((e) => e.promotion),
  };
}

/** Reads a row of the file as a demand day, or says which column refuses it and why. */
function demandDayReader(read: RowReader, mapping: ColumnMapping, warehouses: Map<string, string>) {
  const column = (field: string) => mapping.header.get(field) ?? field;
  return (cells: string[]): DemandDay | { column: string; message: string } => {
    const { values, errors } = read(cells);
    const warehouseId = warehouses.get(String(values.warehouse ?? ''));
    if (values.warehouse !== undefined && !warehouseId)
      errors.push({
        column: column('warehouse'),
        message: `Unknown warehouse code ${String(values.warehouse)}`,
      });
    if (typeof values.quantity === 'number' && values.quantity < 0)
      errors.push({ column: column('quantity'), message: 'is negative' });
    const problem = errors[0];
    if (problem || !warehouseId) return problem ?? { column: column('warehouse'), message: 'is empty' };
    return {
      warehouseId,
      sku: String(values.sku),
      day: bucketOf('day', String(values.day)),
      quantity: values.quantity as number,
      promotion: values.promotion === true,
    };
  };
}

/**
 * Demand days gathered into batches of distinct (warehouse, SKU, day), each written in a
 * transaction of its own when it fills: a day's first row replaces what is stored, later rows of
 * the same day (in this batch or a later one) add to it.
 */
function demandWriter(db: Db, tenantId: string) {
  const seen = new DaySets();
  let batch = new Map<string, Entry>();
  const stats = { stored: 0, summed: 0, first: Number.POSITIVE_INFINITY, last: Number.NEGATIVE_INFINITY };
  const flush = async () => {
    const entries = [...batch.values()];
    batch = new Map();
    await inTenant(db, tenantId, async (tx) => {
      await upsertDemand(tx, batchOf(entries.filter((e) => !e.add)), 'replace');
      await upsertDemand(tx, batchOf(entries.filter((e) => e.add)), 'add');
    });
    stats.stored += entries.filter((e) => !e.add).length;
  };
  return {
    stats,
    flush,
    /** Adds a day; true when the batch is full (then flush it). */
    add(day: DemandDay): boolean {
      const repeated = seen.mark(`${day.warehouseId}\t${day.sku}`, day.day);
      if (repeated) stats.summed++;
      const key = `${day.warehouseId}\t${day.sku}\t${day.day}`;
      const entry = batch.get(key);
      if (entry) {
        entry.quantity += day.quantity;
        entry.promotion ||= day.promotion;
      } else batch.set(key, { ...day, add: repeated });
      stats.first = Math.min(stats.first, day.day);
      stats.last = Math.max(stats.last, day.day);
      return batch.size >= DEMAND_BATCH;
    },
    /** The (warehouse, SKU) series the file held. */
    series: () =>
      [...seen.keys()].map((key) => {
        const [warehouseId = '', sku = ''] = key.split('\t');
        return { warehouseId, sku };
      }),
  };
}

export function demandImportJob(deps: {
  db: Db;
  uploads: UploadFiles;
}): JobDefinition<'supply.import-demand'> {
  const { db, uploads } = deps;
  return {
    name: 'supply.import-demand',
    retryLimit: RETRY_LIMIT,
    retryDelaySeconds: 5,
    timeoutSeconds: 4 * 3600,
    async run(payload, ctx) {
      const lastAttempt = ctx.attempt > RETRY_LIMIT;
      const writer = demandWriter(db, ctx.tenantId);
      const tally = { rows: 0, rejected: 0, errors: [] as RowError[] };
      let bytesRead = 0;
      const summary = () =>
        `${count(tally.rows)} rows read: ${count(writer.stats.stored)} days stored, ${count(tally.rejected)} rows refused`;
      const flush = async () => {
        ctx.signal.throwIfAborted();
        await writer.flush();
        await ctx.progress(Math.min(99, (bytesRead / Math.max(1, payload.bytes)) * 100), summary());
      };
      try {
        const warehouses = await readInTenant(db, ctx.tenantId, (tx) => warehouseIdsByCode(tx));
        const { reader, mapping } = await openImport(uploads.path(payload.upload), 'demand');
        const dayOf = demandDayReader(rowReader('demand', mapping, payload), mapping, warehouses);
        for await (const rows of reader.batches()) {
          for (const row of rows) {
            tally.rows++;
            // About the row's size in the file (quotes and multi-byte letters aside): for progress.
            for (const cell of row.cells) bytesRead += cell.length + 1;
            const day = row.problem ? { column: '', message: row.problem } : dayOf(row.cells);
            if ('message' in day) {
              tally.rejected++;
              if (tally.errors.length < MAX_ERRORS) tally.errors.push({ row: row.rowNo, ...day });
            } else if (writer.add(day)) await flush();
          }
        }
        await flush();
      } catch (err) {
        if (lastAttempt) await uploads.remove(payload.upload);
        throw new Error(
          `Demand import stopped after ${count(tally.rows)} rows (${count(writer.stats.stored)} days stored): ${innermostMessage(err)}. ` +
            (lastAttempt
              ? 'Importing the file again is safe: stored days take the file’s figures.'
              : 'It will be retried from the top.'),
        );
      }
      await uploads.remove(payload.upload);
      const series = writer.series();
      const unstocked = await readInTenant(db, ctx.tenantId, (tx) => pairsWithoutInventory(tx, series));
      await ctx.progress(100, `Done: ${summary()}`);
      const { stored, summed, first, last } = writer.stats;
      return {
        ...tally,
        stored,
        summed,
        errors: tally.errors.sort((a, b) => a.row - b.row),
        series: series.length,
        from: Number.isFinite(first) ? bucketStart('day', first) : null,
        to: Number.isFinite(last) ? bucketStart('day', last) : null,
        /** Series without an inventory row: stored, but shown nowhere until the row exists. */
        withoutInventory: { count: unstocked.length, first: unstocked.slice(0, 20) },
      };
    },
  };
}
