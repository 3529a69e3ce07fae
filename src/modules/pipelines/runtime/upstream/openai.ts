// An OpenAI-compatible Chat Completions upstream (OpenAI, Azure's compatible endpoint, Ollama,
// vLLM, the fake upstream). Streamed when the caller streams, so the node's timeouts apply between
// tokens, with `stream_options.include_usage` so the usage comes from the upstream; tool-call deltas
// arrive in pieces per index (id and name first, then argument fragments) and are given out whole
// once the choice finishes. A caller that asked for no stream gets an unstreamed call: one JSON body
// instead of an event per token, under the node's whole-answer timeout.
import type { FinishReason, GatewayMessage, ToolCall } from '../../contracts.ts';
import { eventJson, MAX_ANSWER_BYTES, postJson, postStream } from './http.ts';
import { type ModelCall, type UpstreamEvent, UpstreamFailure, type UpstreamProvider } from './types.ts';

export interface OpenAiUpstreamOptions {
  /** Including the version path, e.g. https://api.openai.com/v1. */
  baseUrl: string;
  apiKey: string | undefined;
}

interface Chunk {
  choices?: {
    delta?: {
      content?: unknown;
      tool_calls?: { index?: number; id?: unknown; function?: { name?: unknown; arguments?: unknown } }[];
    };
    finish_reason?: unknown;
  }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
  error?: { message?: unknown };
}

function wireMessage(m: GatewayMessage): Record<string, unknown> {
  if (m.role === 'tool') return { role: 'tool', tool_call_id: m.toolCallId ?? '', content: m.content };
  if (m.role === 'assistant' && m.toolCalls?.length) {
    return {
      role: 'assistant',
      content: m.content === '' ? null : m.content,
      tool_calls: m.toolCalls.map((c) => ({
        id: c.id,
        type: 'function',
        function: { name: c.name, arguments: c.arguments },
      })),
    };
  }
  return { role: m.role, content: m.content };
}

export function openAiBody(call: ModelCall): Record<string, unknown> {
  const choice = call.toolChoice;
  return {
    model: call.model,
    messages: [
      ...(call.system ? [{ role: 'system', content: call.system }] : []),
      ...call.messages.map(wireMessage),
    ],
    ...(call.stream === false
      ? { stream: false }
      : { stream: true, stream_options: { include_usage: true } }),
    ...(call.maxTokens !== undefined && { max_tokens: call.maxTokens }),
    ...(call.temperature !== undefined && { temperature: call.temperature }),
    ...(call.topP !== undefined && { top_p: call.topP }),
    ...(call.stop?.length && { stop: call.stop }),
    ...(call.tools?.length && {
      tools: call.tools.map((t) => ({
        type: 'function',
        function: {
          name: t.name,
          ...(t.description && { description: t.description }),
          parameters: t.parameters,
        },
      })),
    }),
    ...(choice !== undefined && {
      tool_choice:
        choice === 'auto' || choice === 'none' || choice === 'required'
          ? choice
          : { type: 'function', function: { name: choice } },
    }),
  };
}

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
};

interface Completion {
  choices?: {
    message?: {
      content?: unknown;
      tool_calls?: { id?: unknown; function?: { name?: unknown; arguments?: unknown } }[];
    };
    finish_reason?: unknown;
  }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
  error?: { message?: unknown };
}

/** The events of an unstreamed chat.completion: its text, its tool calls, then the end. */
export function openAiAnswerEvents(body: unknown): UpstreamEvent[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new UpstreamFailure('protocol', 'openai: answered with a body that is not an object');
  const completion = body as Completion;
  if (completion.error)
    throw new UpstreamFailure('protocol', `openai: reported an error: ${String(completion.error.message)}`);
  const choice = Array.isArray(completion.choices) ? completion.choices[0] : undefined;
  if (!choice) throw new UpstreamFailure('protocol', 'openai: answered without a choice');
  const events: UpstreamEvent[] = [];
  const text = choice.message?.content;
  if (typeof text === 'string' && text !== '') events.push({ type: 'delta', text });
  for (const c of Array.isArray(choice.message?.tool_calls) ? choice.message.tool_calls : []) {
    const args = c.function?.arguments;
    events.push({
      type: 'tool_call',
      call: {
        id: typeof c.id === 'string' ? c.id : '',
        name: typeof c.function?.name === 'string' ? c.function.name : '',
        arguments: typeof args === 'string' && args !== '' ? args : '{}',
      },
    });
  }
  const usage = completion.usage;
  events.push({
    type: 'end',
    finishReason:
      typeof choice.finish_reason === 'string' ? (FINISH[choice.finish_reason] ?? 'stop') : 'stop',
    usage:
      usage && typeof usage.prompt_tokens === 'number'
        ? { inputTokens: usage.prompt_tokens, outputTokens: Number(usage.completion_tokens) || 0 }
        : null,
  });
  return events;
}

export function openAiUpstream(o: OpenAiUpstreamOptions): UpstreamProvider {
  const url = `${o.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {};
  return {
    name: 'openai',
    async *stream(call) {
      const request = {
        provider: 'openai',
        url,
        headers,
        body: openAiBody(call),
        signal: call.signal,
        apiKey: o.apiKey,
      };
      if (call.stream === false) {
        yield* openAiAnswerEvents(await postJson({ ...request, maxBytes: MAX_ANSWER_BYTES }));
        return;
      }
      const calls = new Map<number, { id: string; name: string; arguments: string }>();
      let finish: FinishReason | null = null;
      let usage: { inputTokens: number; outputTokens: number } | null = null;
      const flushCalls = function* () {
        for (const [, c] of [...calls].sort((a, b) => a[0] - b[0])) {
          yield {
            type: 'tool_call' as const,
            call: { ...c, arguments: c.arguments || '{}' } satisfies ToolCall,
          };
        }
        calls.clear();
      };
      const events = postStream(request);
      for await (const event of events) {
        if (event.data === '[DONE]') break;
        const chunk = eventJson('openai', event.data) as Chunk;
        if (chunk.error) {
          throw new UpstreamFailure('protocol', `openai: reported an error: ${String(chunk.error.message)}`);
        }
        if (chunk.usage && typeof chunk.usage.prompt_tokens === 'number') {
          usage = {
            inputTokens: chunk.usage.prompt_tokens,
            outputTokens: Number(chunk.usage.completion_tokens) || 0,
          };
        }
        const choice = chunk.choices?.[0];
        if (!choice) continue;
        const text = choice.delta?.content;
        if (typeof text === 'string' && text !== '') yield { type: 'delta', text };
        for (const piece of choice.delta?.tool_calls ?? []) {
          const index = typeof piece.index === 'number' ? piece.index : 0;
          const c = calls.get(index) ?? { id: '', name: '', arguments: '' };
          if (typeof piece.id === 'string' && piece.id) c.id = piece.id;
          if (typeof piece.function?.name === 'string') c.name += piece.function.name;
          if (typeof piece.function?.arguments === 'string') c.arguments += piece.function.arguments;
          calls.set(index, c);
        }
        if (typeof choice.finish_reason === 'string' && choice.finish_reason) {
          finish = FINISH[choice.finish_reason] ?? 'stop';
          yield* flushCalls();
        }
      }
      // A finish reason without [DONE] is a whole answer from a lax server; neither is a cut-off one.
      if (finish === null)
        throw new UpstreamFailure('protocol', 'openai: the stream ended before its finish');
      yield { type: 'end', finishReason: finish, usage };
    },
  };
}
