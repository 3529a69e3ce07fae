// The analyzers as compute tasks: each runs in a worker thread of the compute pool, so a million
// work orders never hold the event loop. Inputs and outputs are structured-clonable; the frame
// crosses packed (frame-transfer.ts): its columns shared, its dictionaries one string each.
import { computeTask } from '../../../platform/compute/compute.ts';
import { type ConfigValue, configValues } from './config.ts';
import { analyzeCost } from './cost.ts';
import { analyzeAcross } from './cross.ts';
import { analyzeEfficiency } from './efficiency.ts';
import { analyzeEquipment } from './equipment.ts';
import { type PackedFrame, unpackFrame } from './frame-transfer.ts';
import { analyzeQuality } from './quality.ts';
import type { AnalyzerContext, AnalyzerName, AnalyzerResult, Baseline } from './types.ts';

export interface AnalyzerTaskInput {
  analyzer: AnalyzerName;
  frame: PackedFrame;
  config: Record<string, ConfigValue>;
  baselines: Record<string, Baseline>;
}

const ANALYZE: Record<AnalyzerName, (ctx: AnalyzerContext) => AnalyzerResult> = {
  cost: analyzeCost,
  equipment: analyzeEquipment,
  quality: analyzeQuality,
  efficiency: analyzeEfficiency,
};

const contextOf = (input: Omit<AnalyzerTaskInput, 'analyzer'>): AnalyzerContext => ({
  frame: unpackFrame(input.frame),
  config: configValues(input.config),
  baselines: input.baselines,
});

export function runAnalyzer(input: AnalyzerTaskInput): AnalyzerResult & { ms: number } {
  const t0 = performance.now();
  const result = ANALYZE[input.analyzer](contextOf(input));
  return { ...result, ms: Math.round(performance.now() - t0) };
}

export function runAcross(input: Omit<AnalyzerTaskInput, 'analyzer'> & { results: AnalyzerResult[] }) {
  const t0 = performance.now();
  const result = analyzeAcross(contextOf(input), input.results);
  return { ...result, ms: Math.round(performance.now() - t0) };
}

export const ANALYZER_TASK = computeTask<typeof runAnalyzer>(new URL(import.meta.url), 'runAnalyzer');
export const ACROSS_TASK = computeTask<typeof runAcross>(new URL(import.meta.url), 'runAcross');
