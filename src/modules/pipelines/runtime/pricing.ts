// What a request cost, from a price table in USD per million tokens (input, output): list prices of
// the providers' public pages as of 2025 for the models people most often put behind a gateway. A
// model is matched by the longest table prefix of its name ("gpt-4o-mini-2024-07-18" → gpt-4o-mini);
// an unknown model costs its provider's fallback price (OpenAI-compatible: gpt-4o-mini's, Anthropic:
// Claude Sonnet's), so a budget still stops it.
//
// The offline model costs a nominal $0.10 / $0.40 per million tokens, the price of a small hosted
// model, although it costs nothing: with a zero price the cache's savings on the demo's offline
// traffic would read $0 and the dashboards could not show what caching is worth. Its figures are
// labelled by provider `offline` everywhere, so they are never mistaken for a bill.
import type { Usage } from '../contracts.ts';

export interface Price {
  inputPerMillion: number;
  outputPerMillion: number;
}

const TABLE: [prefix: string, input: number, output: number][] = [
  ['gpt-4o-mini', 0.15, 0.6],
  ['gpt-4o', 2.5, 10],
  ['gpt-4.1-nano', 0.1, 0.4],
  ['gpt-4.1-mini', 0.4, 1.6],
  ['gpt-4.1', 2, 8],
  ['gpt-4-turbo', 10, 30],
  ['gpt-3.5-turbo', 0.5, 1.5],
  ['o3-mini', 1.1, 4.4],
  ['o4-mini', 1.1, 4.4],
  ['o3', 2, 8],
  ['claude-3-haiku', 0.25, 1.25],
  ['claude-3-5-haiku', 0.8, 4],
  ['claude-haiku', 0.8, 4],
  ['claude-3-5-sonnet', 3, 15],
  ['claude-3-7-sonnet', 3, 15],
  ['claude-sonnet', 3, 15],
  ['claude-3-opus', 15, 75],
  ['claude-opus', 15, 75],
];

export const OFFLINE_PRICE: Price = { inputPerMillion: 0.1, outputPerMillion: 0.4 };
const OPENAI_FALLBACK: Price = { inputPerMillion: 0.15, outputPerMillion: 0.6 };
const ANTHROPIC_FALLBACK: Price = { inputPerMillion: 3, outputPerMillion: 15 };

export function priceOf(provider: string, model: string): Price {
  if (provider === 'offline') return OFFLINE_PRICE;
  const name = model.toLowerCase();
  let best: (typeof TABLE)[number] | undefined;
  for (const row of TABLE) {
    if (name.startsWith(row[0]) && (!best || row[0].length > best[0].length)) best = row;
  }
  if (best) return { inputPerMillion: best[1], outputPerMillion: best[2] };
  return provider === 'anthropic' ? ANTHROPIC_FALLBACK : OPENAI_FALLBACK;
}

/** USD, rounded to a millionth of a cent so sums stay stable. */
export function costOf(provider: string, model: string, usage: Usage): number {
  const p = priceOf(provider, model);
  const usd = (usage.inputTokens * p.inputPerMillion + usage.outputTokens * p.outputPerMillion) / 1_000_000;
  return Math.round(usd * 1e8) / 1e8;
}
