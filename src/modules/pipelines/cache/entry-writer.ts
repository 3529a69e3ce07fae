// The cache's write-behind queue (cache.service.ts): a stored answer is queued here and written
// with one upsert per tenant (at most STATEMENT_ROWS rows a statement) when the service's timer
// flushes, or as soon as a tenant has STORE_BATCH entries waiting. Writes run one after the other.
// A batch that fails is queued again once, then dropped with a warning (a lost entry only means a
// later miss). Invalidations drop queued entries they cover (`unqueue`) and wait for the batch being
// written (`settled`) before they delete, so an invalidated entry cannot come back from a late write.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/database.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import * as repo from './cache.repo.ts';

/** A tenant with this many entries waiting is written without waiting for the timer. */
export const STORE_BATCH = 500;
/** Rows per insert statement (parameters stay far below PostgreSQL's 65,535). */
const STATEMENT_ROWS = 1000;

export type EntryRow = Parameters<typeof repo.upsertEntries>[1][number];

export interface QueuedEntry {
  row: EntryRow;
  /** 0: not tried yet; 1: its first batch failed. */
  attempt: number;
}

export function createEntryWriter({ db, logger }: { db: Db; logger: Pick<FastifyBaseLogger, 'warn'> }) {
  /** tenantId → `${pipelineId}:${keyHash}` → the entry to write (the latest store of the key). */
  let queuedEntries = new Map<string, Map<string, QueuedEntry>>();
  /** Ids of the batch being written (a reload must not drop them from memory). */
  let writingIds = new Set<string>();
  /** The entry writes, one after the other; `nextWrite` is one not started yet. */
  let writing: Promise<void> = Promise.resolve();
  let nextWrite: Promise<void> | null = null;

  function queue(tenantId: string, entry: QueuedEntry): void {
    let tenant = queuedEntries.get(tenantId);
    if (!tenant) {
      tenant = new Map();
      queuedEntries.set(tenantId, tenant);
    }
    const key = `${entry.row.pipelineId}:${entry.row.keyHash}`;
    // A retried entry never replaces a newer store of the same request.
    if (entry.attempt > 0 && tenant.has(key)) return;
    tenant.set(key, entry);
    if (tenant.size >= STORE_BATCH) void flushEntries();
  }

  /** Drops the queued entries of a tenant that `covered` selects. */
  function unqueue(tenantId: string, covered: (row: EntryRow) => boolean): QueuedEntry[] {
    const tenant = queuedEntries.get(tenantId);
    const dropped: QueuedEntry[] = [];
    for (const [key, queued] of tenant ?? []) {
      if (!covered(queued.row)) continue;
      tenant?.delete(key);
      dropped.push(queued);
    }
    return dropped;
  }

  /** Writes the queued entries (after any write already running); resolves when they are. */
  function flushEntries(): Promise<void> {
    if (nextWrite) return nextWrite;
    const run = writing.then(() => {
      nextWrite = null;
      return writeEntries();
    });
    nextWrite = run;
    writing = run;
    return run;
  }

  async function writeEntries(): Promise<void> {
    const batch = queuedEntries;
    queuedEntries = new Map();
    for (const [tenantId, entries] of batch) {
      const all = [...entries.values()];
      for (let from = 0; from < all.length; from += STATEMENT_ROWS) {
        const part = all.slice(from, from + STATEMENT_ROWS);
        writingIds = new Set(part.map((e) => e.row.id));
        try {
          await inTenant(db, tenantId, (tx) =>
            repo.upsertEntries(
              tx,
              part.map((e) => e.row),
            ),
          );
        } catch (error) {
          const retried = part.filter((e) => e.attempt === 0);
          for (const e of retried) queue(tenantId, { row: e.row, attempt: 1 });
          logger.warn(
            { err: error, tenantId, entries: part.length, dropped: part.length - retried.length },
            retried.length === part.length
              ? 'cache entries not written; retried with the next batch'
              : 'cache entries not written; dropped',
          );
        } finally {
          writingIds = new Set();
        }
      }
    }
  }

  return {
    queue,
    unqueue,
    /** Whether entries wait to be written (a retried batch included). */
    pending(): boolean {
      for (const tenant of queuedEntries.values()) if (tenant.size > 0) return true;
      return false;
    },
    /** Writes the queued entries (after any write already running); resolves when they are. */
    flush: flushEntries,
    /** Resolves when the writes started so far have ended. */
    settled: (): Promise<void> => writing,
    /** Whether the entry is queued or being written (not in the table yet). */
    unwritten(tenantId: string, id: string): boolean {
      if (writingIds.has(id)) return true;
      for (const queued of queuedEntries.get(tenantId)?.values() ?? []) if (queued.row.id === id) return true;
      return false;
    },
  };
}
