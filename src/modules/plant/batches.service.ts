import type { Principal } from '../../platform/auth/principal.ts';
import { type Compute, computeTask } from '../../platform/compute/compute.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inSequence } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import { badRequest, conflict, conflictOnUnique, notFound } from '../../platform/http/errors.ts';
import { facilityInScope } from '../identity/index.ts';
import {
  type BatchCursor,
  type BatchFilter,
  type BatchInsert,
  type BatchRow,
  type BatchView,
  batchesAfter,
  findBatch,
  insertBatches,
  insertBatchUnlessCodeTaken,
  listBatches,
  lockBatch,
  runningBatchOf,
  saveOee,
  updateBatch,
} from './batches.repo.ts';
import { dayOccurrences, localDay, shiftOccurrences } from './calendar.ts';
import { checkEventTime } from './event-time.ts';
import { findLine, type LineRow, listReasons, lockLine, statusSpans } from './lines.repo.ts';
import type { LinesService } from './lines.service.ts';
import type { BatchOee, computeBatchOee } from './oee.ts';
import { oeeRows } from './oee-rows.ts';
import { DEFAULT_REASON_OF_STATUS, type LineStatus } from './reasons.ts';
import { listShifts } from './shifts.repo.ts';

export type BatchInput = Pick<
  BatchInsert,
  | 'lineId'
  | 'productSku'
  | 'productName'
  | 'plannedQuantity'
  | 'idealCycleSeconds'
  | 'plannedStart'
  | 'plannedEnd'
  | 'labourRate'
  | 'materialCostPerUnit'
  | 'notes'
> & { code?: string | undefined };

export interface Completion {
  goodCount: number;
  scrapCount: number;
  reworkCount: number;
  labourHours: number;
  at?: Date | undefined;
}

const BATCH_OEE = computeTask<typeof computeBatchOee>(
  new URL('./oee.ts', import.meta.url),
  'computeBatchOee',
);

/** Fields that may change until a batch completes; afterwards only its notes. */
const EDITABLE_UNTIL_COMPLETED = [
  'productSku',
  'productName',
  'plannedQuantity',
  'idealCycleSeconds',
  'plannedStart',
  'plannedEnd',
  'labourRate',
  'materialCostPerUnit',
] as const;

const GENERATED_CODE_DRAWS = 5;
const batchCode = () =>
  `B-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}-${Math.floor(Math.random() * 1e4)
    .toString()
    .padStart(4, '0')}`;

/** Everything OEE needs about a batch window: downtime, shift calendar, time zone. */
export async function loadOeeFacts(tx: Tx, line: LineRow, window: { start: number; end: number }) {
  const facility = await facilityInScope(tx, line.facilityId);
  const timezone = facility?.timezone ?? 'UTC';
  const [spans, reasons, calendar] = await inSequence(
    statusSpans(tx, [line.id], new Date(window.start), new Date(window.end)),
    listReasons(tx),
    listShifts(tx, line.facilityId, true),
  );
  const planned = new Map(reasons.map((r) => [r.code, r.planned]));
  const downtime = spans
    .filter((s) => s.status !== 'running')
    .map((s) => {
      const code = s.reasonCode ?? DEFAULT_REASON_OF_STATUS[s.status as Exclude<LineStatus, 'running'>];
      return {
        start: s.startedAt.getTime(),
        end: (s.endedAt ?? new Date(window.end)).getTime(),
        reasonCode: code,
        planned: planned.get(code) ?? false,
      };
    });
  const periods =
    calendar.length > 0 ? shiftOccurrences(calendar, window, timezone) : dayOccurrences(window, timezone);
  return { downtime, periods, calendar: calendar.length > 0, offShiftDay: localDay(window.start, timezone) };
}

export function createBatchesService(deps: {
  db: Db;
  events: Pick<Events, 'record'>;
  lines: LinesService;
  compute: Pick<Compute, 'run'>;
  maxBackdateDays: number;
  /** Draws a code for a batch created without one (tests give a predictable one). */
  drawCode?: () => string;
}) {
  const { db, events, lines, compute, maxBackdateDays, drawCode = batchCode } = deps;

  async function locked(tx: Tx, id: string): Promise<BatchRow> {
    const batch = await lockBatch(tx, id);
    if (!batch) throw notFound('Batch');
    return batch;
  }

  const announce = (tx: Tx, batch: BatchRow, type: string, data: Record<string, unknown>) =>
    events.record(tx, {
      tenantId: batch.tenantId,
      aggregateType: 'batch',
      aggregateId: batch.id,
      type,
      data: {
        batchId: batch.id,
        lineId: batch.lineId,
        code: batch.code,
        productSku: batch.productSku,
        ...data,
      },
      topics: [`line:${batch.lineId}`],
    });

  function create(principal: Principal, input: BatchInput) {
    return inCallerTenant(db, principal, async (tx, tenantId) => {
      const line = await findLine(tx, input.lineId);
      if (!line) throw badRequest('Unknown lineId');
      if (input.plannedStart && input.plannedEnd && input.plannedEnd <= input.plannedStart) {
        throw badRequest('plannedEnd must be after plannedStart');
      }
      const values = { ...input, tenantId, facilityId: line.facilityId, createdBy: principal.userId };
      let batch: BatchRow | undefined;
      if (input.code !== undefined) {
        const code = input.code;
        [batch] = await insertBatches(tx, [{ ...values, code }]).catch(
          conflictOnUnique(`A batch with code ${code} already exists`),
        );
      } else {
        // A generated code that another batch of the same second drew is drawn again.
        for (let draw = 0; draw < GENERATED_CODE_DRAWS && !batch; draw += 1) {
          [batch] = await insertBatchUnlessCodeTaken(tx, { ...values, code: drawCode() });
        }
      }
      if (!batch) throw new Error('batch not inserted');
      await announce(tx, batch, 'BatchCreated', { plannedQuantity: batch.plannedQuantity });
      return (await findBatch(tx, batch.id)) as BatchView;
    });
  }

  const list = (principal: Principal, filter: BatchFilter) =>
    readInCallerTenant(db, principal, (tx) => listBatches(tx, filter));

  /** A page of the list after a keyset cursor (exports read every page this way). */
  const listAfter = (
    principal: Principal,
    filter: Omit<BatchFilter, 'limit' | 'offset'>,
    after: BatchCursor | undefined,
    size: number,
  ) => readInCallerTenant(db, principal, (tx) => batchesAfter(tx, filter, after, size));

  const get = (principal: Principal, id: string) =>
    readInCallerTenant(db, principal, async (tx) => {
      const found = await findBatch(tx, id);
      if (!found) throw notFound('Batch');
      return found;
    });

  const update = (principal: Principal, id: string, patch: Partial<BatchInput>) =>
    inCallerTenant(db, principal, async (tx) => {
      const batch = await locked(tx, id);
      const frozen = EDITABLE_UNTIL_COMPLETED.filter((k) => patch[k] !== undefined);
      if (batch.status === 'completed' && frozen.length > 0) {
        throw conflict(`The batch is completed; only its notes can change (not ${frozen.join(', ')})`);
      }
      const { lineId: _ignored, code: _code, ...fields } = patch;
      const plannedStart = fields.plannedStart !== undefined ? fields.plannedStart : batch.plannedStart;
      const plannedEnd = fields.plannedEnd !== undefined ? fields.plannedEnd : batch.plannedEnd;
      if (plannedStart && plannedEnd && plannedEnd <= plannedStart) {
        throw badRequest('plannedEnd must be after plannedStart');
      }
      await updateBatch(tx, id, fields);
      return (await findBatch(tx, id)) as BatchView;
    });

  const start = (principal: Principal, id: string, at?: Date) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      const batch = await locked(tx, id);
      if (batch.status !== 'planned')
        throw conflict(`The batch is already ${batch.status}; it can start only once`);
      const startedAt = at ?? new Date();
      checkEventTime(startedAt, maxBackdateDays);
      // The line lock serialises starts and status changes of one line.
      const line = await lockLine(tx, batch.lineId);
      const other = await runningBatchOf(tx, batch.lineId);
      if (other) throw conflict(`Batch ${other.code} is still running on this line; complete it first`);
      // An idle line starts running with the batch (not when the start is logged before the line's
      // current status began: the status history only moves forward).
      if (line?.status === 'idle' && startedAt >= line.statusSince) {
        await lines.applyStatus(
          tx,
          tenantId,
          line,
          { status: 'running', at: startedAt, note: `batch ${batch.code} started` },
          principal.userId,
        );
      }
      const started = await updateBatch(tx, id, { status: 'running', startedAt }).catch(
        conflictOnUnique('Another batch is already running on this line'),
      );
      await announce(tx, started, 'BatchStarted', { startedAt: startedAt.toISOString() });
      return (await findBatch(tx, id)) as BatchView;
    });

  const complete = (principal: Principal, id: string, input: Completion) =>
    inCallerTenant(db, principal, async (tx) => {
      const batch = await locked(tx, id);
      if (batch.status === 'planned')
        throw conflict('The batch has not started; start it before completing it');
      if (batch.status === 'completed') throw conflict('The batch is already completed');
      const completedAt = input.at ?? new Date();
      const startedAt = batch.startedAt as Date;
      if (completedAt <= startedAt) throw badRequest('The completion time must be after the start');
      checkEventTime(completedAt, maxBackdateDays);
      const line = (await findLine(tx, batch.lineId)) as LineRow;
      const window = { start: startedAt.getTime(), end: completedAt.getTime() };
      // Off the event loop: a month-long batch has thousands of stops and ~100 shift occurrences.
      const oee = await compute.run(BATCH_OEE, {
        window,
        ...(await loadOeeFacts(tx, line, window)),
        idealCycleSeconds: batch.idealCycleSeconds,
        good: input.goodCount,
        scrap: input.scrapCount,
        rework: input.reworkCount,
        labourHours: input.labourHours,
        labourRate: batch.labourRate,
        materialCostPerUnit: batch.materialCostPerUnit,
      });
      const done = await updateBatch(tx, id, {
        status: 'completed',
        completedAt,
        goodCount: input.goodCount,
        scrapCount: input.scrapCount,
        reworkCount: input.reworkCount,
        labourHours: input.labourHours,
      });
      const rows = oeeRows(done, oee);
      await saveOee(tx, [rows.oee], rows.segments);
      await announce(tx, done, 'BatchCompleted', { completedAt: completedAt.toISOString(), ...summary(oee) });
      if (oee.scrapRate !== null && oee.scrapRate > line.scrapThreshold) {
        await announce(tx, done, 'ScrapDetected', {
          scrapRate: oee.scrapRate,
          threshold: line.scrapThreshold,
          scrapCount: input.scrapCount,
          totalCount: oee.totalCount,
        });
      }
      return (await findBatch(tx, id)) as BatchView;
    });

  return { create, list, listAfter, get, update, start, complete };
}

function summary(oee: BatchOee) {
  return {
    availability: oee.availability,
    performance: oee.performance,
    quality: oee.quality,
    oee: oee.oee,
    scrapRate: oee.scrapRate,
    performanceAboveIdeal: oee.performanceAboveIdeal,
  };
}

export type BatchesService = ReturnType<typeof createBatchesService>;
