import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gray8Png, gray16Png, tempDir } from './testing.ts';
import { inspectImageFile } from './validate.ts';
import { displayWindow, windowOfPixels } from './window.ts';

let files: Awaited<ReturnType<typeof tempDir>>;
before(async () => {
  files = await tempDir();
});
after(() => files.remove());

/** Deterministic pseudo-random in [0, 1). */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

test('16-bit: robust percentiles, a few dead and hot pixels do not stretch the window', () => {
  const data = new Uint16Array(100_000);
  for (let i = 0; i < data.length; i++) data[i] = 10_000 + (i % 10_001);
  for (let i = 0; i < 200; i++) data[i * 499] = i % 2 ? 65535 : 0; // 0.2 % outliers
  const { low, high } = windowOfPixels(data, 16);
  assert.ok(low >= 10_000 && low <= 10_100, `low ${low}`);
  assert.ok(high >= 19_900 && high <= 20_000, `high ${high}`);
});

test('8-bit: full range unless low-contrast; flat images keep the full range', () => {
  const ramp = Uint8Array.from({ length: 256 * 40 }, (_, i) => i % 256);
  assert.deepEqual(windowOfPixels(ramp, 8), { low: 0, high: 255 });
  const dull = Uint8Array.from({ length: 31 * 40 }, (_, i) => 100 + (i % 31));
  assert.deepEqual(windowOfPixels(dull, 8), { low: 100, high: 130 });
  assert.deepEqual(windowOfPixels(new Uint8Array(500).fill(7), 8), { low: 0, high: 255 });
  assert.deepEqual(windowOfPixels(new Uint16Array(500).fill(7), 16), { low: 0, high: 65535 });
});

test('displayWindow of a 16-bit PNG larger than the sample size', async () => {
  const random = lcg(42);
  // Background 20,000–24,000, one dark band at 12,000, a handful of hot pixels.
  const path = await files.file(
    'radiograph.png',
    await gray16Png(1200, 900, (x, y) => {
      if ((x * 7 + y * 13) % 10_007 === 0) return 65535;
      if (y >= 400 && y < 450) return 12_000;
      return 20_000 + Math.floor(random() * 4000);
    }),
  );
  const info = await inspectImageFile(path, { maxPixels: 10_000_000 });
  const { low, high } = await displayWindow(path, info);
  assert.equal(low, 12_000);
  assert.ok(high >= 23_900 && high <= 24_000, `high ${high}`);
});

test('displayWindow of an 8-bit PNG', async () => {
  const full = await files.file('full.png', await gray8Png(300, 200, (x) => Math.round((x / 299) * 255)));
  assert.deepEqual(await displayWindow(full, await inspectImageFile(full, { maxPixels: 1e6 })), {
    low: 0,
    high: 255,
  });
  const dull = await files.file('dull.png', await gray8Png(300, 200, (x) => 90 + Math.floor(x / 10)));
  assert.deepEqual(await displayWindow(dull, await inspectImageFile(dull, { maxPixels: 1e6 })), {
    low: 90,
    high: 119,
  });
});
