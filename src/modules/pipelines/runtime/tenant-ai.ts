// PlantIntel's own AI calls (analysis chat, narratives, explanations) through the tenant's default
// pipeline, so their traffic shows in the gateway's metrics and obeys its cache, guards and budgets.
// A ChatRequest with a tenantId becomes a GatewayRequest of protocol 'internal' carrying the caller's
// grounded offline answer; the events map back to ChatChunks. The fallback semantics are those of
// createAi (src/platform/ai/ai.ts): a failure before the first delta — the model chain exhausted, a
// budget reached, a refusal — answers with the caller's offline answer and a fallback note; a
// failure after it throws AppError 'unavailable'; the caller's abort rethrows its reason. A tenant
// whose default pipeline cannot be resolved is served by the base Ai (logged).
import { OFFLINE_MODEL, offlineDeltas } from '../../../platform/ai/offline.ts';
import type { Ai, ChatChunk, ChatRequest, Completion, FallbackNote } from '../../../platform/ai/types.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type Executor, GatewayError, type PipelineResolver, type RunnablePipeline } from '../contracts.ts';

/** The caller id of PlantIntel's own calls in their CallerContext. */
export const INTERNAL_CALLER = 'plantintel';

export function createTenantAi(deps: {
  resolver: Pick<PipelineResolver, 'defaultFor'>;
  executor: Executor;
  logger: { warn(obj: object, msg: string): void };
}) {
  return function tenantAi(base: Ai): Ai {
    async function* chat(req: ChatRequest): AsyncGenerator<ChatChunk> {
      if (!req.tenantId) {
        yield* base.chat(req);
        return;
      }
      let pipeline: RunnablePipeline;
      try {
        pipeline = await deps.resolver.defaultFor(req.tenantId);
      } catch (err) {
        deps.logger.warn(
          { err, tenantId: req.tenantId },
          'AI: no default pipeline, answered without the gateway',
        );
        yield* base.chat(req);
        return;
      }
      const ctx = {
        tenantId: req.tenantId,
        userId: INTERNAL_CALLER,
        apiKeyId: null,
        workspaceId: pipeline.workspaceId,
      };
      const events = deps.executor.run(ctx, pipeline, {
        protocol: 'internal',
        purpose: req.purpose,
        system: req.system,
        messages: req.messages.map(({ role, content }) => ({ role, content })),
        ...(req.maxTokens !== undefined && { maxTokens: req.maxTokens }),
        ...(req.temperature !== undefined && { temperature: req.temperature }),
        stream: true,
        offline: req.offline,
        ...(req.signal && { signal: req.signal }),
      });
      let streamed = false;
      let fallback: FallbackNote;
      try {
        for await (const event of events) {
          if (event.type === 'delta') {
            streamed = true;
            yield { type: 'delta', text: event.text };
          } else if (event.type === 'done') {
            yield { type: 'done', provider: event.provider, model: event.model };
            return;
          }
        }
        throw new GatewayError('upstream', 502, 'the pipeline ended without an answer');
      } catch (err) {
        if (req.signal?.aborted) throw req.signal.reason;
        if (!(err instanceof GatewayError)) throw err;
        if (streamed) {
          throw new AppError('unavailable', `The AI answer broke off: ${err.message}`, undefined, {
            cause: err,
          });
        }
        fallback = { from: `pipeline/${pipeline.slug}`, reason: err.message };
      }
      for await (const text of offlineDeltas(req.offline())) yield { type: 'delta', text };
      yield { type: 'done', provider: 'offline', model: OFFLINE_MODEL, fallback };
    }

    async function complete(req: ChatRequest): Promise<Completion> {
      let text = '';
      for await (const chunk of chat(req)) {
        if (chunk.type === 'delta') {
          text += chunk.text;
          continue;
        }
        const { provider, model, fallback } = chunk;
        return { text, provider, model, ...(fallback && { fallback }) };
      }
      throw new Error('chat ended without a done chunk');
    }

    return { provider: base.provider, model: base.model, chat, complete };
  };
}
