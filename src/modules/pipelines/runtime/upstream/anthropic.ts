// An Anthropic Messages upstream, streamed when the caller streams: the named events give the text
// (text_delta), tool uses (content_block_start with the id and name, input_json_delta fragments,
// content_block_stop), the stop reason and usage (message_start's input tokens, message_delta's
// output tokens). A caller that asked for no stream gets an unstreamed call (one message object).
import type { FinishReason, GatewayMessage } from '../../contracts.ts';
import { eventJson, MAX_ANSWER_BYTES, postJson, postStream } from './http.ts';
import {
  type ModelCall,
  type UpstreamEvent,
  UpstreamFailure,
  type UpstreamFailureKind,
  type UpstreamProvider,
} from './types.ts';

export const ANTHROPIC_VERSION = '2023-06-01';
/** The API requires max_tokens; used when the request sets none. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

export interface AnthropicUpstreamOptions {
  /** Without /v1, e.g. https://api.anthropic.com. */
  baseUrl: string;
  apiKey: string;
}

const ERROR_KINDS: Record<string, UpstreamFailureKind> = {
  overloaded_error: 'server_error',
  api_error: 'server_error',
  rate_limit_error: 'rate_limit',
  timeout_error: 'timeout',
};

const STOP: Record<string, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
};

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** Anthropic's turns: system apart, tool results as user content blocks, consecutive ones merged. */
export function anthropicMessages(messages: GatewayMessage[]): {
  system: string;
  messages: Record<string, unknown>[];
} {
  const system: string[] = [];
  const out: { role: string; content: unknown[] }[] = [];
  const push = (role: string, blocks: unknown[]) => {
    const last = out.at(-1);
    if (last && last.role === role) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  };
  for (const m of messages) {
    if (m.role === 'system') system.push(m.content);
    else if (m.role === 'tool')
      push('user', [{ type: 'tool_result', tool_use_id: m.toolCallId ?? '', content: m.content }]);
    else {
      const blocks: unknown[] = m.content ? [{ type: 'text', text: m.content }] : [];
      for (const c of m.toolCalls ?? [])
        blocks.push({ type: 'tool_use', id: c.id, name: c.name, input: parseArguments(c.arguments) });
      push(m.role, blocks);
    }
  }
  return { system: system.join('\n\n'), messages: out };
}

export function anthropicBody(call: ModelCall): Record<string, unknown> {
  const turns = anthropicMessages(call.messages);
  const system = [call.system ?? '', turns.system].filter((s) => s !== '').join('\n\n');
  const choice = call.toolChoice;
  return {
    model: call.model,
    ...(system && { system }),
    messages: turns.messages,
    max_tokens: call.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    stream: call.stream !== false,
    ...(call.temperature !== undefined && { temperature: call.temperature }),
    ...(call.topP !== undefined && { top_p: call.topP }),
    ...(call.stop?.length && { stop_sequences: call.stop }),
    ...(call.tools?.length && {
      tools: call.tools.map((t) => ({
        name: t.name,
        ...(t.description && { description: t.description }),
        input_schema: t.parameters,
      })),
    }),
    ...(choice !== undefined && {
      tool_choice:
        choice === 'auto' || choice === 'none'
          ? { type: choice }
          : choice === 'required'
            ? { type: 'any' }
            : { type: 'tool', name: choice },
    }),
  };
}

interface StreamEvent {
  message?: { usage?: { input_tokens?: unknown } };
  index?: number;
  content_block?: { type?: unknown; id?: unknown; name?: unknown };
  delta?: { type?: unknown; text?: unknown; partial_json?: unknown; stop_reason?: unknown };
  usage?: { output_tokens?: unknown; input_tokens?: unknown };
  error?: { type?: unknown; message?: unknown };
}

interface Message {
  type?: unknown;
  content?: { type?: unknown; text?: unknown; id?: unknown; name?: unknown; input?: unknown }[];
  stop_reason?: unknown;
  usage?: { input_tokens?: unknown; output_tokens?: unknown };
  error?: { type?: unknown; message?: unknown };
}

const reported = (error: { type?: unknown; message?: unknown } | undefined) => {
  const type = String(error?.type);
  return new UpstreamFailure(
    ERROR_KINDS[type] ?? 'protocol',
    `anthropic: reported ${type}: ${String(error?.message)}`,
  );
};

/** The events of an unstreamed message: its text blocks as one delta, its tool uses, then the end. */
export function anthropicAnswerEvents(body: unknown): UpstreamEvent[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new UpstreamFailure('protocol', 'anthropic: answered with a body that is not an object');
  const message = body as Message;
  if (message.type === 'error' || message.error) throw reported(message.error);
  if (!Array.isArray(message.content))
    throw new UpstreamFailure('protocol', 'anthropic: answered without content');
  const events: UpstreamEvent[] = [];
  let text = '';
  for (const block of message.content) {
    if (block?.type === 'text' && typeof block.text === 'string') text += block.text;
  }
  if (text !== '') events.push({ type: 'delta', text });
  for (const block of message.content) {
    if (block?.type !== 'tool_use') continue;
    events.push({
      type: 'tool_call',
      call: {
        id: String(block.id ?? ''),
        name: String(block.name ?? ''),
        arguments: JSON.stringify(block.input ?? {}),
      },
    });
  }
  const input = message.usage?.input_tokens;
  const output = message.usage?.output_tokens;
  events.push({
    type: 'end',
    finishReason: typeof message.stop_reason === 'string' ? (STOP[message.stop_reason] ?? 'stop') : 'stop',
    usage:
      typeof input === 'number' || typeof output === 'number'
        ? {
            inputTokens: typeof input === 'number' ? input : 0,
            outputTokens: typeof output === 'number' ? output : 0,
          }
        : null,
  });
  return events;
}

export function anthropicUpstream(o: AnthropicUpstreamOptions): UpstreamProvider {
  const url = `${o.baseUrl.replace(/\/+$/, '')}/v1/messages`;
  const headers = { 'x-api-key': o.apiKey, 'anthropic-version': ANTHROPIC_VERSION };
  return {
    name: 'anthropic',
    async *stream(call) {
      const request = {
        provider: 'anthropic',
        url,
        headers,
        body: anthropicBody(call),
        signal: call.signal,
        apiKey: o.apiKey,
      };
      if (call.stream === false) {
        yield* anthropicAnswerEvents(await postJson({ ...request, maxBytes: MAX_ANSWER_BYTES }));
        return;
      }
      let inputTokens: number | null = null;
      let outputTokens: number | null = null;
      let finish: FinishReason = 'stop';
      const tools = new Map<number, { id: string; name: string; arguments: string }>();
      const events = postStream(request);
      for await (const event of events) {
        if (event.event === 'ping') continue;
        const data = eventJson('anthropic', event.data) as StreamEvent;
        switch (event.event) {
          case 'error':
            throw reported(data.error);
          case 'message_start': {
            const n = data.message?.usage?.input_tokens;
            if (typeof n === 'number') inputTokens = n;
            break;
          }
          case 'content_block_start':
            if (data.content_block?.type === 'tool_use') {
              tools.set(data.index ?? 0, {
                id: String(data.content_block.id ?? ''),
                name: String(data.content_block.name ?? ''),
                arguments: '',
              });
            }
            break;
          case 'content_block_delta': {
            const d = data.delta;
            if (d?.type === 'text_delta' && typeof d.text === 'string' && d.text !== '')
              yield { type: 'delta', text: d.text };
            if (d?.type === 'input_json_delta' && typeof d.partial_json === 'string') {
              const tool = tools.get(data.index ?? 0);
              if (tool) tool.arguments += d.partial_json;
            }
            break;
          }
          case 'content_block_stop': {
            const tool = tools.get(data.index ?? 0);
            if (tool) {
              tools.delete(data.index ?? 0);
              yield { type: 'tool_call', call: { ...tool, arguments: tool.arguments || '{}' } };
            }
            break;
          }
          case 'message_delta': {
            const reason = data.delta?.stop_reason;
            if (typeof reason === 'string') finish = STOP[reason] ?? 'stop';
            if (typeof data.usage?.output_tokens === 'number') outputTokens = data.usage.output_tokens;
            if (typeof data.usage?.input_tokens === 'number') inputTokens = data.usage.input_tokens;
            break;
          }
          case 'message_stop':
            yield {
              type: 'end',
              finishReason: finish,
              usage:
                inputTokens !== null || outputTokens !== null
                  ? { inputTokens: inputTokens ?? 0, outputTokens: outputTokens ?? 0 }
                  : null,
            };
            return;
        }
      }
      throw new UpstreamFailure('protocol', 'anthropic: the stream ended before message_stop');
    },
  };
}
