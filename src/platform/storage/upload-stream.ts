// Writing an upload to disk as it arrives: with backpressure, never whole in memory, stopped at a
// byte limit with a 413 the client can still read. Used by every module that accepts files.
import type { Hash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AppError, badRequest } from '../http/errors.ts';

/** 413; the connection is closed after the answer, so the rest of the body is not read. */
export const tooLarge = (maxBytes: number) =>
  new AppError(
    'payload_too_large',
    `The file is larger than the upload limit of ${maxBytes} bytes`,
    undefined,
    { headers: { connection: 'close' } },
  );

/** A 400 for an upload that could not be read (anything but our own refusals). */
export function unreadable(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return badRequest(`The upload could not be read: ${reason.slice(0, 200)}`);
}

/**
 * Writes `source` to a new file at `path`, with backpressure; returns its size. Past `maxBytes` it
 * stops reading and throws, leaving the source as it is (not destroyed): the client gets its 413
 * before the connection closes, rather than a reset. `hash`, when given, sees every byte.
 */
export async function saveUpload(
  source: Readable,
  path: string,
  maxBytes: number,
  hash?: Hash,
): Promise<number> {
  const file = createWriteStream(path, { flags: 'wx' });
  const chunks = source.iterator({ destroyOnReturn: false }) as AsyncIterator<Buffer>;
  // A multipart file part cut at its size limit emits 'limit' and then waits, without ending, for
  // its part of the body to be skipped to the boundary — the whole body, however long it says it
  // is. Answer at the limit instead (Connection: close: the rest is never read): the limit rejects
  // the read in progress. (Not a race of every read against one pending promise: each race would
  // stay attached to it, and keep its chunk — the whole upload — in memory until the end.)
  let limitHit = false;
  let rejectRead: ((err: unknown) => void) | undefined;
  const onLimit = () => {
    limitHit = true;
    rejectRead?.(tooLarge(maxBytes));
  };
  source.once('limit', onLimit);
  // …or it already was, before this read began (its first megabyte is buffered unread).
  const cut = () => limitHit || (source as Readable & { truncated?: boolean }).truncated === true;
  const read = () =>
    new Promise<IteratorResult<Buffer>>((resolve, reject) => {
      rejectRead = reject;
      // The client's side: a connection cut, a multipart body that ends mid-part.
      chunks.next().then(resolve, (err) => reject(unreadable(err)));
    });
  let bytes = 0;
  try {
    for (;;) {
      if (cut()) throw tooLarge(maxBytes);
      const next = await read();
      rejectRead = undefined;
      if (next.done) break;
      bytes += next.value.length;
      if (bytes > maxBytes) throw tooLarge(maxBytes);
      hash?.update(next.value);
      if (!file.write(next.value)) await once(file, 'drain');
    }
    file.end();
    await finished(file);
    return bytes;
  } catch (err) {
    file.destroy();
    await finished(file).catch(() => {});
    throw err;
  } finally {
    source.off('limit', onLimit);
  }
}
