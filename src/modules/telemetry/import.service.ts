// CSV history import, the request side: the upload is streamed to a file under the data directory
// (never held in memory), its head checked (text, a header in the chosen layout, at least one row),
// and a job enqueued that feeds the rows to ingest (import.job.ts). The request ends at 202.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { readInCallerTenant, tenantOf } from '../../platform/db/scope.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { saveUpload, tooLarge } from '../../platform/storage/upload-stream.ts';
import { facilityInScope } from '../identity/index.ts';
import { fieldsOf, type ImportFormat, linesOf, MAX_LINE_BYTES, readHeader } from './import.csv.ts';
import type { ImportPayload } from './import.job.ts';

/** Upload files: a random uuid and `.csv` (the job payload names one; nothing else is opened). */
const UPLOAD_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.csv$/;
/** Uploads older than this are removed by maintenance (a job that died on its last attempt). */
const STALE_UPLOAD_MS = 7 * 86_400_000;

/** Where uploads wait for their job, and the paths of one upload's files. */
export function uploadStore(dir: string) {
  return {
    dir,
    path(name: string) {
      if (!UPLOAD_NAME.test(name)) throw new Error(`not an upload name: ${name}`);
      return join(dir, name);
    },
    /** The upload's checkpoint: how far a job got, so a retry resumes there. */
    checkpoint(name: string) {
      return `${this.path(name)}.progress.json`;
    },
    async remove(name: string) {
      await rm(this.path(name), { force: true });
      await rm(this.checkpoint(name), { force: true });
    },
    /** Maintenance: removes uploads (and checkpoints) left behind for longer than a week. */
    async removeStale(now = Date.now()): Promise<number> {
      let removed = 0;
      for (const entry of await readdir(dir).catch(() => [] as string[])) {
        const name = entry.replace(/\.progress\.json$/, '');
        if (!UPLOAD_NAME.test(name)) continue;
        const info = await stat(join(dir, entry)).catch(() => undefined);
        if (info && now - info.mtimeMs > STALE_UPLOAD_MS) {
          await rm(join(dir, entry), { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
export type UploadStore = ReturnType<typeof uploadStore>;

/** Checks the head of a stored upload: text, a header in `format`, and a row after it. */
async function checkHead(path: string, format: ImportFormat) {
  const head = createReadStream(path, { end: MAX_LINE_BYTES + 65_536 });
  let header: string[] | null | undefined;
  let rows = false;
  let anything = false;
  try {
    for await (const lines of linesOf(head)) {
      for (const line of lines) {
        if (line.text === null) {
          if (header === undefined)
            throw badRequest('The file is not CSV text: its first line is binary, not UTF-8, or too long');
          rows = true;
          break;
        }
        if (line.text.trim() === '') continue;
        anything = true;
        if (header === undefined) header = fieldsOf(line.text);
        else {
          rows = true;
          break;
        }
      }
      if (rows) break;
    }
  } finally {
    head.destroy();
  }
  if (!anything) throw badRequest('The file is empty');
  readHeader(format, header ?? null);
  if (!rows) throw badRequest('The file has a header but no rows');
}

export interface ImportRequest {
  /** The CSV bytes: a request body or a multipart file part. */
  source: Readable;
  format: ImportFormat;
  facilityId?: string | undefined;
  /** Content-Length of a raw body, when the client sent one (checked before reading). */
  declaredBytes?: number | undefined;
  /** Whether the source was cut short at the byte limit (multipart parts stop silently). */
  truncated?: () => boolean;
}

export function createImportService(deps: {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  uploads: UploadStore;
  maxBytes: number;
}) {
  const { db, jobs, uploads, maxBytes } = deps;

  /** Stores the upload, checks it and enqueues its import; returns the job id. */
  async function start(principal: Principal, request: ImportRequest) {
    const { format, facilityId } = request;
    if (request.declaredBytes !== undefined && request.declaredBytes > maxBytes) throw tooLarge(maxBytes);
    if (facilityId && !(await readInCallerTenant(db, principal, (tx) => facilityInScope(tx, facilityId))))
      throw badRequest('Unknown facilityId');
    await mkdir(uploads.dir, { recursive: true });
    const name = `${randomUUID()}.csv`;
    const path = uploads.path(name);
    try {
      const bytes = await saveUpload(request.source, path, maxBytes);
      if (request.truncated?.()) throw tooLarge(maxBytes);
      await checkHead(path, format);
      const payload: ImportPayload = {
        upload: name,
        format,
        facilityId: facilityId ?? null,
        bytes,
      };
      const job = await jobs.submit('telemetry.import-csv', payload, {
        tenantId: tenantOf(principal),
        createdBy: principal.userId,
      });
      return { jobId: job.id, bytes: payload.bytes };
    } catch (err) {
      await uploads.remove(name);
      throw err;
    }
  }

  return { start, maxBytes };
}

export type ImportService = ReturnType<typeof createImportService>;
