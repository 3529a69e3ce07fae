// OpenAI-compatible Chat Completions, streamed: OpenAI itself, Azure's OpenAI-compatible endpoint,
// Ollama, vLLM and the like all take POST {base}/chat/completions with `stream: true` and answer
// `data: {chunk}` events ending with `data: [DONE]`.
import { createRemote } from './remote.ts';
import type { AiProvider } from './types.ts';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAiOptions {
  /** The API base including its version path, e.g. https://api.openai.com/v1. */
  baseUrl: string;
  /** Sent as a bearer token; absent for servers without authentication (a local Ollama). */
  apiKey: string | undefined;
  model: string;
}

interface CompletionChunk {
  choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[];
  error?: { message?: unknown };
}

export function openAiProvider({ baseUrl, apiKey, model }: OpenAiOptions): AiProvider {
  const remote = createRemote('openai', apiKey);
  const url = `${baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  return {
    name: 'openai',
    model,
    async *stream(req) {
      const messages = [
        ...(req.system ? [{ role: 'system', content: req.system }] : []),
        ...req.messages.map(({ role, content }) => ({ role, content })),
      ];
      const body = {
        model,
        messages,
        stream: true,
        ...(req.maxTokens !== undefined && { max_tokens: req.maxTokens }),
        ...(req.temperature !== undefined && { temperature: req.temperature }),
      };
      let finished = false;
      for await (const event of remote.post(url, headers, body, req.signal)) {
        if (event.data === '[DONE]') return;
        const chunk = remote.json(event.data) as CompletionChunk;
        // Some compatible servers report a failure inside the stream instead of with a status.
        if (chunk.error) throw remote.failure(`reported an error: ${String(chunk.error.message)}`, false);
        // Azure sends chunks without choices (its content-filter results): nothing to say there.
        const choice = chunk.choices?.[0];
        const text = choice?.delta?.content;
        if (typeof text === 'string' && text !== '') yield text;
        if (choice?.finish_reason) finished = true;
      }
      // A finish reason without [DONE] is a whole answer from a lax server; neither is a cut-off one.
      if (!finished) throw remote.failure('the stream ended before [DONE]', true);
    },
  };
}
