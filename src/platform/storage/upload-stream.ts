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
  // is. Answer at the limit instead (Connection: close: the rest is never read).
  let onLimit: (() => void) | undefined;
  const limited = new Promise<never>((_, reject) => {
    onLimit = () => reject(tooLarge(maxBytes));
  });
  limited.catch(() => {});
  source.once('limit', onLimit as () => void);
  // …or it already was, before this read began (its first megabyte is buffered unread).
  const cut = () => (source as Readable & { truncated?: boolean }).truncated === true;
  let bytes = 0;
  try {
    for (;;) {
      if (cut()) throw tooLarge(maxBytes);
      let next: IteratorResult<Buffer>;
      try {
        next = await Promise.race([chunks.next(), limited]);
      } catch (err) {
        // The client's side: a connection cut, a multipart body that ends mid-part.
        throw unreadable(err);
      }
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
    source.off('limit', onLimit as () => void);
  }
}
