// Work-order imports, the request side: the upload is streamed into the file store (content
// addressed, never whole in memory), its head read (format, header, a sample), the mapping settled
// (a profile that fits the header, a mapping sent with the upload, or auto-mapping), a re-upload of
// the same bytes refused or marked, and the import job enqueued. The request ends at 202; the job
// (import.job.ts) reads the file. Reprocessing re-runs the job on the kept file with a new mapping.
import type { Readable } from 'node:stream';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant, tenantOf } from '../../platform/db/scope.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { FileStore, StoredFile } from '../../platform/storage/file-store.ts';
import { facilityInScope } from '../identity/index.ts';
import type { FileHead, HeadReader } from './file-head.ts';
import type { FrameStore } from './frame-snapshot.ts';
import {
  clearImportRows,
  deleteImport,
  errorsAfter,
  errorsPage,
  findImport,
  hashInUse,
  type ImportRow,
  importOfHash,
  insertImport,
  listImports,
  lockHash,
  type RowError,
  settingsOf,
  updateImport,
} from './imports.repo.ts';
import type { FieldMapping } from './mapping/types.ts';
import { findProfile, learnedPairs, type ProfileRow } from './profiles.repo.ts';
import { mappingProblems } from './profiles.service.ts';

/** The mapping an import runs with, and where it came from. */
export interface MappingChoice {
  profileIds?: string[] | undefined;
  mappings?: FieldMapping[] | undefined;
  autoMap?: boolean | undefined;
  aggregationStrategy?: Record<string, string> | undefined;
  granularity?: 'header' | 'operation' | undefined;
}

export interface UploadRequest extends MappingChoice {
  /** The file, already in the store (`store`). */
  stored: StoredFile;
  fileName: string;
  facilityId: string;
  sheet?: string | undefined;
  rejectPolicy?: 'skip' | 'fail' | undefined;
  onDuplicate?: 'refuse' | 'mark' | undefined;
}

interface Settled {
  mappings: FieldMapping[];
  aggregationStrategy: Record<string, string>;
  granularity: 'header' | 'operation';
  profileId: string | null;
  profileVersion: number | null;
  autoMapped: boolean;
}

/** Rows of the head read to settle a mapping (auto-mapping samples them). */
const HEAD_ROWS = 200;
/** Errors per read of the CSV download. */
const ERROR_PAGE = 5000;

export function createImportsService(deps: {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  files: FileStore;
  /** Frame snapshots, removed with their import. */
  frames?: Pick<FrameStore, 'remove'>;
  reader: HeadReader;
  maxBytes: number;
}) {
  const { db, jobs, files, frames, reader, maxBytes } = deps;

  /** The first of `profileIds` whose mapped columns are all in the file (400 when none fits). */
  function fittingProfile(found: ProfileRow[], head: FileHead): ProfileRow {
    const headers = new Set(head.headers);
    const misses: string[] = [];
    for (const profile of found) {
      const missing = profile.mappings.filter((m) => m.column !== undefined && !headers.has(m.column));
      if (missing.length === 0) return profile;
      misses.push(
        `"${profile.name}" lacks ${missing
          .slice(0, 5)
          .map((m) => `"${m.column}"`)
          .join(', ')}`,
      );
    }
    throw badRequest(`No chosen mapping profile fits the file's columns: ${misses.join('; ')}`);
  }

  async function settle(principal: Principal, choice: MappingChoice, head: FileHead): Promise<Settled> {
    const sources =
      (choice.profileIds?.length ? 1 : 0) + (choice.mappings ? 1 : 0) + (choice.autoMap ? 1 : 0);
    if (sources !== 1)
      throw badRequest('Choose how the file is mapped: profileIds, mappings, or autoMap=true (exactly one)');
    let settled: Settled;
    if (choice.profileIds?.length) {
      const ids = choice.profileIds;
      const found = await readInCallerTenant(db, principal, async (tx) => {
        const rows: ProfileRow[] = [];
        for (const id of ids) {
          const row = await findProfile(tx, id);
          if (!row) throw badRequest(`Unknown mapping profile ${id}`);
          rows.push(row);
        }
        return rows;
      });
      const profile = fittingProfile(found, head);
      settled = {
        mappings: profile.mappings,
        aggregationStrategy: profile.aggregationStrategy,
        granularity: profile.dataGranularity as 'header' | 'operation',
        profileId: profile.id,
        profileVersion: profile.version,
        autoMapped: false,
      };
    } else if (choice.mappings) {
      settled = {
        mappings: choice.mappings,
        aggregationStrategy: choice.aggregationStrategy ?? {},
        granularity: choice.granularity ?? 'header',
        profileId: null,
        profileVersion: null,
        autoMapped: false,
      };
    } else {
      const learned = await readInCallerTenant(db, principal, (tx) => learnedPairs(tx));
      const suggested = reader.suggest(head, learned);
      settled = {
        mappings: suggested.mappings,
        aggregationStrategy: choice.aggregationStrategy ?? {},
        granularity: choice.granularity ?? suggested.granularity,
        profileId: null,
        profileVersion: null,
        autoMapped: true,
      };
    }
    const problems = [
      ...mappingProblems(settled.mappings, settled.granularity),
      ...reader.mappingProblems(head, settled.mappings),
    ];
    if (problems.length > 0)
      throw badRequest(
        `${settled.autoMapped ? 'Auto-mapping could not map this file' : 'The mapping does not fit the file'}: ${problems.join('; ')}`,
        problems.map((message) => ({ path: '/mappings', message })),
      );
    return settled;
  }

  /** Removes a stored file unless an import of the tenant still refers to it. */
  async function discard(principal: Principal, stored: StoredFile) {
    // Any import of the bytes keeps them, a failed one too (it may be reprocessed).
    const kept = await readInCallerTenant(db, principal, (tx) => hashInUse(tx, stored.hash));
    if (!kept) await files.remove(stored.key);
  }

  async function enqueue(principal: Principal, row: ImportRow) {
    const job = await jobs.submit(
      'analytics.import',
      { importId: row.id },
      { tenantId: tenantOf(principal), createdBy: principal.userId },
    );
    await inCallerTenant(db, principal, (tx) => updateImport(tx, row.id, { jobId: job.id }));
    return job.id;
  }

  /** Streams an upload into the file store (413 past the limit); `upload` then imports it. */
  const store = (principal: Principal, source: Readable, truncated?: () => boolean) =>
    files.put(tenantOf(principal), source, { maxBytes, truncated });

  /** Settles the mapping of a stored upload and enqueues its import; the file is dropped on refusal. */
  async function upload(principal: Principal, request: UploadRequest) {
    const tenantId = tenantOf(principal);
    const { stored } = request;
    try {
      const facilityOk = await readInCallerTenant(db, principal, (tx) =>
        facilityInScope(tx, request.facilityId),
      );
      if (!facilityOk) throw badRequest('Unknown facilityId');
      const head = await reader.head(await files.localPath(stored.key), {
        sheet: request.sheet,
        rows: HEAD_ROWS,
      });
      const settled = await settle(principal, request, head);
      const row = await inCallerTenant(db, principal, async (tx) => {
        // Uploads of the same bytes take turns here, so two at once cannot both pass the check.
        await lockHash(tx, tenantId, stored.hash);
        const settings = await settingsOf(tx);
        const earlier = await importOfHash(tx, stored.hash);
        if (earlier && (request.onDuplicate ?? settings.duplicatePolicy) === 'refuse')
          throw conflict(
            `This file was already imported (import ${earlier.id}, ${earlier.createdAt.toISOString()}). ` +
              'Send onDuplicate=mark to import it again as a marked duplicate.',
          );
        return insertImport(tx, {
          tenantId,
          facilityId: request.facilityId,
          fileName: request.fileName,
          fileSize: stored.bytes,
          fileHash: stored.hash,
          duplicateOf: earlier?.id ?? null,
          ...settled,
          rejectPolicy: request.rejectPolicy ?? (settings.rejectPolicy as 'skip' | 'fail'),
          sheet: head.sheet ?? null,
          detected: head.detected,
          createdBy: principal.userId,
        });
      });
      const jobId = await enqueue(principal, row);
      return { importId: row.id, analysisId: null, jobId };
    } catch (err) {
      await discard(principal, stored);
      throw err;
    }
  }

  async function get(principal: Principal, id: string) {
    const row = await readInCallerTenant(db, principal, (tx) => findImport(tx, id));
    if (!row) throw notFound('Import');
    return row;
  }

  /** Runs the import again on its kept file, with a corrected mapping (or the same one). */
  async function reprocess(principal: Principal, id: string, choice: MappingChoice) {
    const row = await get(principal, id);
    if (row.status === 'queued' || row.status === 'processing')
      throw conflict('The import is still running; reprocess it once it has completed or failed');
    const key = `${row.tenantId}/${row.fileHash}`;
    if (!row.fileKept || !(await files.exists(key)))
      throw new AppError('gone', 'The uploaded file is no longer kept (file retention); upload it again');
    const head = await reader.head(await files.localPath(key), {
      sheet: row.sheet ?? undefined,
      rows: HEAD_ROWS,
    });
    const hasChoice = choice.profileIds?.length || choice.mappings || choice.autoMap;
    const settled: Settled = hasChoice
      ? await settle(principal, choice, head)
      : {
          // The kept mapping, with a new roll-up when one is given.
          mappings: row.mappings,
          aggregationStrategy: choice.aggregationStrategy ?? row.aggregationStrategy,
          granularity: choice.granularity ?? (row.granularity as 'header' | 'operation'),
          profileId: row.profileId,
          profileVersion: row.profileVersion,
          autoMapped: row.autoMapped,
        };
    const reset = await inCallerTenant(db, principal, async (tx) => {
      const locked = await findImport(tx, id, true);
      if (!locked || locked.status === 'queued' || locked.status === 'processing')
        throw conflict('The import is already being processed');
      await clearImportRows(tx, id);
      return updateImport(tx, id, {
        ...settled,
        status: 'queued',
        rowsRead: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
        workOrders: 0,
        errorMessage: null,
        timings: {},
        startedAt: null,
        completedAt: null,
      });
    });
    const jobId = await enqueue(principal, reset);
    return { importId: id, analysisId: null, jobId };
  }

  return {
    maxBytes,
    store,
    discard,
    upload,
    get,
    reprocess,
    list: (
      principal: Principal,
      filter: { status?: string | undefined; facilityId?: string | undefined; limit: number; offset: number },
    ) => readInCallerTenant(db, principal, (tx) => listImports(tx, filter)),
    async errors(principal: Principal, id: string, page: { limit: number; offset: number }) {
      await get(principal, id);
      return readInCallerTenant(db, principal, (tx) => errorsPage(tx, id, page.limit, page.offset));
    },
    /** Every error of the import, a page at a time (the CSV download). */
    async *errorPages(principal: Principal, id: string): AsyncGenerator<RowError[]> {
      let after = { row: 0, at: '(0,0)' };
      for (;;) {
        const from = after;
        const page = await readInCallerTenant(db, principal, (tx) => errorsAfter(tx, id, from, ERROR_PAGE));
        if (page.length === 0) return;
        yield page;
        const last = page[page.length - 1];
        if (last) after = { row: last.rowNo, at: last.at };
        if (page.length < ERROR_PAGE) return;
      }
    },
    /** The original file, for download. */
    async file(principal: Principal, id: string) {
      const row = await get(principal, id);
      const key = `${row.tenantId}/${row.fileHash}`;
      if (!row.fileKept || !(await files.exists(key)))
        throw new AppError('gone', 'The uploaded file is no longer kept (file retention)');
      return { row, stream: files.open(key) };
    },
    async remove(principal: Principal, id: string) {
      const row = await inCallerTenant(db, principal, async (tx) => {
        const found = await findImport(tx, id, true);
        if (!found) throw notFound('Import');
        if (found.status === 'processing')
          throw conflict('The import is running; delete it once it has ended');
        await deleteImport(tx, id);
        return found;
      });
      // Left for the housekeeping if it cannot go now: the import is gone either way.
      await frames?.remove(row.tenantId, row.id).catch(() => {});
      await discard(principal, { key: `${row.tenantId}/${row.fileHash}`, hash: row.fileHash, bytes: 0 });
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
