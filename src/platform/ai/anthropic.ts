// Anthropic's Messages API, streamed: POST {base}/v1/messages with `stream: true` answers named
// events — message_start, content_block_* (text in content_block_delta's text_delta), message_delta,
// message_stop — with `ping`s in between and an `error` event when it fails after the headers.
import { createRemote } from './remote.ts';
import type { AiProvider } from './types.ts';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
export const ANTHROPIC_VERSION = '2023-06-01';
/** The API requires max_tokens; this is used when a request sets none. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

// Anthropic's error types that mean "try again" (the 429 and 5xx of an error event).
const RETRYABLE_ERRORS = new Set(['overloaded_error', 'api_error', 'rate_limit_error']);

export interface AnthropicOptions {
  /** Absent → https://api.anthropic.com. */
  baseUrl: string | undefined;
  apiKey: string;
  model: string;
}

interface StreamEvent {
  delta?: { type?: unknown; text?: unknown };
  error?: { type?: unknown; message?: unknown };
}

export function anthropicProvider({ baseUrl, apiKey, model }: AnthropicOptions): AiProvider {
  const remote = createRemote('anthropic', apiKey);
  const url = `${(baseUrl ?? ANTHROPIC_BASE_URL).replace(/\/+$/, '')}/v1/messages`;
  const headers = { 'x-api-key': apiKey, 'anthropic-version': ANTHROPIC_VERSION };
  return {
    name: 'anthropic',
    model,
    async *stream(req) {
      // The API takes only user and assistant turns; system text goes in `system`.
      const system = [req.system, ...req.messages.filter((m) => m.role === 'system').map((m) => m.content)]
        .filter((s) => s !== '')
        .join('\n\n');
      const body = {
        model,
        ...(system && { system }),
        messages: req.messages
          .filter((m) => m.role !== 'system')
          .map(({ role, content }) => ({ role, content })),
        max_tokens: req.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
        stream: true,
        ...(req.temperature !== undefined && { temperature: req.temperature }),
      };
      for await (const event of remote.post(url, headers, body, req.signal)) {
        if (event.event === 'message_stop') return;
        if (event.event === 'error') {
          const { error } = remote.json(event.data) as StreamEvent;
          const type = String(error?.type);
          throw remote.failure(`reported ${type}: ${String(error?.message)}`, RETRYABLE_ERRORS.has(type));
        }
        if (event.event !== 'content_block_delta') continue;
        const { delta } = remote.json(event.data) as StreamEvent;
        if (delta?.type === 'text_delta' && typeof delta.text === 'string' && delta.text !== '') {
          yield delta.text;
        }
      }
      throw remote.failure('the stream ended before message_stop', true);
    },
  };
}
