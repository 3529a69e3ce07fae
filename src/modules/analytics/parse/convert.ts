// One row's cells → the canonical work-order fields, by a mapping profile's mappings. Compiled once
// per file into a closure per mapped field (a column's number and date format are decided before
// the first row, from the column's profile, the transform and the file's hints), then run for
// every row.
//
// Values: text as trimmed, numbers as JS numbers (scaled), dates as epoch ms (UTC), flags as
// booleans; an empty cell is null. A row's errors name the column, the value and one of REASONS;
// a row with any error is to be rejected (`ok: false`). Columns no mapping reads go to `extra`
// (non-empty cells only), so nothing the customer sent is lost.
import { AGGREGATIONS, type CanonicalField, FIELD_BY_KEY, REQUIRED_KEYS } from '../canonical.ts';
import { DECIMAL_SEPARATORS, type FieldMapping, THOUSANDS_SEPARATORS } from '../mapping/types.ts';
import { compileDateFormat, type DateParser } from './dates.ts';
import { type ColumnProfileResult, chooseDateFormat, chooseNumberFormat, type FileHints } from './profile.ts';
import { formatNumber, type NumberFormat, parseBoolean, parseNumber } from './values.ts';

/** Every reason a cell can be refused for: short, stable, shown to the person fixing the file. */
export const REASONS = {
  required: 'required field is empty',
  number: 'not a number',
  integer: 'not a whole number',
  negative: 'must not be negative',
  date: 'not a date',
  dateRange: 'date out of range',
  boolean: 'not a yes/no value',
  tooLong: 'text too long',
} as const;
export type Reason = (typeof REASONS)[keyof typeof REASONS];

/** Longest text a field takes (ids, names, reasons: never a document). */
export const MAX_TEXT_CHARS = 1000;

export type FieldValue = string | number | boolean | null;

export interface CellError {
  field: string;
  column: string;
  value: string;
  reason: Reason;
  /** What the column's values look like: its date format, or a number as the column writes it. */
  expected?: string;
}

export interface ConvertedRow {
  ok: boolean;
  values: Record<string, FieldValue>;
  extra: Record<string, string>;
  errors: CellError[];
}

/** How a mapped column is read, for the import's "detected format" and for review. */
export interface ColumnReading {
  field: string;
  column: string;
  number?: NumberFormat;
  date?: string;
  /** The column alone did not decide: a hint or the default did (see profile.ts). */
  assumed: boolean;
}

export interface RowConverter {
  convert(cells: string[]): ConvertedRow;
  readings: ColumnReading[];
}

export interface MappingProblem {
  field?: string;
  column?: string;
  problem: string;
}

export class MappingError extends Error {
  readonly problems: MappingProblem[];
  constructor(problems: MappingProblem[]) {
    super(`the mapping cannot be used: ${problems.map((p) => p.problem).join('; ')}`);
    this.name = 'MappingError';
    this.problems = problems;
  }
}

type Failure = { reason: Reason; expected?: string };
type Read = (cell: string) => FieldValue | Failure;

const isFailure = (v: FieldValue | Failure): v is Failure => typeof v === 'object' && v !== null;

/** The header a mapping's column names: exact, else ignoring case and surrounding spaces. */
export function columnIndex(headers: string[], column: string): number {
  const exact = headers.indexOf(column);
  if (exact !== -1) return exact;
  const wanted = column.trim().toLowerCase();
  return headers.findIndex((h) => h.trim().toLowerCase() === wanted);
}

const STANDARD: NumberFormat = { decimal: '.', thousands: '' };

/** A constant or value-map value as the field's type, or undefined when it is not one. */
function coerce(value: string | number | boolean, field: CanonicalField): FieldValue | undefined {
  switch (field.type) {
    case 'text':
      return String(value);
    case 'boolean':
      return typeof value === 'boolean' ? value : (parseBoolean(String(value)) ?? undefined);
    case 'date': {
      const ms = typeof value === 'number' ? value : compileDateFormat('YYYY-MM-DD')?.(String(value));
      return typeof ms === 'number' ? ms : undefined;
    }
    default: {
      const n =
        typeof value === 'number' ? value : typeof value === 'string' ? parseNumber(value, STANDARD) : NaN;
      if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
      if (field.type === 'integer' && !Number.isInteger(n)) return undefined;
      return n;
    }
  }
}

/** What is wrong with the mappings for a file with these headers; empty when they can be used. */
export function validateMappings(headers: string[], mappings: FieldMapping[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = new Set<string>();
  for (const m of mappings) {
    const field = FIELD_BY_KEY.get(m.field);
    if (!field) {
      problems.push({ field: m.field, problem: `unknown field "${m.field}"` });
      continue;
    }
    if (seen.has(m.field))
      problems.push({ field: m.field, problem: `field "${m.field}" is mapped more than once` });
    seen.add(m.field);
    const hasColumn = m.column !== undefined && m.column !== '';
    if (hasColumn && m.constant !== undefined)
      problems.push({ field: m.field, problem: `field "${m.field}" has both a column and a constant` });
    else if (!hasColumn && m.constant === undefined)
      problems.push({ field: m.field, problem: `field "${m.field}" needs a column or a constant` });
    if (hasColumn && columnIndex(headers, m.column as string) === -1)
      problems.push({ field: m.field, column: m.column, problem: `column "${m.column}" is not in the file` });
    if (m.constant !== undefined && coerce(m.constant, field) === undefined)
      problems.push({
        field: m.field,
        problem: `the constant for "${m.field}" is not a valid ${field.type}`,
      });
    if (m.aggregation !== undefined && !AGGREGATIONS.includes(m.aggregation))
      problems.push({ field: m.field, problem: `unknown aggregation "${m.aggregation}" for "${m.field}"` });
    const t = m.transform;
    if (!t) continue;
    if (t.scale !== undefined && (!Number.isFinite(t.scale) || t.scale === 0))
      problems.push({ field: m.field, problem: `the scale for "${m.field}" must be a non-zero number` });
    if (t.dateFormat !== undefined && !compileDateFormat(t.dateFormat))
      problems.push({ field: m.field, problem: `unknown date format "${t.dateFormat}" for "${m.field}"` });
    if (t.decimal !== undefined && !DECIMAL_SEPARATORS.includes(t.decimal))
      problems.push({ field: m.field, problem: `unknown decimal separator for "${m.field}"` });
    if (t.thousands !== undefined && !THOUSANDS_SEPARATORS.includes(t.thousands))
      problems.push({ field: m.field, problem: `unknown thousands separator for "${m.field}"` });
    if (t.decimal !== undefined && t.decimal === t.thousands)
      problems.push({
        field: m.field,
        problem: `the decimal and thousands separators of "${m.field}" are the same`,
      });
    for (const [key, value] of Object.entries(t.valueMap ?? {}))
      if (coerce(value, field) === undefined)
        problems.push({
          field: m.field,
          problem: `the value map of "${m.field}" turns "${key}" into no valid ${field.type}`,
        });
  }
  for (const key of REQUIRED_KEYS)
    if (!seen.has(key))
      problems.push({
        field: key,
        problem: `required field "${FIELD_BY_KEY.get(key)?.label ?? key}" is not mapped`,
      });
  return problems;
}

/** Multiplies by `scale`, dividing instead for 1/n scales (90 min × 1/60 is 1.5, not 1.4999999999999998). */
const scaler = (scale: number | undefined): ((n: number) => number) => {
  if (scale === undefined || scale === 1) return (n) => n;
  const inverse = 1 / scale;
  const whole = Math.round(inverse);
  if (Math.abs(inverse) > 1 && Math.abs(inverse - whole) < 1e-9) return (n) => n / whole;
  return (n) => n * scale;
};

interface Compiled {
  field: string;
  index: number;
  read: Read;
  reading?: ColumnReading;
}

function compileField(
  m: FieldMapping,
  field: CanonicalField,
  headers: string[],
  profile: ColumnProfileResult | undefined,
  hints: FileHints,
): Compiled {
  if (m.column === undefined || m.column === '') {
    const value = coerce(m.constant as string | number | boolean, field) ?? null;
    return { field: field.key, index: -1, read: () => value };
  }
  const index = columnIndex(headers, m.column);
  const column = headers[index] as string;
  const t = m.transform ?? {};
  const reading: ColumnReading = { field: field.key, column, assumed: false };
  let read: Read;
  if (field.type === 'number' || field.type === 'integer') {
    const chosen = chooseNumberFormat(profile?.number ?? null, hints);
    const decimal = t.decimal ?? chosen.decimal;
    const thousands = t.thousands ?? (chosen.thousands === decimal ? '' : chosen.thousands);
    const format: NumberFormat = { decimal, thousands };
    const expected = `like ${formatNumber(-1234.5, format, 1)}`;
    const scale = scaler(t.scale);
    const offset = t.offset ?? 0;
    const integer = field.type === 'integer';
    const nonNegative = field.nonNegative === true;
    reading.number = format;
    reading.assumed = t.decimal === undefined && (profile?.number?.ambiguous ?? false);
    read = (cell) => {
      const n = parseNumber(cell, format);
      if (typeof n !== 'number') return { reason: REASONS.number, expected };
      const v = offset === 0 ? scale(n) : Math.round((scale(n) + offset) * 1e9) / 1e9;
      if (integer && !Number.isInteger(v)) return { reason: REASONS.integer };
      if (nonNegative && v < 0) return { reason: REASONS.negative };
      return v;
    };
  } else if (field.type === 'date') {
    const format = t.dateFormat ?? chooseDateFormat(profile?.date ?? null, hints) ?? 'YYYY-MM-DD';
    const parse = compileDateFormat(format) as DateParser;
    reading.date = format;
    reading.assumed = t.dateFormat === undefined && (profile?.date?.ambiguous ?? false);
    read = (cell) => {
      const ms = parse(cell);
      if (typeof ms === 'number') return ms;
      return { reason: ms === 'date out of range' ? REASONS.dateRange : REASONS.date, expected: format };
    };
  } else if (field.type === 'boolean') {
    read = (cell) => parseBoolean(cell) ?? { reason: REASONS.boolean };
  } else {
    read = (cell) => (cell.length > MAX_TEXT_CHARS ? { reason: REASONS.tooLong } : cell);
  }
  const mapped = new Map<string, FieldValue>();
  for (const [key, value] of Object.entries(t.valueMap ?? {}))
    mapped.set(key.trim().toLowerCase(), coerce(value, field) ?? null);
  const emptyValue: FieldValue | Failure = mapped.has('')
    ? (mapped.get('') as FieldValue)
    : field.type === 'boolean' && profile?.boolean?.flag
      ? false
      : field.required
        ? { reason: REASONS.required }
        : null;
  const typed = read;
  const withEmpty: Read = (raw) => {
    const cell = raw.trim();
    return cell === '' ? emptyValue : typed(cell);
  };
  const finalRead: Read =
    mapped.size === 0
      ? withEmpty
      : (raw) => {
          const hit = mapped.get(raw.trim().toLowerCase());
          return hit !== undefined ? hit : withEmpty(raw);
        };
  return { field: field.key, index, read: finalRead, reading };
}

export interface ConverterOptions {
  headers: string[];
  mappings: FieldMapping[];
  /** Column profiles by header (profile.ts), from the whole file or a sample of it. */
  profiles?: Map<string, ColumnProfileResult>;
  /** Hints for columns their profile left ambiguous (profile.ts fileHints). */
  hints?: FileHints;
}

/** A converter for the file's rows; throws MappingError when validateMappings finds problems. */
export function createRowConverter({
  headers,
  mappings,
  profiles,
  hints = {},
}: ConverterOptions): RowConverter {
  const problems = validateMappings(headers, mappings);
  if (problems.length > 0) throw new MappingError(problems);
  const compiled = mappings.map((m) => {
    const field = FIELD_BY_KEY.get(m.field) as CanonicalField;
    const column = m.column ? headers[columnIndex(headers, m.column)] : undefined;
    return compileField(m, field, headers, column === undefined ? undefined : profiles?.get(column), hints);
  });
  const template: Record<string, FieldValue> = Object.fromEntries(compiled.map((c) => [c.field, null]));
  const used = new Set(compiled.map((c) => c.index));
  const extraColumns = headers.map((h, i) => [h, i] as const).filter(([, i]) => !used.has(i));
  return {
    readings: compiled.flatMap((c) => (c.reading ? [c.reading] : [])),
    convert(cells) {
      // A copy of one template keeps every row's values object of one shape (fast property stores).
      const values = { ...template };
      const errors: CellError[] = [];
      for (let k = 0; k < compiled.length; k++) {
        const c = compiled[k] as Compiled;
        const cell = c.index === -1 ? '' : (cells[c.index] ?? '');
        const v = c.read(cell);
        if (isFailure(v)) {
          errors.push({ field: c.field, column: headers[c.index] ?? '', value: cell, ...v });
        } else values[c.field] = v;
      }
      const extra: Record<string, string> = {};
      for (const [header, i] of extraColumns) {
        const cell = cells[i];
        if (cell !== undefined && cell !== '') {
          const t = cell.trim();
          if (t !== '') extra[header] = t;
        }
      }
      return { ok: errors.length === 0, values, extra, errors };
    },
  };
}
