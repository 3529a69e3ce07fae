// Header text for matching: one normal form for "Qty. Completed", "QUANTITY_COMPLETED", "qtyCompleted"
// and "Completed quantity" alike, the unit a header names ("(min)", "[h]", "Hrs"), and how closely
// two normal forms agree.

export type HeaderUnit = 'min' | 'h';

export interface NormalHeader {
  /** Content words, abbreviations expanded, planned/actual synonyms folded into one word each. */
  tokens: string[];
  /** The tokens run together: "Ist-Starttermin" and "Iststarttermin" agree here. */
  compact: string;
  /** The tokens sorted: the same words in another order agree here. */
  sorted: string;
  /** A time unit the header names, when it names one. */
  unit: HeaderUnit | null;
  /** `planned` or `actual` when the header says which; null when it says neither. */
  qualifier: 'planned' | 'actual' | null;
}

const ABBREVIATIONS: Record<string, string> = {
  qty: 'quantity',
  qte: 'quantite',
  quantities: 'quantity',
  wo: 'work order',
  pn: 'part number',
  mat: 'material',
  matl: 'material',
  mtl: 'material',
  hrs: 'hours',
  hr: 'hours',
  std: 'planned',
  standard: 'planned',
  act: 'actual',
  plan: 'planned',
  pln: 'planned',
  est: 'planned',
  estimated: 'planned',
  expected: 'planned',
  target: 'planned',
  budget: 'planned',
  budgeted: 'planned',
  sched: 'planned',
  scheduled: 'planned',
  prevu: 'planned',
  prevue: 'planned',
  prevus: 'planned',
  planifie: 'planned',
  planifiee: 'planned',
  previsto: 'planned',
  prevista: 'planned',
  planificado: 'planned',
  planificada: 'planned',
  real: 'actual',
  reel: 'actual',
  reelle: 'actual',
  reels: 'actual',
  reelles: 'actual',
  booked: 'actual',
  no: 'number',
  nr: 'number',
  nro: 'number',
  numero: 'number',
  nummer: 'number',
  nbr: 'number',
  num: 'number',
  temp: 'temperature',
  proc: 'process',
  amb: 'ambient',
  min: 'minutes',
  mins: 'minutes',
  minute: 'minutes',
  op: 'operation',
  oper: 'operation',
  opn: 'operation',
  opr: 'operation',
  seq: 'sequence',
  wc: 'work center',
  mach: 'machine',
  emp: 'employee',
  empl: 'employee',
  cust: 'customer',
  supp: 'supplier',
  vend: 'vendor',
  desc: 'description',
  lbr: 'labor',
  labour: 'labor',
  ovhd: 'overhead',
  prod: 'production',
  rwk: 'rework',
  dt: 'downtime',
  tot: 'total',
  cnt: 'count',
  centre: 'center',
  ctr: 'center',
  workcentre: 'workcenter',
  dept: 'department',
  org: 'organization',
  finish: 'end',
  finished: 'end',
  completion: 'end',
};

const STOPWORDS = new Set([
  'of',
  'the',
  'a',
  'for',
  'de',
  'del',
  'la',
  'le',
  'les',
  'l',
  'd',
  'du',
  'des',
  'y',
  'et',
  'und',
  'der',
  'die',
  'das',
  'en',
  'el',
  'per',
  'to',
  'am',
]);
const MINUTE_WORDS = new Set(['min', 'mins', 'minute', 'minutes', 'minuten']);
const HOUR_WORDS = new Set([
  'h',
  'hr',
  'hrs',
  'hour',
  'hours',
  'std',
  'stunden',
  'stunde',
  'heures',
  'horas',
]);

/** Lower case, accents and ß folded, camelCase and UPPER_SNAKE split, punctuation to spaces. */
export function foldText(text: string): string {
  return text
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/#|\bn[°º]/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const stem = (token: string) =>
  token.length > 4 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;

export function normalizeHeader(header: string): NormalHeader {
  let unit: HeaderUnit | null = null;
  // A unit in brackets is a unit, not a word of the name: "Setup Time (H)", "Tool Wear [min]".
  const bare = header.replace(/[([]([^)\]]{1,12})[)\]]/g, (_, inner: string) => {
    const word = foldText(inner);
    if (MINUTE_WORDS.has(word)) unit = 'min';
    else if (HOUR_WORDS.has(word)) unit = 'h';
    else if (!/^[a-z]+( [a-z]+)?$/.test(word) || word.length <= 4 || inner.includes('/')) return ' ';
    else return ` ${inner} `;
    return ' ';
  });
  const words = foldText(bare).split(' ').filter(Boolean);
  const last = words[words.length - 1];
  if (!unit && last && MINUTE_WORDS.has(last)) unit = 'min';
  if (!unit && last && (last === 'hrs' || last === 'hours' || last === 'hr')) unit = 'h';
  const expanded = words.flatMap((w) => (ABBREVIATIONS[w] ?? w).split(' ')).map(stem);
  // A stopword that ends the header is a word after all: the French "N° OF" (ordre de fabrication).
  const content = expanded.filter((w, i) => !STOPWORDS.has(w) || i === expanded.length - 1);
  const tokens = content.length > 0 ? content : expanded;
  const planned = tokens.includes('planned');
  const actual = tokens.includes('actual');
  return {
    tokens,
    compact: tokens.join(''),
    sorted: [...tokens].sort().join(' '),
    unit,
    qualifier: planned === actual ? null : planned ? 'planned' : 'actual',
  };
}

let rows = new Int32Array(64);

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  if (rows.length < 2 * width) rows = new Int32Array(4 * width);
  // Two rows in one reused buffer: this runs for every header against every name.
  let prev = 0;
  let cur = width;
  for (let j = 0; j < width; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (rows[prev + j] as number) + 1,
        (rows[cur + j - 1] as number) + 1,
        (rows[prev + j - 1] as number) + cost,
      );
      rows[cur + j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return rows[prev + b.length] as number;
}

/** How well one word stands for another: same, a typo, an abbreviation, or part of a compound. */
function tokenMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 5 && editDistance(a, b, 1) <= 1) return 0.85;
  if (short.length >= 4 && long.startsWith(short)) return 0.7;
  // German compounds: "Gesamtauftragsmenge" holds "auftragsmenge".
  if (short.length >= 6 && long.includes(short)) return 0.7;
  return 0;
}

export type MatchKind = 'exact' | 'tokens' | 'fuzzy';

/**
 * How closely a header agrees with a name, 0–1: `exact` (same normal form), `tokens` (same words
 * in another order) or `fuzzy` (soft word overlap, or the text within a few typos).
 */
export function matchHeader(header: NormalHeader, name: NormalHeader): { score: number; kind: MatchKind } {
  if (header.compact === name.compact) return { score: 1, kind: 'exact' };
  const h = header.tokens;
  const n = name.tokens;
  if (h.length > 1 && header.sorted === name.sorted) {
    return { score: 0.97, kind: 'tokens' };
  }
  let matched = 0;
  for (const t of n) {
    let best = 0;
    for (const u of h) best = Math.max(best, tokenMatch(t, u));
    matched += best;
  }
  let dice = (2 * matched) / (h.length + n.length);
  // A word in one that the other lacks ("Order Type" against "Order") weighs on the match.
  if (matched < Math.min(h.length, n.length) * 0.5) dice = 0;
  let typo = 0;
  const longest = Math.max(header.compact.length, name.compact.length);
  if (Math.min(header.compact.length, name.compact.length) >= 6) {
    const limit = Math.floor(longest * 0.2);
    const d = editDistance(header.compact, name.compact, limit);
    if (d <= limit) typo = 1 - d / longest;
  }
  return { score: Math.max(dice, typo), kind: 'fuzzy' };
}

/** Penalty when header and name disagree on planned vs actual ("Std Labor Cost" is not the actual one). */
export function qualifierFactor(header: NormalHeader, name: NormalHeader): number {
  if (header.qualifier && name.qualifier) return header.qualifier === name.qualifier ? 1 : 0.25;
  if (header.qualifier) return 0.8;
  if (name.qualifier === 'planned') return 0.85;
  if (name.qualifier === 'actual') return 0.95;
  return 1;
}
