// CSV history import, the job side: the stored upload is read as a stream, line by line, and its
// readings go to ingest (the one path every reading takes) in batches of IMPORT_BATCH, each its own
// transaction. After every batch a checkpoint beside the file records how far the import got, so a
// retry (worker restart, timeout, database outage) resumes there; progress is pushed as it goes.
// Batches committed before a failure stay committed; importing the file again is safe, as
// readings already stored are rejected as `duplicate`. The file is removed when the job is done.
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { innermostMessage } from '../../platform/observability/safe-error.ts';
import { fieldsOf, type Header, type ImportFormat, linesOf, readHeader, readingsOf } from './import.csv.ts';
import type { UploadStore } from './import.service.ts';
import type { Ingest, ReadingInput } from './ingest.service.ts';

export interface ImportPayload {
  /** The upload's file name in the upload store. */
  upload: string;
  format: ImportFormat;
  facilityId: string | null;
  /** Size of the file. */
  bytes: number;
}

declare module '../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'telemetry.import-csv': ImportPayload;
  }
}

/** Readings per ingest call (one transaction each). */
export const IMPORT_BATCH = 20_000;
/** Retries after the first attempt; the file is kept until the last one. */
const RETRY_LIMIT = 2;
const MAX_ERRORS = 100;
const READ_CHUNK = 256 * 1024;

export interface ImportError {
  line: number;
  reason: string;
  /** Wide files: the sensor column. */
  column?: string;
}

/** Counts so far: the job's result once it completes. */
interface Tally {
  /** Data lines read (blank lines are not counted). */
  lines: number;
  accepted: number;
  rejected: number;
  /** Rejections by reason: ingest's, and `malformed_row` for lines that could not be read. */
  reasons: Record<string, number>;
  /** The first rejections, by line. */
  errors: ImportError[];
  alarmsOpened: number;
  batches: number;
}

interface Position {
  /** Byte offset where the next unread line starts. */
  offset: number;
  /** The last line read. */
  line: number;
}

interface Checkpoint extends Position {
  tally: Tally;
}

const newTally = (): Tally => ({
  lines: 0,
  accepted: 0,
  rejected: 0,
  reasons: {},
  errors: [],
  alarmsOpened: 0,
  batches: 0,
});

function reject(tally: Tally, reason: string, error: ImportError) {
  tally.rejected++;
  tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
  if (tally.errors.length < MAX_ERRORS) tally.errors.push(error);
}

async function loadCheckpoint(path: string): Promise<Checkpoint | undefined> {
  try {
    const saved = JSON.parse(await readFile(path, 'utf8')) as Checkpoint;
    if (Number.isInteger(saved.offset) && Number.isInteger(saved.line) && saved.tally) return saved;
  } catch {
    // None yet, or torn by a crash mid-write: start over (stored readings come back as duplicates).
  }
  return undefined;
}

/** The header, and where the data lines start. */
async function headerOf(path: string, format: ImportFormat): Promise<{ header: Header; start: Position }> {
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    for await (const lines of linesOf(stream)) {
      for (const line of lines) {
        if (line.text?.trim() === '') continue;
        return {
          header: readHeader(format, line.text === null ? null : fieldsOf(line.text)),
          start: { offset: line.end, line: line.number },
        };
      }
    }
  } finally {
    stream.destroy();
  }
  throw new Error('the file is empty');
}

const count = (n: number) => n.toLocaleString('en');
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function importCsvJob(deps: {
  ingest: Ingest;
  uploads: UploadStore;
}): JobDefinition<'telemetry.import-csv'> {
  const { ingest, uploads } = deps;
  return {
    name: 'telemetry.import-csv',
    retryLimit: RETRY_LIMIT,
    retryDelaySeconds: 5,
    timeoutSeconds: 4 * 3600,
    async run(payload, ctx) {
      const { upload, format, bytes } = payload;
      const facilityId = payload.facilityId ?? undefined;
      const lastAttempt = ctx.attempt > RETRY_LIMIT;
      let tally = newTally();
      let committed: Position = { offset: 0, line: 0 };
      const progressOf = () =>
        `Line ${count(committed.line)}, ${megabytes(committed.offset)} of ${megabytes(bytes)}: ` +
        `${count(tally.accepted)} readings accepted, ${count(tally.rejected)} rejected`;
      try {
        const { header, start } = await headerOf(uploads.path(upload), format);
        const saved = ctx.attempt > 1 ? await loadCheckpoint(uploads.checkpoint(upload)) : undefined;
        committed = saved ? { offset: saved.offset, line: saved.line } : start;
        if (saved) tally = saved.tally;

        let batch: ReadingInput[] = [];
        let where: ImportError[] = [];
        let linesInBatch = 0;
        let read = committed;
        const flush = async () => {
          ctx.signal.throwIfAborted();
          if (batch.length > 0) {
            const result = await ingest.ingest(ctx.tenantId, batch, { facilityId, channel: 'csv' });
            tally.accepted += result.accepted;
            for (const [reason, n] of Object.entries(result.reasons)) {
              tally.rejected += n;
              tally.reasons[reason] = (tally.reasons[reason] ?? 0) + n;
            }
            for (const { index, reason } of result.errors) {
              const at = where[index];
              if (at && tally.errors.length < MAX_ERRORS) tally.errors.push({ ...at, reason });
            }
            tally.alarmsOpened += result.alarmsOpened;
            tally.batches++;
          }
          batch = [];
          where = [];
          linesInBatch = 0;
          committed = read;
          await writeFile(uploads.checkpoint(upload), JSON.stringify({ ...committed, tally }));
          await ctx.progress(Math.min(99, (committed.offset / Math.max(1, bytes)) * 100), progressOf());
        };

        const stream = createReadStream(uploads.path(upload), {
          start: committed.offset,
          highWaterMark: READ_CHUNK,
        });
        for await (const lines of linesOf(stream, {
          offset: committed.offset,
          firstLine: committed.line + 1,
        })) {
          for (const line of lines) {
            read = { offset: line.end, line: line.number };
            if (line.text?.trim() === '') continue;
            tally.lines++;
            linesInBatch++;
            const out = readingsOf(header, line.text);
            for (const { reason, column } of out.rejected)
              reject(tally, reason, { line: line.number, reason, ...(column ? { column } : {}) });
            for (const [i, reading] of out.readings.entries()) {
              batch.push(reading);
              const column = out.columns?.[i];
              where.push({ line: line.number, reason: '', ...(column ? { column } : {}) });
            }
            if (batch.length >= IMPORT_BATCH || linesInBatch >= IMPORT_BATCH) await flush();
          }
        }
        await flush();
      } catch (err) {
        if (lastAttempt) await uploads.remove(upload);
        const cause = innermostMessage(err);
        throw new Error(
          `Import stopped after line ${count(committed.line)} (${count(committed.offset)} of ${count(bytes)} bytes): ${cause}. ` +
            `The readings committed before stay stored (${count(tally.accepted)} accepted, ${count(tally.rejected)} rejected). ` +
            (lastAttempt
              ? 'Importing the same file again is safe: readings already stored are rejected as duplicate.'
              : 'It will be retried from there.'),
        );
      }
      await ctx.progress(100, `Done: ${progressOf()}`);
      await uploads.remove(upload);
      tally.errors.sort((x, y) => x.line - y.line);
      return { format, bytes, ...tally };
    },
  };
}
