// A pipeline's node count, complexity score and tier, and monthly cost estimate (issue 18). Pure.
//
// Complexity score (one decimal):
//   score = 1.0 × working nodes (every node but input and output)
//         + 1.5 × branches   (Σ over nodes of max(0, outgoing − 1) + max(0, incoming − 1))
//         + 3.0 × model nodes
//         + 1.5 × fallback targets
//         + 0.5 × a model node with retries
//         + 2.0 × semantic cache nodes, 0.5 × exact cache nodes
//         + 1.0 × guard nodes (+ 0.5 when it refuses topics)
//         + 2.0 × retrieve nodes
//         + 1.0 × post-process checks (JSON schema, number grounding: 1 each)
// Tier: simple ≤ 8 < moderate ≤ 16 < complex ≤ 28 < enterprise.
//   The default pipeline (input → guard → exact cache → model → output) scores 3 + 1 + 0.5 + 3 = 7.5:
//   simple. A retrieval pipeline with a semantic cache, fallbacks and grounding is moderate to complex.
//
// Monthly cost estimate (USD, two decimals):
//   cost = platform fee of the tier
//        + requests per month × (1 − expected cache hit rate) × cost of one model call
//   requests per month: 10,000 (MONTHLY_REQUESTS; the same volume for every pipeline, so estimates compare).
//   one model call: (input tokens × input price + output tokens × output price) / 1,000,000 for the
//     primary target, + 5 % of each fallback's call (FALLBACK_SHARE: how often a fallback answers).
//   input tokens: 600 for the prompt + the context of each retrieve node (its maxChars / 4, default
//     6,000 characters → 1,500 tokens); output tokens: 250, or the model's maxTokens when lower.
//   prices: PRICES (USD per million tokens, input/output); `offline` is free; `default` (the server's
//     configured provider, not known when the pipeline is designed) and unknown models cost GENERIC.
//   expected cache hit rate: 0 without a cache, 15 % with an exact cache, 35 % with a semantic one.
//   platform fee: simple 0, moderate 25, complex 75, enterprise 200.
// A retrieval-only pipeline calls no model: its cost is the platform fee.
import type { ModelTarget, PipelineGraph } from '../contracts.ts';

export const COMPLEXITY_TIERS = ['simple', 'moderate', 'complex', 'enterprise'] as const;
export type ComplexityTier = (typeof COMPLEXITY_TIERS)[number];

export const MONTHLY_REQUESTS = 10_000;
export const PROMPT_TOKENS = 600;
export const OUTPUT_TOKENS = 250;
export const DEFAULT_CONTEXT_CHARS = 6_000;
export const FALLBACK_SHARE = 0.05;
export const HIT_RATE = { none: 0, exact: 0.15, semantic: 0.35 } as const;
export const PLATFORM_FEE: Record<ComplexityTier, number> = {
  simple: 0,
  moderate: 25,
  complex: 75,
  enterprise: 200,
};
const TIER_LIMITS: [ComplexityTier, number][] = [
  ['simple', 8],
  ['moderate', 16],
  ['complex', 28],
];

export interface Price {
  /** USD per million input tokens. */
  input: number;
  /** USD per million output tokens. */
  output: number;
}

/** List prices by model-name prefix (longest prefix wins), USD per million tokens. */
export const PRICES: Record<string, Price> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'o4-mini': { input: 1.1, output: 4.4 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
  'claude-haiku': { input: 0.8, output: 4 },
  'claude-3-5-sonnet': { input: 3, output: 15 },
  'claude-sonnet': { input: 3, output: 15 },
  'claude-opus': { input: 15, output: 75 },
};
/** The price assumed for `default` and for models not in the table. */
export const GENERIC: Price = { input: 1, output: 3 };
const FREE: Price = { input: 0, output: 0 };

/** The price of one model target (see PRICES). */
export function priceOf(target: ModelTarget): Price {
  if (target.provider === 'offline') return FREE;
  if (target.provider === 'default') return GENERIC;
  const name = target.model.toLowerCase();
  const prefix = Object.keys(PRICES)
    .filter((p) => name.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? (PRICES[prefix] as Price) : GENERIC;
}

export interface Complexity {
  nodeCount: number;
  complexityScore: number;
  complexityTier: ComplexityTier;
  /** USD per month. */
  monthlyCost: number;
  /** How the figures were reached, term by term. */
  explanation: string[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function tierOf(score: number): ComplexityTier {
  return TIER_LIMITS.find(([, limit]) => score <= limit)?.[0] ?? 'enterprise';
}

export function assessComplexity(graph: PipelineGraph): Complexity {
  const explanation: string[] = [];
  const terms: [string, number, number][] = [];
  const outgoing = new Map<string, number>();
  const incoming = new Map<string, number>();
  for (const c of graph.connections) {
    outgoing.set(c.from, (outgoing.get(c.from) ?? 0) + 1);
    incoming.set(c.to, (incoming.get(c.to) ?? 0) + 1);
  }
  const branches = graph.nodes.reduce(
    (sum, n) => sum + Math.max(0, (outgoing.get(n.id) ?? 0) - 1) + Math.max(0, (incoming.get(n.id) ?? 0) - 1),
    0,
  );
  const working = graph.nodes.filter((n) => n.type !== 'input' && n.type !== 'output').length;
  terms.push(['working nodes', working, 1], ['branches', branches, 1.5]);
  let models = 0;
  let fallbacks = 0;
  let retrying = 0;
  let semantic = 0;
  let exact = 0;
  let guards = 0;
  let refusing = 0;
  let retrieves = 0;
  let checks = 0;
  for (const n of graph.nodes) {
    if (n.type === 'model') {
      models += 1;
      fallbacks += n.config.fallbacks?.length ?? 0;
      if ((n.config.retries ?? 0) > 0) retrying += 1;
    } else if (n.type === 'cache') {
      if (n.config.mode === 'semantic') semantic += 1;
      else exact += 1;
    } else if (n.type === 'guard') {
      guards += 1;
      if (n.config.refuseTopics?.length) refusing += 1;
    } else if (n.type === 'retrieve') {
      retrieves += 1;
    } else if (n.type === 'postprocess') {
      checks += (n.config.jsonSchema ? 1 : 0) + (n.config.groundNumbers ? 1 : 0);
    }
  }
  terms.push(
    ['model nodes', models, 3],
    ['fallback targets', fallbacks, 1.5],
    ['models with retries', retrying, 0.5],
    ['semantic caches', semantic, 2],
    ['exact caches', exact, 0.5],
    ['guards', guards, 1],
    ['guards refusing topics', refusing, 0.5],
    ['retrieve nodes', retrieves, 2],
    ['post-process checks', checks, 1],
  );
  const score = round(
    terms.reduce((sum, [, n, w]) => sum + n * w, 0),
    1,
  );
  const tier = tierOf(score);
  const shown = terms.filter(([, n]) => n > 0).map(([name, n, w]) => `${n} ${name} × ${w}`);
  explanation.push(
    `complexity score ${score} = ${shown.join(' + ') || '0'}; tier ${tier} (simple ≤ 8 < moderate ≤ 16 < complex ≤ 28 < enterprise)`,
  );

  // Cost
  const fee = PLATFORM_FEE[tier];
  const model = graph.nodes.find((n) => n.type === 'model');
  let monthlyCost = fee;
  if (!model) {
    explanation.push(`monthly cost $${fee.toFixed(2)}: the ${tier} platform fee (no model is called)`);
  } else {
    const contextTokens = graph.nodes.reduce(
      (sum, n) =>
        sum + (n.type === 'retrieve' ? Math.ceil((n.config.maxChars ?? DEFAULT_CONTEXT_CHARS) / 4) : 0),
      0,
    );
    const tokensIn = PROMPT_TOKENS + contextTokens;
    const tokensOut = Math.min(OUTPUT_TOKENS, model.config.maxTokens ?? OUTPUT_TOKENS);
    const call = (t: ModelTarget) => {
      const p = priceOf(t);
      return (tokensIn * p.input + tokensOut * p.output) / 1_000_000;
    };
    const perRequest =
      call(model.config) + FALLBACK_SHARE * (model.config.fallbacks ?? []).reduce((s, f) => s + call(f), 0);
    const hitRate = semantic > 0 ? HIT_RATE.semantic : exact > 0 ? HIT_RATE.exact : HIT_RATE.none;
    const usage = MONTHLY_REQUESTS * (1 - hitRate) * perRequest;
    monthlyCost = fee + usage;
    explanation.push(
      `one request ≈ ${tokensIn} tokens in, ${tokensOut} out → $${perRequest.toFixed(6)} with ${model.config.provider}/${model.config.model}` +
        ((model.config.fallbacks?.length ?? 0) > 0 ? ` (+${FALLBACK_SHARE * 100} % of each fallback)` : ''),
      `monthly cost $${round(monthlyCost, 2).toFixed(2)} = $${fee} ${tier} platform fee + ${MONTHLY_REQUESTS} requests × ${round((1 - hitRate) * 100, 0)} % not answered by the cache × $${perRequest.toFixed(6)}`,
    );
  }
  return {
    nodeCount: graph.nodes.length,
    complexityScore: score,
    complexityTier: tier,
    monthlyCost: round(monthlyCost, 2),
    explanation,
  };
}
