// Numbers in prose, for checking that an LLM only states numbers the results contain: each number
// is normalised (thousands separators dropped, trailing zeros of decimals dropped) so "1,234.50"
// and "1234.5" are the same number. Single digits are left alone: "top 3", "2 machines".

const NUMBER = /(?<![\w.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])-?\d+(?:\.\d+)?/g;

export function normaliseNumber(text: string): string {
  let s = text.replaceAll(',', '');
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s.replace(/^-/, '');
}

/** The normalised numbers of a text (dates' parts and single digits included). */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(NUMBER)].map((m) => normaliseNumber(m[0]));
}

/** Numbers of `text` with two or more digits that are not in `allowed` (nor a rounding of one). */
export function unsupportedNumbers(text: string, allowed: ReadonlySet<string>): string[] {
  const rounded = new Set<string>();
  for (const a of allowed) {
    rounded.add(a);
    const x = Number(a);
    if (Number.isFinite(x)) for (const d of [0, 1, 2]) rounded.add(normaliseNumber(x.toFixed(d)));
  }
  return numbersIn(text).filter((n) => n.replace('.', '').length >= 2 && !rounded.has(n));
}
