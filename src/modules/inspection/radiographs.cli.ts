// `plantintel demo radiographs`: synthetic radiographs (16-bit PNG) with their ground truth, for
// trying the detector and the region rules (and `npm run eval:detect -- --data <dir>`).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeRadiographs } from './radiographs.ts';

/** Returns the exit code; `fail` prints the problem with the usage. */
export async function radiographsCommand(args: string[], fail: (message: string) => number): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      count: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      size: { type: 'string', default: '1024x1024' },
      'mm-per-px': { type: 'string', default: '0.1' },
    },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 100_000)
    return fail('--count must be a whole number from 1');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) return fail('--seed must be a whole number');
  if (!values.out) return fail('--out <dir> is required');
  const size = /^(\d{2,5})x(\d{2,5})$/.exec(values.size);
  if (!size) return fail('--size must be WxH, e.g. 1024x1024');
  const mmPerPixel = Number(values['mm-per-px']);
  if (!(mmPerPixel > 0 && mmPerPixel <= 100)) return fail('--mm-per-px must be a number above 0');
  const outDir = resolve(values.out);
  const started = performance.now();
  const names = await writeRadiographs({
    count,
    seed,
    outDir,
    width: Number(size[1]),
    height: Number(size[2]),
    mmPerPixel,
  });
  process.stdout.write(
    `Wrote ${names.length} radiographs (${size[1]} × ${size[2]}, 16-bit PNG) and their ground truth to ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}
