// The settings of each pipeline node type and their checks (issue 18). Pure: no database, no HTTP.
// Used by graph.ts: each node's config is checked against its type — required settings present,
// values in range, settings of other node types refused. Every message names the setting.
import { MODEL_PROVIDERS, type NodeType, RETRIEVE_SOURCES, RETRY_ON } from '../contracts.ts';

export const MAX_FALLBACKS = 5;
export const MAX_REFUSED_TOPICS = 50;
export const MAX_JSON_SCHEMA_CHARS = 8_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Check = (value: unknown) => string | null;

const integer =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? null
      : `an integer from ${min} to ${max}`;
const number =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? null
      : `a number from ${min} to ${max}`;
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `one of ${values.join(', ')}`;
const boolean: Check = (v) => (typeof v === 'boolean' ? null : 'true or false');
const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.trim().length > 0 && v.length <= max
      ? null
      : `a non-empty text of at most ${max} characters`;
const uuid: Check = (v) => (typeof v === 'string' && UUID.test(v) ? null : 'a UUID');

const target: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'an object {provider, model}';
  const t = v as Record<string, unknown>;
  const extra = Object.keys(t).filter((k) => k !== 'provider' && k !== 'model');
  if (extra.length > 0) return `an object {provider, model} without "${extra.join('", "')}"`;
  if (oneOf(MODEL_PROVIDERS)(t.provider) !== null)
    return `{provider, model} with provider one of ${MODEL_PROVIDERS.join(', ')}`;
  if (text(100)(t.model) !== null) return '{provider, model} with a model name of 1–100 characters';
  return null;
};

const list =
  (item: Check, max: number, unique = false): Check =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return `a list of at most ${max} items`;
    for (const [i, x] of v.entries()) {
      const problem = item(x);
      if (problem) return `a list whose item ${i + 1} is ${problem}`;
    }
    if (unique && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) return 'a list without repeats';
    return null;
  };

const jsonSchema: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'a JSON schema object';
  if (JSON.stringify(v).length > MAX_JSON_SCHEMA_CHARS)
    return `a JSON schema of at most ${MAX_JSON_SCHEMA_CHARS} characters`;
  return null;
};

/** Each type's settings: the check of each, and which are required. */
const SETTINGS: Record<NodeType, Record<string, { check: Check; required?: boolean }>> = {
  input: {},
  output: {},
  retrieve: {
    source: { check: oneOf(RETRIEVE_SOURCES), required: true },
    entityId: { check: uuid },
    hours: { check: integer(1, 24 * 90) },
    maxChars: { check: integer(100, 50_000) },
  },
  cache: {
    mode: { check: oneOf(['exact', 'semantic']), required: true },
    ttlSeconds: { check: integer(1, 30 * 86_400), required: true },
    threshold: { check: number(0.5, 1) },
  },
  guard: {
    redactPii: { check: boolean, required: true },
    maxInputTokens: { check: integer(1, 1_000_000) },
    refuseTopics: { check: list(text(100), MAX_REFUSED_TOPICS, true) },
  },
  model: {
    provider: { check: oneOf(MODEL_PROVIDERS), required: true },
    model: { check: text(100), required: true },
    temperature: { check: number(0, 2) },
    maxTokens: { check: integer(1, 200_000) },
    fallbacks: { check: list(target, MAX_FALLBACKS) },
    retries: { check: integer(0, 5) },
    retryOn: { check: list(oneOf(RETRY_ON), RETRY_ON.length, true) },
    timeoutMs: { check: integer(100, 600_000) },
    answerTimeoutMs: { check: integer(100, 3_600_000) },
    dailyTokenBudget: { check: integer(1, 10_000_000_000) },
    dailyCostBudgetUsd: { check: number(0.01, 1_000_000) },
  },
  postprocess: {
    jsonSchema: { check: jsonSchema },
    groundNumbers: { check: boolean },
  },
};

/** The problems of one node's config, each naming the setting. */
export function configProblems(type: NodeType, config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const settings = SETTINGS[type];
  for (const key of Object.keys(config)) {
    if (config[key] === undefined) continue;
    const setting = settings[key];
    if (!setting) {
      const known = Object.keys(settings);
      problems.push(
        known.length === 0
          ? `has no settings ("${key}" given)`
          : `"${key}" is not a ${type} setting (settings: ${known.join(', ')})`,
      );
      continue;
    }
    const expected = setting.check(config[key]);
    if (expected) problems.push(`${key} must be ${expected}`);
  }
  for (const [key, setting] of Object.entries(settings)) {
    if (setting.required && config[key] === undefined) problems.push(`${key} is required`);
  }
  if (type === 'retrieve') {
    const source = config.source;
    if (source === 'alarms' && config.entityId !== undefined)
      problems.push('entityId does not apply to alarms');
    if (source === 'analysis' && config.hours !== undefined)
      problems.push('hours does not apply to an analysis');
  }
  if (type === 'cache' && config.mode === 'exact' && config.threshold !== undefined) {
    problems.push('threshold applies to semantic caches only');
  }
  if (
    type === 'model' &&
    Array.isArray(config.retryOn) &&
    config.retryOn.length > 0 &&
    config.retries === 0
  ) {
    problems.push('retryOn is set but retries is 0');
  }
  if (type === 'postprocess' && config.jsonSchema === undefined && config.groundNumbers !== true) {
    problems.push('does nothing: set jsonSchema or groundNumbers');
  }
  return problems;
}
