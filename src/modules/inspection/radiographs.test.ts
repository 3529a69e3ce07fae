import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { generateRadiograph } from './engine/synth.ts';
import { readRadiographSet, writeRadiographs } from './radiographs.ts';

test('a written set of radiographs reads back with its truth', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'radiographs-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const names = await writeRadiographs({
    count: 2,
    seed: 40,
    outDir: path.join(dir, 'set'),
    width: 200,
    height: 150,
    mmPerPixel: 0.12,
  });
  assert.deepEqual(names, ['radiograph-001', 'radiograph-002']);
  // A picture without truth beside it is not part of the set.
  await writeFile(path.join(dir, 'set', 'stray.png'), 'not read');
  const set = await readRadiographSet(path.join(dir, 'set'));
  assert.deepEqual(
    set.map((r) => [r.name, r.width, r.height, r.bitDepth, r.mmPerPixel]),
    [
      ['radiograph-001', 200, 150, 16, 0.12],
      ['radiograph-002', 200, 150, 16, 0.12],
    ],
  );
  const expected = generateRadiograph({ seed: 41, width: 200, height: 150, bitDepth: 16 });
  assert.deepEqual(set[1]?.data, expected.data);
  assert.deepEqual(
    set[1]?.pores,
    expected.truth.map(({ cx, cy, diameterPx, bbox, polarity }) => ({ cx, cy, diameterPx, bbox, polarity })),
  );
});

test('a truth file that does not fit its picture is refused', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'radiographs-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeRadiographs({ count: 1, seed: 1, outDir: dir, width: 64, height: 64 });
  await writeFile(
    path.join(dir, 'radiograph-001.json'),
    JSON.stringify({ width: 65, height: 64, mmPerPixel: 0.1, pores: [] }),
  );
  await assert.rejects(readRadiographSet(dir), /the image is 64 × 64, its truth says 65 × 64/);
  await assert.rejects(writeRadiographs({ count: 0, seed: 1, outDir: dir }), RangeError);
});
