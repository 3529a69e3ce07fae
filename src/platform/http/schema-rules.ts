// What a route may accept is bounded, or it is not registered. Checked once, when routes are added:
// every number has a minimum and a maximum (nothing reaches SQL as 1e+40 or Infinity), every
// string has a length limit and cannot carry NUL (PostgreSQL text refuses it), every array a
// maximum size. A new route with a loose schema fails at start-up with every problem named.

type Schema = Record<string, unknown>;

const NUL_FREE_FORMATS = new Set(['uuid', 'date-time', 'date', 'time', 'email', 'uri', 'ipv4', 'ipv6']);

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The problems of one schema (and everything inside it), each with its path. */
export function looseParts(schema: unknown, path: string, resolve: (ref: string) => unknown): string[] {
  if (!isSchema(schema)) return [];
  if (typeof schema.$ref === 'string') return looseParts(resolve(schema.$ref), path, resolve);
  if ('const' in schema || Array.isArray(schema.enum)) return [];
  const problems: string[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key];
    if (!Array.isArray(options)) continue;
    for (const option of options) problems.push(...looseParts(option, path, resolve));
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('integer') || types.includes('number')) {
    const low = schema.minimum ?? schema.exclusiveMinimum;
    const high = schema.maximum ?? schema.exclusiveMaximum;
    if (typeof low !== 'number' || typeof high !== 'number')
      problems.push(`${path}: a number without minimum and maximum`);
  }
  if (types.includes('string')) {
    const format = typeof schema.format === 'string' ? schema.format : undefined;
    if (typeof schema.maxLength !== 'number' && !format) problems.push(`${path}: a string without maxLength`);
    if (typeof schema.pattern !== 'string' && !(format && NUL_FREE_FORMATS.has(format))) {
      problems.push(`${path}: a string that may carry NUL (use Text() or a pattern)`);
    }
  }
  if (types.includes('array')) {
    if (typeof schema.maxItems !== 'number') problems.push(`${path}: an array without maxItems`);
    problems.push(...looseParts(schema.items, `${path}[]`, resolve));
  }
  if (types.includes('object') || isSchema(schema.properties)) {
    const properties = isSchema(schema.properties) ? schema.properties : {};
    for (const [name, property] of Object.entries(properties)) {
      problems.push(...looseParts(property, path ? `${path}.${name}` : name, resolve));
    }
    if (isSchema(schema.additionalProperties)) {
      problems.push(...looseParts(schema.additionalProperties, `${path}.*`, resolve));
    }
  }
  return problems;
}

/** The loose parts of a route's request schemas (body, querystring, params, headers). */
export function looseRequestParts(
  route: { method: string | string[]; url: string; schema?: Schema | undefined },
  resolve: (ref: string) => unknown,
): string[] {
  const problems: string[] = [];
  for (const part of ['body', 'querystring', 'params', 'headers'] as const) {
    const schema = route.schema?.[part];
    for (const problem of looseParts(schema, '', resolve)) {
      problems.push(
        `${[route.method].flat().join(',')} ${route.url} ${part}${problem.startsWith(':') ? '' : '.'}${problem}`,
      );
    }
  }
  return problems;
}

/**
 * The numeric fields of a route's query string and path, by part. Ajv coerces "Infinity" and
 * "1e400" from text to a number *after* the checks that would have refused them (minimum, maximum),
 * so these are checked again once validation has coerced them (see access.ts).
 */
export function numericTextFields(
  route: { schema?: Schema | undefined },
  resolve: (ref: string) => unknown,
): { part: 'query' | 'params'; name: string }[] {
  const fields: { part: 'query' | 'params'; name: string }[] = [];
  for (const [part, key] of [
    ['query', 'querystring'],
    ['params', 'params'],
  ] as const) {
    let schema = route.schema?.[key];
    if (isSchema(schema) && typeof schema.$ref === 'string') schema = resolve(schema.$ref);
    if (!isSchema(schema) || !isSchema(schema.properties)) continue;
    for (const [name, property] of Object.entries(schema.properties)) {
      if (mayBeNumber(property, resolve)) fields.push({ part, name });
    }
  }
  return fields;
}

function mayBeNumber(schema: unknown, resolve: (ref: string) => unknown): boolean {
  if (!isSchema(schema)) return false;
  if (typeof schema.$ref === 'string') return mayBeNumber(resolve(schema.$ref), resolve);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('integer') || types.includes('number')) return true;
  return ['anyOf', 'oneOf'].some((key) => {
    const options = schema[key];
    return Array.isArray(options) && options.some((option) => mayBeNumber(option, resolve));
  });
}
