// Request validators from one Ajv per set of shared schemas, found without serializing the set.
// Fastify asks its validator builder for a compiler once per route in every plugin that added shared
// schemas (app.addSchema), and @fastify/ajv-compiler finds its pooled Ajv by a key made of
// JSON.stringify(all shared schemas): with our ~700 routes and ~300 shared schemas that was 4–5 s of
// start-up spent stringifying and hashing the same megabytes. Here the pool key is the schemas'
// identities (Fastify hands over the same schema objects each time in a fresh container), so a
// lookup costs one pass over the ids; the compilers built are @fastify/ajv-compiler's own.
//
// And each route's validators are compiled on their first use rather than at start-up, as the
// response serializers are (lazy-serializers.ts): compiling ~1,000 request schemas was a second of
// every start and of every test app, for routes most processes never see. The first request of a
// route pays its few milliseconds. The fuzz sweep (test/security/fuzz.test.ts) sends requests to
// every route, so a schema Ajv cannot compile fails the suite, not a user.
import { AjvCompiler } from '@fastify/ajv-compiler';

type BuildValidator = ReturnType<typeof AjvCompiler>;
type ExternalSchemas = Parameters<BuildValidator>[0];
type ValidatorOptions = Parameters<BuildValidator>[1];
type Validators = ReturnType<BuildValidator>;
type RouteSchema = Parameters<Validators>[0];
type ValidateFn = ((data: unknown) => unknown) & { errors?: unknown };

/** A compiler whose validators compile on their first call and then behave as the real ones. */
export function lazyValidators(compile: (route: RouteSchema) => ValidateFn) {
  return (route: RouteSchema): ValidateFn => {
    let validate: ValidateFn | undefined;
    const lazy: ValidateFn = (data: unknown) => {
      validate ??= compile(route);
      const result = validate(data);
      // Fastify reads the errors from the function it called, Ajv leaves them on its own.
      lazy.errors = validate.errors;
      return result;
    };
    return lazy;
  };
}

export function sharedValidatorFactory() {
  const build = AjvCompiler();
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const idOf = (value: unknown): string => {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
    let id = ids.get(value);
    if (id === undefined) {
      id = nextId++;
      ids.set(value, id);
    }
    return `#${id}`;
  };
  const pool = new Map<string, Validators>();
  // The same set object again (schema-bucket.ts keeps one until a schema is added), with the same
  // options object: the answer of last time, without a pass over the ids.
  const bySet = new WeakMap<object, { options: ValidatorOptions; validators: Validators }>();
  return (externalSchemas: ExternalSchemas, options: ValidatorOptions): Validators => {
    const known = externalSchemas ? bySet.get(externalSchemas) : undefined;
    if (known && known.options === options) return known.validators;
    const parts: string[] = [];
    for (const [key, schema] of Object.entries(externalSchemas ?? {})) parts.push(`${key}=${idOf(schema)}`);
    // The Ajv options are the server's (one object); their content keys them, as upstream does.
    const key = `${parts.join(',')}|${JSON.stringify(options ?? null)}`;
    let validators = pool.get(key);
    if (!validators) {
      validators = lazyValidators(build(externalSchemas, options) as never) as unknown as Validators;
      pool.set(key, validators);
    }
    if (externalSchemas) bySet.set(externalSchemas, { options, validators });
    return validators;
  };
}
