import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { AppError } from '../../../platform/http/errors.ts';
import {
  gray8Bmp,
  gray8Png,
  gray16Png,
  gray16Tiff,
  grayJpeg,
  pngChunk,
  pngHeaderOnly,
  rgbBmp,
  tempDir,
} from './testing.ts';
import { decodeGray, inspectImageFile, toSharp } from './validate.ts';

const LIMIT = { maxPixels: 10_000_000 };
let files: Awaited<ReturnType<typeof tempDir>>;
before(async () => {
  files = await tempDir();
});
after(() => files.remove());

const refused = (status: number, message: RegExp) => (err: unknown) => {
  assert.ok(err instanceof AppError, `expected an AppError, got ${String(err)}`);
  assert.equal(err.status, status, err.message);
  assert.match(err.message, message);
  return true;
};
const ramp16 = (x: number, y: number) => 1000 + x * 200 + y * 7;

describe('inspectImageFile accepts', () => {
  test('8-bit gray PNG', async () => {
    const path = await files.file('g8.png', await gray8Png(64, 48, (x) => x * 3));
    assert.deepEqual(await inspectImageFile(path, LIMIT), {
      format: 'png',
      width: 64,
      height: 48,
      bitDepth: 8,
      channels: 1,
    });
  });

  test('16-bit gray PNG, decoded to 16-bit gray pixels', async () => {
    const path = await files.file('g16.png', await gray16Png(64, 48, ramp16));
    const info = await inspectImageFile(path, LIMIT);
    assert.deepEqual(info, { format: 'png', width: 64, height: 48, bitDepth: 16, channels: 1 });
    const gray = await decodeGray(path, info);
    assert.ok(gray.data instanceof Uint16Array);
    assert.equal(gray.data.length, 64 * 48);
    assert.equal(gray.data[5 * 64 + 10], ramp16(10, 5));
  });

  test('RGB PNG (8-bit), decoded to luminance', async () => {
    const rgb = Buffer.alloc(20 * 10 * 3, 200);
    const path = await files.file(
      'rgb.png',
      await sharp(rgb, { raw: { width: 20, height: 10, channels: 3 } })
        .png()
        .toBuffer(),
    );
    const info = await inspectImageFile(path, LIMIT);
    assert.deepEqual(info, { format: 'png', width: 20, height: 10, bitDepth: 8, channels: 3 });
    const gray = await decodeGray(path, info);
    assert.equal(gray.data.length, 200);
    assert.ok(Math.abs((gray.data[0] as number) - 200) <= 1);
  });

  test('16-bit gray TIFF', async () => {
    const path = await files.file('g16.tif', await gray16Tiff(64, 48, ramp16));
    const info = await inspectImageFile(path, LIMIT);
    assert.deepEqual(info, { format: 'tiff', width: 64, height: 48, bitDepth: 16, channels: 1 });
    assert.equal((await decodeGray(path, info)).data[47 * 64 + 63], ramp16(63, 47));
  });

  test('JPEG', async () => {
    const path = await files.file('g.jpg', await grayJpeg(64, 48, () => 90));
    const info = await inspectImageFile(path, LIMIT);
    assert.deepEqual(info, { format: 'jpeg', width: 64, height: 48, bitDepth: 8, channels: 1 });
    const gray = await decodeGray(path, info);
    assert.ok(Math.abs((gray.data[100] as number) - 90) <= 2);
  });

  test('24-bit BMP (bmp-js): gray content is one channel, colour is three', async () => {
    const grayPath = await files.file(
      'g24.bmp',
      rgbBmp(33, 17, (x) => [x * 5, x * 5, x * 5]),
    );
    const info = await inspectImageFile(grayPath, LIMIT);
    assert.deepEqual(info, { format: 'bmp', width: 33, height: 17, bitDepth: 8, channels: 1 });
    assert.equal((await decodeGray(grayPath, info)).data[16 * 33 + 32], 160);

    const colourPath = await files.file(
      'c24.bmp',
      rgbBmp(8, 4, () => [255, 0, 0]),
    );
    const colour = await inspectImageFile(colourPath, LIMIT);
    assert.equal(colour.channels, 3);
    assert.equal((await decodeGray(colourPath, colour)).data[0], 76); // Rec. 601 luma of pure red
    const { info: raw } = await (await toSharp(colourPath, colour))
      .raw()
      .toBuffer({ resolveWithObject: true });
    assert.deepEqual([raw.width, raw.height, raw.channels], [8, 4, 3]);
  });

  test('8-bit palette BMP with a 40-byte or a V5 header, rows in the right order', async () => {
    for (const headerSize of [40, 124] as const) {
      const path = await files.file(
        `p${headerSize}.bmp`,
        gray8Bmp(7, 5, (x, y) => y * 40 + x, headerSize),
      );
      const info = await inspectImageFile(path, LIMIT);
      assert.deepEqual(info, { format: 'bmp', width: 7, height: 5, bitDepth: 8, channels: 1 });
      const gray = await decodeGray(path, info);
      assert.deepEqual(
        [gray.data[0], gray.data[6], gray.data[4 * 7 + 2]],
        [0, 6, 162],
        `header ${headerSize}`,
      );
    }
  });
});

describe('inspectImageFile refuses', () => {
  test('a file that is not an image (415)', async () => {
    const path = await files.file('notes.txt', Buffer.from('Shift notes: furnace 2 ran hot.\n'));
    await assert.rejects(inspectImageFile(path, LIMIT), refused(415, /not an image/i));
  });

  test('an empty file (400)', async () => {
    const path = await files.file('empty.png', Buffer.alloc(0));
    await assert.rejects(inspectImageFile(path, LIMIT), refused(400, /empty/));
  });

  test('unsupported formats by name: GIF, SVG, WebP (415)', async () => {
    const gif = await sharp(Buffer.alloc(48, 9), { raw: { width: 4, height: 4, channels: 3 } })
      .gif()
      .toBuffer();
    const webp = await sharp(Buffer.alloc(48, 9), { raw: { width: 4, height: 4, channels: 3 } })
      .webp()
      .toBuffer();
    const svg = Buffer.from(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
    );
    for (const [name, bytes, label] of [
      ['a.gif', gif, /GIF/],
      ['a.webp', webp, /WebP/],
      ['a.svg', svg, /SVG/],
    ] as const) {
      const path = await files.file(name, bytes);
      await assert.rejects(inspectImageFile(path, LIMIT), refused(415, label));
    }
  });

  test('a PNG cut in half (400, truncated)', async () => {
    const png = await gray16Png(128, 128, (x, y) => (x * 977 + y * 131) % 65536);
    const path = await files.file('half.png', png.subarray(0, png.length >> 1));
    await assert.rejects(inspectImageFile(path, LIMIT), refused(400, /Truncated PNG/));
  });

  test('a PNG with a damaged byte (400, CRC mismatch)', async () => {
    const png = Buffer.from(await gray8Png(32, 32, (x) => x));
    png[png.length - 20] = (png[png.length - 20] as number) ^ 0xff; // inside IDAT
    const path = await files.file('flipped.png', png);
    await assert.rejects(inspectImageFile(path, LIMIT), refused(400, /CRC mismatch in chunk IDAT/));
  });

  test('a PNG whose first chunk is not IHDR, or with an impossible bit depth (400)', async () => {
    const noHeader = Buffer.concat([pngHeaderOnly(1, 1).subarray(0, 8), pngChunk('IEND', Buffer.alloc(0))]);
    await assert.rejects(
      inspectImageFile(await files.file('nohdr.png', noHeader), LIMIT),
      refused(400, /first chunk/),
    );
    const badDepth = pngHeaderOnly(10, 10, 16, 3); // 16-bit palette does not exist
    await assert.rejects(
      inspectImageFile(await files.file('depth.png', badDepth), LIMIT),
      refused(400, /bit depth 16/),
    );
  });

  test('a 20000 × 20000 PNG header: 413 on pixels, before any truncation is noticed', async () => {
    const bomb = pngHeaderOnly(20_000, 20_000);
    const path = await files.file('bomb.png', bomb);
    await assert.rejects(
      inspectImageFile(path, { maxPixels: 100_000_000 }),
      refused(413, /20000 × 20000 = 400,000,000 pixels, more than the limit of 100,000,000/),
    );
    // The same header under a large enough limit is refused for what it is: a file without pixels.
    await assert.rejects(inspectImageFile(path, { maxPixels: 1e9 }), refused(400, /Truncated PNG/));
  });

  test('pixel limits on JPEG, TIFF and BMP headers (413)', async () => {
    const small = { maxPixels: 1000 };
    const jpeg = await files.file('big.jpg', await grayJpeg(64, 48, () => 1));
    await assert.rejects(inspectImageFile(jpeg, small), refused(413, /64 × 48/));
    const tiff = await files.file('big.tif', await gray16Tiff(64, 48, () => 1));
    await assert.rejects(inspectImageFile(tiff, small), refused(413, /64 × 48/));
    const bmp = gray8Bmp(64, 48, () => 1);
    bmp.writeInt32LE(40_000, 18); // the header lies: bmp-js would allocate 40000 × 48 × 4 bytes
    await assert.rejects(
      inspectImageFile(await files.file('big.bmp', bmp), small),
      refused(413, /40000 × 48/),
    );
  });

  test('a JPEG without its end (400) and a truncated TIFF or BMP (400)', async () => {
    const jpeg = await grayJpeg(64, 48, (x, y) => (x * y) % 256);
    const cut = await files.file('cut.jpg', jpeg.subarray(0, jpeg.length - 40));
    await assert.rejects(inspectImageFile(cut, LIMIT), refused(400, /Truncated JPEG/));
    const tiff = await gray16Tiff(64, 48, (x, y) => x * y * 20);
    const tiffCut = await files.file('cut.tif', tiff.subarray(0, tiff.length - 200));
    await assert.rejects(inspectImageFile(tiffCut, LIMIT), refused(400, /TIFF/));
    const bmp = gray8Bmp(64, 48, (x) => x);
    await assert.rejects(
      inspectImageFile(await files.file('cut.bmp', bmp.subarray(0, 2000)), LIMIT),
      refused(400, /BMP/),
    );
  });
});
