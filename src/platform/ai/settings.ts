// Parsers for the AI settings that config.parsers.ts has no general form for. config.settings.ts
// declares the settings; createAi (ai.ts) reads them.
import { ConfigError, type Raw, text } from '../../config.parsers.ts';

export const LLM_PROVIDERS = ['auto', 'offline', 'openai', 'anthropic'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

export function llmProvider(raw: Raw, name: string): LlmProvider {
  const s = text(raw, name).toLowerCase();
  if (!(LLM_PROVIDERS as readonly string[]).includes(s)) {
    throw new ConfigError(`${name} must be one of ${LLM_PROVIDERS.join(', ')} (got "${s}")`);
  }
  return s as LlmProvider;
}

/** A model id: any non-empty name, since each server (OpenAI, Ollama, vLLM, Azure) has its own. */
export function modelName(raw: Raw, name: string): string {
  const s = text(raw, name);
  if (s === '') throw new ConfigError(`${name} must not be empty`);
  return s;
}
