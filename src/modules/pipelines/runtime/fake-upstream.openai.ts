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

/** Dimensions of the fake's embeddings. */
export const FAKE_EMBEDDING_DIMS = 64;

/**
 * A deterministic stand-in for an embedding model: each lower-cased word adds 3 to one of
 * FAKE_EMBEDDING_DIMS dimensions (by hash), so texts sharing their words are close; not unit length
 * (a real client normalises). Returns null when `input` is not a string or a list of strings.
 */
export function openAiEmbeddings(body: Record<string, unknown>): unknown {
  const input = typeof body.input === 'string' ? [body.input] : body.input;
  if (!Array.isArray(input) || input.length === 0 || input.some((x) => typeof x !== 'string')) return null;
  const texts = input as string[];
  const data = texts.map((text, index) => {
    const v = new Array<number>(FAKE_EMBEDDING_DIMS).fill(0);
    for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
      let h = 0x811c9dc5;
      for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193) >>> 0;
      v[h % FAKE_EMBEDDING_DIMS] = (v[h % FAKE_EMBEDDING_DIMS] ?? 0) + 3;
    }
    return { object: 'embedding', index, embedding: v };
  });
  const tokens = texts.reduce((sum, t) => sum + Math.max(1, Math.ceil(t.length / 4)), 0);
  return {
    object: 'list',
    data,
    model: body.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}
