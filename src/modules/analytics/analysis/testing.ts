// Frames from files for the analyzers' tests and the evaluation: a file is read by the real reader
// with the auto-mapping's suggestion (as `plantintel import --auto-map` does), each row converted,
// operation rows rolled up, and the accepted work orders become a frame — no database needed.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Erp } from '../demo/dialect.ts';
import { generateWorkOrders, type WorkOrderTruth } from '../demo/generate.ts';
import type { FieldMapping } from '../mapping/types.ts';
import { fileReader } from '../reader.ts';
import { type ConfigValue, configValues } from './config.ts';
import { frameFromRecords } from './frame.ts';
import type { AnalyzerContext, AnalyzerResult, Baseline, WorkOrderFrame } from './types.ts';

type Values = Record<string, string | number | boolean | null>;

export async function frameFromFile(
  path: string,
  options: { mappings?: FieldMapping[]; granularity?: 'header' | 'operation' } = {},
): Promise<{ frame: WorkOrderFrame; rejected: number; mappings: FieldMapping[] }> {
  const reader = fileReader();
  const head = await reader.head(path, { rows: 500 });
  const suggested = reader.suggest(head, []);
  const mappings = options.mappings ?? suggested.mappings;
  const granularity = options.granularity ?? suggested.granularity;
  const file = await reader.open(path, {});
  const { convert } = await reader.converter(file, mappings, new AbortController().signal);
  const rollup = granularity === 'operation' ? reader.rollup(mappings, {}) : null;
  const records: Values[] = [];
  let rejected = 0;
  for await (const batch of await file.reread()) {
    for (const row of batch) {
      const converted = convert(row.cells);
      if (!converted.ok) {
        rejected++;
        continue;
      }
      if (rollup) rollup.add(row.rowNo, converted.values, converted.extra);
      else records.push(converted.values);
    }
  }
  await file.close();
  if (rollup) for (const order of rollup.results()) records.push(order.values);
  return { frame: frameFromRecords(records), rejected, mappings };
}

/** A generated demo export (planted patterns and their truth) as a frame. */
export async function demoFrame(options: {
  erp: Erp;
  seed: number | string;
  rows: number;
  granularity?: 'header' | 'operation';
}): Promise<{ frame: WorkOrderFrame; truth: WorkOrderTruth }> {
  const exported = generateWorkOrders(options);
  const dir = await mkdtemp(join(tmpdir(), 'plantintel-frame-'));
  try {
    const path = join(dir, `workorders-${options.erp}.csv`);
    await writeFile(path, Buffer.concat([...exported.buffers()]));
    const { frame } = await frameFromFile(path);
    return { frame, truth: exported.truth() };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A deterministic spread in [-1, 1] for hand-built test rows (no randomness in tests). */
export const jitter = (i: number) => (((i * 7919) % 13) - 6) / 6;

type TestRecord = Parameters<typeof frameFromRecords>[0][number];

/** Runs an analyzer on hand-built rows with configuration overrides and baselines. */
export const analyzerRunner =
  (analyze: (ctx: AnalyzerContext) => AnalyzerResult) =>
  (rows: TestRecord[], values: Record<string, ConfigValue> = {}, baselines: Record<string, Baseline> = {}) =>
    analyze({ frame: frameFromRecords(rows), config: configValues(values), baselines });

/** The first insight of a kind (on an entity, when named). */
export const findInsight = (result: AnalyzerResult, kind: string, id?: string) =>
  result.insights.find((i) => i.kind === kind && (id === undefined || i.entity?.id === id));
