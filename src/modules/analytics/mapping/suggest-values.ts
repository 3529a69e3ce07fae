// What a column's sample values look like, and how well that fits a field's type: dates for date
// fields, numbers for quantities, hours and costs, yes/no words for a failure flag, a few short
// repeating codes for a shift.
import type { FieldType } from '../canonical.ts';
import { dateBit, dateCandidatesOf } from '../parse/dates.ts';
import { kindOf, parseBoolean } from '../parse/values.ts';

export interface ValueProfile {
  /** Non-empty samples. */
  filled: number;
  /** Shares of the non-empty samples. */
  dates: number;
  numbers: number;
  /** Numbers with a fraction ("12.5", "1.234,56"), not whole. */
  fractions: number;
  booleans: number;
  /** Digit runs that could be dates (YYYYMMDD, Excel serial days). */
  numericDates: number;
  distinct: number;
  maxLength: number;
  /** A few distinct values shown in details. */
  examples: string[];
}

const NUMERIC_DATES = dateBit('YYYYMMDD') | dateBit('excel');

export function profileValues(samples: readonly string[]): ValueProfile {
  let filled = 0;
  let dates = 0;
  let numbers = 0;
  let fractions = 0;
  let booleans = 0;
  let numericDates = 0;
  let maxLength = 0;
  const distinct = new Set<string>();
  for (const raw of samples) {
    const text = raw.trim();
    if (text === '') continue;
    filled += 1;
    distinct.add(text);
    maxLength = Math.max(maxLength, text.length);
    const kind = kindOf(text);
    if (kind === 'date') dates += 1;
    if (kind === 'integer' || kind === 'number') numbers += 1;
    if (kind === 'number') fractions += 1;
    if (parseBoolean(text) !== null) booleans += 1;
    if (kind === 'integer' && (dateCandidatesOf(text) & NUMERIC_DATES) !== 0) numericDates += 1;
  }
  const share = (n: number) => (filled === 0 ? 0 : n / filled);
  return {
    filled,
    dates: share(dates),
    numbers: share(numbers),
    fractions: share(fractions),
    booleans: share(booleans),
    numericDates: share(numericDates),
    distinct: distinct.size,
    maxLength,
    examples: [...distinct].slice(0, 3),
  };
}

/** A yes/no column: every value a yes/no word, at most two distinct ("X" and blank counts). */
export const looksBoolean = (p: ValueProfile): boolean => p.filled > 0 && p.booleans === 1 && p.distinct <= 2;

/** A few short codes repeating over many rows, as shifts are ("A", "Früh", "Night", "2"). */
export const looksLikeCodes = (p: ValueProfile): boolean =>
  p.filled >= 6 && p.distinct >= 2 && p.distinct <= 5 && p.maxLength <= 12 && p.distinct * 3 <= p.filled;

const SHIFT_WORDS =
  /^(a|b|c|d|1|2|3|4|i|ii|iii|day|days|night|nights|swing|late|early|morning|afternoon|evening|fruh|fruhschicht|spat|spatschicht|nacht|nachtschicht|tag|matin|apres midi|nuit|manana|tarde|noche|1st|2nd|3rd|first|second|third)$/;

/** The values are shift names or numbers. */
export function looksLikeShifts(p: ValueProfile, samples: readonly string[]): boolean {
  if (!looksLikeCodes(p)) return false;
  const fold = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[\s_-]*(shift|schicht)$/, '');
  return samples.every((s) => s.trim() === '' || SHIFT_WORDS.test(fold(s)));
}

/**
 * How well the values fit a field's type, 0–1: 1 agrees, 0.85 says nothing (no values), low
 * contradicts (text where numbers belong, numbers where dates belong).
 */
export function typeFit(type: FieldType, p: ValueProfile): number {
  if (p.filled === 0) return 0.85;
  switch (type) {
    case 'date':
      if (p.dates >= 0.8) return 1;
      return p.numericDates >= 0.8 ? 0.9 : 0.15;
    case 'number':
    case 'integer':
      if (p.dates >= 0.5) return 0.1;
      if (p.numericDates >= 0.8) return 0.6;
      if (p.numbers >= 0.8) return 1;
      return p.numbers >= 0.5 ? 0.6 : 0.15;
    case 'boolean':
      if (looksBoolean(p)) return 1;
      return p.booleans >= 0.8 ? 0.7 : 0.2;
    case 'text':
      if (p.dates >= 0.8) return 0.3;
      if (p.fractions >= 0.8) return 0.5;
      return 1;
  }
}

/** Words for a detail: what the values look like. */
export function describeValues(p: ValueProfile): string {
  const shown = p.examples.map((e) => JSON.stringify(e)).join(', ');
  if (p.filled === 0) return 'no values in the sample';
  if (looksBoolean(p)) return `yes/no values (${shown})`;
  if (p.dates >= 0.8) return `dates (${shown})`;
  if (p.numericDates >= 0.8) return `numbers that read as dates (${shown})`;
  if (p.numbers >= 0.8) return `numbers (${shown})`;
  if (looksLikeCodes(p)) return `${p.distinct} repeating codes (${shown})`;
  return `text (${shown})`;
}
