// `plantintel demo …`: demo ERP exports of work orders with their ground truth, and the examples.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ERPS, type Erp, GRANULARITIES, type Granularity, writeWorkOrders } from './generate.ts';

const USAGE = `plantintel demo workorders --rows N --erp ${ERPS.join('|')} --seed S --out <file>
                           [--granularity header|operation]
plantintel demo examples [--dir examples] [--check]
plantintel demo radiographs --count N [--seed S] --out <dir> [--size WxH] [--mm-per-px 0.1]

workorders: writes a realistic work-order export as the ERP writes it (its headers, encoding,
delimiter, number and date conventions) with planted patterns — a machine with far more downtime
and failures, a supplier with high scrap, a part over its material cost, a slow shift, a work
center drifting over time, an operator with more defects — and the ground truth beside it in
<file>.truth.json (the column → canonical field map and each pattern's measured effect).
The same seed gives the same bytes. --granularity operation writes several operation rows per
work order. Streams: a million rows take little memory.

examples: regenerates the sample exports in examples/ from their fixed seeds; --check only
reports files that differ (exit 1).

radiographs: synthetic radiographs of castings with pores (16-bit PNG) and their ground truth
(<name>.json): see modules/inspection/radiographs.cli.ts.`;

export interface CliCommand {
  summary: string;
  usage: string;
  run: (args: string[]) => Promise<number>;
}

const fail = (message: string): number => {
  process.stderr.write(`plantintel demo: ${message}\n\n${USAGE}\n`);
  return 2;
};

async function workorders(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      rows: { type: 'string' },
      erp: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      granularity: { type: 'string', default: 'header' },
    },
  });
  const rows = Number(values.rows);
  if (!values.rows || !Number.isInteger(rows) || rows < 0) return fail('--rows must be a whole number');
  if (!ERPS.includes(values.erp as Erp)) return fail(`--erp must be one of ${ERPS.join(', ')}`);
  if (!GRANULARITIES.includes(values.granularity as Granularity)) {
    return fail('--granularity must be header or operation');
  }
  if (!values.out) return fail('--out <file> is required');
  const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  const result = await writeWorkOrders({
    rows,
    erp: values.erp as Erp,
    seed,
    granularity: values.granularity as Granularity,
    out: resolve(values.out),
  });
  const { truth } = result;
  const rate = Math.round(result.rows / (result.ms / 1000));
  process.stdout.write(
    `Wrote ${result.out}: ${result.rows.toLocaleString('en')} rows (${result.workOrders.toLocaleString('en')} work orders), ` +
      `${(result.bytes / 1e6).toFixed(1)} MB in ${(result.ms / 1000).toFixed(1)} s (${rate.toLocaleString('en')} rows/s)\n` +
      `  ${truth.system}: ${truth.encoding}, delimiter "${truth.delimiter}", decimal "${truth.decimal}", dates ${truth.dateFormat}, ` +
      `${Object.keys(truth.columns).length} columns\n` +
      `Ground truth: ${result.truthPath}\n` +
      truth.patterns
        .map(
          (p) =>
            `  ${p.id}: ${p.entity ? `${p.entity.field} ${p.entity.value}` : 'condition'} — ratio ${p.ratio}`,
        )
        .join('\n') +
      '\n',
  );
  return 0;
}

async function examples(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { dir: { type: 'string', default: 'examples' }, check: { type: 'boolean', default: false } },
  });
  const { staleExamples, writeExamples } = await import('./examples.ts');
  const dir = resolve(values.dir);
  if (values.check) {
    const stale = await staleExamples(dir);
    process.stdout.write(
      stale.length ? `Out of date in ${dir}: ${stale.join(', ')}\n` : `${dir} is up to date\n`,
    );
    return stale.length ? 1 : 0;
  }
  const written = await writeExamples(dir);
  process.stdout.write(`Wrote ${written.length} files to ${dir}\n`);
  return 0;
}

export const demoCommand: CliCommand = {
  summary:
    'Write demo data: ERP work-order exports with planted patterns, synthetic radiographs, with their ground truth',
  usage: USAGE,
  run: async (args) => {
    const [sub, ...rest] = args;
    if (sub === 'workorders') return workorders(rest);
    if (sub === 'examples') return examples(rest);
    if (sub === 'radiographs') {
      const { radiographsCommand } = await import('../../inspection/radiographs.cli.ts');
      return radiographsCommand(rest, fail);
    }
    return fail(
      sub ? `unknown subcommand "${sub}"` : 'say what to generate: workorders, examples or radiographs',
    );
  },
};
