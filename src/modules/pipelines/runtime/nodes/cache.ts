// The cache node's side in the runtime: the query (exact key and query text from cache/normalise.ts,
// computed on the request as the model would see it — redacted, with its retrieved context, so a
// different context never replays an answer grounded on another), the replay of a hit as the events
// of a stream, and the whole answer a miss stores once it ended well.
import { contextKey, exactKey, queryTextOf } from '../../cache/normalise.ts';
import type {
  CachedAnswer,
  CacheHit,
  CacheNodeConfig,
  CacheQuery,
  GatewayEvent,
  GatewayRequest,
  RunnablePipeline,
} from '../../contracts.ts';

/** Replayed text is cut into deltas of about this many characters (at word ends). */
const REPLAY_CHARS = 48;

export function cacheQuery(
  pipeline: RunnablePipeline,
  config: CacheNodeConfig,
  req: GatewayRequest,
): CacheQuery {
  return {
    tenantId: pipeline.tenantId,
    pipelineId: pipeline.id,
    mode: config.mode,
    ttlSeconds: config.ttlSeconds,
    // Absent: the embedder's default (RECOMMENDED_THRESHOLD for the built-in one, EMBEDDINGS_THRESHOLD upstream).
    ...(config.mode === 'semantic' && config.threshold !== undefined && { threshold: config.threshold }),
    keyHash: exactKey(req, pipeline),
    queryText: queryTextOf(req),
    // Semantic hits only among entries asked with the same system prompt, context and earlier turns.
    contextHash: contextKey(req, pipeline),
  };
}

/** Pieces of `text` of about REPLAY_CHARS each, cut after whitespace; they concatenate to it. */
export function replayPieces(text: string): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + REPLAY_CHARS);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > at) end = space + 1;
    }
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

/** The events of a hit, as the model's would have been (done's warnings come from the caller). */
export function* replay(hit: CacheHit): Generator<Exclude<GatewayEvent, { type: 'done' }>> {
  yield { type: 'start', model: hit.answer.model, cache: hit.kind };
  for (const text of replayPieces(hit.answer.text)) yield { type: 'delta', text };
  for (const call of hit.answer.toolCalls) yield { type: 'tool_call', call };
}

/** Whether an answer that ended may be stored: something to replay. */
export const storable = (a: CachedAnswer) => a.text !== '' || a.toolCalls.length > 0;
