// Text forms of values as ERPs write them: locale numbers, date patterns, CSV quoting and the
// Windows-1252 encoding. Tables are built once per file, so a million rows format without Date objects.

/** Day 0 of the demo calendar; all timestamps are minutes from here (UTC, no time zones). */
export const EPOCH_MS = Date.UTC(2024, 0, 1);
/** Excel's serial day of EPOCH (days since 1899-12-30). */
export const EXCEL_EPOCH_SERIAL = 45_292;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Renders a day in a pattern with the tokens YYYY, MM, DD, MON (JAN…DEC), HH, mm, ss;
 * `excel` gives Excel's serial day number.
 */
export function formatDay(day: number, pattern: string, minuteOfDay = 0): string {
  if (pattern === 'excel') return String(EXCEL_EPOCH_SERIAL + day);
  const d = new Date(EPOCH_MS + day * 86_400_000 + minuteOfDay * 60_000);
  return pattern
    .replace('YYYY', String(d.getUTCFullYear()))
    .replace('MON', MONTHS[d.getUTCMonth()] as string)
    .replace('MM', two(d.getUTCMonth() + 1))
    .replace('DD', two(d.getUTCDate()))
    .replace('HH', two(d.getUTCHours()))
    .replace('mm', two(d.getUTCMinutes()))
    .replace('ss', two(d.getUTCSeconds()));
}

const dayTables = new Map<string, string[]>();

/** Every day of the demo calendar (and a margin after it) in a date-only pattern; built once. */
export function dayTable(pattern: string, days = 1000): string[] {
  const key = `${pattern}:${days}`;
  let table = dayTables.get(key);
  if (!table) {
    table = Array.from({ length: days }, (_, day) => formatDay(day, pattern));
    dayTables.set(key, table);
  }
  return table;
}

/**
 * A formatter of timestamps (minutes since EPOCH) in a pattern, backed by a table per day and, when
 * the pattern has a time, a table per minute of the day. A day outside the table (before EPOCH or
 * `days` after it) is formatted the slow way rather than written as `undefined`.
 */
export function dateFormatter(pattern: string, days: number): (minutes: number) => string {
  const split = pattern.search(/[ T]HH/);
  const datePart = split < 0 ? pattern : pattern.slice(0, split);
  const timePart = split < 0 ? '' : pattern.slice(split);
  const byDay = dayTable(datePart, days);
  const dayText = (day: number) => byDay[day] ?? formatDay(day, datePart);
  if (!timePart) return (minutes) => dayText(Math.floor(minutes / 1440));
  const byMinute = Array.from({ length: 1440 }, (_, m) => formatDay(0, timePart, m));
  return (minutes) => {
    const day = Math.floor(minutes / 1440);
    return `${dayText(day)}${byMinute[minutes - day * 1440]}`;
  };
}

/** An integer with a thousands separator ('' for none). */
export function groupDigits(n: number, thousands: string): string {
  const s = String(n);
  if (!thousands || s.length <= 3) return s;
  const head = s.length % 3 || 3;
  let out = s.slice(0, head);
  for (let i = head; i < s.length; i += 3) out += thousands + s.slice(i, i + 3);
  return out;
}

const POW = [1, 10, 100, 1000, 10_000];
const PAD = ['', '0', '00', '000'];

/** A number with fixed decimals in a locale: fixed(1234.5, 2, ',', '.') = '1.234,50'; NaN gives ''. */
export function fixed(x: number, digits: number, decimal: string, thousands: string): string {
  if (Number.isNaN(x)) return '';
  const p = POW[digits] as number;
  const scaled = Math.round(Math.abs(x) * p);
  const int = Math.floor(scaled / p);
  const sign = x < 0 && scaled > 0 ? '-' : '';
  const intText = thousands && int >= 1000 ? groupDigits(int, thousands) : `${int}`;
  if (digits === 0) return sign + intText;
  // Integer arithmetic and string concatenation: toFixed is several times slower.
  const frac = scaled - int * p;
  const fracText = `${frac}`;
  return sign + intText + decimal + (PAD[digits - fracText.length] ?? '') + fracText;
}

/** Quotes a CSV field when it holds the delimiter, a quote or a line break. */
export function csvField(text: string, delimiter: string): string {
  if (!text.includes(delimiter) && !text.includes('"') && !text.includes('\n') && !text.includes('\r')) {
    return text;
  }
  return `"${text.replaceAll('"', '""')}"`;
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

// Windows-1252 differs from ISO-8859-1 only in 0x80–0x9F, where it has these characters.
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Text to Windows-1252 bytes; a character it cannot hold becomes '?', as Windows does. */
export function encodeWindows1252(text: string): Buffer {
  // Fast path: Latin-1 and Windows-1252 agree on every code point up to 0xFF outside 0x80–0x9F.
  if (!/[\u0080-\u009f\u0100-\uffff]/.test(text)) return Buffer.from(text, 'latin1');
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    out[n++] = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (CP1252_HIGH[ch] ?? 0x3f);
  }
  return out.subarray(0, n);
}

/** Text to the bytes of a file in an encoding (the BOM is the writer's business, written once). */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  return encoding === 'windows-1252' ? encodeWindows1252(text) : Buffer.from(text, 'utf8');
}

/**
 * JSON as the repository's formatter (Biome) writes it: objects one key a line, arrays of plain values
 * on one line when they fit in 110 columns. Generated truth files then survive `npm run format`.
 */
export function formatJson(value: unknown, indent = '', prefix = 0): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const plain = value.every((v) => v === null || typeof v !== 'object');
    const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    if (plain && indent.length + prefix + inline.length <= 110) return inline;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + formatJson(v, inner, 0)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const lines = entries.map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      // The trailing comma counts against the line width.
      return inner + key + formatJson(v, inner, key.length + 1);
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
