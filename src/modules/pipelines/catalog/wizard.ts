// The pipeline wizard (POST /pipelines/generate): a spec → nodes, connections, features and the
// reason for every node. Rule-based and deterministic: the same spec gives the same pipeline.
//
// Rules, in the order the nodes run:
// - input.
// - one retrieve node per data source (analysis, alarms, sensors), side by side when several;
//   alarms and sensors look back 24 h (latency `low`: 6 h), the context is cut to 4,000 characters
//   (latency `low`: 2,000; `quality`: 8,000).
// - guard, always: PII redaction on; an input limit (latency `low`: 4,000 tokens, else 16,000);
//   regulated sectors (REFUSED_TOPICS) refuse the topics listed for them.
// - cache: cost `low` → semantic (threshold 0.65); cost `balanced` → semantic (0.7) when latency is
//   `low`, else exact; cost `quality` → exact when latency is `low`, else none (always a fresh
//   answer). TTL 1 day, capped at 5 minutes when the pipeline reads live data (alarms, sensors).
// - model: `quality` cost → anthropic claude-sonnet-4 with openai gpt-4o as fallback; otherwise
//   openai gpt-4o-mini (latency `low` or cost `low`) or gpt-4.1-mini, with anthropic
//   claude-3-5-haiku as fallback. Always a last fallback to the built-in offline model, so the
//   pipeline answers without keys or network. Timeout and answer length follow the latency
//   preference; retries on timeouts, rate limits and server errors (none when latency is `low`).
// - postprocess: number grounding when the pipeline retrieves data; a JSON-schema check
//   ({"type":"object"}) when the use case asks for JSON or structured output.
// - output.

import { RECOMMENDED_THRESHOLD } from '../cache/embedder.ts';
import type {
  CacheNodeConfig,
  GuardNodeConfig,
  ModelNodeConfig,
  ModelTarget,
  PipelineConnection,
  PipelineNode,
  PostprocessNodeConfig,
  RetrieveSource,
} from '../contracts.ts';
import { featuresOf } from './graph.ts';

export const PREFERENCES = ['low', 'balanced', 'quality'] as const;
export type Preference = (typeof PREFERENCES)[number];

export interface WizardSpec {
  sector: string;
  useCase: string;
  dataSources: RetrieveSource[];
  latency: Preference;
  cost: Preference;
  name?: string | undefined;
}

export interface WizardReason {
  nodeId: string;
  reason: string;
}

export interface WizardResult {
  name: string;
  sector: string;
  description: string;
  nodes: PipelineNode[];
  connections: PipelineConnection[];
  features: string[];
  reasons: WizardReason[];
}

/** Topics regulated sectors refuse by default (the guard names them when it refuses). */
export const REFUSED_TOPICS: Record<string, string[]> = {
  pharma: ['dosage advice', 'medical diagnosis'],
  healthcare: ['dosage advice', 'medical diagnosis'],
  finance: ['investment advice'],
  legal: ['legal advice'],
  government: ['classified information'],
};

export const OFFLINE_MODEL: ModelTarget = { provider: 'offline', model: 'plantintel-offline' };
const LIVE_SOURCES: RetrieveSource[] = ['alarms', 'sensors'];
const SOURCE_TEXT: Record<RetrieveSource, string> = {
  analysis: 'the latest completed analysis (summary, narrative, top insights)',
  alarms: 'the recent alarm history',
  sensors: 'a summary of the sensors (last values, limits, recent range)',
};
const STRUCTURED = /\b(json|structured|extract(ion)?|fields?|schema)\b/i;

export function generatePipeline(spec: WizardSpec): WizardResult {
  const nodes: PipelineNode[] = [];
  const reasons: WizardReason[] = [];
  const add = (node: PipelineNode, reason: string) => {
    nodes.push(node);
    reasons.push({ nodeId: node.id, reason });
  };
  const sector = spec.sector.trim().toLowerCase();
  const sources = [...new Set(spec.dataSources)].sort();
  const live = sources.some((s) => LIVE_SOURCES.includes(s));

  add({ id: 'input', type: 'input', config: {} }, 'Every pipeline starts with the request.');

  const retrieveIds: string[] = [];
  for (const source of sources) {
    const id = `retrieve-${source}`;
    retrieveIds.push(id);
    const maxChars = spec.latency === 'low' ? 2_000 : spec.latency === 'quality' ? 8_000 : 4_000;
    const config =
      source === 'analysis'
        ? { source, maxChars }
        : { source, hours: spec.latency === 'low' ? 6 : 24, maxChars };
    add(
      { id, type: 'retrieve', config },
      `The use case reads ${SOURCE_TEXT[source]}; the answer is grounded in it (context cut to ${maxChars} characters for ${spec.latency} latency).`,
    );
  }

  const guard: GuardNodeConfig = { redactPii: true, maxInputTokens: spec.latency === 'low' ? 4_000 : 16_000 };
  const topics = REFUSED_TOPICS[sector];
  if (topics) guard.refuseTopics = topics;
  add(
    { id: 'guard', type: 'guard', config: guard },
    `PII is redacted before any model or cache sees it; prompts above ${guard.maxInputTokens} tokens are refused` +
      (topics ? `; the ${sector} sector refuses ${topics.join(' and ')}.` : '.'),
  );

  const cache = cacheFor(spec, live);
  if (cache) add({ id: 'cache', type: 'cache', config: cache.config }, cache.reason);

  const model = modelFor(spec);
  add({ id: 'model', type: 'model', config: model.config }, model.reason);

  const post: PostprocessNodeConfig = {};
  const postReasons: string[] = [];
  if (sources.length > 0) {
    post.groundNumbers = true;
    postReasons.push('numbers in the answer must appear in the retrieved data');
  }
  if (STRUCTURED.test(spec.useCase)) {
    post.jsonSchema = { type: 'object' };
    postReasons.push('the use case asks for structured output, so the answer must be a JSON object');
  }
  if (postReasons.length > 0) {
    add(
      { id: 'postprocess', type: 'postprocess', config: post },
      `Checked after the model: ${postReasons.join('; ')}.`,
    );
  }
  add({ id: 'output', type: 'output', config: {} }, 'The answer goes back in the protocol the caller spoke.');

  // Retrieves side by side after the input, joining at the guard; the rest in a line.
  const connections: PipelineConnection[] = [];
  const rest = nodes.filter((n) => n.type !== 'input' && n.type !== 'retrieve').map((n) => n.id);
  if (retrieveIds.length === 0) connections.push({ from: 'input', to: 'guard' });
  for (const id of retrieveIds) connections.push({ from: 'input', to: id }, { from: id, to: 'guard' });
  for (let i = 1; i < rest.length; i++)
    connections.push({ from: rest[i - 1] as string, to: rest[i] as string });

  const name = spec.name?.trim() || `${capitalise(sector)} ${spec.useCase.trim()}`.slice(0, 200);
  return {
    name,
    sector,
    description: `Generated for "${spec.useCase.trim()}" (${sector}; latency ${spec.latency}, cost ${spec.cost}${sources.length ? `; data: ${sources.join(', ')}` : ''}).`,
    nodes,
    connections,
    features: featuresOf({ nodes, connections }),
    reasons,
  };
}

function cacheFor(spec: WizardSpec, live: boolean): { config: CacheNodeConfig; reason: string } | null {
  const ttlSeconds = live ? 300 : 86_400;
  const ttlText = live
    ? 'answers live for 5 minutes because alarms and sensor data change'
    : 'answers live for a day';
  // Low cost: the embedder's own default threshold (0.65 with the built-in embedder,
  // EMBEDDINGS_THRESHOLD with an upstream one). Balanced cost at low latency: a stricter 0.7, chosen
  // for the built-in embedder.
  if (spec.cost === 'low') {
    return {
      config: { mode: 'semantic', ttlSeconds },
      reason: `A semantic cache (similarity ≥ the embedder's default, ${RECOMMENDED_THRESHOLD} with the built-in one) answers paraphrased repeats without a model call, for low cost; ${ttlText}.`,
    };
  }
  if (spec.cost === 'balanced' && spec.latency === 'low') {
    return {
      config: { mode: 'semantic', ttlSeconds, threshold: 0.7 },
      reason: `A semantic cache (similarity ≥ 0.7) answers paraphrased repeats without a model call, for low latency at balanced cost; ${ttlText}.`,
    };
  }
  if (spec.cost === 'balanced' || spec.latency === 'low') {
    return {
      config: { mode: 'exact', ttlSeconds },
      reason: `An exact cache replays identical requests (never a wrong hit), ${spec.cost === 'quality' ? 'for low latency' : 'for balanced cost'}; ${ttlText}.`,
    };
  }
  return null;
}

function modelFor(spec: WizardSpec): { config: ModelNodeConfig; reason: string } {
  const timeoutMs = spec.latency === 'low' ? 10_000 : spec.latency === 'balanced' ? 30_000 : 60_000;
  // A request without a stream waits for the whole answer: room for the tokens below at a slow pace.
  const answerTimeoutMs = spec.latency === 'low' ? 30_000 : spec.latency === 'balanced' ? 60_000 : 120_000;
  const maxTokens = spec.latency === 'low' ? 512 : spec.latency === 'balanced' ? 1_024 : 2_048;
  let primary: ModelTarget;
  let fallback: ModelTarget;
  let why: string;
  if (spec.cost === 'quality') {
    primary = { provider: 'anthropic', model: 'claude-sonnet-4' };
    fallback = { provider: 'openai', model: 'gpt-4o' };
    why = 'quality first';
  } else if (spec.cost === 'low' || spec.latency === 'low') {
    primary = { provider: 'openai', model: 'gpt-4o-mini' };
    fallback = { provider: 'anthropic', model: 'claude-3-5-haiku' };
    why = spec.cost === 'low' ? 'the cheapest capable model' : 'a fast small model';
  } else {
    primary = { provider: 'openai', model: 'gpt-4.1-mini' };
    fallback = { provider: 'anthropic', model: 'claude-3-5-haiku' };
    why = 'a balance of quality and price';
  }
  const config: ModelNodeConfig = {
    ...primary,
    temperature: 0.2,
    maxTokens,
    timeoutMs,
    answerTimeoutMs,
    fallbacks: [fallback, OFFLINE_MODEL],
  };
  if (spec.latency !== 'low') {
    config.retries = spec.latency === 'quality' ? 2 : 1;
    config.retryOn = ['timeout', 'rate_limit', 'server_error'];
  }
  return {
    config,
    reason:
      `${primary.provider}/${primary.model} for ${why}, falling back to ${fallback.provider}/${fallback.model} and then the built-in offline model (answers without keys or network); ` +
      `timeout ${timeoutMs / 1000} s to the first token (${answerTimeoutMs / 1000} s for a whole answer when a request asks for no stream) and at most ${maxTokens} tokens for ${spec.latency} latency` +
      (config.retries
        ? `; ${config.retries} ${config.retries === 1 ? 'retry' : 'retries'} on timeouts, rate limits and server errors.`
        : '; no retries, a fallback answers sooner.'),
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
