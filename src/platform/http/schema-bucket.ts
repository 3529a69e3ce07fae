// Fastify's store of shared schemas (app.addSchema), given to Fastify as its `schemaController.bucket`.
// It behaves as Fastify's own (each added schema is copied, its $id is required and unique, a
// plugin starts with its parent's schemas) with one difference: getSchemas() returns the same
// frozen object until a schema is added. Fastify asks for the whole set twice for every route
// (for its validator and its serializer builder) in every plugin that added shared schemas, and its
// own bucket copies all of them into a new object each time: with our ~700 routes and ~300 shared
// schemas, a sizeable part of building the app, paid by every test file. The stable object also
// lets shared-validators.ts find its pooled Ajv by identity.
import { errorCodes } from 'fastify';

type Schemas = Record<string, unknown>;

/** A deep copy of a JSON-like value: plain objects and arrays copied, everything else as it is. */
export function copySchema<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copySchema) as T;
  if (value === null || typeof value !== 'object') return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copySchema((value as Record<string, unknown>)[key]);
  return copy as T;
}

export class SchemaBucket {
  private readonly store: Schemas;
  private snapshot: Readonly<Schemas> | undefined;

  constructor(parentSchemas?: Schemas) {
    this.store = { ...parentSchemas };
  }

  add(schema: unknown): void {
    const copy = copySchema(schema) as { $id?: unknown } | null;
    const id = typeof copy === 'object' && copy !== null ? copy.$id : undefined;
    if (typeof id !== 'string' || id === '') throw new errorCodes.FST_ERR_SCH_MISSING_ID();
    if (Object.hasOwn(this.store, id)) throw new errorCodes.FST_ERR_SCH_ALREADY_PRESENT(id);
    this.store[id] = copy;
    this.snapshot = undefined;
  }

  getSchema(id: string): unknown {
    return Object.hasOwn(this.store, id) ? this.store[id] : undefined;
  }

  /** All shared schemas by $id: the same frozen object until the next `add`. */
  getSchemas(): Readonly<Schemas> {
    this.snapshot ??= Object.freeze({ ...this.store });
    return this.snapshot;
  }
}

/** Fastify's `schemaController.bucket` option. */
export const schemaBucket = (parentSchemas?: Schemas) => new SchemaBucket(parentSchemas);
