// The executor: runs a pipeline's nodes in stage order (input → retrieve → guard → cache → model →
// postprocess → output; the catalog's validation guarantees that order and one path through it)
// and records exactly one RequestRecord for every request whatever its outcome — ok, error,
// refused, budget, or cancelled (the caller's signal aborted, or it stopped reading early).
//
// Steady-state overhead is a few object allocations: the stage plan is computed once per pipeline
// object, budgets are read from memory (budgets.ts), the cache store and the record are written off
// the stream (the recorder batches; a miss's entry id reaches its record when the store settles).
//
// Decisions:
// - A retrieve source that fails is left out with a warning (the answer is less grounded, not lost).
// - A cache lookup that fails is a miss (logged); a store that fails is logged.
// - Budgets are checked before the model, after the cache: a hit costs nothing, so it is served.
// - A cache hit's done event carries the stored answer's usage (what the answer is worth, as the
//   protocols need it); its record has zero tokens and cost, and the answer's tokens and cost as
//   tokensSaved / costSavedUsd.
// - Without a model node (a retrieval-only pipeline) the answer is the retrieved context itself.
import type { FastifyBaseLogger } from 'fastify';
import {
  type AnswerCache,
  type CachedAnswer,
  type CacheQuery,
  type CallerContext,
  type Executor,
  type FinishReason,
  GatewayError,
  type GatewayEvent,
  type GatewayRequest,
  type ModelNodeConfig,
  type PipelineNode,
  type Recorder,
  type RequestRecord,
  type Retrievers,
  type RunnablePipeline,
  type ToolCall,
  type Usage,
} from '../contracts.ts';
import type { Budgets } from './budgets.ts';
import { cacheQuery, replay, storable } from './nodes/cache.ts';
import { applyGuard, redactPii } from './nodes/guard.ts';
import type { ModelRunner } from './nodes/model.ts';
import { postprocessWarnings } from './nodes/postprocess.ts';
import { retrieveContext, withContext } from './nodes/retrieve.ts';
import { costOf } from './pricing.ts';
import { estimateTokens, promptText } from './tokens.ts';

export interface ExecutorDeps {
  cache: AnswerCache;
  recorder: Recorder;
  retrievers: Retrievers;
  budgets: Budgets;
  models: ModelRunner;
  logger: Pick<FastifyBaseLogger, 'warn'>;
}

type NodeOf<T extends PipelineNode['type']> = Extract<PipelineNode, { type: T }>;

interface Plan {
  retrieve: NodeOf<'retrieve'>[];
  guard: NodeOf<'guard'>[];
  cache: NodeOf<'cache'> | undefined;
  model: NodeOf<'model'> | undefined;
  postprocess: NodeOf<'postprocess'>[];
  redacts: boolean;
}

const plans = new WeakMap<RunnablePipeline, Plan>();

export function planOf(pipeline: RunnablePipeline): Plan {
  let plan = plans.get(pipeline);
  if (plan) return plan;
  const of = <T extends PipelineNode['type']>(type: T) =>
    pipeline.nodes.filter((n): n is NodeOf<T> => n.type === type);
  const guard = of('guard');
  plan = {
    retrieve: of('retrieve'),
    guard,
    cache: of('cache')[0],
    model: of('model')[0],
    postprocess: of('postprocess'),
    redacts: guard.some((g) => g.config.redactPii),
  };
  plans.set(pipeline, plan);
  return plan;
}

const STATUS_OF: Partial<Record<GatewayError['kind'], RequestRecord['status']>> = {
  refused: 'refused',
  budget: 'budget',
};

/** The caller's conversation as stored (when the pipeline stores prompts). */
function promptRecord(req: Pick<GatewayRequest, 'system' | 'messages'>): string {
  const lines = req.system ? [`system: ${req.system}`] : [];
  for (const m of req.messages) lines.push(`${m.role}: ${m.content}`);
  return lines.join('\n');
}

function answerRecord(text: string, calls: ToolCall[]): string {
  return [text, ...calls.map((c) => `[tool ${c.name}] ${c.arguments}`)].filter((s) => s !== '').join('\n');
}

export function createExecutor(deps: ExecutorDeps): Executor {
  return { run: (ctx, pipeline, req) => run(deps, ctx, pipeline, req) };
}

async function* run(
  deps: ExecutorDeps,
  ctx: CallerContext,
  pipeline: RunnablePipeline,
  original: GatewayRequest,
): AsyncGenerator<GatewayEvent> {
  const started = performance.now();
  const plan = planOf(pipeline);
  const rec: RequestRecord = {
    tenantId: pipeline.tenantId,
    workspaceId: pipeline.workspaceId,
    pipelineId: pipeline.id,
    pipelineVersion: pipeline.version,
    sector: pipeline.sector,
    at: new Date(),
    protocol: original.protocol,
    purpose: original.purpose,
    apiKeyId: ctx.apiKeyId,
    cache: plan.cache ? 'miss' : 'off',
    status: 'ok',
    errorCode: null,
    latencyMs: 0,
    upstreamMs: 0,
    tokensIn: 0,
    tokensOut: 0,
    costUsd: 0,
    tokensSaved: 0,
    costSavedUsd: 0,
    provider: null,
    model: null,
    cacheEntryId: null,
    prompt: null,
    response: null,
  };
  let req = original;
  let context: string[] = [];
  let text = '';
  const toolCalls: ToolCall[] = [];
  let finished = false;
  let failure: unknown;
  let storing: Promise<void> | null = null;
  try {
    const warnings: string[] = [];
    for (const node of plan.retrieve) {
      try {
        const piece = await retrieveContext(deps.retrievers, pipeline.tenantId, node.config);
        if (piece !== null) context.push(piece);
      } catch (err) {
        deps.logger.warn(
          { err, pipelineId: pipeline.id, node: node.id },
          'AI pipeline: a retrieve source failed',
        );
        warnings.push(`the ${node.config.source} context could not be read`);
      }
    }
    for (const node of plan.guard) ({ req, context } = applyGuard(node.config, req, context));
    const call = withContext(req, context);
    const sources = [call.system ?? '', ...req.messages.map((m) => m.content)];
    const doneWarnings = (answer: string) => [
      ...warnings,
      ...plan.postprocess.flatMap((n) => postprocessWarnings(n.config, answer, sources)),
    ];

    let query: CacheQuery | null = null;
    if (plan.cache) {
      query = cacheQuery(pipeline, plan.cache.config, call);
      let hit = null;
      try {
        hit = await deps.cache.lookup(query);
      } catch (err) {
        deps.logger.warn({ err, pipelineId: pipeline.id }, 'AI cache: lookup failed, answered as a miss');
      }
      if (hit) {
        const a = hit.answer;
        Object.assign(rec, {
          cache: hit.kind,
          cacheEntryId: hit.entryId,
          provider: a.provider,
          model: a.model,
          tokensSaved: a.usage.inputTokens + a.usage.outputTokens,
          costSavedUsd: a.costUsd,
        });
        for (const event of replay(hit)) {
          if (event.type === 'delta') text += event.text;
          if (event.type === 'tool_call') toolCalls.push(event.call);
          yield event;
        }
        finished = true;
        yield {
          type: 'done',
          finishReason: a.finishReason,
          usage: a.usage,
          cache: hit.kind,
          provider: a.provider,
          model: a.model,
          warnings: doneWarnings(a.text),
        };
        return;
      }
    }

    if (!plan.model) {
      const answer = context.join('\n\n') || 'No PlantIntel data was found for this request.';
      Object.assign(rec, { provider: 'retrieve', model: 'context' });
      yield { type: 'start', model: 'context', cache: rec.cache };
      text = answer;
      yield { type: 'delta', text: answer };
      finished = true;
      yield {
        type: 'done',
        finishReason: 'stop',
        usage: { inputTokens: 0, outputTokens: 0 },
        cache: rec.cache,
        provider: 'retrieve',
        model: 'context',
        warnings: doneWarnings(answer),
      };
      return;
    }

    const modelConfig: ModelNodeConfig = plan.model.config;
    await deps.budgets.check(pipeline, modelConfig);
    const upstreamStart = performance.now();
    let finish: FinishReason = 'stop';
    let usage: Usage | null = null;
    try {
      const events = deps.models.run(
        modelConfig,
        {
          ...call,
          maxTokens: call.maxTokens ?? modelConfig.maxTokens,
          temperature: call.temperature ?? modelConfig.temperature,
          context,
        },
        original.signal,
      );
      for await (const event of events) {
        switch (event.type) {
          case 'target':
            rec.provider = event.provider;
            rec.model = event.model;
            yield { type: 'start', model: event.model, cache: rec.cache };
            break;
          case 'delta':
            text += event.text;
            yield event;
            break;
          case 'tool_call':
            toolCalls.push(event.call);
            yield event;
            break;
          case 'end':
            finish = event.finishReason;
            usage = event.usage;
            break;
        }
      }
    } finally {
      rec.upstreamMs = performance.now() - upstreamStart;
      const used = usage ?? {
        inputTokens: rec.provider ? estimateTokens(promptText(call)) : 0,
        outputTokens: estimateTokens(answerRecord(text, toolCalls)),
      };
      rec.tokensIn = used.inputTokens;
      rec.tokensOut = used.outputTokens;
      if (rec.provider && rec.model) rec.costUsd = costOf(rec.provider, rec.model, used);
    }
    const provider = rec.provider ?? 'offline';
    const model = rec.model ?? '';
    const usageOut = { inputTokens: rec.tokensIn, outputTokens: rec.tokensOut };
    const answer: CachedAnswer = {
      text,
      toolCalls,
      finishReason: finish,
      usage: usageOut,
      costUsd: rec.costUsd,
      provider,
      model,
    };
    if (plan.cache && query && storable(answer)) {
      storing = deps.cache.store(query, answer).then(
        (id) => {
          rec.cacheEntryId = id;
        },
        (err: unknown) => deps.logger.warn({ err, pipelineId: pipeline.id }, 'AI cache: store failed'),
      );
    }
    finished = true;
    yield {
      type: 'done',
      finishReason: finish,
      usage: usageOut,
      cache: rec.cache,
      provider,
      model,
      warnings: doneWarnings(text),
    };
  } catch (err) {
    failure = err;
    if (original.signal?.aborted) throw original.signal.reason ?? err;
    if (err instanceof GatewayError) throw err;
    deps.logger.warn({ err, pipelineId: pipeline.id }, 'AI pipeline: failed');
    throw new GatewayError('upstream', 502, `the pipeline failed: ${(err as Error).message ?? String(err)}`, {
      cause: err,
    });
  } finally {
    rec.latencyMs = performance.now() - started;
    if (original.signal?.aborted && !finished) {
      rec.status = 'cancelled';
      rec.errorCode = 'cancelled';
    } else if (failure !== undefined) {
      const kind = failure instanceof GatewayError ? failure.kind : 'upstream';
      rec.status = (failure instanceof GatewayError && STATUS_OF[failure.kind]) || 'error';
      rec.errorCode = kind;
    } else if (!finished) {
      rec.status = 'cancelled';
      rec.errorCode = 'cancelled';
    }
    if (pipeline.storePrompts) {
      // A guard may have refused before redacting: what is stored is redacted either way.
      rec.prompt = plan.redacts ? redactPii(promptRecord(req)) : promptRecord(req);
      const response = answerRecord(text, toolCalls);
      rec.response = response === '' ? null : plan.redacts ? redactPii(response) : response;
    }
    deps.budgets.add(pipeline, rec.tokensIn + rec.tokensOut, rec.costUsd);
    if (storing) void storing.then(() => deps.recorder.record(rec));
    else deps.recorder.record(rec);
  }
}
