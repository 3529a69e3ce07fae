// SCAFFOLD (lead): the insights helper replaces this file.

import type { createCatalog } from '../catalog/part.ts';
import type { Executor, Recorder } from '../contracts.ts';
import type { Part, PipelinesDeps } from '../deps.ts';

export interface InsightsDeps extends PipelinesDeps {
  catalog: ReturnType<typeof createCatalog>;
  executor: Executor;
  recorder: Recorder;
}

export function createInsights(_deps: InsightsDeps): Part {
  return {};
}
