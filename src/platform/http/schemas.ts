import Type, { type Static, type TSchema, type TUnsafe } from 'typebox';

// The schema pieces every module uses, defined once. Request schemas are checked at start-up for
// bounds (schema-rules.ts): free text goes through Text(), numbers carry both limits.

/**
 * No NUL and no unpaired surrogate (half of a UTF-16 pair, e.g. a JSON "\ud800"): PostgreSQL text can
 * hold neither, so both are refused at the door with a 400. Validated with the `u` flag, so a
 * proper pair (an emoji) is one code point and passes.
 */
export const NUL_FREE = '^[^\\u0000\\uD800-\\uDFFF]*$';

/** Free text with its length limit (required), no NUL and no unpaired surrogate. */
export function Text(options: {
  maxLength: number;
  minLength?: number;
  description?: string;
  default?: string;
}) {
  return Type.String({ ...options, pattern: NUL_FREE });
}

export const Uuid = Type.String({ format: 'uuid' });

/** Years 1900–2199: a wider range is a typo, and some (year 0) are not dates PostgreSQL accepts. */
const SANE_YEAR = '^(19|2[01])\\d\\d-';
/** …and no leap second (`:60`): the format allows it, but JavaScript's Date cannot parse it. */
export const DateTime = Type.String({ format: 'date-time', pattern: `${SANE_YEAR}(?!.*:60)` });
export const Day = Type.String({
  format: 'date',
  pattern: SANE_YEAR,
  description: 'Calendar day YYYY-MM-DD',
});

export const IdParams = Type.Object({ id: Uuid });

const SCALAR = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * `t` or null. A scalar becomes `type: [t's type, 'null']` (OpenAPI 3.1) rather than `anyOf`: the
 * response serializer writes the first as it is, but has to validate each value against every
 * branch of an `anyOf` (several times slower per object), on every nullable field of
 * every row of every list.
 */
export const Nullable = <T extends TSchema>(t: T): TUnsafe<Static<T> | null> => {
  const { type } = t as { type?: unknown };
  const schema =
    typeof type === 'string' && SCALAR.has(type)
      ? { ...t, type: [type, 'null'] }
      : Type.Union([t, Type.Null()]);
  return Type.Unsafe<Static<T> | null>(schema);
};
export const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v)));

/** An id cursor (`after`, `before`): a row id, never beyond what a bigint and a JS number share. */
export const Cursor = (description: string) =>
  Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description });
