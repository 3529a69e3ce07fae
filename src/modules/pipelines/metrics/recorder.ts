// The request recorder: `record` only validates and appends to an in-memory buffer (never blocks,
// never throws); a flush — every `intervalMs` after the first buffered row, at once when
// `batchSize` rows wait, and on stop — hands each tenant's rows to `write` (one set-based insert in
// the tenant's scope). A failed batch is kept and tried once more with the next flush, then
// dropped and counted. When the buffer holds `capacity` rows (the database is down or far too
// slow), the oldest row is dropped and counted, so memory stays bounded and requests never wait.
import type { FastifyBaseLogger } from 'fastify';
import { isUuid } from '../../../platform/db/scope.ts';
import { type CacheOutcome, GATEWAY_PROTOCOLS, type Recorder, type RequestRecord } from '../contracts.ts';

const CACHE_OUTCOMES: readonly CacheOutcome[] = ['off', 'miss', 'exact', 'semantic'];
const STATUSES: readonly RequestRecord['status'][] = ['ok', 'error', 'refused', 'budget', 'cancelled'];
const INT_MAX = 2_147_483_647;
/** Prompt and response text is cut to this many characters before it is stored. */
export const MAX_STORED_CHARS = 32_000;

export interface RecorderStats {
  /** Rows waiting for the next flush (including those to retry). */
  buffered: number;
  written: number;
  /** Rows a second failed write, a full buffer or a stopped recorder lost. */
  dropped: number;
  /** Rows whose first write failed (tried once more). */
  retried: number;
  /** Rows refused by validation (not a well-formed record). */
  invalid: number;
  flushes: number;
  failedWrites: number;
}

export interface BufferedRecorder extends Recorder {
  stats(): RecorderStats;
  /** Flushes what is buffered (retries included) and refuses rows from then on. */
  stop(): Promise<void>;
}

export interface RecorderOptions {
  /** Writes one tenant's rows; returns how many were written (rows of deleted pipelines are not). */
  write(tenantId: string, rows: RequestRecord[]): Promise<number>;
  /** Called after each flush with the rows written, by tenant (live push); its errors are logged. */
  onWritten?(byTenant: Map<string, RequestRecord[]>): Promise<void> | void;
  logger: Pick<FastifyBaseLogger, 'warn' | 'error'>;
  intervalMs?: number;
  batchSize?: number;
  capacity?: number;
}

const finite = (n: number, max = Number.MAX_VALUE) =>
  Number.isFinite(n) ? Math.min(Math.max(n, 0), max) : 0;
const int = (n: number) => Math.round(finite(n, INT_MAX));
const clip = (s: string | null) => (s === null ? null : s.slice(0, MAX_STORED_CHARS));
const uuidOrNull = (s: string | null) => (s !== null && isUuid(s) ? s : null);

/** A well-formed copy of the record (numbers finite and in range, text bounded), or null. */
export function sanitize(row: RequestRecord): RequestRecord | null {
  if (!row || !isUuid(row.tenantId) || !isUuid(row.workspaceId) || !isUuid(row.pipelineId)) return null;
  if (!(row.at instanceof Date) || Number.isNaN(row.at.getTime())) return null;
  if (!GATEWAY_PROTOCOLS.includes(row.protocol)) return null;
  if (!CACHE_OUTCOMES.includes(row.cache) || !STATUSES.includes(row.status)) return null;
  return {
    ...row,
    pipelineVersion: int(row.pipelineVersion),
    purpose: String(row.purpose).slice(0, 100),
    apiKeyId: uuidOrNull(row.apiKeyId),
    errorCode: row.errorCode === null ? null : String(row.errorCode).slice(0, 100),
    latencyMs: finite(row.latencyMs),
    upstreamMs: finite(row.upstreamMs),
    tokensIn: int(row.tokensIn),
    tokensOut: int(row.tokensOut),
    costUsd: finite(row.costUsd),
    tokensSaved: int(row.tokensSaved),
    costSavedUsd: finite(row.costSavedUsd),
    provider: row.provider === null ? null : String(row.provider).slice(0, 100),
    model: row.model === null ? null : String(row.model).slice(0, 200),
    cacheEntryId: uuidOrNull(row.cacheEntryId),
    prompt: clip(row.prompt),
    response: clip(row.response),
  };
}

export function createRecorder(options: RecorderOptions): BufferedRecorder {
  const { logger, intervalMs = 250, batchSize = 500, capacity = 50_000 } = options;
  let buffer: RequestRecord[] = [];
  /** Rows whose first write failed: tried with the next flush, then dropped. */
  let retry: RequestRecord[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  let droppedSinceLog = 0;
  const counts = { written: 0, dropped: 0, retried: 0, invalid: 0, flushes: 0, failedWrites: 0 };

  function schedule(delayMs: number) {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, delayMs);
    timer.unref();
  }

  function drop(n: number, why: string) {
    counts.dropped += n;
    droppedSinceLog += n;
    // One line per flush at most, not one per row.
    if (droppedSinceLog === n) logger.warn({ why }, 'request rows dropped');
  }

  async function writeBatch(rows: RequestRecord[], retried: RequestRecord[]) {
    const byTenant = new Map<string, RequestRecord[]>();
    for (const row of [...retried, ...rows]) {
      const list = byTenant.get(row.tenantId);
      if (list) list.push(row);
      else byTenant.set(row.tenantId, [row]);
    }
    const second = new Set(retried);
    const written = new Map<string, RequestRecord[]>();
    for (const [tenantId, list] of byTenant) {
      try {
        const n = await options.write(tenantId, list);
        counts.written += n;
        if (n < list.length) drop(list.length - n, 'their pipeline no longer exists');
        written.set(tenantId, list);
      } catch (err) {
        counts.failedWrites += 1;
        const again = list.filter((r) => !second.has(r));
        const lost = list.length - again.length;
        if (lost > 0) {
          logger.error({ err, tenantId, rows: lost }, 'request rows dropped after a second failed write');
          drop(lost, 'second failed write');
        }
        if (again.length > 0) {
          logger.warn({ err, tenantId, rows: again.length }, 'request rows not written; trying once more');
          counts.retried += again.length;
          retry.push(...again);
        }
      }
    }
    return written;
  }

  async function flushOnce() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const rows = buffer;
    const retried = retry;
    buffer = [];
    retry = [];
    droppedSinceLog = 0;
    if (rows.length === 0 && retried.length === 0) return;
    counts.flushes += 1;
    const written = await writeBatch(rows, retried);
    if (retry.length > 0 || buffer.length > 0) schedule(intervalMs);
    if (written.size > 0 && options.onWritten) {
      try {
        await options.onWritten(written);
      } catch (err) {
        logger.warn({ err }, 'live metrics not pushed');
      }
    }
  }

  function flush(): Promise<void> {
    chain = chain.then(flushOnce, flushOnce);
    return chain;
  }

  return {
    record(row) {
      try {
        if (stopped) {
          drop(1, 'the recorder is stopped');
          return;
        }
        const clean = sanitize(row);
        if (!clean) {
          counts.invalid += 1;
          logger.warn('a malformed request record was not recorded');
          return;
        }
        if (buffer.length + retry.length >= capacity) {
          if (buffer.length > 0) buffer.shift();
          else retry.shift();
          drop(1, 'the buffer is full');
        }
        buffer.push(clean);
        if (buffer.length >= batchSize) void flush();
        else schedule(intervalMs);
      } catch (err) {
        logger.error({ err }, 'recording a request failed');
      }
    },
    async flush() {
      await flush();
    },
    stats: () => ({ buffered: buffer.length + retry.length, ...counts }),
    async stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await flush();
      // Rows that failed just now get their second try before the recorder goes.
      if (retry.length > 0) await flush();
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
