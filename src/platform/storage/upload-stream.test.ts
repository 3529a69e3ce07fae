import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AppError } from '../http/errors.ts';
import { saveUpload } from './upload-stream.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plantintel-upload-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const CHUNK = 64 * 1024;
/** A source of `count` chunks of `CHUNK` bytes, each filled with its index. */
function chunks(count: number, onRead?: (i: number, chunk: Buffer) => void) {
  let i = 0;
  return new Readable({
    highWaterMark: CHUNK,
    read() {
      if (i === count) return void this.push(null);
      const chunk = Buffer.alloc(CHUNK, i % 251);
      onRead?.(i, chunk);
      i += 1;
      this.push(chunk);
    },
  });
}

test('writes every byte to the file, hashed, and returns the size', async () => {
  const hash = createHash('sha256');
  const path = join(dir, 'whole');
  assert.equal(await saveUpload(chunks(40), path, 10 * 2 ** 20, hash), 40 * CHUNK);
  const written = await readFile(path);
  assert.equal(written.length, 40 * CHUNK);
  assert.equal(written[39 * CHUNK], 39);
  assert.equal(hash.digest('hex'), createHash('sha256').update(written).digest('hex'));
});

test('past the byte limit: a 413', async () => {
  await assert.rejects(saveUpload(chunks(40), join(dir, 'over'), 10 * CHUNK), (err: unknown) => {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'payload_too_large');
    return true;
  });
});

test("a part cut at its limit ('limit', then no end) answers 413 at once", async () => {
  const source = new Readable({ read() {} });
  source.push(Buffer.alloc(100));
  const saving = saveUpload(source, join(dir, 'cut'), 10 * CHUNK);
  setImmediate(() => source.emit('limit'));
  await assert.rejects(saving, /larger than the upload limit/);
  // An error of the source itself is the client's: a 400.
  const broken = new Readable({ read() {} });
  const reading = saveUpload(broken, join(dir, 'broken'), 10 * CHUNK);
  setImmediate(() => broken.destroy(new Error('connection reset')));
  await assert.rejects(reading, /The upload could not be read: connection reset/);
});

test('a chunk written is not kept in memory until the upload ends', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let first: WeakRef<Buffer> | undefined;
  let collected: boolean | undefined;
  const source = chunks(400, (i, chunk) => {
    if (i === 0) first = new WeakRef(chunk);
    // Long after the first chunk went to the file (and the write stream let go of it).
    if (i === 300) {
      gc();
      collected = first?.deref() === undefined;
    }
  });
  await saveUpload(source, join(dir, 'long'), 400 * CHUNK);
  assert.equal(collected, true, 'the first chunk was still reachable 300 chunks later');
});
