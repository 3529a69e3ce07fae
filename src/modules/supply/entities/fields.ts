import Type, { type TOptional, type TSchema } from 'typebox';
import { Text } from '../../../platform/http/schemas.ts';

// Schema pieces the supply entities share: codes, SKUs, clock times, amounts.

/** A code people type and URLs carry: warehouse and vehicle codes. */
export const Code = Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9][A-Za-z0-9._:/#-]*$' });
export const Name = Text({ minLength: 1, maxLength: 200 });
/** A SKU: no control characters, no space at either end. */
export const Sku = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^\\S(?:[^\\u0000-\\u001F\\uD800-\\uDFFF]*\\S)?$',
});
/** Units, money and rates: never negative, never beyond what a planner could mean. */
export const Amount = (description: string, maximum = 1e12) =>
  Type.Number({ minimum: 0, maximum, description });
/** `HH:MM`, 00:00 … 24:00 (24:00 ends a window at midnight). */
export const Clock = Type.String({
  maxLength: 5,
  pattern: '^(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$',
  description: 'Local time HH:MM',
});
export const TimeWindow = Type.Object(
  { start: Clock, end: Clock },
  { additionalProperties: false, description: 'A window within a day; start before end' },
);
export const Priority = Type.Integer({ minimum: 1, maximum: 5, description: '1 (highest) … 5' });
export const Stamp = Type.String({ format: 'date-time' });

/** Every field of `fields` optional (what a create body leaves out, the table's default fills). */
export const optional = <T extends Record<string, TSchema>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof T]: TOptional<T[K]>;
  };

/**
 * A PATCH body: every field optional, no other field. (Type.Partial would drop
 * `additionalProperties: false`, letting unknown fields through unnoticed.)
 */
export const patchOf = <T extends Record<string, TSchema>>(fields: T, description?: string) =>
  Type.Object(optional(fields), { additionalProperties: false, ...(description ? { description } : {}) });
