// SCAFFOLD (lead): the runtime helper replaces this file.
import type { Ai } from '../../../platform/ai/ai.ts';
import type { AnswerCache, Executor, PipelineResolver, Recorder } from '../contracts.ts';
import { GatewayError } from '../contracts.ts';
import type { Part, PipelinesDeps } from '../deps.ts';

export interface RuntimeDeps extends PipelinesDeps {
  resolver: PipelineResolver;
  cache: AnswerCache;
  recorder: Recorder;
}

export function createRuntime(_deps: RuntimeDeps): Part & { executor: Executor; tenantAi(base: Ai): Ai } {
  return {
    executor: {
      // biome-ignore lint/correctness/useYield: scaffold
      async *run() {
        throw new GatewayError('overloaded', 503, 'runtime not built yet');
      },
    },
    tenantAi: (base) => base,
  };
}
