// Numbers and yes/no values as ERP exports write them, and a one-look sniff of what a cell holds.
//
// A number is read in a format decided for its whole column (profile.ts), never guessed per value:
// `1.234,56` and `1,234.56`, thousands grouped by `,` `.` space (also NBSP and narrow NBSP) or `'`
// (also ’), negatives as `-5`, `5-` (SAP) or `(5)`, a currency symbol or ISO code before or after,
// and `%` after. A percentage keeps the number as written (`12,5 %` is 12.5, not 0.125): the column
// says what it measures, and a scale transform turns it into a fraction when a field needs one.
// Whatever else is `not a number`: a half-grouped `1,23,456`, two decimal marks, stray letters.
import type { DECIMAL_SEPARATORS, THOUSANDS_SEPARATORS } from '../mapping/types.ts';
import { dateBit, dateCandidatesOf } from './dates.ts';

export type Decimal = (typeof DECIMAL_SEPARATORS)[number];
export type Thousands = (typeof THOUSANDS_SEPARATORS)[number];

export interface NumberFormat {
  decimal: Decimal;
  thousands: Thousands;
}

export const NOT_A_NUMBER = 'not a number';
export type NumberReason = typeof NOT_A_NUMBER;

const CURRENCY =
  /^(?:[€$£¥₹₽₺₩]|CHF|EUR|USD|GBP|JPY|CNY|INR|CAD|AUD|SEK|NOK|DKK|PLN|CZK|HUF|MXN|BRL|RUB|TRY|ZAR)/;
const CURRENCY_END =
  /(?:[€$£¥₹₽₺₩]|CHF|EUR|USD|GBP|JPY|CNY|INR|CAD|AUD|SEK|NOK|DKK|PLN|CZK|HUF|MXN|BRL|RUB|TRY|ZAR)$/;

const escapeRegExp = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const groupClass: Record<Thousands, string> = {
  '': '',
  ',': ',',
  '.': '\\.',
  ' ': '[ \\u00A0\\u202F]',
  "'": "['\\u2019]",
};

/**
 * 1 when `text` is `-?digits(.digits)?` with a point as the mark, 2 with a comma, 0 when it is not
 * that plain (then the full parser decides).
 */
function plainDecimal(text: string, mark: number): number {
  const n = text.length;
  let i = n > 0 && text.charCodeAt(0) === 45 ? 1 : 0;
  const first = i;
  let marked = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === mark && marked === -1 && i > first) marked = i;
    else if (c < 48 || c > 57) return 0;
  }
  if (n === first || marked === n - 1) return 0;
  return marked === -1 || mark === 46 ? 1 : 2;
}

/** `text` without a currency symbol or code at its start or end, or null when it has none. */
const stripCurrency = (text: string): string | null => {
  const before = CURRENCY.exec(text);
  if (before) return text.slice(before[0].length).trimStart();
  const after = CURRENCY_END.exec(text);
  return after ? text.slice(0, -after[0].length).trimEnd() : null;
};

const bodies = new Map<string, RegExp>();
/** The digits of a number in `format`, sign and currency already gone: integer part, fraction. */
const bodyOf = ({ decimal, thousands }: NumberFormat): RegExp => {
  const key = decimal + thousands;
  let re = bodies.get(key);
  if (!re) {
    const grouped = thousands ? `\\d{1,3}(?:${groupClass[thousands]}\\d{3})+|` : '';
    re = new RegExp(`^(${grouped}\\d*)(?:${escapeRegExp(decimal)}(\\d+))?(?:[eE]([+-]?\\d{1,3}))?$`);
    bodies.set(key, re);
  }
  return re;
};

/** The number `text` holds in `format`, or `not a number`. Empty text is not a number either. */
export function parseNumber(text: string, format: NumberFormat): number | NumberReason {
  // Most cells of a well-kept export: plain digits with the column's decimal mark.
  const plain = plainDecimal(text, format.decimal === '.' ? 46 : 44);
  if (plain === 1) {
    const n = Number(text);
    return n === 0 ? 0 : n;
  }
  if (plain === 2) {
    const n = Number(text.replace(',', '.'));
    return n === 0 ? 0 : n;
  }
  let t = text.trim();
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.endsWith('%')) t = t.slice(0, -1).trimEnd();
  let currency = stripCurrency(t);
  t = currency ?? t;
  const first = t.charCodeAt(0);
  if (first === 45 || first === 0x2212 || first === 43) {
    if (negative && first !== 43) return NOT_A_NUMBER;
    negative = first !== 43;
    t = t.slice(1).trimStart();
  } else if (t.endsWith('-')) {
    if (negative) return NOT_A_NUMBER;
    negative = true;
    t = t.slice(0, -1).trimEnd();
  }
  if (currency === null) {
    currency = stripCurrency(t);
    t = currency ?? t;
  }
  const m = bodyOf(format).exec(t);
  if (!m || (m[1] === '' && m[2] === undefined)) return NOT_A_NUMBER;
  const digits = `${(m[1] as string).replace(/\D/g, '') || '0'}${m[2] ? `.${m[2]}` : ''}${m[3] ? `e${m[3]}` : ''}`;
  const n = Number(digits);
  if (!Number.isFinite(n)) return NOT_A_NUMBER;
  return negative && n !== 0 ? -n : n;
}

/** Formats a number for `format` (the inverse of parseNumber; for tests and previews). */
export function formatNumber(n: number, { decimal, thousands }: NumberFormat, fractionDigits = 2): string {
  const [int = '0', frac] = Math.abs(n).toFixed(fractionDigits).split('.');
  const grouped = thousands ? int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : int;
  return `${n < 0 ? '-' : ''}${grouped}${frac ? decimal + frac : ''}`;
}

export const NOT_A_BOOLEAN = 'not a yes/no value';

const TRUE_WORDS = ['1', 'true', 'yes', 'y', 'ja', 'j', 'oui', 'sí', 'si', 'x', 't', 'wahr', 'on', 'vrai'];
const FALSE_WORDS = ['0', 'false', 'no', 'n', 'nein', 'non', 'f', 'falsch', 'off', 'faux'];
const BOOLEANS = new Map<string, boolean>([
  ...TRUE_WORDS.map((w) => [w, true] as const),
  ...FALSE_WORDS.map((w) => [w, false] as const),
]);

/** true / false for a yes/no word in English, German, French or Spanish, 1/0, or an SAP `X`; else null. */
export function parseBoolean(text: string): boolean | null {
  return BOOLEANS.get(text.trim().toLowerCase()) ?? null;
}

export type ValueKind = 'empty' | 'boolean' | 'integer' | 'number' | 'date' | 'id' | 'text';

/** The candidate bits of the all-digit formats (YYYYMMDD, excel), which plain numbers also fit. */
const DATE_NUMERIC_BITS = dateBit('YYYYMMDD') | dateBit('excel');
const INTEGER = /^[+-]?\d+$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_./#:-]*$/;
const FORMATS: NumberFormat[] = [
  { decimal: '.', thousands: ',' },
  { decimal: ',', thousands: '.' },
  { decimal: '.', thousands: ' ' },
  { decimal: ',', thousands: ' ' },
  { decimal: '.', thousands: "'" },
];

/**
 * What one cell looks like, for the auto-mapping and the column profile. Digit strings with a
 * leading zero (`000123`, SAP order numbers) and longer than 15 digits are ids; 8-digit dates
 * (`20260115`) stay integers here (the profile sees their date format).
 */
export function kindOf(text: string): ValueKind {
  const t = text.trim();
  if (t === '') return 'empty';
  if (INTEGER.test(t)) {
    const digits = t.replace(/^[+-]/, '');
    return (digits.length > 1 && digits.startsWith('0')) || digits.length > 15 ? 'id' : 'integer';
  }
  if (BOOLEANS.has(t.toLowerCase())) return 'boolean';
  if ((dateCandidatesOf(t) & ~DATE_NUMERIC_BITS) !== 0) return 'date';
  for (const format of FORMATS) if (parseNumber(t, format) !== NOT_A_NUMBER) return 'number';
  if (t.length <= 40 && /\d/.test(t) && ID.test(t)) return 'id';
  return 'text';
}
