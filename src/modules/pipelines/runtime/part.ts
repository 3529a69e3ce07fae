// The runtime part of the AI gateway: the executor (nodes, model chain, budgets, recording) and the
// wrapper that sends PlantIntel's own AI calls through each tenant's default pipeline.
import type { Ai } from '../../../platform/ai/ai.ts';
import type { AnswerCache, Executor, PipelineResolver, Recorder } from '../contracts.ts';
import type { Part, PipelinesDeps } from '../deps.ts';
import { type Budgets, createBudgets, dbBudgetSource } from './budgets.ts';
import { createExecutor } from './executor.ts';
import { createModelRunner, type ModelRunnerOptions } from './nodes/model.ts';
import { createTenantAi } from './tenant-ai.ts';

export interface RuntimeDeps extends PipelinesDeps {
  resolver: PipelineResolver;
  cache: AnswerCache;
  recorder: Recorder;
  /** Tests: shorter backoffs (default 250 ms doubling, at most 4 s). */
  backoff?: Pick<ModelRunnerOptions, 'backoffBaseMs' | 'maxBackoffMs' | 'random'>;
  /** Tests: budgets from elsewhere than ai_requests and ai_workspaces. */
  budgets?: Budgets;
}

export function createRuntime(deps: RuntimeDeps): Part & {
  executor: Executor;
  tenantAi(base: Ai): Ai;
  budgets: Budgets;
} {
  const budgets = deps.budgets ?? createBudgets({ source: dbBudgetSource(deps.db), logger: deps.logger });
  const models = createModelRunner({ aiSettings: deps.aiSettings, ...deps.backoff });
  const executor = createExecutor({
    cache: deps.cache,
    recorder: deps.recorder,
    retrievers: deps.retrievers,
    budgets,
    models,
    logger: deps.logger,
  });
  const tenantAi = createTenantAi({ resolver: deps.resolver, executor, logger: deps.logger });
  return { executor, tenantAi, budgets };
}
