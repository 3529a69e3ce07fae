import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCompute } from '../../../platform/compute/compute.ts';
import { DETECT_TASK, detectDefects } from './detect.task.ts';
import { detect } from './detector.ts';
import { generateRadiograph } from './synth.ts';

const image = generateRadiograph({
  seed: 21,
  width: 256,
  height: 256,
  noiseSigma: 0.004,
  pores: { count: 6, minDiameterPx: 6, maxDiameterPx: 14 },
});
const pixels = () => image.data.slice().buffer as ArrayBuffer;

test('detectDefects reads the pixels of either depth from a buffer', () => {
  const expected = detect({ ...image, options: { maxDiameterPx: 30 } });
  assert.ok(expected.length > 0);
  assert.deepEqual(
    detectDefects({
      width: 256,
      height: 256,
      bitDepth: 16,
      pixels: pixels(),
      options: { maxDiameterPx: 30 },
    }),
    expected,
  );
  const eight = Uint8Array.from(image.data, (v) => v >> 8);
  assert.deepEqual(
    detectDefects({ width: 256, height: 256, bitDepth: 8, pixels: eight.buffer }),
    detect({ width: 256, height: 256, data: eight }),
  );
  assert.throws(
    () => detectDefects({ width: 256, height: 256, bitDepth: 16, pixels: pixels(), options: { size: 3 } }),
    RangeError,
  );
});

test('the detector runs as a compute task in a worker thread', async (t) => {
  const compute = createCompute({ threads: 1 });
  t.after(() => compute.stop());
  const found = await compute.run(DETECT_TASK, {
    width: 256,
    height: 256,
    bitDepth: 16,
    pixels: pixels(),
    options: { maxDiameterPx: 30 },
  });
  assert.deepEqual(found, detect({ ...image, options: { maxDiameterPx: 30 } }));
});
