// Sets of synthetic radiographs on disk, with their ground truth: what `plantintel demo radiographs`
// writes and `npm run eval:detect -- --data <dir>` reads, so the detector can be measured on files
// (or another tool's detections compared with the same truth). Per image `<name>.png` (16-bit
// grayscale) and `<name>.json`: { width, height, mmPerPixel, pores: [{ cx, cy, diameterPx, bbox,
// polarity }] } in pixels of the image (pixel (i, j) covers [i, i + 1) × [j, j + 1)).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateRadiograph, type SynthOptions, type SynthPore } from './engine/synth.ts';
import type { Box } from './engine/types.ts';
import { loadSharp } from './images/sharp.ts';

export interface TruthPore {
  cx: number;
  cy: number;
  diameterPx: number;
  bbox: Box;
  polarity?: 'dark' | 'bright';
}

export interface RadiographFile {
  name: string;
  width: number;
  height: number;
  bitDepth: 8 | 16;
  data: Uint8Array | Uint16Array;
  mmPerPixel: number;
  pores: TruthPore[];
}

export interface WriteRadiographsOptions {
  count: number;
  seed: number;
  outDir: string;
  width?: number;
  height?: number;
  mmPerPixel?: number;
  /** Passed on to the generator (noise, pores, polarity); image n uses seed + n. */
  synth?: Omit<SynthOptions, 'seed' | 'width' | 'height' | 'bitDepth'>;
}

const truthOf = (p: SynthPore): TruthPore => ({
  cx: p.cx,
  cy: p.cy,
  diameterPx: p.diameterPx,
  bbox: p.bbox,
  polarity: p.polarity,
});

/** Writes `count` radiographs and their truth into `outDir` (created when missing); returns the names. */
export async function writeRadiographs({
  count,
  seed,
  outDir,
  width = 1024,
  height = 1024,
  mmPerPixel = 0.1,
  synth = {},
}: WriteRadiographsOptions): Promise<string[]> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a whole number ≥ 1');
  await mkdir(outDir, { recursive: true });
  const sharp = await loadSharp();
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    const name = `radiograph-${String(n + 1).padStart(3, '0')}`;
    const image = generateRadiograph({ ...synth, seed: seed + n, width, height, bitDepth: 16 });
    // A typed array, not a Buffer: sharp takes the raw samples' depth (here ushort) from its type.
    await sharp(image.data, { raw: { width, height, channels: 1 } })
      .toColourspace('grey16')
      .png({ compressionLevel: 6 })
      .toFile(path.join(outDir, `${name}.png`));
    const truth = { width, height, mmPerPixel, pores: image.truth.map(truthOf) };
    await writeFile(path.join(outDir, `${name}.json`), `${JSON.stringify(truth, null, 1)}\n`);
    names.push(name);
  }
  return names;
}

/** Reads every `<name>.png` that has a `<name>.json` beside it, in name order. */
export async function readRadiographSet(dir: string): Promise<RadiographFile[]> {
  const files = new Set(await readdir(dir));
  const names = [...files]
    .filter((f) => f.endsWith('.png') && files.has(`${f.slice(0, -4)}.json`))
    .map((f) => f.slice(0, -4))
    .sort();
  const sharp = await loadSharp();
  const set: RadiographFile[] = [];
  for (const name of names) {
    const truth = JSON.parse(await readFile(path.join(dir, `${name}.json`), 'utf8')) as {
      width: number;
      height: number;
      mmPerPixel: number;
      pores: TruthPore[];
    };
    const png = sharp(path.join(dir, `${name}.png`));
    const sixteen = (await png.metadata()).depth === 'ushort';
    const { data, info } = await png
      .toColourspace(sixteen ? 'grey16' : 'b-w')
      .raw({ depth: sixteen ? 'ushort' : 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`${name}.png: expected one channel, decoded ${info.channels}`);
    if (info.width !== truth.width || info.height !== truth.height)
      throw new Error(
        `${name}: the image is ${info.width} × ${info.height}, its truth says ${truth.width} × ${truth.height}`,
      );
    const pixels = sixteen
      ? new Uint16Array(new Uint8Array(data).buffer)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    set.push({
      name,
      width: info.width,
      height: info.height,
      bitDepth: sixteen ? 16 : 8,
      data: pixels,
      mmPerPixel: truth.mmPerPixel,
      pores: truth.pores,
    });
  }
  return set;
}
