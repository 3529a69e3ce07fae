import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { isForeignKeyViolation } from '../../platform/db/errors.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import { badRequest, conflict, conflictOnUnique, notFound } from '../../platform/http/errors.ts';
import { facilityInScope } from '../identity/index.ts';
import { completedBatchAfter, countBatchesOfLine, runningBatchOf } from './batches.repo.ts';
import { checkEventTime } from './event-time.ts';
import {
  appendStatus,
  deleteLine,
  findLine,
  findReason,
  insertLine,
  insertReasons,
  type LineFilter,
  type LineInsert,
  type LineRow,
  lineHistory,
  listLines,
  listReasons,
  lockLine,
  type ReasonRow,
  updateLine,
  updateReason,
} from './lines.repo.ts';
import { DEFAULT_REASON_OF_STATUS, DEFAULT_REASONS, type LineStatus } from './reasons.ts';

export type LineInput = Pick<
  LineInsert,
  'facilityId' | 'code' | 'name' | 'description' | 'oeeTarget' | 'scrapThreshold'
>;

export interface StatusChange {
  status: LineStatus;
  reasonCode?: string | undefined;
  note?: string | undefined;
  /** When it happened (default now): operators often log a stop after the fact. */
  at?: Date | undefined;
}

export function createLinesService({
  db,
  events,
  maxBackdateDays,
}: {
  db: Db;
  events: Pick<Events, 'record'>;
  maxBackdateDays: number;
}) {
  async function existing(tx: Tx, id: string): Promise<LineRow> {
    const line = await findLine(tx, id);
    if (!line) throw notFound('Line');
    return line;
  }

  const codeTaken = (err: unknown, code: string | undefined): never =>
    conflictOnUnique(`A line with code ${code} already exists in this facility`)(err);

  function create(principal: Principal, input: LineInput) {
    return inCallerTenant(db, principal, async (tx, tenantId) => {
      if (!(await facilityInScope(tx, input.facilityId))) throw badRequest('Unknown facilityId');
      // The first line of a tenant brings the default downtime reasons with it.
      await insertReasons(tx, tenantId, DEFAULT_REASONS);
      const line = await insertLine(tx, { ...input, tenantId }).catch((err) => codeTaken(err, input.code));
      await appendStatus(tx, {
        tenantId,
        lineId: line.id,
        status: line.status,
        // A new line has nothing to produce yet: a planned stop, not a loss.
        reasonCode: 'NO_DEMAND',
        note: 'line created',
        at: line.statusSince,
        changedBy: principal.userId,
      });
      return line;
    });
  }

  const list = (principal: Principal, filter: LineFilter) =>
    readInCallerTenant(db, principal, (tx) => listLines(tx, filter));

  const get = (principal: Principal, id: string) =>
    readInCallerTenant(db, principal, async (tx) => {
      const line = await existing(tx, id);
      return {
        line,
        currentBatch: (await runningBatchOf(tx, id)) ?? null,
        history: await lineHistory(tx, id, 20),
      };
    });

  const update = (principal: Principal, id: string, patch: Partial<Omit<LineInput, 'facilityId'>>) =>
    inCallerTenant(db, principal, async (tx) => {
      await existing(tx, id);
      return (await updateLine(tx, id, patch).catch((err) => codeTaken(err, patch.code))) as LineRow;
    });

  const remove = (principal: Principal, id: string) =>
    inCallerTenant(db, principal, async (tx) => {
      if (!(await lockLine(tx, id))) throw notFound('Line');
      const batches = await countBatchesOfLine(tx, id);
      if (batches > 0) {
        throw conflict(`The line has ${batches} batches; it cannot be deleted while batches reference it`);
      }
      await deleteLine(tx, id).catch((err) => {
        // A batch created on the line in the meantime.
        if (isForeignKeyViolation(err)) throw conflict('Batches reference the line; it cannot be deleted');
        throw err;
      });
    });

  /** Records a status change (closing the previous span) and announces it on the line's topic. */
  async function applyStatus(
    tx: Tx,
    tenantId: string,
    line: LineRow,
    change: StatusChange,
    userId: string | null,
  ) {
    const at = change.at ?? new Date();
    checkEventTime(at, maxBackdateDays);
    if (at < line.statusSince) {
      throw conflict(
        `The line has been ${line.status} since ${line.statusSince.toISOString()}; \`at\` must not be earlier`,
      );
    }
    // A completed batch's OEE is final: a change dated inside it would make it disagree with the
    // downtime the reports count.
    const settled = await completedBatchAfter(tx, line.id, at);
    if (settled) {
      throw conflict(
        `Batch ${settled.code} on this line completed at ${settled.completedAt?.toISOString()}, after \`at\`; its OEE is final — record the change at or after its completion`,
      );
    }
    let reasonCode: string | null = null;
    if (change.status !== 'running') {
      reasonCode = change.reasonCode ?? DEFAULT_REASON_OF_STATUS[change.status];
      const reason = await findReason(tx, reasonCode);
      if (!reason?.active) throw badRequest(`Unknown or inactive downtime reason ${reasonCode}`);
    }
    await appendStatus(tx, {
      tenantId,
      lineId: line.id,
      status: change.status,
      reasonCode,
      note: change.note ?? null,
      at,
      changedBy: userId,
    });
    const updated = (await updateLine(tx, line.id, {
      status: change.status,
      statusSince: at,
      statusReasonCode: reasonCode,
    })) as LineRow;
    const data = {
      lineId: line.id,
      status: change.status,
      previousStatus: line.status,
      reasonCode,
      note: change.note ?? null,
      at: at.toISOString(),
    };
    await events.record(tx, {
      tenantId,
      aggregateType: 'line',
      aggregateId: line.id,
      type: 'LineStatusChanged',
      data,
    });
    if (change.status === 'down') {
      await events.record(tx, {
        tenantId,
        aggregateType: 'line',
        aggregateId: line.id,
        type: 'LineDowntime',
        data,
      });
    }
    return updated;
  }

  const changeStatus = (principal: Principal, id: string, change: StatusChange) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      const line = await lockLine(tx, id);
      if (!line) throw notFound('Line');
      return applyStatus(tx, tenantId, line, change, principal.userId);
    });

  const reasons = (principal: Principal) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      const existing = await listReasons(tx);
      if (existing.length > 0) return existing;
      // A tenant without lines yet still sees the default catalogue (written once, not per read).
      await insertReasons(tx, tenantId, DEFAULT_REASONS);
      return listReasons(tx);
    });

  const addReason = (
    principal: Principal,
    input: Omit<ReasonRow, 'id' | 'tenantId' | 'createdAt' | 'active'>,
  ) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      const exists = `Downtime reason ${input.code} already exists`;
      if (await findReason(tx, input.code)) throw conflict(exists);
      // Two requests adding the same code at once: the second meets the unique index.
      const added = await insertReasons(tx, tenantId, [input], { onConflict: 'fail' }).catch(
        conflictOnUnique(exists),
      );
      return added[0] ?? ((await findReason(tx, input.code)) as ReasonRow);
    });

  const changeReason = (
    principal: Principal,
    code: string,
    patch: Partial<Pick<ReasonRow, 'label' | 'planned' | 'category' | 'active'>>,
  ) =>
    inCallerTenant(db, principal, async (tx) => {
      const updated = await updateReason(tx, code, patch);
      if (!updated) throw notFound('Downtime reason');
      return updated;
    });

  return {
    create,
    list,
    get,
    update,
    remove,
    changeStatus,
    applyStatus,
    reasons,
    addReason,
    changeReason,
    existing,
  };
}

export type LinesService = ReturnType<typeof createLinesService>;
