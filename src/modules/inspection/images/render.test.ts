import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { DISPOSITION_COLORS, type OverlayInput, REGION_COLORS } from './overlay.ts';
import { outputSize, renderVariant, windowLut } from './render.ts';
import { gray8Png, gray16Png, pixelsOf, rgbBmp, tempDir } from './testing.ts';
import { type ImageInfo, inspectImageFile } from './validate.ts';

let files: Awaited<ReturnType<typeof tempDir>>;
before(async () => {
  files = await tempDir();
});
after(() => files.remove());

const hex = (color: string) => [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));
const near = (actual: number[], expected: number[], tolerance: number) =>
  actual.length === expected.length &&
  actual.every((v, i) => Math.abs(v - (expected[i] as number)) <= tolerance);
const GRAY = 128;

describe('overlay rendering on a uniform gray 400 × 300 PNG', () => {
  let path: string;
  let info: ImageInfo;
  // Defect: box 90–110 × 90–110 → ellipse centred (100, 100), radius 10 + line width (2) = 12.
  // Contour defect: square 40–80 × 200–240. Region: x 240–360, y 30–270 (normalized × 400 × 300).
  const overlay: OverlayInput = {
    width: 400,
    height: 300,
    outWidth: 0,
    outHeight: 0,
    defects: [
      {
        id: 'p',
        cx: 100,
        cy: 100,
        bbox: { x: 90, y: 90, w: 20, h: 20 },
        type: 'gas_pore',
        sizeMm: 1.4,
        disposition: 'reject',
      },
      {
        id: 'c',
        cx: 60,
        cy: 220,
        bbox: { x: 40, y: 200, w: 40, h: 40 },
        contour: [
          [40, 200],
          [80, 200],
          [80, 240],
          [40, 240],
        ],
        type: 'shrinkage',
        sizeMm: 5,
        disposition: 'rework',
      },
    ],
    regions: [
      {
        id: 'r',
        name: 'Flange',
        kind: 'inspect',
        polygon: [
          [0.6, 0.1],
          [0.9, 0.1],
          [0.9, 0.9],
          [0.6, 0.9],
        ],
        verdict: 'fail',
      },
    ],
  };
  before(async () => {
    path = await files.file('uniform.png', await gray8Png(400, 300, () => GRAY));
    info = await inspectImageFile(path, { maxPixels: 1e7 });
  });

  test('outline and polygon edge pixels have the overlay colours, the centre stays gray', async () => {
    const png = await renderVariant({
      path,
      info,
      window: { low: 0, high: 255 },
      format: 'png',
      overlay,
      maxOutputWidth: 4096,
    });
    const { info: out, at } = await pixelsOf(png);
    assert.deepEqual([out.width, out.height, out.channels], [400, 300, 3]);
    const red = hex(DISPOSITION_COLORS.reject);
    for (const [x, y] of [
      [112, 100],
      [88, 100],
      [100, 112],
    ] as [number, number][])
      assert.ok(near(at(x, y), red, 8), `ellipse at ${x},${y}: ${at(x, y)}`);
    assert.ok(near(at(60, 200), hex(DISPOSITION_COLORS.rework), 8), `contour top edge: ${at(60, 200)}`);
    assert.ok(near(at(40, 220), hex(DISPOSITION_COLORS.rework), 8), `contour left edge: ${at(40, 220)}`);
    for (const [x, y] of [
      [240, 150],
      [359, 200],
      [300, 270],
    ] as [number, number][])
      assert.ok(near(at(x, y), hex(REGION_COLORS.fail), 8), `region edge at ${x},${y}: ${at(x, y)}`);
    for (const [x, y] of [
      [200, 150],
      [100, 100],
      [60, 220],
      [300, 150],
    ] as [number, number][])
      assert.deepEqual(at(x, y), [GRAY, GRAY, GRAY], `untouched at ${x},${y}`);
  });

  test('a half-size render scales the overlay with the image', async () => {
    const png = await renderVariant({ path, info, format: 'png', width: 200, overlay, maxOutputWidth: 4096 });
    const { info: out, at } = await pixelsOf(png);
    assert.deepEqual([out.width, out.height], [200, 150]);
    assert.ok(near(at(120, 75), hex(REGION_COLORS.fail), 8), `region left edge: ${at(120, 75)}`);
    assert.deepEqual(at(100, 75), [GRAY, GRAY, GRAY], 'centre');
  });

  test('gray output without overlay, colour with it; JPEG and WebP encode', async () => {
    for (const format of ['jpeg', 'png'] as const) {
      const plain = await sharp(await renderVariant({ path, info, format, maxOutputWidth: 4096 })).metadata();
      assert.equal(plain.channels, 1, format);
      const drawn = await sharp(
        await renderVariant({ path, info, format, overlay, maxOutputWidth: 4096 }),
      ).metadata();
      assert.equal(drawn.channels, 3, format);
    }
    const webp = await sharp(
      await renderVariant({ path, info, format: 'webp', width: 100, maxOutputWidth: 4096 }),
    ).metadata();
    assert.deepEqual([webp.format, webp.width, webp.height], ['webp', 100, 75]);
  });
});

describe('16-bit windowing', () => {
  // Columns: 5,000 (below the window), 10,000 (low), 20,000 (middle), 30,000 (high), 40,000 (above).
  const levels = [5000, 10_000, 20_000, 30_000, 40_000];
  const expected = [0, 0, 128, 255, 255];
  let path: string;
  let info: ImageInfo;
  before(async () => {
    path = await files.file(
      'bands16.png',
      await gray16Png(100, 40, (x) => levels[Math.floor(x / 20)] as number),
    );
    info = await inspectImageFile(path, { maxPixels: 1e7 });
  });

  test('low → 0, high → 255, linear between, clamped outside', async () => {
    const png = await renderVariant({
      path,
      info,
      window: { low: 10_000, high: 30_000 },
      format: 'png',
      maxOutputWidth: 4096,
    });
    const { info: out, at } = await pixelsOf(png);
    assert.deepEqual([out.width, out.height, out.channels], [100, 40, 1]);
    assert.deepEqual(
      levels.map((_, band) => at(band * 20 + 10, 20)[0]),
      expected,
    );
  });

  test('the same through a resize and JPEG, within a few levels', async () => {
    const jpeg = await renderVariant({
      path,
      info,
      window: { low: 10_000, high: 30_000 },
      format: 'jpeg',
      width: 50,
      maxOutputWidth: 4096,
    });
    const { info: out, at } = await pixelsOf(jpeg);
    assert.deepEqual([out.width, out.height], [50, 20]);
    levels.forEach((_, band) => {
      const value = at(band * 10 + 5, 10)[0] as number;
      assert.ok(Math.abs(value - (expected[band] as number)) <= 3, `band ${band}: ${value}`);
    });
  });

  test('without a window, the percentiles of the image are used', async () => {
    const { at } = await pixelsOf(await renderVariant({ path, info, format: 'png', maxOutputWidth: 4096 }));
    assert.deepEqual([at(5, 5)[0], at(95, 5)[0]], [0, 255]);
    assert.equal(at(50, 5)[0], Math.round(((20_000 - 5000) * 255) / 35_000));
  });

  test('windowLut maps 8-bit identically with the full window', () => {
    const lut = windowLut({ low: 0, high: 255 }, 8);
    assert.ok(lut.every((v, i) => v === i));
  });
});

test('output size: never enlarged, capped, aspect kept', () => {
  const info = { width: 2048, height: 1536 };
  assert.deepEqual(outputSize(info, undefined, 4096), { width: 2048, height: 1536 });
  assert.deepEqual(outputSize(info, 8000, 4096), { width: 2048, height: 1536 });
  assert.deepEqual(outputSize(info, 1024, 4096), { width: 1024, height: 768 });
  assert.deepEqual(outputSize(info, undefined, 800), { width: 800, height: 600 });
  assert.deepEqual(outputSize({ width: 5000, height: 1 }, 10, 4096), { width: 10, height: 1 });
});

test('a colour BMP renders in colour', async () => {
  const path = await files.file(
    'red.bmp',
    rgbBmp(30, 20, (x) => (x < 15 ? [255, 0, 0] : [0, 0, 255])),
  );
  const info = await inspectImageFile(path, { maxPixels: 1e7 });
  const { info: out, at } = await pixelsOf(
    await renderVariant({ path, info, format: 'png', maxOutputWidth: 4096 }),
  );
  assert.equal(out.channels, 3);
  assert.deepEqual(
    [at(2, 2), at(28, 2)],
    [
      [255, 0, 0],
      [0, 0, 255],
    ],
  );
});
