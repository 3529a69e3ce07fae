// Dates as ERPs write them, read by a format decided once per column (profile.ts), never guessed
// per value. A format is a date pattern — YYYY, YY, MM/M, DD/D, MON (month name or abbreviation,
// English or German) and literal separators — or `excel` (serial days). A time after the date
// (` 08:30`, `T08:30:15.250`, `8:30 PM`) and a zone (`Z`, `+02:00`) are always accepted, so a
// pattern's own time tokens (`DD.MM.YYYY HH:mm`) are allowed but not needed. No zone means UTC.

export const DAY_MS = 86_400_000;
/** Dates outside 1970-01-01 … 2100-12-31 are typing errors, not production history. */
export const MIN_DATE_MS = Date.UTC(1970, 0, 1);
export const MAX_DATE_MS = Date.UTC(2101, 0, 1) - 1;

export type DateReason = 'not a date' | 'date out of range';

/** The formats a column is tested against, in order of preference when several fit. */
export const DATE_CANDIDATES = [
  'YYYY-MM-DD',
  'YYYY/MM/DD',
  'DD.MM.YYYY',
  'DD.MM.YY',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD/MM/YY',
  'MM/DD/YY',
  'DD-MM-YYYY',
  'MM-DD-YYYY',
  'DD-MON-YYYY',
  'DD-MON-YY',
  'YYYYMMDD',
  'excel',
] as const;

const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ['jan', 'january', 'jän', 'januar', 'jaen']],
  [2, ['feb', 'february', 'februar']],
  [3, ['mar', 'march', 'mär', 'mrz', 'märz', 'maerz']],
  [4, ['apr', 'april']],
  [5, ['may', 'mai']],
  [6, ['jun', 'june', 'juni']],
  [7, ['jul', 'july', 'juli']],
  [8, ['aug', 'august']],
  [9, ['sep', 'sept', 'september']],
  [10, ['oct', 'october', 'okt', 'oktober']],
  [11, ['nov', 'november']],
  [12, ['dec', 'december', 'dez', 'dezember']],
];
for (const [month, names] of monthNames) for (const name of names) MONTHS[name] = month;

const TIME =
  /^(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

type Part = 'Y4' | 'Y2' | 'M' | 'D' | 'MON';
const PARTS: Record<string, Part> = {
  YYYY: 'Y4',
  YY: 'Y2',
  MON: 'MON',
  MMM: 'MON',
  MM: 'M',
  M: 'M',
  DD: 'D',
  D: 'D',
};
const PART_SOURCE: Record<Part, string> = {
  Y4: '(\\d{4})',
  Y2: '(\\d{2})',
  MON: '([A-Za-zÄäÖöÜüÉéÛû]{3,9})\\.?',
  M: '',
  D: '',
};
export type DateParser = (text: string) => number | DateReason;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number): number =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
// TIME after the date, sticky (its ^ dropped) so the text need not be sliced.
const TIME_AT = new RegExp(TIME.source.slice(1), 'y');

/** Reads `[ T]HH:mm[:ss]` at `at` to the end of `t` without a regular expression; -1 when not so plain. */
function plainTime(t: string, at: number): number {
  const n = t.length - at;
  if (n !== 6 && n !== 9) return -1;
  const sep = t.charCodeAt(at);
  if ((sep !== 32 && sep !== 84) || t.charCodeAt(at + 3) !== 58) return -1;
  const hour = twoDigits(t, at + 1);
  const minute = twoDigits(t, at + 4);
  let second = 0;
  if (n === 9) {
    if (t.charCodeAt(at + 6) !== 58) return -1;
    second = twoDigits(t, at + 7);
  }
  if (hour < 0 || minute < 0 || second < 0) return -1;
  if (hour > 23 || minute > 59 || second > 59) return -2;
  return ((hour * 60 + minute) * 60 + second) * 1000;
}

const twoDigits = (t: string, at: number): number => {
  const a = t.charCodeAt(at) - 48;
  const b = t.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/** Epoch ms from parts, or a reason: a checked calendar date and time, then the range. */
function build(
  year: number,
  month: number,
  day: number,
  time: RegExpExecArray | null,
  plainMs = 0,
): number | DateReason {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return 'not a date';
  if (year < 1000) return 'date out of range';
  let ms = Date.UTC(year, month - 1, day) + plainMs;
  if (time?.[1] !== undefined) {
    let hour = Number(time[1]);
    const minute = Number(time[2]);
    const second = Number(time[3] ?? 0);
    const meridiem = time[5]?.toLowerCase();
    if (meridiem) {
      if (hour < 1 || hour > 12) return 'not a date';
      hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) return 'not a date';
    ms +=
      ((hour * 60 + minute) * 60 + second) * 1000 +
      (time[4] ? Number(time[4].slice(0, 3).padEnd(3, '0')) : 0);
  }
  const zone = time?.[6];
  if (zone && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
    ms -= (zone[0] === '-' ? -1 : 1) * minutes * 60_000;
  }
  return ms < MIN_DATE_MS || ms > MAX_DATE_MS ? 'date out of range' : ms;
}

/** Epoch ms of an Excel serial day number (1900 system unless `date1904`), or null. */
export function excelSerialToMs(serial: number, date1904 = false): number | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const days = Math.floor(serial);
  const fraction = Math.round((serial - days) * DAY_MS);
  if (date1904) return Date.UTC(1904, 0, 1) + days * DAY_MS + fraction;
  // Excel counts 1900-02-29 (serial 60), which never was: serials after it are one day ahead.
  if (days === 60) return null;
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return base + days * DAY_MS + fraction;
}

/** `2026-01-15` at midnight, else `2026-01-15T08:30:00` (`.250` with milliseconds); UTC, no zone. */
export function isoOfMs(ms: number): string {
  const iso = new Date(ms).toISOString();
  if (ms % DAY_MS === 0) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

const EXCEL_NUMBER = /^\d+(?:[.,]\d+)?$/;
const parseExcel: DateParser = (text) => {
  const t = text.trim();
  if (!EXCEL_NUMBER.test(t)) return 'not a date';
  const ms = excelSerialToMs(Number(t.replace(',', '.')));
  if (ms === null) return 'not a date';
  return ms < MIN_DATE_MS || ms > MAX_DATE_MS ? 'date out of range' : ms;
};

const cache = new Map<string, DateParser | null>();

/**
 * The parser of a format, or null when the format is not one we read. Compiled once; the converter
 * calls the result for every row.
 */
export function compileDateFormat(format: string): DateParser | null {
  const hit = cache.get(format);
  if (hit !== undefined) return hit;
  const parser = compile(format);
  cache.set(format, parser);
  return parser;
}

function compile(format: string): DateParser | null {
  const f = format.trim();
  if (f.toLowerCase() === 'excel') return parseExcel;
  if (f.toUpperCase() === 'ISO') return compile('YYYY-MM-DD');
  // The date part ends where a time token starts; the time itself is read by TIME.
  const datePart = f.replace(/[ T]*[Hh].*$/, '');
  const compact = !/[^A-Za-z]/.test(datePart);
  const parts: Part[] = [];
  let source = '';
  const token = /YYYY|YY|MON|MMM|MM|M|DD|D|[^A-Za-z]/gy;
  for (let m = token.exec(datePart); m; m = token.exec(datePart)) {
    const part = PARTS[m[0]];
    if (part) {
      parts.push(part);
      source += part === 'M' || part === 'D' ? (compact ? '(\\d{2})' : '(\\d{1,2})') : PART_SOURCE[part];
    } else source += m[0] === ' ' ? '\\s+' : `\\${m[0]}`;
    if (token.lastIndex === datePart.length) break;
  }
  if (token.lastIndex !== datePart.length || datePart.length === 0) return null;
  const kinds = new Set(parts);
  if (parts.length !== 3 || kinds.size !== 3 || !kinds.has('D')) return null;
  if (!(kinds.has('M') || kinds.has('MON')) || !(kinds.has('Y4') || kinds.has('Y2'))) return null;
  const re = new RegExp(`^${source}`);
  const numeric = !kinds.has('MON') ? scanner(datePart, parts, compact) : null;
  return (text) => {
    const t = text.trim();
    if (numeric) {
      const fast = numeric(t);
      if (fast !== undefined) return fast;
    }
    const m = re.exec(t);
    if (!m) return 'not a date';
    TIME_AT.lastIndex = m[0].length;
    const time = TIME_AT.exec(t);
    if (!time) return 'not a date';
    let year = 0;
    let month = 0;
    let day = 0;
    for (let i = 0; i < 3; i++) {
      const value = m[i + 1] as string;
      switch (parts[i]) {
        case 'Y4':
          year = Number(value);
          break;
        case 'Y2':
          year = Number(value) + (Number(value) < 70 ? 2000 : 1900);
          break;
        case 'M':
          month = Number(value);
          break;
        case 'MON':
          month = MONTHS[value.toLowerCase()] ?? 0;
          break;
        case 'D':
          day = Number(value);
      }
    }
    return build(year, month, day, time);
  };
}

/**
 * A parser of numeric date formats (`DD.MM.YYYY`, `YYYY-MM-DD`, `YYYYMMDD`) by character codes, for
 * the date alone or with a plain `HH:mm[:ss]`; undefined hands anything else to the full parser.
 */
function scanner(
  format: string,
  parts: Part[],
  compact: boolean,
): (t: string) => number | DateReason | undefined {
  const seps: number[] = [];
  for (const piece of format.split(/YYYY|YY|MM|M|DD|D/)) seps.push(piece === '' ? -1 : piece.charCodeAt(0));
  if (seps.length !== 4 || seps[0] !== -1 || seps[3] !== -1) return () => undefined;
  const widths = parts.map((p) => (p === 'Y4' ? 4 : 2));
  return (t) => {
    const values = [0, 0, 0];
    let at = 0;
    for (let i = 0; i < 3; i++) {
      if (i > 0 && seps[i] !== -1) {
        if (t.charCodeAt(at) !== seps[i]) return undefined;
        at++;
      }
      const width = widths[i] as number;
      let value = 0;
      let digits = 0;
      for (; digits < width; digits++) {
        const c = t.charCodeAt(at + digits) - 48;
        if (!(c >= 0 && c <= 9)) break;
        value = value * 10 + c;
      }
      const flexible = (parts[i] === 'M' || parts[i] === 'D') && !compact;
      if (digits !== width && !(flexible && digits === 1)) return undefined;
      values[i] = value;
      at += digits;
    }
    let timeMs = 0;
    if (at < t.length) {
      timeMs = plainTime(t, at);
      if (timeMs === -1) return undefined;
      if (timeMs === -2) return 'not a date';
    }
    let year = 0;
    let month = 0;
    let day = 0;
    for (let i = 0; i < 3; i++) {
      const v = values[i] as number;
      if (parts[i] === 'Y4') year = v;
      else if (parts[i] === 'Y2') year = v + (v < 70 ? 2000 : 1900);
      else if (parts[i] === 'M') month = v;
      else day = v;
    }
    return build(year, month, day, null, timeMs);
  };
}

/** Epoch ms (UTC) of `text` read in `format`, or why it cannot be. */
export function parseDate(text: string, format: string): number | DateReason {
  const parser = compileDateFormat(format);
  return parser ? parser(text) : 'not a date';
}

const SHAPE = /^(\d{1,4})([-./])(\d{1,2}|[A-Za-zÄäÖöÜüÉéÛû]{3,9}\.?)\2(\d{2,4})(?![\d])/;
const CANDIDATE_BIT = new Map<string, number>(DATE_CANDIDATES.map((f, i) => [f, 1 << i]));
export type DateCandidate = (typeof DATE_CANDIDATES)[number];
/** The bit of a candidate format in dateCandidatesOf's mask. */
export const dateBit = (format: DateCandidate): number => CANDIDATE_BIT.get(format) ?? 0;

/**
 * The candidate formats (a bit per entry of DATE_CANDIDATES) that read `text` as a valid date in
 * range. Cheap: the shape decides which few formats are tried.
 */
export function dateCandidatesOf(text: string): number {
  const t = text.trim();
  const m = SHAPE.exec(t);
  let tried: DateCandidate[];
  if (m) {
    const [, a = '', sep, b = '', c = ''] = m;
    const named = !/^\d/.test(b);
    if (a.length === 4) tried = sep === '-' ? ['YYYY-MM-DD'] : sep === '/' ? ['YYYY/MM/DD'] : [];
    else if (a.length > 2) tried = [];
    else if (named) tried = sep === '-' ? ['DD-MON-YYYY', 'DD-MON-YY'] : [];
    else if (sep === '.') tried = c.length === 4 ? ['DD.MM.YYYY'] : ['DD.MM.YY'];
    else if (sep === '/') tried = c.length === 4 ? ['DD/MM/YYYY', 'MM/DD/YYYY'] : ['DD/MM/YY', 'MM/DD/YY'];
    else tried = c.length === 4 ? ['DD-MM-YYYY', 'MM-DD-YYYY'] : [];
  } else if (/^\d{8}$/.test(t)) tried = ['YYYYMMDD'];
  else if (EXCEL_NUMBER.test(t)) tried = ['excel'];
  else return 0;
  let mask = 0;
  for (const format of tried) if (typeof parseDate(t, format) === 'number') mask |= dateBit(format);
  return mask;
}
