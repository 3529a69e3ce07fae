// Work-order import, the job side: the kept file is read as a stream, each row converted by the
// mapping and validated, accepted rows stored set-based in batches (operation rows first rolled up
// to work orders), rejected rows recorded with their reasons. The import is `processing` until the
// last batch is in, and only then `completed`; a failed attempt's rows are deleted when the next
// one starts (or, on the last attempt, at once), so a half-imported file is never a completed import.
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/scope.ts';
import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { innermostMessage } from '../../platform/observability/safe-error.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { CANONICAL_FIELDS } from './canonical.ts';
import type { OpenedFile, RowReader } from './file-head.ts';
import { chunkOf, type FrameStore, type FrameWriter } from './frame-snapshot.ts';
import {
  clearImportRows,
  findImport,
  type ImportRow,
  insertErrors,
  insertWorkOrders,
  type RowError,
  updateImport,
} from './imports.repo.ts';
import { markProfileUsed } from './profiles.repo.ts';
import { WorkOrderBatch } from './work-order-batch.ts';

export interface ImportJobPayload {
  importId: string;
}

declare module '../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'analytics.import': ImportJobPayload;
  }
}

/** Work orders per insert statement (and transaction). */
export const IMPORT_BATCH = 5000;
/** Batches being stored at once (more only queue on the embedded database's one connection). */
const IN_FLIGHT = 2;
/** Row errors kept per import (all are counted). */
export const MAX_STORED_ERRORS = 100_000;
/** Retries after the first attempt. */
const RETRY_LIMIT = 2;
/** Progress is stored and pushed at most this often. */
const PROGRESS_MS = 500;

const count = (n: number) => n.toLocaleString('en');

export function importWorkOrdersJob(deps: {
  db: Db;
  files: FileStore;
  reader: RowReader;
  realtime: Pick<Realtime, 'publish'>;
  /** Where the import writes its frame snapshot (none without). */
  frames?: FrameStore;
  /** A completed import is analysed (issue 14): starts its analysis. */
  onCompleted?: (tenantId: string, importId: string, createdBy: string | null) => Promise<{ id: string }>;
}): JobDefinition<'analytics.import'> {
  const { db, files, reader, realtime, frames, onCompleted } = deps;

  const push = (
    tenantId: string,
    row: ImportRow,
    type: string,
    percent: number,
    analysisId: string | null = null,
  ) =>
    inTenant(db, tenantId, (tx) =>
      realtime.publish(tx, tenantId, [`import:${row.id}`], {
        id: `${row.id}:${Date.now()}`,
        type,
        occurredAt: new Date().toISOString(),
        data: {
          importId: row.id,
          status: row.status,
          percent: Math.round(percent),
          rowsRead: row.rowsRead,
          rowsAccepted: row.rowsAccepted,
          rowsRejected: row.rowsRejected,
          workOrders: row.workOrders,
          errorMessage: row.errorMessage,
          /** Completed imports: the analysis that started on them. */
          analysisId,
        },
      }),
    );

  return {
    name: 'analytics.import',
    retryLimit: RETRY_LIMIT,
    retryDelaySeconds: 5,
    timeoutSeconds: 4 * 3600,
    async run({ importId }, ctx) {
      const { tenantId } = ctx;
      const t0 = Date.now();
      const lastAttempt = ctx.attempt > RETRY_LIMIT;
      const begun = await inTenant(db, tenantId, async (tx) => {
        const row = await findImport(tx, importId, true);
        if (!row || row.status === 'completed' || row.status === 'failed') return undefined;
        await clearImportRows(tx, importId); // what an earlier attempt stored
        return updateImport(tx, importId, {
          status: 'processing',
          startedAt: new Date(),
          rowsRead: 0,
          rowsAccepted: 0,
          rowsRejected: 0,
          workOrders: 0,
          errorMessage: null,
        });
      });
      if (!begun) return { skipped: true };
      const scope = { tenantId, importId, facilityId: begun.facilityId };
      const tally = { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0 };
      const timings: Record<string, number> = {};
      let batch = new WorkOrderBatch(IMPORT_BATCH);
      let errors: RowError[] = [];
      let storedErrors = 0;
      let lastProgress = 0;
      let stored = 0;

      const storing: Promise<void>[] = [];
      let opened: OpenedFile | undefined;
      let frameOut: FrameWriter | undefined;
      try {
        const path = await files.localPath(`${tenantId}/${begun.fileHash}`);
        const file = await reader.open(path, { sheet: begun.sheet ?? undefined });
        opened = file;
        const { convert, formats } = await reader.converter(file, begun.mappings, ctx.signal);
        timings.detectMs = Date.now() - t0;
        const failOnReject = begun.rejectPolicy === 'fail';
        const rollup =
          begun.granularity === 'operation' ? reader.rollup(begun.mappings, begun.aggregationStrategy) : null;
        // The frame snapshot (frame-snapshot.ts) of a file whose work orders are its rows, in order;
        // an operation-level file's orders come out of the roll-up in no row order, and are read
        // from the rows.
        const keys = CANONICAL_FIELDS.map((f) => f.key).filter((k) =>
          begun.mappings.some((m) => m.field === k),
        );
        frameOut = rollup ? undefined : await frames?.writer(tenantId, importId, keys).catch(() => undefined);

        // Batches are stored while the next ones are read and converted (up to IN_FLIGHT at once,
        // each its own transaction): the database and this thread work at the same time. A batch's
        // failure surfaces at a later flush (or the last) and fails the run.
        const store = async (keep: WorkOrderBatch, rows: RowError[], force: boolean) => {
          const snapshot = { ...tally };
          const { row, inserted } = await inTenant(db, tenantId, async (tx) => {
            const inserted = await insertWorkOrders(tx, scope, keep, { ids: frameOut !== undefined });
            stored += keep.length; // after the await: batches are stored concurrently
            await insertErrors(tx, tenantId, importId, rows);
            return { row: await updateImport(tx, importId, { ...snapshot, workOrders: stored }), inserted };
          });
          // Committed: the batch joins the frame snapshot (its loader puts the chunks in row order).
          if (keep.length > 0 && inserted.ids) await frameOut?.append(chunkOf(keys, inserted.ids, inserted));
          if (force || Date.now() - lastProgress > PROGRESS_MS) {
            lastProgress = Date.now();
            const percent = Math.min(99, file.fraction() * (rollup ? 90 : 100));
            await ctx.progress(
              percent,
              `${count(snapshot.rowsRead)} rows read: ${count(snapshot.rowsAccepted)} accepted, ${count(snapshot.rowsRejected)} rejected`,
            );
            await push(tenantId, row, 'ImportProgress', percent);
          }
        };
        const flush = async (force: boolean) => {
          ctx.signal.throwIfAborted();
          const keep = failOnReject && tally.rowsRejected > 0 ? new WorkOrderBatch(0) : batch;
          const rows = errors;
          batch = new WorkOrderBatch(IMPORT_BATCH);
          errors = [];
          const w0 = performance.now();
          while (storing.length >= IN_FLIGHT) await storing.shift();
          timings.waitMs = (timings.waitMs ?? 0) + Math.round(performance.now() - w0);
          const next = store(keep, rows, force);
          next.catch(() => {}); // awaited (and thrown) at a later flush
          storing.push(next);
          if (force) while (storing.length > 0) await storing.shift();
        };
        const reject = (e: RowError) => {
          if (storedErrors < MAX_STORED_ERRORS) {
            errors.push(e);
            storedErrors++;
          }
        };

        for await (const records of file.batches())
          for (const record of records) {
            tally.rowsRead++;
            if (record.problem) {
              tally.rowsRejected++;
              reject({ rowNo: record.rowNo, columnName: null, value: null, reason: record.problem });
            } else {
              const out = convert(record.cells);
              for (const e of out.errors)
                reject({ rowNo: record.rowNo, columnName: e.column, value: e.value, reason: e.reason });
              if (!out.ok) tally.rowsRejected++;
              else {
                tally.rowsAccepted++;
                if (rollup) rollup.add(record.rowNo, out.values, out.extra);
                else
                  batch.add({ rowNo: record.rowNo, operations: null, values: out.values, extra: out.extra });
              }
            }
            if (batch.length >= IMPORT_BATCH || errors.length >= IMPORT_BATCH) await flush(false);
          }
        await flush(true);
        timings.rowsMs = Date.now() - t0 - timings.detectMs;
        if (rollup && !(failOnReject && tally.rowsRejected > 0)) {
          for (const order of rollup.results()) {
            batch.add(order);
            if (batch.length >= IMPORT_BATCH) await flush(false);
          }
          await flush(true);
          timings.rollupMs = Date.now() - t0 - timings.detectMs - timings.rowsMs;
        }
        timings.totalMs = Date.now() - t0;

        const failed = failOnReject && tally.rowsRejected > 0;
        // The snapshot counts once the completion records it; a snapshot that could not be written
        // costs the analyses their speed, never the import.
        const frame = failed
          ? await frameOut
              ?.discard()
              .catch(() => {})
              .then(() => null)
          : await frameOut?.finish().catch(() => null);
        const done = await inTenant(db, tenantId, async (tx) => {
          if (failed) await clearImportRows(tx, importId, { keepErrors: true });
          if (begun.profileId && !failed) await markProfileUsed(tx, begun.profileId);
          return updateImport(tx, importId, {
            ...tally,
            workOrders: failed ? 0 : stored,
            frame: frame?.rows === stored ? frame : null,
            status: failed ? 'failed' : 'completed',
            errorMessage: failed
              ? `${count(tally.rowsRejected)} of ${count(tally.rowsRead)} rows were rejected and this import fails on rejected rows: see its errors, correct the file or the mapping, and reprocess`
              : null,
            detected: { ...(begun.detected ?? {}), columns: formats },
            timings,
            completedAt: new Date(),
          });
        });
        await ctx.progress(
          100,
          `Done: ${count(tally.rowsAccepted)} rows accepted, ${count(tally.rowsRejected)} rejected`,
        );
        // The import is complete whatever happens to its analysis; one can be started again by hand.
        // The analysis exists before ImportCompleted is pushed, so the event can name it.
        const analysis =
          !failed && onCompleted
            ? await onCompleted(tenantId, importId, begun.createdBy).catch(async (err) => {
                const why = innermostMessage(err).slice(0, 200);
                await ctx
                  .progress(100, `Imported; the analysis could not be started: ${why}`)
                  .catch(() => {});
                return null;
              })
            : null;
        await push(tenantId, done, failed ? 'ImportFailed' : 'ImportCompleted', 100, analysis?.id ?? null);
        return { importId, status: done.status, ...tally, workOrders: done.workOrders, timings };
      } catch (err) {
        // A batch still being stored commits or fails before the clean-up runs, or its rows would
        // outlive it (the clean-up cannot see an uncommitted insert).
        await Promise.allSettled(storing);
        await opened?.close().catch(() => {});
        await frameOut?.discard().catch(() => {});
        const reason = innermostMessage(err).replaceAll('\u0000', '');
        const row = await inTenant(db, tenantId, async (tx) => {
          if (lastAttempt) await clearImportRows(tx, importId, { keepErrors: false });
          return updateImport(tx, importId, {
            status: lastAttempt ? 'failed' : 'processing',
            errorMessage: lastAttempt
              ? `The import failed: ${reason.slice(0, 500)}. Nothing of it is kept; reprocess it to try again.`
              : `Attempt ${ctx.attempt} failed (${reason.slice(0, 300)}); it will be retried from the start`,
          });
        }).catch(() => undefined);
        if (row)
          await push(tenantId, row, lastAttempt ? 'ImportFailed' : 'ImportProgress', 0).catch(() => {});
        throw err;
      }
    },
  };
}
