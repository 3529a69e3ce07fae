// Where a process's resident memory lives, from /proc/<pid>/smaps: files (code and shared
// libraries), the malloc heaps (the main `[heap]` and glibc's per-thread arenas — 64 MiB-aligned
// anonymous mappings) and the rest of the anonymous memory (the JS heaps of every thread, their
// stacks, WebAssembly memories, other mmaps). Rough by nature — it reads addresses, not owners —
// but enough to tell allocator growth from V8's heaps.
import { readFileSync } from 'node:fs';

export interface MemoryMap {
  fileMb: number;
  mallocMb: number;
  /** How many glibc thread arenas hold resident memory. */
  arenas: number;
  otherAnonMb: number;
  threads: number;
}

const ARENA_ALIGN = 64n * 2n ** 20n;

export function memoryMap(pid: number): MemoryMap {
  const out: MemoryMap = { fileMb: 0, mallocMb: 0, arenas: 0, otherAnonMb: 0, threads: 0 };
  let kind: 'file' | 'malloc' | 'arena' | 'other' = 'other';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ (\d+)\s*(.*)$/.exec(line);
    if (header) {
      const start = BigInt(`0x${header[1]}`);
      const size = BigInt(`0x${header[2]}`) - start;
      const path = header[4] ?? '';
      if (header[3] !== '0') kind = 'file';
      else if (path === '[heap]') kind = 'malloc';
      else if (path !== '') kind = 'other';
      else if (start % ARENA_ALIGN === 0n && size <= ARENA_ALIGN) kind = 'arena';
      else kind = 'other';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (!rss) continue;
    const mb = Number(rss[1]) / 1024;
    if (kind === 'file') out.fileMb += mb;
    else if (kind === 'malloc') out.mallocMb += mb;
    else if (kind === 'arena') {
      out.mallocMb += mb;
      if (mb > 0) out.arenas += 1;
    } else out.otherAnonMb += mb;
  }
  out.threads = Number(
    /^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN,
  );
  return out;
}

// `node bench/smaps.ts <pid>`: one reading.
if (import.meta.main) {
  const pid = Number(process.argv[2]);
  if (!Number.isInteger(pid) || pid < 1) throw new Error('usage: node bench/smaps.ts <pid>');
  console.log(memoryMap(pid));
}
