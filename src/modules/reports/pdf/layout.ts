// Pure layout arithmetic for the PDF toolkit: axis scales, column widths, Pareto shares, the
// characters the built-in fonts can show, number formats. No pdfkit here, so all of it is tested
// without drawing.

export interface Scale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/** A "nice" axis (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering [min, max] with about `count` ticks. */
export function niceScale(min: number, max: number, count = 5): Scale {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (lo > hi) [lo, hi] = [hi, lo];
  // Business figures: a span below a millionth is a flat series, which still gets an axis (around
  // the value, or 0–1 for zeros).
  if (hi - lo < 1e-6) {
    const mid = Math.abs(lo) < 1e-6 ? 0 : lo;
    hi = mid === 0 ? 1 : mid + Math.abs(mid) * 0.5;
    lo = mid === 0 ? 0 : mid - Math.abs(mid) * 0.5;
  }
  const raw = (hi - lo) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step * 1e-9; i++) ticks.push(round(start + i * step));
  return { min: round(start), max: round(end), step, ticks };
}

/** To a billionth, and -0 as 0 (an axis end must never print as "-0"). */
const round = (x: number) => Math.round(x * 1e9) / 1e9 || 0;

/** Where `value` lies on an axis from `y0` (at scale.min) to `y1` (at scale.max). */
export function project(value: number, scale: Pick<Scale, 'min' | 'max'>, y0: number, y1: number) {
  const span = scale.max - scale.min || 1;
  return y0 + ((value - scale.min) / span) * (y1 - y0);
}

/** Splits `total` between columns by weight, whole points, the remainder to the last column. */
export function columnWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0) || 1;
  const widths = weights.map((w) => Math.floor((Math.max(0, w) / sum) * total));
  const used = widths.reduce((s, w) => s + w, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths.at(-1) ?? 0) + (total - used);
  return widths;
}

/** Running share of the total after each value (0–1); all zeros when the total is 0. */
export function cumulativeShares(values: readonly number[]): number[] {
  const total = values.reduce((s, v) => s + v, 0);
  let running = 0;
  return values.map((v) => {
    running += v;
    return total > 0 ? running / total : 0;
  });
}

/** Which labels of an axis with `n` points to print so that at most `max` show. */
export function labelStride(n: number, max: number): number {
  return n <= max ? 1 : Math.ceil(n / Math.max(1, max));
}

// The built-in PDF fonts speak WinAnsi (Windows-1252); anything else would print as garbage, so
// common typography is spelled out and the rest becomes "?".
const REPLACEMENTS: Record<string, string> = {
  '−': '-',
  '→': '->',
  '←': '<-',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '∑': 'sum',
  σ: 'sigma',
  μ: 'mu',
  τ: 'tau',
  ρ: 'rho',
  χ: 'chi',
  '²': '2',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
};
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || ch === '\t' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff))
      out += REPLACEMENTS[ch] ?? ch;
    else if (WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if (code < 0x20) out += ' ';
    else out += '?';
  }
  return out;
}

const grouped = (x: number, digits: number) =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A 0–1 share as per cent with one decimal ("87.3 %"); "–" when unknown. */
export function percent(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : `${grouped(x * 100, digits)} %`;
}

/** A number with thousands separators and up to `digits` decimals; "–" when unknown. */
export function number(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Exactly `digits` decimals with thousands separators ("1,035.2", "448.0"); "–" when unknown. */
export function fixed(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : grouped(x, digits);
}

/** Minutes as hours with one decimal ("1.6 h"): one unit down a table column. */
export function hours(minutes: number | null | undefined): string {
  return minutes === null || minutes === undefined || !Number.isFinite(minutes)
    ? '–'
    : `${grouped(minutes / 60, 1)} h`;
}

/** Minutes as "12.5 min" below two hours, else "3.4 h". */
export function duration(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '–';
  return Math.abs(minutes) < 120 ? `${grouped(minutes, 1)} min` : `${grouped(minutes / 60, 1)} h`;
}

/** "2026-12-04 23:56 UTC". */
export function utcStamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
