// The semantic guard: two questions the embedder finds close may still ask opposite things. A hit
// is refused when they differ in
// - negation: the count of negating words (not, no, never, none, without, nor, cannot, any n't);
// - polarity: one asks one side of an antonym pair and the other the opposite side (start/stop,
//   open/close, increase/decrease, enable/disable, on/off, accept/reject, pass/fail,
//   include/exclude, before/after, above/below, min/max, …, each side with its common synonyms).
//   A pair mentioned by only one question is not a refusal: paraphrases drop verbs;
// - numbers: the multisets of numeric values (digits, number words up to twenty, ordinals, values
//   with units or %, dates' parts), compared as values so "5 %" = "5%" = "five percent";
// - entities: codes (a token mixing letters and digits, or joined by - or _: PUMP-7, SKU12345,
//   L2), quoted strings, month and weekday names, relative days (today, yesterday, …), and
//   capitalised words that do not open a sentence. Each entity of one question must appear in the
//   other (case-insensitive; a code may be written apart, "line2" = "line 2").
// Pure and deterministic; the embedder decides how close, this decides whether it may be served.

import { canonicalWord, FUNCTION_WORDS, tokenize } from './embedder.ts';

export interface GuardVerdict {
  ok: boolean;
  /** Why a hit was refused: negation, polarity:<pair>, numbers, entities or substitution. */
  reason?: string;
}

const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nothing',
  'nobody',
  'without',
  'nor',
  'neither',
  'cannot',
  'non',
]);

/** Antonym groups: [name, side A words, side B words]. */
const POLARITY: [string, string[], string[]][] = [
  [
    'run',
    ['start', 'begin', 'launch', 'resume', 'restart', 'startup'],
    ['stop', 'halt', 'shut', 'shutdown', 'pause', 'suspend', 'end'],
  ],
  // 'on' only counts after turn/switch/power or at the end of a sentence (see signatureOf).
  ['switch', ['on', 'activate', 'engage'], ['off', 'deactivate', 'disengage']],
  ['open', ['open', 'opened', 'opening', 'unlock'], ['close', 'closed', 'closing', 'shut', 'lock']],
  [
    'change',
    ['increase', 'raise', 'rise', 'grow', 'higher', 'up', 'more', 'gain', 'improve', 'boost'],
    ['decrease', 'lower', 'reduce', 'fall', 'drop', 'down', 'less', 'fewer', 'decline', 'worsen', 'cut'],
  ],
  ['enable', ['enable', 'allow', 'permit'], ['disable', 'block', 'forbid', 'prevent']],
  [
    'accept',
    ['accept', 'approve', 'accepted', 'approved'],
    ['reject', 'deny', 'refuse', 'rejected', 'denied'],
  ],
  ['pass', ['pass', 'passed', 'succeed', 'success', 'ok'], ['fail', 'failed', 'failure']],
  ['include', ['include', 'with', 'including'], ['exclude', 'excluding', 'except']],
  ['time', ['before', 'prior', 'earlier', 'previous'], ['after', 'later', 'following', 'next']],
  ['level', ['above', 'over', 'exceed', 'exceeding'], ['below', 'under', 'beneath']],
  [
    'extreme',
    ['max', 'maximum', 'highest', 'peak', 'most', 'best', 'top'],
    ['min', 'minimum', 'lowest', 'least', 'worst', 'bottom'],
  ],
  ['speed', ['fast', 'faster', 'fastest', 'quick'], ['slow', 'slower', 'slowest']],
  ['timing', ['early', 'earliest', 'ahead'], ['late', 'delayed', 'overdue', 'behind']],
  ['load', ['load', 'loading'], ['unload', 'unloading']],
  [
    'direction',
    ['inbound', 'incoming', 'import', 'receive', 'received'],
    ['outbound', 'outgoing', 'export', 'ship', 'shipped'],
  ],
  ['add', ['add', 'insert', 'create'], ['remove', 'delete', 'drop']],
];

const POLARITY_SIDE = new Map<string, string[]>();
for (const [name, a, b] of POLARITY) {
  for (const w of a) POLARITY_SIDE.set(w, [...(POLARITY_SIDE.get(w) ?? []), `${name}:a`]);
  for (const w of b) POLARITY_SIDE.set(w, [...(POLARITY_SIDE.get(w) ?? []), `${name}:b`]);
}

const SWITCH_VERBS = new Set(['turn', 'turned', 'switch', 'switched', 'power', 'powered', 'put']);

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  half: 0.5,
  dozen: 12,
  hundred: 100,
  thousand: 1000,
};

const DATE_WORDS = new Set(
  (
    'january february march april june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday ' +
    'today yesterday tomorrow tonight weekend morning afternoon evening night noon midnight ' +
    'daily weekly monthly quarterly yearly annual hourly'
  ).split(' '),
);

const OPENERS = new Set([
  'i',
  'what',
  'which',
  'who',
  'how',
  'why',
  'when',
  'where',
  'show',
  'list',
  'give',
  'tell',
  'can',
  'could',
  'please',
]);

interface Signature {
  negations: number;
  polarity: Map<string, Set<string>>;
  numbers: string[];
  entities: Set<string>;
  /** Lower-cased tokens and adjacent pairs joined, where the other side's entities are looked up. */
  vocabulary: Set<string>;
}

const TOKEN =
  /"[^"]{1,80}"|“[^”]{1,80}”|'[^']{2,80}'(?![\p{L}])|[\p{L}\p{N}]+(?:[-_.,'’][\p{L}\p{N}]+)*|[%]/gu;

function numericValue(raw: string): string | null {
  const plain = raw.replace(/,(?=\d{3}\b)/g, '');
  if (/^\d+(\.\d+)?$/.test(plain)) return String(Number(plain));
  return null;
}

function signatureOf(text: string): Signature {
  const sig: Signature = {
    negations: 0,
    polarity: new Map(),
    numbers: [],
    entities: new Set(),
    vocabulary: new Set(),
  };
  const normal = text.normalize('NFKC');
  let end = 0;
  let previous: string | null = null;
  let prior: string | null = null;
  let beforePrevious: string | null = null;
  for (const match of normal.matchAll(TOKEN)) {
    const token = match[0];
    const sentenceStart = end === 0 || /[.!?:;\n]/.test(normal.slice(end, match.index));
    end = match.index + token.length;
    const first = token[0] as string;
    if (first === '"' || first === '“' || first === "'") {
      sig.entities.add(`"${token.slice(1, -1).toLowerCase().replace(/\s+/g, ' ').trim()}"`);
      continue;
    }
    // Possessives compare as their word: yesterday's = yesterday.
    const lower = token.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
    sig.vocabulary.add(lower);
    if (previous !== null) sig.vocabulary.add(previous + lower);
    if (previous !== null && beforePrevious !== null) sig.vocabulary.add(beforePrevious + previous + lower);
    beforePrevious = previous;
    previous = lower;
    if (NEGATIONS.has(lower) || lower.endsWith("n't")) sig.negations++;
    const after = normal.slice(end, end + 2);
    const onIsSwitch = lower !== 'on' || SWITCH_VERBS.has(prior ?? '') || !/^\s*[\p{L}\p{N}]/u.test(after);
    prior = lower;
    const sides = POLARITY_SIDE.get(lower) ?? POLARITY_SIDE.get(lower.replace(/(ing|ed|es|s)$/, '')) ?? [];
    for (const side of onIsSwitch ? sides : []) {
      const [group, s] = side.split(':') as [string, string];
      sig.polarity.set(group, (sig.polarity.get(group) ?? new Set()).add(s));
    }
    const value = numericValue(lower);
    if (value !== null) {
      sig.numbers.push(value);
    } else if (lower in NUMBER_WORDS) {
      sig.numbers.push(String(NUMBER_WORDS[lower]));
    } else if (/^\d+(\.\d+)?(st|nd|rd|th|[a-z%°]{1,4})$/.test(lower)) {
      // A value with its unit or ordinal: 5kg, 24h, 3rd.
      sig.numbers.push(String(Number(lower.match(/^\d+(\.\d+)?/)?.[0])));
    } else if (/\d/.test(lower) && /[\p{L}]/u.test(lower)) {
      sig.entities.add(lower.replace(/[-_.]/g, ''));
      for (const n of lower.match(/\d+(\.\d+)?/g) ?? []) sig.numbers.push(String(Number(n)));
    } else if (/^\d[\d\-./:,]*\d$/.test(lower)) {
      // Dates and lists (2024-03-05, 05/03, 2,3): each part a number.
      for (const n of lower.split(/[-./:,]/)) sig.numbers.push(String(Number(n)));
    } else if (/[-_]/.test(lower) && /[\p{L}]/u.test(lower)) {
      sig.entities.add(lower.replace(/[-_]/g, ''));
    } else if (DATE_WORDS.has(lower)) {
      sig.entities.add(lower);
    } else if (
      !sentenceStart &&
      /^\p{Lu}/u.test(token) &&
      !OPENERS.has(lower) &&
      !FUNCTION_WORDS.has(lower) &&
      normal[match.index - 1] !== '°'
    ) {
      sig.entities.add(lower);
    }
  }
  sig.numbers.sort();
  return sig;
}

function sameNumbers(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Damerau-Levenshtein distance of two short words, stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] as number) + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** A typo of a name (not of a code or a number: a code one letter off is another code). */
const typoOf = (e: string, vocabulary: Set<string>) =>
  e.length >= 5 && !/\d/.test(e) && [...vocabulary].some((w) => editDistance(e, w, 1) <= 1);

function entitiesCovered(from: Signature, to: Signature): boolean {
  for (const e of from.entities) {
    if (e.startsWith('"')) {
      if (!to.entities.has(e)) return false;
    } else if (!to.vocabulary.has(e) && !to.entities.has(e) && !typoOf(e, to.vocabulary)) {
      return false;
    }
  }
  return true;
}

/**
 * The classic wrong hit of a semantic cache: the same question with one content word swapped
 * ("scrap rate" → "scrap cost", "downtime" → "runtime"). Refused unless the two words are the
 * embedder's synonyms (already folded) or a typo of each other.
 */
function oneWordSwapped(a: string, b: string): boolean {
  const words = (text: string) => {
    const out = new Map<string, string>();
    for (const raw of tokenize(text)) {
      if (/\d/.test(raw) || FUNCTION_WORDS.has(raw)) continue;
      const word = canonicalWord(raw);
      if (!FUNCTION_WORDS.has(word) && !out.has(word)) out.set(word, raw);
    }
    return out;
  };
  const wa = words(a);
  const wb = words(b);
  const onlyA = [...wa.keys()].filter((w) => !wb.has(w));
  const onlyB = [...wb.keys()].filter((w) => !wa.has(w));
  if (onlyA.length !== 1 || onlyB.length !== 1 || wa.size < 3) return false;
  const [x, y] = [onlyA[0] as string, onlyB[0] as string];
  const allowed = (p: string, q: string) =>
    editDistance(p, q, 2) <= (Math.min(p.length, q.length) >= 6 ? 2 : 1);
  return !allowed(x, y) && !allowed(wa.get(x) as string, wb.get(y) as string);
}

/** Whether a cached answer to `cached` may answer `incoming`. */
export function compareQueries(cached: string, incoming: string): GuardVerdict {
  const a = signatureOf(cached);
  const b = signatureOf(incoming);
  if (a.negations !== b.negations) return { ok: false, reason: 'negation' };
  for (const [group, sides] of a.polarity) {
    const other = b.polarity.get(group);
    if (!other) continue;
    const same = sides.size === other.size && [...sides].every((s) => other.has(s));
    if (!same) return { ok: false, reason: `polarity:${group}` };
  }
  if (!sameNumbers(a.numbers, b.numbers)) return { ok: false, reason: 'numbers' };
  if (!entitiesCovered(a, b) || !entitiesCovered(b, a)) return { ok: false, reason: 'entities' };
  if (oneWordSwapped(cached, incoming)) return { ok: false, reason: 'substitution' };
  return { ok: true };
}
