import assert from 'node:assert/strict';
import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { tempDir } from './testing.ts';
import { createVariantCache, stableJson, variantKey } from './variant-cache.ts';

let files: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  files = await tempDir();
});
afterEach(() => files.remove());

const key = (name: string) => variantKey([name]);
const body = (bytes: number, fill: number) => Buffer.alloc(bytes, fill);

test('variantKey: sha-256 hex of a stable JSON, insensitive to object key order', () => {
  const a = variantKey(['img', { format: 'jpeg', width: 512, overlay: { defects: [1, 2], regions: [] } }]);
  const b = variantKey(['img', { overlay: { regions: [], defects: [1, 2] }, width: 512, format: 'jpeg' }]);
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.equal(a, b);
  assert.notEqual(
    a,
    variantKey(['img', { format: 'jpeg', width: 513, overlay: { defects: [1, 2], regions: [] } }]),
  );
  assert.notEqual(variantKey([[1, 2]]), variantKey([[2, 1]]));
  assert.equal(stableJson({ b: 1, a: { d: 2, c: 3 } }), '{"a":{"c":3,"d":2},"b":1}');
});

test('get returns what put stored; bytes counts it', async () => {
  const cache = createVariantCache({ dir: files.dir, maxBytes: 1000 });
  assert.equal(await cache.get(key('a')), undefined);
  await cache.put(key('a'), body(100, 1));
  assert.deepEqual(await cache.get(key('a')), body(100, 1));
  assert.equal(cache.bytes(), 100);
  await cache.put(key('a'), body(120, 2)); // replaced, counted once
  assert.equal(cache.bytes(), 120);
  assert.deepEqual(await cache.get(key('a')), body(120, 2));
});

test('evicts past maxBytes, least recently used first', async () => {
  const cache = createVariantCache({ dir: files.dir, maxBytes: 250 });
  await cache.put(key('a'), body(100, 1));
  await cache.put(key('b'), body(100, 2));
  await cache.get(key('a')); // a is now more recent than b
  await cache.put(key('c'), body(100, 3));
  assert.equal(cache.bytes(), 200);
  assert.equal(await cache.get(key('b')), undefined);
  assert.ok(await cache.get(key('a')));
  assert.ok(await cache.get(key('c')));
  await cache.put(key('d'), body(200, 4)); // pushes out both older ones
  assert.equal(cache.bytes(), 200);
  assert.equal(await cache.get(key('a')), undefined);
  assert.equal(await cache.get(key('c')), undefined);
  await cache.put(key('huge'), body(300, 5)); // larger than the bound: not kept, nothing evicted
  assert.equal(await cache.get(key('huge')), undefined);
  assert.ok(await cache.get(key('d')));
});

test('a new cache on the same directory finds the variants, in the same recency order', async () => {
  const first = createVariantCache({ dir: files.dir, maxBytes: 1000 });
  await first.put(key('a'), body(100, 1));
  await first.put(key('b'), body(100, 2));
  await first.put(key('c'), body(100, 3));
  await first.get(key('a')); // order now b, c, a

  const second = createVariantCache({ dir: files.dir, maxBytes: 1000 });
  await second.ready();
  assert.equal(second.bytes(), 300);
  assert.deepEqual(await second.get(key('c')), body(100, 3)); // order now b, a, c

  const third = createVariantCache({ dir: files.dir, maxBytes: 250 }); // a smaller bound: evicts at start
  await third.ready();
  assert.equal(third.bytes(), 200);
  assert.equal(await third.get(key('b')), undefined);
  assert.ok(await third.get(key('a')));
  assert.ok(await third.get(key('c')));
});

test('concurrent puts of one key are harmless and leave no temporary files', async () => {
  const cache = createVariantCache({ dir: files.dir, maxBytes: 10_000 });
  await Promise.all(Array.from({ length: 8 }, () => cache.put(key('same'), body(500, 7))));
  assert.equal(cache.bytes(), 500);
  assert.deepEqual(await cache.get(key('same')), body(500, 7));
  assert.deepEqual(await temporaryFiles(), []);
});

/** Files under tmp/ (each cache writes through a directory of its own there). */
async function temporaryFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(join(files.dir, 'tmp'))) {
    const path = join(files.dir, 'tmp', name);
    if ((await stat(path)).isDirectory()) out.push(...(await readdir(path)).map((f) => `${name}/${f}`));
    else out.push(name);
  }
  return out;
}

test('start-up drops partial writes of processes long gone, not those of a live one; ignores files that are not variants', async () => {
  const tmp = join(files.dir, 'tmp');
  await mkdir(join(tmp, 'gone'), { recursive: true });
  await writeFile(join(tmp, 'gone', 'crashed.part'), body(50, 1));
  await writeFile(join(tmp, 'crashed.part'), body(50, 1));
  const twoDaysAgo = Date.now() / 1000 - 2 * 86_400;
  await utimes(join(tmp, 'gone'), twoDaysAgo, twoDaysAgo);
  await utimes(join(tmp, 'crashed.part'), twoDaysAgo, twoDaysAgo);
  await mkdir(join(tmp, 'live'), { recursive: true });
  await writeFile(join(tmp, 'live', 'writing.part'), body(50, 2));
  await mkdir(join(files.dir, 'ab'), { recursive: true });
  await writeFile(join(files.dir, 'ab', 'notes.txt'), 'not a variant');
  await writeFile(join(files.dir, 'README'), 'cache directory');
  const cache = createVariantCache({ dir: files.dir, maxBytes: 1000 });
  await cache.ready();
  assert.equal(cache.bytes(), 0);
  assert.deepEqual(await temporaryFiles(), ['live/writing.part']);
});

test('clear empties the cache; keys that are not hex are refused', async () => {
  const cache = createVariantCache({ dir: files.dir, maxBytes: 1000 });
  await cache.put(key('a'), body(10, 1));
  await cache.clear();
  assert.equal(cache.bytes(), 0);
  assert.equal(await cache.get(key('a')), undefined);
  const again = createVariantCache({ dir: files.dir, maxBytes: 1000 });
  await again.ready();
  assert.equal(again.bytes(), 0);
  await assert.rejects(cache.put('../../etc/passwd', body(1, 1)), /not a variant key/);
});
