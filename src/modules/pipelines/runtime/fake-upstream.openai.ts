// The fake upstream's OpenAI Chat Completions answers (see fake-upstream.ts): a chat.completion
// object, or data-only SSE chunks — role, content pieces, tool-call deltas, the finish reason, the
// usage chunk when `stream_options.include_usage` asked for it — ending with `data: [DONE]`.
import { type FakeAnswer, wordPieces } from './fake-upstream.answer.ts';

const CREATED = 1_700_000_000;

function usage(a: FakeAnswer) {
  return {
    prompt_tokens: a.inputTokens,
    completion_tokens: a.outputTokens,
    total_tokens: a.inputTokens + a.outputTokens,
  };
}

export function openAiJson(a: FakeAnswer): unknown {
  const toolCalls = a.toolCall
    ? [
        {
          id: a.toolCall.id,
          type: 'function',
          function: { name: a.toolCall.name, arguments: a.toolCall.arguments },
        },
      ]
    : undefined;
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: CREATED,
    model: a.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: a.toolCall ? null : a.text,
          refusal: null,
          ...(toolCalls && { tool_calls: toolCalls }),
        },
        logprobs: null,
        finish_reason: a.toolCall ? 'tool_calls' : 'stop',
      },
    ],
    usage: usage(a),
  };
}

/** The frames in order; `first` is the index of the first content (or tool-call) delta. */
export function openAiFrames(a: FakeAnswer): { list: string[]; first: number } {
  const chunk = (delta: object, finish: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion.chunk',
      created: CREATED,
      model: a.model,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...(a.includeUsage && { usage: null }),
      ...extra,
    })}\n\n`;
  const list = [chunk({ role: 'assistant', content: '' }, null)];
  const first = list.length;
  if (a.toolCall) {
    const { id, name, arguments: args } = a.toolCall;
    list.push(
      chunk({ tool_calls: [{ index: 0, id, type: 'function', function: { name, arguments: '' } }] }, null),
    );
    // Arguments arrive in pieces, as real servers send them.
    for (let at = 0; at < args.length; at += 12) {
      list.push(
        chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(at, at + 12) } }] }, null),
      );
    }
    list.push(chunk({}, 'tool_calls'));
  } else {
    for (const piece of wordPieces(a.text)) list.push(chunk({ content: piece }, null));
    list.push(chunk({}, 'stop'));
  }
  if (a.includeUsage) {
    list.push(
      `data: ${JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion.chunk',
        created: CREATED,
        model: a.model,
        choices: [],
        usage: usage(a),
      })}\n\n`,
    );
  }
  list.push('data: [DONE]\n\n');
  return { list, first };
}
