// Where a scheduled run gets its file. A watched folder (DATA_DIR/inbox/<facility code>/): a file is
// taken once its size and modification time held still for the stability window (a half-written
// file waits for a later run), claimed by an atomic rename into `.claimed/` (two runs can never both
// take it), and after the run moved to `processed/` or, with a `.reason.txt` beside it, `failed/`.
// An HTTP(S) URL: fetched with the schedule's headers under a time limit, refused when the answer
// is not a 2xx or is an HTML page (a login or error page) instead of CSV/XLSX, and kept in
// `.claimed/` like a folder file so a failed run leaves it in `failed/` too. Nothing is lost.
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export class SourceError extends Error {}

/** The facility's inbox directory name: its code, with anything a path could misread replaced. */
export function inboxName(code: string): string {
  const safe = code.replace(/[^A-Za-z0-9._-]/g, '_');
  return safe === '' || safe === '.' || safe === '..' ? `_${safe}` : safe;
}

export interface Inbox {
  dir: string;
  claimed: string;
  processed: string;
  failed: string;
}

export async function ensureInbox(inboxRoot: string, facilityCode: string): Promise<Inbox> {
  const dir = join(inboxRoot, inboxName(facilityCode));
  const inbox = {
    dir,
    claimed: join(dir, '.claimed'),
    processed: join(dir, 'processed'),
    failed: join(dir, 'failed'),
  };
  for (const d of [inbox.claimed, inbox.processed, inbox.failed]) await mkdir(d, { recursive: true });
  return inbox;
}

/** A file a run holds: its place under `.claimed/` and the name it arrived with. */
export interface Claimed {
  path: string;
  fileName: string;
}

const claimedName = (runId: string, fileName: string) => `${runId}__${fileName}`;

/** The file a run claimed earlier (an attempt that died): a retry carries on with it. */
export async function alreadyClaimed(inbox: Inbox, runId: string): Promise<Claimed | undefined> {
  const prefix = `${runId}__`;
  const found = (await readdir(inbox.claimed)).find((n) => n.startsWith(prefix));
  return found ? { path: join(inbox.claimed, found), fileName: found.slice(prefix.length) } : undefined;
}

interface Look {
  size: number;
  mtimeMs: number;
}

async function look(dir: string): Promise<Map<string, Look>> {
  const out = new Map<string, Look>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // Hidden files are the writers' own temporaries (and our `.claimed/`).
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const s = await stat(join(dir, entry.name)).catch(() => undefined);
    if (s) out.set(entry.name, { size: s.size, mtimeMs: s.mtimeMs });
  }
  return out;
}

export type FolderPick = { claimed: Claimed } | { waiting: string[] } | { empty: true };

/**
 * Looks at the folder twice, `stableMs` apart, and claims the oldest file that did not change in
 * between (one file per run: the next run takes the next one). Files still growing are named.
 */
export async function pickFromFolder(
  inbox: Inbox,
  runId: string,
  stableMs: number,
  signal?: AbortSignal,
): Promise<FolderPick> {
  const first = await look(inbox.dir);
  if (first.size === 0) return { empty: true };
  await sleep(stableMs, undefined, signal ? { signal } : undefined);
  const second = await look(inbox.dir);
  const stable = [...second.entries()]
    .filter(([name, now]) => {
      const before = first.get(name);
      return before && before.size === now.size && before.mtimeMs === now.mtimeMs && now.size > 0;
    })
    .sort(([a, x], [b, y]) => x.mtimeMs - y.mtimeMs || a.localeCompare(b));
  for (const [name] of stable) {
    const path = join(inbox.claimed, claimedName(runId, name));
    try {
      await rename(join(inbox.dir, name), path);
      return { claimed: { path, fileName: name } };
    } catch (err) {
      // Another run claimed it between our looks and the rename: try the next one.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  const waiting = [...second.keys()].filter((n) => !stable.some(([s]) => s === n));
  return waiting.length > 0 ? { waiting } : { empty: true };
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** Moves a claimed file to `processed/` or `failed/` (with the reason beside it); returns where. */
export async function settle(
  inbox: Inbox,
  claimed: Claimed,
  outcome: 'processed' | 'failed',
  reason?: string,
) {
  const target = join(
    outcome === 'processed' ? inbox.processed : inbox.failed,
    `${stamp(new Date())}-${basename(claimed.path)}`,
  );
  await rename(claimed.path, target);
  if (outcome === 'failed') await writeFile(`${target}.reason.txt`, `${reason ?? 'unknown reason'}\n`);
  return target;
}

const HTML = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

function fileNameOf(url: URL, disposition: string | null, contentType: string): string {
  const quoted = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i)?.[1];
  let name = quoted ? decodeURIComponent(quoted) : decodeURIComponent(basename(url.pathname) || '');
  name = name.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 200);
  if (!name || name.startsWith('.')) name = `download${name}`;
  if (!/\.[A-Za-z0-9]{2,5}$/.test(name)) name += contentType.includes('spreadsheetml') ? '.xlsx' : '.csv';
  return name;
}

/**
 * Downloads the URL into `.claimed/` (the file then settles like a folder file). Fails with a
 * SourceError that says what happened: a timeout, a non-2xx status, an HTML page, too large.
 */
export async function fetchUrl(
  inbox: Inbox,
  runId: string,
  source: { url: string; headers: Record<string, string> },
  limits: { timeoutMs: number; maxBytes: number },
  signal?: AbortSignal,
): Promise<Claimed> {
  const url = new URL(source.url);
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const abort = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const seconds = Math.round(limits.timeoutMs / 1000);
  const described = `${url.origin}${url.pathname}`;
  const timedOut = () => timeout.aborted && !signal?.aborted;
  let response: Response;
  try {
    response = await fetch(url, { headers: source.headers, signal: abort, redirect: 'follow' });
  } catch (err) {
    if (timedOut()) throw new SourceError(`${described} did not answer within ${seconds} s`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new SourceError(
      `${described} could not be fetched: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
    );
  }
  const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new SourceError(`${described} answered HTTP ${response.status} ${response.statusText}`.trim());
  }
  if (contentType.includes('text/html') || contentType.includes('application/xhtml')) {
    await response.body?.cancel().catch(() => {});
    throw new SourceError(
      `${described} returned an HTML page (content-type ${contentType.split(';')[0]}), not a CSV or XLSX file: check the URL and its headers (a login page?)`,
    );
  }
  const fileName = fileNameOf(url, response.headers.get('content-disposition'), contentType);
  const path = join(inbox.claimed, claimedName(runId, fileName));
  let bytes = 0;
  const body = response.body ? Readable.fromWeb(response.body as never) : Readable.from([]);
  try {
    await pipeline(
      body,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          if (bytes > limits.maxBytes)
            throw new SourceError(
              `${described} sent more than ${Math.round(limits.maxBytes / 1_048_576)} MiB`,
            );
          yield chunk;
        }
      },
      createWriteStream(path),
      { signal: abort },
    );
  } catch (err) {
    if (err instanceof SourceError) throw err;
    if (timedOut()) throw new SourceError(`${described} did not send its file within ${seconds} s`);
    throw err;
  }
  if (bytes === 0) throw new SourceError(`${described} sent an empty file`);
  // No content type says HTML, but the bytes may still be a page.
  const handle = await open(path);
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    if (HTML.test(text))
      throw new SourceError(
        `${described} returned an HTML page, not a CSV or XLSX file: check the URL and its headers (a login page?)`,
      );
  } finally {
    await handle.close();
  }
  return { path, fileName };
}
