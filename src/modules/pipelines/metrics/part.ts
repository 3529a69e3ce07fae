// SCAFFOLD (lead): the metrics helper replaces this file.
import type { Recorder } from '../contracts.ts';
import type { Part, PipelinesDeps } from '../deps.ts';

export function createMetrics(_deps: PipelinesDeps): Part & { recorder: Recorder } {
  return { recorder: { record: () => {}, flush: async () => {} } };
}
