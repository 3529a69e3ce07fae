// The fake upstream's Anthropic Messages answers (see fake-upstream.ts): a message object, or the
// named event sequence — message_start, content_block_start/delta/stop (text_delta, and
// input_json_delta for a tool_use block), ping, message_delta with the usage, message_stop.
import { type FakeAnswer, wordPieces } from './fake-upstream.answer.ts';

export function anthropicJson(a: FakeAnswer): unknown {
  const content: unknown[] = [];
  if (a.text && !a.toolCall) content.push({ type: 'text', text: a.text });
  if (a.toolCall) {
    content.push({
      type: 'tool_use',
      id: a.toolCall.id,
      name: a.toolCall.name,
      input: JSON.parse(a.toolCall.arguments),
    });
  }
  return {
    id: 'msg_fake',
    type: 'message',
    role: 'assistant',
    model: a.model,
    content,
    stop_reason: a.toolCall ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: a.inputTokens, output_tokens: a.outputTokens },
  };
}

/** The frames in order; `first` is the index of the first content delta. */
export function anthropicFrames(a: FakeAnswer): { list: string[]; first: number } {
  const event = (type: string, data: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const list = [
    event('message_start', {
      message: {
        id: 'msg_fake',
        type: 'message',
        role: 'assistant',
        model: a.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: a.inputTokens, output_tokens: 1 },
      },
    }),
  ];
  let first = -1;
  if (a.toolCall) {
    const { id, name, arguments: args } = a.toolCall;
    list.push(
      event('content_block_start', { index: 0, content_block: { type: 'tool_use', id, name, input: {} } }),
    );
    first = list.length;
    for (let at = 0; at < args.length; at += 12) {
      list.push(
        event('content_block_delta', {
          index: 0,
          delta: { type: 'input_json_delta', partial_json: args.slice(at, at + 12) },
        }),
      );
    }
    list.push(event('content_block_stop', { index: 0 }));
  } else {
    list.push(event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }));
    list.push(event('ping', {}));
    first = list.length;
    for (const text of wordPieces(a.text)) {
      list.push(event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }));
    }
    list.push(event('content_block_stop', { index: 0 }));
  }
  list.push(
    event('message_delta', {
      delta: { stop_reason: a.toolCall ? 'tool_use' : 'end_turn', stop_sequence: null },
      usage: { output_tokens: a.outputTokens },
    }),
    event('message_stop', {}),
  );
  return { list, first };
}
