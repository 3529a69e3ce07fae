// The provider without a model: it answers with the caller's own grounded answer, so PlantIntel
// works with no AI configured and has something true to say when a remote provider fails.
import type { AiProvider, OfflineAnswer } from './types.ts';

export const OFFLINE_MODEL = 'grounded';

export function offlineProvider(): AiProvider {
  return {
    name: 'offline',
    model: OFFLINE_MODEL,
    async *stream(req) {
      for await (const piece of offlineDeltas(req.offline())) {
        req.signal?.throwIfAborted();
        yield piece;
      }
    },
  };
}

/**
 * The answer as deltas. A whole text is cut before each word (each piece keeps the whitespace after
 * its word, so the pieces concatenate to the text): the client sees it stream like a model's.
 */
export async function* offlineDeltas(answer: OfflineAnswer): AsyncGenerator<string> {
  if (typeof answer !== 'string' && Symbol.asyncIterator in answer) {
    for await (const piece of answer) if (piece !== '') yield piece;
    return;
  }
  for (const word of (await answer).split(/(?<=\s)(?=\S)/)) if (word !== '') yield word;
}
