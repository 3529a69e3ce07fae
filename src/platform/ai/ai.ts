// The single entry point of AI calls: createAi picks the provider from the configuration and wraps
// it in the rules every call shares — a timeout to the first token and between tokens, retries of
// transient failures before anything was streamed, and the caller's offline answer as the fallback.
//
// A failure after the first delta throws AppError 'unavailable' instead of ending with the offline
// answer: the client already shows part of the model's text, and appending a different answer to it
// would read as one confused reply.
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from '../../config.parsers.ts';
import type { Config } from '../../config.settings.ts';
import { AppError } from '../http/errors.ts';
import { anthropicProvider } from './anthropic.ts';
import { offlineProvider } from './offline.ts';
import { OPENAI_BASE_URL, openAiProvider } from './openai.ts';
import { ProviderFailure } from './remote.ts';
import type { Ai, AiProvider, ChatChunk, ChatRequest, Completion, FallbackNote } from './types.ts';

export type {
  Ai,
  AiProvider,
  ChatChunk,
  ChatMessage,
  ChatRequest,
  Completion,
  FallbackNote,
  OfflineAnswer,
} from './types.ts';

export type AiSettings = Pick<
  Config,
  | 'llmProvider'
  | 'llmBaseUrl'
  | 'llmApiKey'
  | 'llmModel'
  | 'anthropicApiKey'
  | 'anthropicModel'
  | 'anthropicBaseUrl'
  | 'llmTimeoutMs'
  | 'llmAnswerTimeoutMs'
  | 'llmRetries'
>;

// First retry after ~250 ms, then ~500 ms: a blip or a brief overload passes, a user is not kept waiting.
const BACKOFF_BASE_MS = 250;

/**
 * The provider LLM_PROVIDER names; `auto` takes Anthropic when ANTHROPIC_API_KEY is set, else the
 * OpenAI-compatible API when LLM_BASE_URL is set, else offline. An explicit choice without what it
 * needs is a ConfigError at start-up rather than a fallback on every call.
 */
export function selectProvider(settings: AiSettings): AiProvider {
  const { llmProvider, anthropicApiKey, llmBaseUrl, llmApiKey } = settings;
  const choice =
    llmProvider !== 'auto' ? llmProvider : anthropicApiKey ? 'anthropic' : llmBaseUrl ? 'openai' : 'offline';
  switch (choice) {
    case 'anthropic':
      if (!anthropicApiKey) throw new ConfigError('LLM_PROVIDER=anthropic needs ANTHROPIC_API_KEY');
      return anthropicProvider({
        baseUrl: settings.anthropicBaseUrl,
        apiKey: anthropicApiKey,
        model: settings.anthropicModel,
      });
    case 'openai':
      if (!llmBaseUrl && !llmApiKey) {
        throw new ConfigError(
          `LLM_PROVIDER=openai needs LLM_BASE_URL, or LLM_API_KEY for ${OPENAI_BASE_URL}`,
        );
      }
      return openAiProvider({
        baseUrl: llmBaseUrl ?? OPENAI_BASE_URL,
        apiKey: llmApiKey,
        model: settings.llmModel,
      });
    case 'offline':
      return offlineProvider();
  }
}

export function createAi(settings: AiSettings): Ai {
  const provider = selectProvider(settings);
  const offline = offlineProvider();
  const policy = { timeoutMs: settings.llmTimeoutMs, retries: settings.llmRetries };

  async function* chat(req: ChatRequest): AsyncGenerator<ChatChunk> {
    if (provider.name === 'offline') {
      for await (const text of offline.stream(req)) yield { type: 'delta', text };
      yield { type: 'done', provider: offline.name, model: offline.model };
      return;
    }
    let streamed = false;
    let fallback: FallbackNote;
    try {
      for await (const text of withRetries(provider, req, policy)) {
        streamed = true;
        yield { type: 'delta', text };
      }
      // An empty reply tells the user nothing; their own data does.
      if (!streamed) throw new ProviderFailure(`${provider.name}: answered no text`, false);
      yield { type: 'done', provider: provider.name, model: provider.model };
      return;
    } catch (err) {
      if (req.signal?.aborted) throw req.signal.reason;
      // Any other error is a bug in this layer rather than the provider failing: no fallback hides it.
      if (!(err instanceof ProviderFailure)) throw err;
      if (streamed) {
        throw new AppError('unavailable', `The AI answer broke off: ${err.message}`, undefined, {
          cause: err,
        });
      }
      fallback = { from: provider.name, reason: err.message };
    }
    for await (const text of offline.stream(req)) yield { type: 'delta', text };
    yield { type: 'done', provider: offline.name, model: offline.model, fallback };
  }

  async function complete(req: ChatRequest): Promise<Completion> {
    let text = '';
    for await (const chunk of chat(req)) {
      if (chunk.type === 'delta') {
        text += chunk.text;
        continue;
      }
      const { provider, model, fallback } = chunk;
      return { text, provider, model, ...(fallback && { fallback }) };
    }
    throw new Error('chat ended without a done chunk');
  }

  return { provider: provider.name, model: provider.model, chat, complete };
}

interface Policy {
  timeoutMs: number;
  retries: number;
}

/** Retries a retryable failure as long as no delta was given out: after one, a retry would repeat it. */
async function* withRetries(provider: AiProvider, req: ChatRequest, policy: Policy): AsyncGenerator<string> {
  for (let attempt = 0; ; attempt++) {
    let streamed = false;
    try {
      for await (const text of withTimeout(provider, req, policy.timeoutMs)) {
        streamed = true;
        yield text;
      }
      return;
    } catch (err) {
      const retry = err instanceof ProviderFailure && err.retryable && !streamed && attempt < policy.retries;
      if (!retry || req.signal?.aborted) throw err;
    }
    const jitter = 0.5 + Math.random() / 2;
    await sleep(BACKOFF_BASE_MS * 2 ** attempt * jitter, undefined, { signal: req.signal });
  }
}

/**
 * One attempt, abandoned when the first token takes longer than `timeoutMs` or two tokens are
 * further apart. The clock stops while the caller handles a delta: a slow reader is not an idle model.
 */
async function* withTimeout(
  provider: AiProvider,
  req: ChatRequest,
  timeoutMs: number,
): AsyncGenerator<string> {
  const attempt = new AbortController();
  const signal = req.signal ? AbortSignal.any([req.signal, attempt.signal]) : attempt.signal;
  let timer: NodeJS.Timeout | undefined;
  const arm = (what: string) => {
    timer = setTimeout(() => {
      attempt.abort(new ProviderFailure(`${provider.name}: no ${what} within ${timeoutMs} ms`, false));
    }, timeoutMs);
  };
  arm('first token');
  try {
    for await (const text of provider.stream({ ...req, signal })) {
      clearTimeout(timer);
      yield text;
      arm('further token');
    }
  } finally {
    clearTimeout(timer);
    attempt.abort();
  }
}
