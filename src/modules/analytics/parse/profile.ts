// What a column holds, decided from every value it is given: its number format (`1.234,5` or
// `1,234.5`; `1,5` against `1,500`), its date format (01/02/2026 is day-first only when some
// value of the column proves it, e.g. 13/02/2026), whether it is a yes/no flag, and the share of
// each kind of value (for the auto-mapping). A column that no value decides stays `ambiguous`
// with its candidates; the converter then follows a hint (a mapping's transform, or the file's
// other columns: see fileHints), so the choice is one per column, never one per row.
//
// add() is called for every cell of the file; it classifies by a few string scans and remembers
// the class of up to DISTINCT_CAP distinct values, so categorical columns cost a map lookup.
import { DATE_CANDIDATES, type DateCandidate, dateBit, dateCandidatesOf } from './dates.ts';
import { type Decimal, type NumberFormat, parseBoolean, type ValueKind } from './values.ts';

export const DISTINCT_CAP = 10_000;

export interface NumberProfile {
  /** The format values are read in; when ambiguous, the first candidate (the English reading). */
  format: NumberFormat;
  ambiguous: boolean;
  /** When ambiguous: the readings no value rules out, e.g. `1,500` as 1500 or as 1.5. */
  candidates: NumberFormat[];
  /** Values that prove the decimal mark (`1,5`, `1.234,5`): 0 when the column is only integers or `1,500`s. */
  proof: number;
}

export interface DateProfile {
  format: DateCandidate;
  ambiguous: boolean;
  /** The formats that read the most values (more than one only when ambiguous). */
  candidates: DateCandidate[];
  /** Values the chosen format reads. */
  readable: number;
}

export interface ColumnProfileResult {
  /** Non-empty values seen. */
  values: number;
  /** Empty (or blank) cells seen. */
  empty: number;
  /** Distinct non-empty values, counted up to DISTINCT_CAP (`distinctCapped` past it). */
  distinct: number;
  distinctCapped: boolean;
  /** Share of the non-empty values of each kind (0…1); `number` excludes integers. */
  shares: Record<Exclude<ValueKind, 'empty'>, number>;
  /** Null when no value looks like a number. */
  number: NumberProfile | null;
  /** Null when no value reads as a date in any candidate format. */
  date: DateProfile | null;
  /** Set when every value is a yes/no word (at most two of them); `flag`: one word only (SAP `X`), so empty means no. */
  boolean: { flag: boolean } | null;
  /** The first few distinct values, for previews. */
  samples: string[];
}

export interface ColumnProfile {
  add(text: string): void;
  result(): ColumnProfileResult;
}

// How a numeric-looking value constrains the number format.
const EVIDENCE = {
  none: 0,
  integer: 1,
  decimalDot: 2, // 1.5, 1,234.5
  decimalComma: 3, // 1,5, 1.234,5
  eitherComma: 4, // 1,500: 1500 or 1.5
  eitherDot: 5, // 1.500
  groupComma: 6, // 1,234,567
  groupDot: 7, // 1.234.567
  groupOther: 8, // 1 234 567, 1'234'567 (decimal mark, if any, said by `decimalDot`/`decimalComma` too)
  groupOtherDot: 9, // 1 234.5
  groupOtherComma: 10, // 1 234,5
  mixedDot: 11, // 1,234.5: decimal point, thousands comma
  mixedComma: 12, // 1.234,5
} as const;
type Evidence = (typeof EVIDENCE)[keyof typeof EVIDENCE];

const NUMERIC =
  /^[(]?[-+−]?\s*(?:[€$£¥₹]|[A-Z]{3}\s)?\s*([\d.,'’ \u00A0\u202F]*\d[\d.,'’ \u00A0\u202F]*)\s*(?:[€$£¥₹]|\s[A-Z]{3})?\s*%?\s*-?[)]?$/;
const INTEGER = /^[+-]?\d+$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_./#:-]*$/;
const OTHER_GROUP = /[ '’\u00A0\u202F]/;
const EXCEL_LOW = 25_569; // 1970-01-01
const EXCEL_HIGH = 73_415; // 2101-01-01

/** How the digits of a numeric value constrain the format (see `EVIDENCE`). */
function evidenceOf(digits: string): Evidence {
  const dot = digits.indexOf('.');
  const comma = digits.indexOf(',');
  const other = OTHER_GROUP.test(digits);
  if (dot !== -1 && comma !== -1)
    return digits.lastIndexOf(',') > digits.lastIndexOf('.') ? EVIDENCE.mixedComma : EVIDENCE.mixedDot;
  const mark = dot !== -1 ? '.' : comma !== -1 ? ',' : '';
  if (mark === '') return other ? EVIDENCE.groupOther : EVIDENCE.integer;
  const at = mark === '.' ? dot : comma;
  if (digits.indexOf(mark, at + 1) !== -1) return mark === '.' ? EVIDENCE.groupDot : EVIDENCE.groupComma;
  if (other) return mark === '.' ? EVIDENCE.groupOtherDot : EVIDENCE.groupOtherComma;
  const int = digits.slice(0, at);
  const grouping = digits.length - at - 1 === 3 && int.length >= 1 && int.length <= 3 && int !== '0';
  if (mark === '.') return grouping ? EVIDENCE.eitherDot : EVIDENCE.decimalDot;
  return grouping ? EVIDENCE.eitherComma : EVIDENCE.decimalComma;
}

interface Classified {
  kind: Exclude<ValueKind, 'empty'>;
  evidence: Evidence;
  dates: number;
  bool: string | null;
}

const EXCEL_BIT = dateBit('excel');
const DIGITS_ONLY_DATES = dateBit('excel') | dateBit('YYYYMMDD');

// Plain decimals are classed without allocating: one shared object per evidence and Excel-range flag.
const PLAIN: Classified[] = Array.from({ length: 26 }, (_, i) => ({
  kind: 'number',
  evidence: (i >> 1) as Evidence,
  dates: i & 1 ? EXCEL_BIT : 0,
  bool: null,
}));

/**
 * The class of a plain decimal (`-1234.5`, `12,25`, `1,500`: digits and one mark), or null for
 * anything else. Most cells of a numeric column take this path: no regular expression, no copy.
 */
function plainNumber(t: string): Classified | null {
  const start = t.charCodeAt(0) === 45 ? 1 : 0;
  let mark = -1;
  for (let i = start; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 46 || c === 44) {
      // Two marks may be a date (15.01.2026) or grouping (1.234.567): the full classification tells.
      if (mark !== -1) return null;
      mark = i;
    } else if (c < 48 || c > 57) return null;
  }
  const int = mark - start;
  const frac = t.length - mark - 1;
  if (mark === -1 || int + frac === 0) return null;
  const grouping = frac === 3 && int >= 1 && int <= 3 && !(int === 1 && t.charCodeAt(start) === 48);
  const dot = t.charCodeAt(mark) === 46;
  const evidence = grouping
    ? dot
      ? EVIDENCE.eitherDot
      : EVIDENCE.eitherComma
    : dot
      ? EVIDENCE.decimalDot
      : EVIDENCE.decimalComma;
  let excel = 0;
  if (start === 0 && int === 5) {
    const n = Number(dot ? t : t.replace(',', '.'));
    if (n >= EXCEL_LOW && n < EXCEL_HIGH) excel = 1;
  }
  return PLAIN[evidence * 2 + excel] as Classified;
}

function classify(t: string): Classified {
  const first = t.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 45) {
    const plain = plainNumber(t);
    if (plain) return plain;
  }
  const lower = t.length <= 6 ? t.toLowerCase() : '';
  const bool = lower !== '' && parseBoolean(lower) !== null ? lower : null;
  if (INTEGER.test(t)) {
    const digits = t.replace(/^[+-]/, '');
    const n = Number(digits);
    let dates = 0;
    if (digits.length === 8) dates = dateCandidatesOf(digits);
    else if (n >= EXCEL_LOW && n < EXCEL_HIGH) dates = EXCEL_BIT;
    const id = (digits.length > 1 && digits.startsWith('0')) || digits.length > 15;
    return { kind: id ? 'id' : 'integer', evidence: EVIDENCE.integer, dates, bool };
  }
  const dates = /^\d/.test(t) ? dateCandidatesOf(t) : 0;
  const numeric = NUMERIC.exec(t);
  const evidence = numeric ? evidenceOf(numeric[1] as string) : EVIDENCE.none;
  let kind: Classified['kind'];
  if (bool !== null) kind = 'boolean';
  else if ((dates & ~DIGITS_ONLY_DATES) !== 0) kind = 'date';
  else if (evidence !== EVIDENCE.none) kind = 'number';
  else if (t.length <= 40 && /\d/.test(t) && ID.test(t)) kind = 'id';
  else kind = 'text';
  return { kind, evidence: kind === 'date' ? EVIDENCE.none : evidence, dates, bool };
}

const isSpace = (c: number): boolean => c <= 32 || c === 160 || c === 0x202f || c === 0x2007;
const needsTrim = (t: string): boolean =>
  t.length > 0 && (isSpace(t.charCodeAt(0)) || isSpace(t.charCodeAt(t.length - 1)));

export function profileColumn(): ColumnProfile {
  let values = 0;
  let empty = 0;
  const seen = new Map<string, Classified>();
  let capped = false;
  // Past DISTINCT_CAP, lookups go on only while they still hit (a categorical column).
  let lookups = true;
  let hits = 0;
  let misses = 0;
  const kinds = { boolean: 0, integer: 0, number: 0, date: 0, id: 0, text: 0 };
  const evidence = new Array<number>(13).fill(0);
  const dateCounts = new Array<number>(DATE_CANDIDATES.length).fill(0);
  const bools = new Set<string>();
  let boolValues = 0;
  let apostrophes = 0;
  return {
    add(text) {
      const t = needsTrim(text) ? text.trim() : text;
      if (t === '') {
        empty++;
        return;
      }
      values++;
      const first = t.charCodeAt(0);
      let c = (first >= 48 && first <= 57) || first === 45 ? plainNumber(t) : null;
      if (c) {
        if (!capped && !seen.has(t)) {
          if (seen.size < DISTINCT_CAP) seen.set(t, c);
          else capped = true;
        }
      } else {
        c = lookups ? (seen.get(t) ?? null) : null;
        if (c) hits++;
        else {
          c = classify(t);
          if (c.evidence !== EVIDENCE.none && /['’]/.test(t)) apostrophes++;
          if (seen.size < DISTINCT_CAP) seen.set(t, c);
          else {
            capped = true;
            if (++misses > DISTINCT_CAP && misses > hits) lookups = false;
          }
        }
      }
      kinds[c.kind]++;
      evidence[c.evidence] = (evidence[c.evidence] ?? 0) + 1;
      for (let mask = c.dates, i = 0; mask !== 0; mask >>>= 1, i++)
        if (mask & 1) dateCounts[i] = (dateCounts[i] ?? 0) + 1;
      if (c.bool !== null) {
        boolValues++;
        if (bools.size <= 2) bools.add(c.bool);
      }
    },
    result() {
      const share = (n: number): number => (values === 0 ? 0 : n / values);
      const bool =
        values > 0 && boolValues === values && bools.size <= 2 && booleanPair(bools)
          ? { flag: bools.size === 1 }
          : null;
      return {
        values,
        empty,
        distinct: seen.size,
        distinctCapped: capped,
        shares: {
          boolean: share(kinds.boolean),
          integer: share(kinds.integer),
          number: share(kinds.number),
          date: share(kinds.date),
          id: share(kinds.id),
          text: share(kinds.text),
        },
        number: numberProfile(evidence, apostrophes),
        date: dateProfile(dateCounts),
        boolean: bool,
        samples: [...seen.keys()].slice(0, 5),
      };
    },
  };
}

/** Two words that say yes and no (or one word alone), not two ways of saying yes. */
const booleanPair = (words: Set<string>): boolean => {
  const meanings = [...words].map((w) => parseBoolean(w));
  return words.size < 2 || meanings[0] !== meanings[1];
};

function numberProfile(e: number[], apostrophes: number): NumberProfile | null {
  const n = (k: Evidence): number => e[k] ?? 0;
  const total = e.reduce((a, b) => a + b, 0) - n(EVIDENCE.none);
  if (total === 0) return null;
  // Values that prove a decimal comma or a decimal point; `1,500` and `1.500` prove neither.
  const comma =
    n(EVIDENCE.decimalComma) + n(EVIDENCE.mixedComma) + n(EVIDENCE.groupDot) + n(EVIDENCE.groupOtherComma);
  const dot =
    n(EVIDENCE.decimalDot) + n(EVIDENCE.mixedDot) + n(EVIDENCE.groupComma) + n(EVIDENCE.groupOtherDot);
  const other = n(EVIDENCE.groupOther) + n(EVIDENCE.groupOtherComma) + n(EVIDENCE.groupOtherDot) > 0;
  const otherMark = apostrophes > 0 ? "'" : ' ';
  // The thousands separator that goes with each decimal mark: the other mark when it groups
  // digits somewhere in the column, else a space or apostrophe when those do.
  const withDot: NumberFormat = {
    decimal: '.',
    thousands:
      n(EVIDENCE.groupComma) + n(EVIDENCE.eitherComma) + n(EVIDENCE.mixedDot) > 0
        ? ','
        : other
          ? otherMark
          : '',
  };
  const withComma: NumberFormat = {
    decimal: ',',
    thousands:
      n(EVIDENCE.groupDot) + n(EVIDENCE.eitherDot) + n(EVIDENCE.mixedComma) > 0
        ? '.'
        : other
          ? otherMark
          : '',
  };
  if (comma !== dot) {
    const format = comma > dot ? withComma : withDot;
    return { format, ambiguous: false, candidates: [], proof: Math.max(comma, dot) };
  }
  const open = comma > 0 || n(EVIDENCE.eitherComma) + n(EVIDENCE.eitherDot) > 0;
  return { format: withDot, ambiguous: open, candidates: open ? [withDot, withComma] : [], proof: 0 };
}

/** Formats whose meaning differs on the same text (01/02: January or February). */
const RIVALS: [DateCandidate, DateCandidate][] = [
  ['DD/MM/YYYY', 'MM/DD/YYYY'],
  ['DD/MM/YY', 'MM/DD/YY'],
  ['DD-MM-YYYY', 'MM-DD-YYYY'],
];

function dateProfile(counts: number[]): DateProfile | null {
  const best = Math.max(...counts);
  if (best === 0) return null;
  const candidates = DATE_CANDIDATES.filter((_, i) => counts[i] === best);
  const ambiguous = RIVALS.some(([a, b]) => candidates.includes(a) && candidates.includes(b));
  return { format: candidates[0] as DateCandidate, ambiguous, candidates, readable: best };
}

/** What the file's decided columns say about its undecided ones. */
export interface FileHints {
  decimal?: Decimal;
  dayFirst?: boolean;
}

const DAY_FIRST = new Set<DateCandidate>([
  'DD.MM.YYYY',
  'DD.MM.YY',
  'DD/MM/YYYY',
  'DD/MM/YY',
  'DD-MM-YYYY',
  'DD-MON-YYYY',
  'DD-MON-YY',
]);
const MONTH_FIRST = new Set<DateCandidate>(['MM/DD/YYYY', 'MM/DD/YY', 'MM-DD-YYYY']);

/**
 * Hints for ambiguous columns from the file's other columns: the decimal mark that columns with
 * proof agree on (else a `;` delimiter, as spreadsheets write where the comma is the decimal mark),
 * and day-first dates when a decided column is day-first (or the decimal mark is a comma).
 */
export function fileHints(profiles: Iterable<ColumnProfileResult>, delimiter?: string): FileHints {
  let commas = 0;
  let dots = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  for (const p of profiles) {
    if (p.number && !p.number.ambiguous && p.number.proof > 0) {
      if (p.number.format.decimal === ',') commas++;
      else dots++;
    }
    if (p.date && !p.date.ambiguous) {
      if (DAY_FIRST.has(p.date.format)) dayFirst++;
      if (MONTH_FIRST.has(p.date.format)) monthFirst++;
    }
  }
  const hints: FileHints = {};
  if (commas !== dots) hints.decimal = commas > dots ? ',' : '.';
  else if (delimiter === ';') hints.decimal = ',';
  if (dayFirst !== monthFirst) hints.dayFirst = dayFirst > monthFirst;
  else if (hints.decimal === ',') hints.dayFirst = true;
  return hints;
}

/** The number format to read a column in: decided, else the candidate the hint names, else the first. */
export function chooseNumberFormat(profile: NumberProfile | null, hints: FileHints = {}): NumberFormat {
  if (!profile) return { decimal: hints.decimal ?? '.', thousands: '' };
  if (!profile.ambiguous) return profile.format;
  return profile.candidates.find((c) => c.decimal === hints.decimal) ?? profile.format;
}

/**
 * The date format to read a column in: decided, else the day-first or month-first candidate the
 * hint names, else the first candidate (day first). Null when no value of the column is a date.
 */
export function chooseDateFormat(profile: DateProfile | null, hints: FileHints = {}): DateCandidate | null {
  if (!profile) return null;
  if (!profile.ambiguous || hints.dayFirst === undefined) return profile.format;
  const wanted = hints.dayFirst ? DAY_FIRST : MONTH_FIRST;
  return profile.candidates.find((c) => wanted.has(c)) ?? profile.format;
}
