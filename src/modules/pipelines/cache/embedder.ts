// The built-in offline embedder: a question → a unit vector of EMBEDDING_DIMS floats, so that
// paraphrases land close together (cosine) without any model or network.
//
// Two feature groups, each hashed into the same 512 dimensions with a sign bit (signed feature
// hashing keeps collisions from adding up) and each L2-normalised on its own before they are mixed,
// so the many character n-grams cannot drown the few words:
// - words (weight 0.65): lower-cased, lightly stemmed (plural s, -ing, -ed, -ly), a small synonym
//   table of plant-operations wording folded to one form, unigrams and adjacent bigrams (bigrams at
//   half weight), sublinear tf (1 + ln tf). IDF comes from a built-in list of the most frequent
//   English function words and request boilerplate ("please", "can you", "show me"), which get
//   weight 0.1 instead of a corpus count: deterministic, and the same in every process.
// - character 3-, 4- and 5-grams inside each content word, with its boundaries (weight 0.35):
//   they carry typos and inflections the stemmer misses.
// Negations, numbers and names are NOT made to matter more here: the semantic guard (guard.ts)
// compares them exactly, which an embedding cannot do reliably.

export const EMBEDDING_DIMS = 512;
/**
 * The similarity a semantic hit needs by default with this embedder: on eval:cache's 605 pairs,
 * 61 % of true paraphrases hit with 1.4 % wrong hits (the guard on). Thresholds belong to an
 * embedder: GPTCache's 0.9 is for its own model and gives about 13 % hits here.
 */
export const RECOMMENDED_THRESHOLD = 0.65;
const MASK = EMBEDDING_DIMS - 1;
const WORD_WEIGHT = 0.65;
const CHAR_WEIGHT = 0.35;
const BIGRAM_WEIGHT = 0.4;

export const FUNCTION_WORDS = new Set(
  (
    'a an the of to in on at for from by with and or is are was were be been being it its this that these those ' +
    'i me my we our us you your he she they them their what which who whom how when where why do does did ' +
    'can could would should will shall may might please pls kindly show tell give get let know want need like ' +
    'hi hello hey thanks thank cheers dear quick question wondering info there here some any all just also about ' +
    'as into than then so if me up out'
  ).split(' '),
);

/** Different words for the same thing in plant operations, folded to the first form. */
const SYNONYMS: Record<string, string> = {
  machine: 'machine',
  equipment: 'machine',
  asset: 'machine',
  downtime: 'downtime',
  outage: 'downtime',
  stoppage: 'downtime',
  stop: 'stop',
  halt: 'stop',
  fault: 'fault',
  defect: 'fault',
  malfunction: 'fault',
  breakdown: 'fault',
  output: 'output',
  throughput: 'output',
  production: 'output',
  yield: 'output',
  display: 'show',
  list: 'show',
  summarize: 'summarise',
  summary: 'summarise',
  overview: 'summarise',
  supplier: 'supplier',
  vendor: 'supplier',
  inventory: 'stock',
  warehouse: 'warehouse',
  shipment: 'delivery',
  delivery: 'delivery',
  temp: 'temperature',
  temperature: 'temperature',
  maintenance: 'maintenance',
  servicing: 'maintenance',
  upkeep: 'maintenance',
  why: 'why',
  reason: 'why',
  cause: 'why',
  latest: 'recent',
  recent: 'recent',
  last: 'recent',
  current: 'current',
  present: 'current',
  now: 'current',
  trend: 'trend',
  evolution: 'trend',
  number: 'count',
  count: 'count',
  rate: 'rate',
  ratio: 'rate',
  percentage: 'rate',
};

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ly')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function canonicalWord(raw: string): string {
  const direct = SYNONYMS[raw];
  if (direct) return direct;
  const stemmed = stem(raw);
  return SYNONYMS[stemmed] ?? stemmed;
}

/** FNV-1a over a string range, seeded per feature group. */
function fnv(text: string, start: number, end: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function add(target: Float32Array, hash: number, weight: number): void {
  // Sign from a bit the index does not use.
  const i = hash & MASK;
  target[i] = (target[i] as number) + ((hash >>> 16) & 1 ? weight : -weight);
}

const TOKEN = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN) ?? [];
}

function normalise(v: Float32Array): void {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] as number) * (v[i] as number);
  if (sum === 0) return;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) * inv;
}

/** Content words in their canonical form (function words and boilerplate dropped). */
export function contentWords(tokens: string[]): string[] {
  const out: string[] = [];
  for (const raw of tokens) {
    const word = canonicalWord(raw);
    if (!FUNCTION_WORDS.has(word) && !FUNCTION_WORDS.has(raw)) out.push(word);
  }
  return out;
}

function wordFeatures(words: string[]): Float32Array {
  const counts = new Map<string, number>();
  const weights = new Map<string, number>();
  const bump = (feature: string, weight: number) => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
    weights.set(feature, weight);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    bump(word, 1);
    if (i > 0) bump(`${words[i - 1]} ${word}`, BIGRAM_WEIGHT);
  }
  const v = new Float32Array(EMBEDDING_DIMS);
  for (const [feature, count] of counts) {
    add(v, fnv(feature, 0, feature.length, 0x51), (1 + Math.log(count)) * (weights.get(feature) ?? 1));
  }
  normalise(v);
  return v;
}

/** Character 3- to 5-grams inside each content word (with its boundaries), as they were typed. */
function charFeatures(tokens: string[]): Float32Array {
  const v = new Float32Array(EMBEDDING_DIMS);
  for (const raw of tokens) {
    if (FUNCTION_WORDS.has(raw)) continue;
    const text = ` ${raw} `;
    for (let i = 0; i + 3 <= text.length; i++) {
      for (let n = 3; n <= 5 && i + n <= text.length; n++) add(v, fnv(text, i, i + n, 0xc3), 1);
    }
  }
  // Sublinear tf per bucket, keeping the sign.
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (x !== 0) v[i] = Math.sign(x) * (1 + Math.log(Math.abs(x)));
  }
  normalise(v);
  return v;
}

/** A unit vector (all zeros for text without letters or digits); deterministic. */
export function embed(text: string): Float32Array {
  const tokens = tokenize(text);
  const words = wordFeatures(contentWords(tokens));
  const chars = charFeatures(tokens);
  const out = new Float32Array(EMBEDDING_DIMS);
  for (let i = 0; i < EMBEDDING_DIMS; i++) {
    out[i] = WORD_WEIGHT * (words[i] as number) + CHAR_WEIGHT * (chars[i] as number);
  }
  normalise(out);
  return out;
}

/** Dot product of two unit vectors = their cosine similarity. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
