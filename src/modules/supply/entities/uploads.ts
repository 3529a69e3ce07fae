import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { badRequest } from '../../../platform/http/errors.ts';
import { saveUpload, tooLarge } from '../../../platform/storage/upload-stream.ts';
import { FileFormatError, readRecords, sniff } from '../../analytics/parse/index.ts';
import { ColumnsError, type ImportKind, mapColumns } from './imports.csv.ts';

// Uploaded supply files: written to disk as they arrive (never whole in memory, 413 past the
// limit), then opened with the analytics module's reader (CSV of any delimiter and encoding, or
// XLSX) and their columns mapped for the kind of file.

export interface ImportUpload {
  /** The CSV bytes: a request body or a multipart file part. */
  source: Readable;
  /** Content-Length of a raw body, when the client sent one (checked before reading). */
  declaredBytes?: number | undefined;
  /** Whether the source was cut short at the byte limit (multipart parts stop silently). */
  truncated?: () => boolean;
}

/** Upload files: a random uuid and `.csv` (a job payload names one; nothing else is opened). */
const UPLOAD_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.csv$/;

export function uploadFiles(dir: string) {
  return {
    path(name: string) {
      if (!UPLOAD_NAME.test(name)) throw new Error(`not an upload name: ${name}`);
      return join(dir, name);
    },
    async remove(name: string) {
      await rm(this.path(name), { force: true });
    },
    /** Writes the upload to a new file, at most `maxBytes` (413 past it). */
    async store(upload: ImportUpload, maxBytes: number) {
      if (upload.declaredBytes !== undefined && upload.declaredBytes > maxBytes) throw tooLarge(maxBytes);
      await mkdir(dir, { recursive: true });
      const name = `${randomUUID()}.csv`;
      try {
        const bytes = await saveUpload(upload.source, this.path(name), maxBytes);
        if (upload.truncated?.()) throw tooLarge(maxBytes);
        return { name, bytes };
      } catch (err) {
        await this.remove(name);
        throw err;
      }
    },
  };
}
export type UploadFiles = ReturnType<typeof uploadFiles>;

/** The file's rows, its columns mapped for `kind`: a 400 for a file that is not one. */
export async function openImport(path: string, kind: ImportKind) {
  try {
    const reader = await readRecords(path, await sniff(path));
    return { reader, mapping: mapColumns(kind, reader.headers) };
  } catch (err) {
    if (err instanceof FileFormatError || err instanceof ColumnsError)
      throw badRequest(`The file cannot be imported: ${err.message}`);
    throw err;
  }
}
