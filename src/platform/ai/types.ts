// The shapes every AI call in PlantIntel goes through: a caller builds a ChatRequest (with its own
// grounded offline answer) and reads ChatChunks from Ai.chat; providers only turn a request into text.

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The caller's answer without a model: streamed pieces, or a whole text (streamed word by word). */
export type OfflineAnswer = AsyncIterable<string> | Promise<string> | string;

export interface ChatRequest {
  /** What the call is for, e.g. 'analysis.chat' or 'analysis.narrative' (for metrics and logs). */
  purpose: string;
  /** The tenant the call is made for: its default AI pipeline serves it (and its metrics show it). */
  tenantId?: string;
  system: string;
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  /**
   * The caller's grounded answer from its own data. The offline provider answers with it, and any
   * provider falls back to it when it fails before its first token. Called at most once per request.
   */
  offline: () => OfflineAnswer;
  /** Aborts the call (e.g. the client went away); no fallback is given then. */
  signal?: AbortSignal;
}

export interface FallbackNote {
  /** The provider that failed, e.g. 'anthropic'. */
  from: string;
  /** Why, without secrets, e.g. 'anthropic answered 401: invalid x-api-key'. */
  reason: string;
}

export type ChatChunk =
  | { type: 'delta'; text: string }
  | { type: 'done'; provider: string; model: string; fallback?: FallbackNote };

export type ProviderName = 'offline' | 'openai' | 'anthropic';

/** One way of producing text. Failures are thrown as ProviderFailure (remote.ts). */
export interface AiProvider {
  name: ProviderName;
  model: string;
  stream(req: ChatRequest): AsyncIterable<string>;
}

export interface Completion {
  text: string;
  provider: string;
  model: string;
  fallback?: FallbackNote;
}

/** The single entry point of AI calls (createAi in ai.ts). */
export interface Ai {
  /** The configured provider and model; a given answer may come from the offline fallback instead. */
  provider: ProviderName;
  model: string;
  /**
   * Streams the answer as deltas, then one done chunk naming who answered. Throws AppError
   * 'unavailable' when the provider fails after its first delta (the deltas already given stay
   * partial: they are never completed with the offline answer), and the caller's abort reason
   * when `signal` aborts.
   */
  chat(req: ChatRequest): AsyncIterable<ChatChunk>;
  /** chat, collected into one text. */
  complete(req: ChatRequest): Promise<Completion>;
}
