// A scheduled analysis' URL source that answers with a gzip bomb: fetch inflates the body as it
// streams, and the download counts the inflated bytes against the upload limit, so it stops a
// few chunks past it with a reason, whatever the compressed size was.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ensureInbox, fetchUrl, SourceError } from './sources.ts';

const MiB = 1_048_576;
let dir: string;
let server: Server;
let base: string;
const bomb = gzipSync(Buffer.alloc(256 * MiB, ','), { level: 9 });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plantintel-source-limits-'));
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': 'gzip' });
    res.end(bomb);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

test('a gzip bomb from a URL source stops at the limit, counted inflated', async () => {
  assert.ok(bomb.length < 512 * 1024, `${bomb.length} bytes on the wire`);
  const inbox = await ensureInbox(dir, 'F1');
  const before = process.memoryUsage().rss;
  await assert.rejects(
    fetchUrl(
      inbox,
      'run-1',
      { url: `${base}/orders.csv`, headers: {} },
      { timeoutMs: 120_000, maxBytes: 4 * MiB },
    ),
    (e) => e instanceof SourceError && /sent more than 4 MiB/.test(e.message),
  );
  const grown = process.memoryUsage().rss - before;
  assert.ok(grown < 128 * MiB, `rss grew ${Math.round(grown / MiB)} MiB`);
  // What was written before it stopped is the limit at most: the rest was never inflated to disk.
  for (const name of await readdir(inbox.claimed)) {
    const { size } = await stat(join(inbox.claimed, name));
    assert.ok(size <= 4 * MiB, `${name}: ${size} bytes`);
  }
});
