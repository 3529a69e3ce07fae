// Inputs for the fuzz sweep (fuzz.test.ts), derived from a route's own request schemas: values the
// schema allows, mixed with values it must refuse cleanly — wrong types, huge and NUL-bearing
// strings, huge, negative and non-finite numbers, deep nesting, `__proto__` keys.
import fc from 'fast-check';

type Schema = Record<string, unknown>;
export type Resolve = (ref: string) => unknown;

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deeply nested arrays: a parser or validator that recurses without a limit falls over on these. */
const deep = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

export const JUNK_STRINGS = [
  '',
  '\u0000',
  'a\u0000b',
  'x'.repeat(70_000),
  '1e+40',
  'Infinity',
  '-Infinity',
  'NaN',
  '-1',
  '9007199254740993',
  '100000000000000000000',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '------------------------------------',
  '../../etc/passwd',
  "' or 1=1 --",
  '%00',
  '\uD800',
  '<script>alert(1)</script>',
  '{"__proto__":{"polluted":true}}',
];

const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1e40,
    -1e40,
    Number.MAX_SAFE_INTEGER + 2,
    0.5,
    [],
    {},
    deep(500),
    JSON.parse('{"__proto__":{"polluted":true}}'),
    ...JUNK_STRINGS,
  ),
  fc.string({ maxLength: 30 }),
  fc.double(),
  fc.integer(),
  fc.object({ maxDepth: 2 }),
);

/** Values the schema accepts (as far as a generator can tell): the happy half of the mix. */
function validValue(schema: unknown, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  if (!isSchema(schema) || depth > 6) return fc.constant(null);
  if (typeof schema.$ref === 'string') return validValue(resolve(schema.$ref), resolve, depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      return fc.oneof(...options.map((option) => validValue(option, resolve, depth + 1)));
    }
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const num = (key: string, fallback: number) =>
    typeof schema[key] === 'number' ? (schema[key] as number) : fallback;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date-time') {
        return fc
          .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      }
      if (schema.format === 'date') {
        return fc
          .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      }
      if (schema.format === 'email') return fc.emailAddress();
      if (typeof schema.pattern === 'string' && schema.pattern !== '^[^\\u0000]*$') {
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((s) => s.length <= num('maxLength', 1000));
      }
      return fc.string({ minLength: num('minLength', 0), maxLength: Math.min(num('maxLength', 40), 60) });
    }
    case 'integer':
      return fc.integer({ min: num('minimum', -1000), max: num('maximum', 1000) });
    case 'number':
      return fc.double({ min: num('minimum', -1000), max: num('maximum', 1000), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items, resolve, depth + 1), {
        maxLength: Math.min(num('maxItems', 3), 3),
      });
    case 'object': {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties))
        model[name] = validValue(property, resolve, depth + 1);
      return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
    }
    default:
      return fc.constant(null);
  }
}

/** `value` with an own `__proto__` key, as a JSON body can carry one. */
function withProtoKey(value: unknown): unknown {
  const rest = JSON.stringify(value).slice(1, -1);
  return JSON.parse(`{"__proto__":{"polluted":true}${rest ? `,${rest}` : ''}}`);
}

/** Each property valid or junk, sometimes an extra or `__proto__` key: the body of one request. */
export function bodyArbitrary(schema: unknown, resolve: Resolve): fc.Arbitrary<unknown> {
  const resolved = isSchema(schema) && typeof schema.$ref === 'string' ? resolve(schema.$ref) : schema;
  if (!isSchema(resolved) || !isSchema(resolved.properties)) {
    return fc.oneof(validValue(resolved, resolve), junkValue);
  }
  const required = Array.isArray(resolved.required) ? (resolved.required as string[]) : [];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(resolved.properties)) {
    model[name] = fc.oneof(
      { weight: 3, arbitrary: validValue(property, resolve) },
      { weight: 1, arbitrary: junkValue },
    );
  }
  const record = fc.record(model, { requiredKeys: required.filter((k) => k in model) });
  return fc.oneof(
    { weight: 6, arbitrary: record },
    { weight: 1, arbitrary: record.map((r) => ({ ...(r as object), unexpectedField: 'x' })) },
    {
      weight: 1,
      arbitrary: record.map(withProtoKey),
    },
    { weight: 1, arbitrary: junkValue },
  );
}

/** A query string: each parameter absent, a value the schema allows, or junk text. */
export function queryArbitrary(
  schema: unknown,
  resolve: Resolve,
): fc.Arbitrary<Record<string, string | undefined>> {
  const resolved = isSchema(schema) && typeof schema.$ref === 'string' ? resolve(schema.$ref) : schema;
  if (!isSchema(resolved) || !isSchema(resolved.properties)) return fc.constant({});
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const [name, property] of Object.entries(resolved.properties)) {
    model[name] = fc.oneof(
      {
        weight: 2,
        arbitrary: validValue(property, resolve).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      },
      { weight: 2, arbitrary: fc.constantFrom(...JUNK_STRINGS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    );
  }
  return fc.record(model, { requiredKeys: [] });
}

/** A path parameter: a well-formed id that exists nowhere, or junk. */
export const paramArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: fc.constantFrom(...JUNK_STRINGS.filter((s) => s !== '')) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
);

/** Raw bodies no JSON parser should turn into a 500. */
export const RAW_BODIES = [
  '{"a":',
  '{"a":1}}',
  'null',
  '"just a string"',
  '[]',
  '1e999',
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '\u0000',
];
