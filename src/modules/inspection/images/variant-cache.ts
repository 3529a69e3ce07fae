// Rendered image variants kept on disk, bounded in bytes: the least recently used go first. The
// caller names a variant by a hex key (the digest of everything that went into it: `variantKey`).
// Recency is kept in each file's mtime (bumped on every hit, from a strictly increasing clock), so the
// index rebuilt at start-up has the same order and the bound holds across restarts. A variant is
// written to a temporary file, flushed, then renamed: a crash never leaves half a file under a key,
// and two puts of the same key just replace the same bytes. Files not named like keys are ignored.
// Several processes may share the directory (`serve` and `worker` on one DATA_DIR): each writes
// through a temporary directory of its own under tmp/, and start-up removes the ones left by
// processes long gone (older than a day) instead of the whole of tmp/, which another process may
// be writing in.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';

export interface VariantCache {
  get(key: string): Promise<Buffer | undefined>;
  put(key: string, body: Buffer): Promise<void>;
  /** Bytes held (indexed variants; before `ready` resolves, those indexed so far). */
  bytes(): number;
  /** Lookups since the start: found, or not held (for /metrics). */
  readonly lookups: Readonly<{ hit: number; miss: number }>;
  clear(): Promise<void>;
  /** Resolves once the files already on disk are indexed; the other operations wait for it themselves. */
  ready(): Promise<void>;
}

const KEY = /^[0-9a-f]{16,128}$/;
/** A temporary directory untouched this long belongs to a process long gone. */
const STALE_TEMP_MS = 86_400_000;
const SHARD = /^[0-9a-f]{2}$/;

/** JSON with object keys sorted at every level: equal values give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** SHA-256 hex of the parts' stable JSON (image hash, options, overlay content…). */
export const variantKey = (parts: unknown[]): string =>
  createHash('sha256').update(stableJson(parts)).digest('hex');

interface Entry {
  bytes: number;
}

export function createVariantCache({ dir, maxBytes }: { dir: string; maxBytes: number }): VariantCache {
  const temps = join(dir, 'tmp');
  const temp = join(temps, randomUUID());
  /** Least recently used first (Map iteration is insertion order). */
  const entries = new Map<string, Entry>();
  let total = 0;
  const lookups = { hit: 0, miss: 0 };
  let clock = Date.now();
  const tick = () => {
    clock = Math.max(clock + 1, Date.now());
    return clock / 1000;
  };

  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`not a variant key: ${key}`);
    return join(dir, key.slice(0, 2), key);
  };
  const add = (key: string, entry: Entry) => {
    forget(key);
    entries.set(key, entry);
    total += entry.bytes;
  };
  function forget(key: string, only?: Entry) {
    const entry = entries.get(key);
    if (!entry || (only && entry !== only)) return;
    entries.delete(key);
    total -= entry.bytes;
  }
  const stamp = (key: string) => {
    const at = tick();
    return utimes(pathOf(key), at, at).catch(() => undefined);
  };

  async function evict() {
    while (total > maxBytes) {
      const oldest = entries.keys().next();
      if (oldest.done) return;
      forget(oldest.value);
      await rm(pathOf(oldest.value), { force: true });
    }
  }

  async function index() {
    await mkdir(temp, { recursive: true });
    // Partial writes of processes long gone; a live process's directory is recreated by its puts.
    for (const name of await readdir(temps)) {
      const other = join(temps, name);
      const s = await stat(other).catch(() => undefined);
      if (other !== temp && s && Date.now() - s.mtimeMs > STALE_TEMP_MS)
        await rm(other, { recursive: true, force: true }).catch(() => undefined);
    }
    const found: { key: string; bytes: number; mtime: number }[] = [];
    for (const shard of (await readdir(dir)).filter((name) => SHARD.test(name))) {
      const names = (await readdir(join(dir, shard))).filter(
        (name) => KEY.test(name) && name.startsWith(shard),
      );
      const stats = await Promise.all(
        names.map((name) => stat(join(dir, shard, name)).catch(() => undefined)),
      );
      names.forEach((key, i) => {
        const s = stats[i];
        if (s?.isFile()) found.push({ key, bytes: s.size, mtime: s.mtimeMs });
      });
    }
    found.sort((a, b) => a.mtime - b.mtime || (a.key < b.key ? -1 : 1));
    for (const { key, bytes, mtime } of found) {
      add(key, { bytes });
      clock = Math.max(clock, Math.ceil(mtime));
    }
    await evict();
  }
  const indexed = index();
  indexed.catch(() => undefined); // reported by the operations that wait for it

  return {
    ready: () => indexed,

    async get(key) {
      await indexed;
      const entry = entries.get(key);
      if (!entry) {
        lookups.miss += 1;
        return undefined;
      }
      let body: Buffer;
      try {
        body = await readFile(pathOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        forget(key, entry); // removed behind our back (or evicted meanwhile): no longer held
        lookups.miss += 1;
        return undefined;
      }
      lookups.hit += 1;
      if (entries.get(key) === entry) {
        entries.delete(key);
        entries.set(key, entry);
        await stamp(key);
      }
      return body;
    },

    async put(key, body) {
      await indexed;
      const path = pathOf(key);
      if (body.length > maxBytes) return; // could never stay
      const partial = join(temp, `${randomUUID()}.part`);
      try {
        await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
        await mkdir(temp, { recursive: true });
        const file = await open(partial, 'w');
        try {
          await file.writeFile(body);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(partial, path);
      } finally {
        await rm(partial, { force: true });
      }
      add(key, { bytes: body.length });
      await stamp(key);
      await evict();
    },

    bytes: () => total,
    lookups,

    async clear() {
      await indexed;
      entries.clear();
      total = 0;
      const shards = (await readdir(dir)).filter((name) => SHARD.test(name));
      await Promise.all(shards.map((shard) => rm(join(dir, shard), { recursive: true, force: true })));
    },
  };
}
