// The entries of a tar held in memory, each file's data a view into the tar's own bytes (no copy).
// A test file's in-memory database starts from the migrated baseline this way (worker.ts): PGlite's
// own loader copies every file twice on the way in (out of the tar, then into its file system),
// 90 MB of fresh memory per test file for a 45 MB dump. Reads the ustar format PGlite's dump and
// common tools write: regular files and directories, names with a ustar prefix; anything else (links,
// pax or GNU long-name records) is refused, as is a header whose checksum does not match.

export interface TarEntry {
  /** The path as stored, without leading or trailing slashes. */
  path: string;
  kind: 'file' | 'directory';
  /** A file's bytes: a view into the tar (empty for a directory). */
  data: Uint8Array;
  /** Modification time, milliseconds since the epoch. */
  mtimeMs: number;
}

const BLOCK = 512;
const decoder = new TextDecoder();

function text(tar: Uint8Array, at: number, length: number): string {
  const field = tar.subarray(at, at + length);
  const end = field.indexOf(0);
  return decoder.decode(end < 0 ? field : field.subarray(0, end));
}

function octal(tar: Uint8Array, at: number, length: number, what: string, offset: number): number {
  const digits = text(tar, at, length).trim();
  if (!/^[0-7]*$/.test(digits))
    throw new Error(`tar: the ${what} of the header at byte ${offset} is not octal`);
  return digits === '' ? 0 : Number.parseInt(digits, 8);
}

/** The header's checksum: the sum of its bytes, the checksum field itself counted as spaces. */
function checksumOf(tar: Uint8Array, at: number): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (tar[at + i] as number);
  return sum;
}

export function tarEntries(tar: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let at = 0;
  // Two zero blocks end an archive; a zero first byte (an empty name) is where they begin.
  while (at + BLOCK <= tar.length && tar[at] !== 0) {
    if (octal(tar, at + 148, 8, 'checksum', at) !== checksumOf(tar, at))
      throw new Error(`tar: the header at byte ${at} is damaged (checksum mismatch)`);
    const name = text(tar, at, 100);
    const prefix = text(tar, at + 257, 5) === 'ustar' ? text(tar, at + 345, 155) : '';
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^\/+|\/+$/g, '');
    const size = octal(tar, at + 124, 12, 'size', at);
    const mtimeMs = octal(tar, at + 136, 12, 'modification time', at) * 1000;
    const type = tar[at + 156];
    const start = at + BLOCK;
    if (start + size > tar.length) throw new Error(`tar: ${path} is cut short (${size} bytes announced)`);
    if (type === 0x30 || type === 0)
      entries.push({ path, kind: 'file', data: tar.subarray(start, start + size), mtimeMs });
    else if (type === 0x35)
      entries.push({ path, kind: 'directory', data: tar.subarray(start, start), mtimeMs });
    else
      throw new Error(
        `tar: ${path} is of entry type '${String.fromCharCode(type ?? 0)}', not a file or directory`,
      );
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
