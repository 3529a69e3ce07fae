// Multipart uploads of one file, the same way on every route that takes them: the file part comes
// in field `file`, capped at the route's size (a cut file is reported by the part, not thrown, so
// the route answers 413 itself), a few small fields beside it, read in large pieces.
import multipart, { type MultipartFile } from '@fastify/multipart';
import { badRequest } from '../http/errors.ts';
import type { App } from '../http/types.ts';

/** Read pieces of the body and the file: 1 MiB rather than 16 KiB, a fraction of the calls per byte. */
const PIECE_BYTES = 1_048_576;

/** Registers multipart parsing on `scope` (a plugin scope: it applies to that scope's routes only). */
export async function acceptUploads(
  scope: App,
  {
    fileSize,
    files = 1,
    fields = 10,
    fieldSize = 1024,
  }: { fileSize: number; files?: number; fields?: number; fieldSize?: number },
) {
  await scope.register(multipart, {
    throwFileSizeLimit: false,
    highWaterMark: PIECE_BYTES,
    fileHwm: PIECE_BYTES,
    limits: { files, fields, fieldSize, parts: fields + files + 10, headerPairs: 100, fileSize },
  });
}

/** The upload's file part; one in another field is drained and refused with a 400. */
export function uploadedFile(part: MultipartFile, what = 'file'): MultipartFile {
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw badRequest(`The multipart upload must carry the ${what} in field "file"`);
  }
  return part;
}
