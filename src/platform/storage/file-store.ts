// Uploaded files kept for later (an import's original, to reprocess or download), addressed by their
// content: the key is the tenant and the SHA-256 of the bytes, so the same file stored twice takes
// the space once and a re-upload is recognised by its key. Local disk under DATA_DIR today; the
// interface is what object storage would implement.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { saveUpload, tooLarge } from './upload-stream.ts';

export interface StoredFile {
  /** `<tenant uuid>/<sha-256 hex>` */
  key: string;
  hash: string;
  bytes: number;
}

export interface FileStore {
  /** Streams `source` in, hashing as it goes; throws a 413 past `maxBytes` and keeps nothing. */
  put(
    tenantId: string,
    source: Readable,
    options: { maxBytes: number; truncated?: () => boolean },
  ): Promise<StoredFile>;
  /** A path on local disk the file can be read from (object storage would fetch it first). */
  localPath(key: string): Promise<string>;
  open(key: string): Readable;
  exists(key: string): Promise<boolean>;
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[0-9a-f]{64}$/;

export function localFileStore(dir: string): FileStore {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`not a file key: ${key}`);
    const [tenant, hash] = key.split('/') as [string, string];
    return join(dir, tenant, hash.slice(0, 2), hash);
  };
  return {
    async put(tenantId, source, { maxBytes, truncated }) {
      const partial = join(dir, 'incoming', `${randomUUID()}.part`);
      await mkdir(dirname(partial), { recursive: true });
      const hasher = createHash('sha256');
      try {
        const bytes = await saveUpload(source, partial, maxBytes, hasher);
        if (truncated?.()) throw tooLarge(maxBytes);
        const hash = hasher.digest('hex');
        const key = `${tenantId}/${hash}`;
        const path = pathOf(key);
        await mkdir(dirname(path), { recursive: true });
        await rename(partial, path); // the same bytes again: replaces identical content
        return { key, hash, bytes };
      } finally {
        await rm(partial, { force: true });
      }
    },
    async localPath(key) {
      return pathOf(key);
    },
    open(key) {
      return createReadStream(pathOf(key));
    },
    async exists(key) {
      return stat(pathOf(key)).then(
        () => true,
        () => false,
      );
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
