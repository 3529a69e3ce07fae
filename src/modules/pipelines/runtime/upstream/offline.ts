// The built-in offline model: no network, no key. PlantIntel's own calls bring their grounded answer
// (`offline` on the request: the analysis chat's and narratives' answers from the plant's data) and
// get it back streamed; any other request gets a deterministic answer composed from its question
// and the retrieved context, streamed in word pieces — the same request always gets the same text,
// which is what the demo traffic and the cache need. Token counts are estimates (tokens.ts).
import { offlineDeltas } from '../../../../platform/ai/offline.ts';
import { estimateTokens, promptText } from '../tokens.ts';
import type { ModelCall, UpstreamEvent, UpstreamProvider } from './types.ts';

const MAX_QUESTION_WORDS = 40;
const MAX_CONTEXT_CHARS = 600;

function lastUserText(call: ModelCall): string {
  for (let i = call.messages.length - 1; i >= 0; i--) {
    const m = call.messages[i];
    if (m?.role === 'user') return m.content;
  }
  return '';
}

/** The offline model's answer to a request without a caller's own offline answer. */
export function composeOfflineAnswer(question: string, context: readonly string[]): string {
  const words = question.split(/\s+/).filter(Boolean);
  const asked =
    words.slice(0, MAX_QUESTION_WORDS).join(' ') + (words.length > MAX_QUESTION_WORDS ? ' …' : '');
  const facts = context.join('\n').replace(/\s+/g, ' ').trim();
  if (facts === '') {
    return `On "${asked || 'your request'}": this pipeline answers with PlantIntel's built-in offline model, which has no plant data attached for this question. Add a retrieve node (an analysis, alarms or sensors) to ground its answers.`;
  }
  const shown =
    facts.length > MAX_CONTEXT_CHARS
      ? `${facts.slice(0, MAX_CONTEXT_CHARS).replace(/\s+\S*$/, '')} …`
      : facts;
  return `On "${asked || 'your request'}", PlantIntel's data says: ${shown}`;
}

export function offlineUpstream(): UpstreamProvider {
  return {
    name: 'offline',
    async *stream(call: ModelCall): AsyncGenerator<UpstreamEvent> {
      const inputTokens = estimateTokens(promptText(call));
      const choice = call.toolChoice;
      const forced = call.tools?.find((t) => choice === 'required' || t.name === choice);
      if (forced && !call.offline) {
        const args = JSON.stringify({ query: lastUserText(call) });
        yield {
          type: 'tool_call',
          call: { id: `call_offline_${estimateTokens(args)}`, name: forced.name, arguments: args },
        };
        yield {
          type: 'end',
          finishReason: 'tool_calls',
          usage: { inputTokens, outputTokens: estimateTokens(args) },
        };
        return;
      }
      const answer = call.offline
        ? call.offline()
        : composeOfflineAnswer(lastUserText(call), call.context ?? []);
      let text = '';
      for await (const piece of offlineDeltas(answer)) {
        call.signal.throwIfAborted();
        text += piece;
        yield { type: 'delta', text: piece };
      }
      yield { type: 'end', finishReason: 'stop', usage: { inputTokens, outputTokens: estimateTokens(text) } };
    },
  };
}
