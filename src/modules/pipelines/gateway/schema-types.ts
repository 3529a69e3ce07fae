// Schema shapes the protocols need and a TypeBox union would get wrong under the app's Ajv
// settings. With `coerceTypes: 'array'`, Ajv validating `anyOf: [string, array]` first tries the
// string branch and, to coerce, unwraps a one-element array in place — the array branch then sees
// the lone element and fails ("must be array" for an array). One schema with a list of types is
// checked without coercion when the value already has one of them.
import type { Static, TSchema, TUnsafe } from 'typebox';
import Type from 'typebox';
import { NUL_FREE } from '../../../platform/http/schemas.ts';

/** A string (no NUL, at most `maxLength`) or an array of `items` (at most `maxItems`). */
export function TextOrList<T extends TSchema>(items: T, limits: { maxLength: number; maxItems: number }) {
  return Type.Unsafe<string | Static<T>[]>({
    type: ['string', 'array'],
    maxLength: limits.maxLength,
    pattern: NUL_FREE,
    maxItems: limits.maxItems,
    items,
  });
}

/** `schema` (an object or array schema, or TextOrList) or null, as one schema. */
export function OrNull<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const { type } = schema as { type?: unknown };
  const types = Array.isArray(type) ? type : [type];
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [...types, 'null'] });
}
