// The post-process node (pure): checks of the whole answer once it is complete.
//
// Both checks report warnings in the done event (and so in the protocol layers' metadata) instead
// of failing the request: by then the answer has been streamed, and for a non-streamed call an
// upstream error for an answer the caller paid for would throw away what may be usable text. A
// caller that needs a hard failure reads the warnings.
//
// jsonSchema checks a small subset of JSON Schema: `type` (string, number, integer, boolean, null,
// object, array, or a list of them), `enum`, `required`, `properties` (recursively), `items`
// (recursively) and `additionalProperties: false`. Other keywords are ignored. A ```json fenced
// answer is unwrapped first, as models often fence JSON.
//
// groundNumbers flags each number in the answer that appears neither in the retrieved context nor in
// the prompt (compared by value: "1,200" = "1200" = "1200.0"). Integers 0–10 are not checked: they are
// list numbering and counts in prose far more often than claims about the plant.
import type { PostprocessNodeConfig } from '../../contracts.ts';

type Schema = Record<string, unknown>;
const MAX_SCHEMA_PROBLEMS = 5;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'integer') return actual === 'number' && Number.isInteger(value);
  return actual === type;
}

/** Problems of `value` against the schema subset, each with its JSON path; empty when it matches. */
export function schemaProblems(value: unknown, schema: Schema, path = '$'): string[] {
  const problems: string[] = [];
  const types =
    typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type : [];
  if (types.length > 0 && !types.some((t) => matchesType(value, String(t)))) {
    return [`${path} should be ${types.join(' or ')}, not ${typeOf(value)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    problems.push(`${path} should be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of Array.isArray(schema.required) ? schema.required : []) {
      if (!(String(key) in obj)) problems.push(`${path}.${String(key)} is required`);
    }
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [key, sub] of Object.entries(props)) {
      if (key in obj && sub && typeof sub === 'object')
        problems.push(...schemaProblems(obj[key], sub, `${path}.${key}`));
    }
    if (schema.additionalProperties === false) {
      for (const key of Object.keys(obj)) if (!(key in props)) problems.push(`${path}.${key} is not allowed`);
    }
  }
  if (Array.isArray(value) && schema.items && typeof schema.items === 'object') {
    value.forEach((item, i) => {
      problems.push(...schemaProblems(item, schema.items as Schema, `${path}[${i}]`));
    });
  }
  return problems;
}

/** The answer as JSON (a fenced block unwrapped), or undefined when it does not parse. */
export function parseAnswerJson(text: string): { value: unknown } | undefined {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(text);
  try {
    return { value: JSON.parse(fenced ? (fenced[1] ?? '') : text) };
  } catch {
    return undefined;
  }
}

export function jsonSchemaWarnings(text: string, schema: Schema): string[] {
  const parsed = parseAnswerJson(text);
  if (!parsed) return ['answer did not match the schema: it is not JSON'];
  const problems = schemaProblems(parsed.value, schema);
  if (problems.length === 0) return [];
  const shown = problems.slice(0, MAX_SCHEMA_PROBLEMS).join('; ');
  const more =
    problems.length > MAX_SCHEMA_PROBLEMS ? ` (+${problems.length - MAX_SCHEMA_PROBLEMS} more)` : '';
  return [`answer did not match the schema: ${shown}${more}`];
}

// A number: optional sign, digits with optional thousands separators, optional decimals.
const NUMBER =
  /(?<![\p{L}\d.,])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\p{L}\d.,])-?\d+(?:\.\d+)?(?![\d])/gu;

/** The numbers in a text, as the strings found. */
export function numbersIn(text: string): string[] {
  return text.match(NUMBER) ?? [];
}

const numberValue = (s: string) => Number(s.replaceAll(',', ''));

export function ungroundedNumbers(answer: string, sources: readonly string[]): string[] {
  const known = new Set<number>();
  for (const source of sources) {
    for (const n of numbersIn(source)) {
      const v = numberValue(n);
      known.add(v);
      known.add(Math.abs(v));
    }
  }
  const flagged: string[] = [];
  for (const n of numbersIn(answer)) {
    const v = numberValue(n);
    if (Number.isInteger(v) && v >= 0 && v <= 10) continue;
    if (!known.has(v) && !known.has(Math.abs(v)) && !flagged.includes(n)) flagged.push(n);
  }
  return flagged;
}

/** The warnings of every post-process node over the whole answer. */
export function postprocessWarnings(
  config: PostprocessNodeConfig,
  answer: string,
  sources: readonly string[],
): string[] {
  const warnings: string[] = [];
  if (config.jsonSchema) warnings.push(...jsonSchemaWarnings(answer, config.jsonSchema));
  if (config.groundNumbers) {
    const loose = ungroundedNumbers(answer, sources);
    if (loose.length > 0) {
      warnings.push(`numbers not found in the context or the prompt: ${loose.slice(0, 10).join(', ')}`);
    }
  }
  return warnings;
}
