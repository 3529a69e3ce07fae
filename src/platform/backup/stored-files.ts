// The files PlantIntel keeps under DATA_DIR next to the database (see app.ts for who writes where).
// Backed up: everything a user gave us or we cannot rebuild. Left out: the embedded database's own
// directory (dumped separately), the inspection image cache (variants rebuilt on demand), the files
// store's half-written uploads (`incoming/`, `*.part`), the data-directory lock and the control socket.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export const STORED_ROOTS = [
  'files', // analytics imports' originals (content-addressed file store) and frame snapshots
  'images', // inspection images
  'uploads', // telemetry CSV imports waiting for or kept after their job
  'supply-uploads', // supply-chain uploads
  'inbox', // schedules' watched folders
] as const;

/** Directories inside a root that hold only transient or derived data. */
const SKIPPED = new Set(['files/incoming']);

export interface StoredFile {
  /** Archive-relative path: `<root>/<path inside the root>`, with forward slashes. */
  name: string;
  file: string;
}

/** Every regular file under the stored roots of `dataDir`, in a stable order. */
export async function listStoredFiles(dataDir: string): Promise<StoredFile[]> {
  const found: StoredFile[] = [];
  const walk = async (relative: string) => {
    if (SKIPPED.has(relative)) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(path.join(dataDir, relative), { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(name);
      else if (entry.isFile() && !entry.name.endsWith('.part'))
        found.push({ name, file: path.join(dataDir, name) });
    }
  };
  for (const root of STORED_ROOTS) await walk(root);
  return found;
}

/** SHA-256 of every stored file by name: what a restore must reproduce (tests, verification). */
export async function storedFileHashes(dataDir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const { name, file } of await listStoredFiles(dataDir)) {
    const hash = createHash('sha256');
    await pipeline(createReadStream(file), hash);
    hashes[name] = hash.digest('hex');
  }
  return hashes;
}
