// Unions the protocols need, ordered for the app's Ajv settings. With `coerceTypes: 'array'`, Ajv
// checking a branch of `anyOf` may coerce the value in its working copy — a string branch unwraps a
// one-element array, and a later array branch then sees the lone element ("must be array" for an
// array). So the array branch comes first (an array passes it untouched), then the string, then
// null (which the array branch wraps and the string branch reads as ""; the null branch last takes
// what is left). A multi-type schema (`type: ['string', 'array']`, which the app's Ajv allows) would
// avoid this too; these unions were written before the app allowed them, and they behave as described.
import type { TSchema } from 'typebox';
import Type from 'typebox';
import { Text } from '../../../platform/http/schemas.ts';

/** An array of `items` (at most `maxItems`) or a string (no NUL, at most `maxLength`). */
export function TextOrList<T extends TSchema>(items: T, limits: { maxLength: number; maxItems: number }) {
  return Type.Union([
    Type.Array(items, { maxItems: limits.maxItems }),
    Text({ maxLength: limits.maxLength }),
  ]);
}

/** `schema` or null, null last. */
export function OrNull<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}
