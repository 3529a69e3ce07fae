// The words of the analysis chat (issue 14): how a plant manager's question and an analysis's
// findings are reduced to comparable terms without a language model — normalised, tokenised,
// stemmed lightly, and mapped onto a small table of manufacturing concepts, so "stoppages",
// "lost time" and "downtime" meet, and "vendor" finds a supplier finding.
import type { AnalyzerName, EntityType } from '../analysis/types.ts';

/**
 * type: an entity type the question asks about ("which machine"); measure: what is measured
 * (downtime, scrap, cost…); intent: what the asker wants done with it (rank, explain, advise…);
 * foreign: a topic no work-order export holds (weather, energy…), so the answer is "not covered".
 */
export type ConceptKind = 'type' | 'measure' | 'intent' | 'foreign';

interface ConceptSpec {
  kind: ConceptKind;
  terms: readonly string[];
  entityType?: EntityType;
  /** The analyzers whose findings carry this measure (to explain a skipped analyzer). */
  analyzers?: readonly AnalyzerName[];
  /** How a sentence names the concept ("downtime", "the weather"). */
  noun?: string;
}

/** Terms are written as one comma-separated list per concept, to keep the table readable. */
const list = (terms: string) => terms.split(',').map((t) => t.trim());
const type = (entityType: EntityType, terms: string): ConceptSpec => ({
  kind: 'type',
  entityType,
  terms: list(terms),
});
const measure = (noun: string, analyzers: AnalyzerName[], terms: string): ConceptSpec => ({
  kind: 'measure',
  noun,
  analyzers,
  terms: list(terms),
});
const intent = (terms: string): ConceptSpec => ({ kind: 'intent', terms: list(terms) });
const foreign = (noun: string, terms: string): ConceptSpec => ({ kind: 'foreign', noun, terms: list(terms) });

export const CONCEPTS = {
  machine: type('machine', 'machine, equipment, asset, resource, press, lathe, cnc, robot'),
  workCenter: type('workCenter', 'work center, work centre, workcenter, line, cell, department'),
  part: type('part', 'part, product, item, sku, article, component, part number'),
  partFamily: type('partFamily', 'part family, product family, family, product group'),
  supplier: type('supplier', 'supplier, vendor, provider'),
  operator: type('operator', 'operator, employee, worker, person, people, staff, technician, who'),
  shift: type('shift', 'shift, crew'),
  customer: type('customer', 'customer, client'),
  materialLot: type('materialLot', 'lot, batch, material lot'),
  downtimeReason: type('downtimeReason', 'downtime reason, reason for downtime, stoppage reason'),
  defectType: type('defectType', 'defect type, type of defect, kind of defect'),
  condition: type('condition', 'condition, operating condition'),
  workOrder: type('workOrder', 'work order, production order, job'),

  downtime: measure(
    'downtime',
    ['equipment'],
    'downtime, down time, stoppage, stop, standstill, outage, idle, lost time, time lost, unplanned stop',
  ),
  failure: measure(
    'failures',
    ['equipment'],
    'failure, fail, breakdown, break down, broke, fault, malfunction, crash, mtbf, mttr, reliability, reliable, failure risk, maintenance, repair time',
  ),
  process: measure(
    'process conditions',
    ['equipment'],
    'tool wear, wear, temperature, torque, spindle, speed, rpm, process',
  ),
  utilization: measure(
    'utilisation or OEE',
    ['equipment', 'efficiency'],
    'utilization, utilisation, capacity, busy, bottleneck, oee, overall equipment effectiveness',
  ),
  scrap: measure('scrap', ['quality', 'cost'], 'scrap, waste, reject, discard, yield, spoilage'),
  rework: measure('rework', ['quality'], 'rework, redo, rectification'),
  defect: measure(
    'defects',
    ['quality'],
    'defect, quality, ppm, nonconformance, non conformance, ncr, first pass, fpy, spc, control chart, out of control, complaint',
  ),
  cost: measure(
    'cost',
    ['cost'],
    'cost, money, spend, expensive, overrun, over budget, budget, cost variance, euro, dollar, price, pay, cash, saving, save, costly, financial, overspend',
  ),
  material: measure('material cost', ['cost'], 'material, raw material, steel, aluminium, aluminum'),
  labor: measure(
    'labour hours',
    ['efficiency', 'cost'],
    'labour, labor, man hour, manhour, overtime, productivity, productive, efficiency, efficient, workforce',
  ),
  overhead: measure('overhead', ['cost'], 'overhead, burden'),
  late: measure(
    'schedule adherence',
    ['efficiency'],
    'late, lateness, delay, schedule, on time, ontime, due date, adherence, behind, deadline, tardy, punctual, delivery',
  ),
  setup: measure('setup time', ['efficiency'], 'setup, set up, changeover, change over, retool, smed'),
  cycle: measure(
    'cycle time',
    ['efficiency'],
    'cycle, cycle time, run time, runtime, run hour, throughput, slow, takt, output, pace',
  ),
  trend: measure(
    'trends',
    [],
    'trend, rising, rise, increase, worsen, getting worse, over time, grow, decline, drift, deteriorate, creep, baseline, previous, last time, compared to before',
  ),
  correlation: measure('correlations', [], 'correlation, correlate, relationship, related, link, associated'),

  superlative: intent(
    'worst, most, biggest, top, highest, largest, greatest, main, max, maximum, leading, major, heaviest, primary, number one, slowest, longest',
  ),
  least: intent('least, lowest, best, smallest, fewest, minimum'),
  fix: intent(
    'fix, first, priority, prioritise, prioritize, start, focus, recommend, recommendation, action, should, improve, tackle, address, solve, next step, what to do, do about',
  ),
  why: intent(
    'why, cause, explain, because, root cause, how come, evidence, sure, significant, proof, prove, confident',
  ),
  impact: intent('how much, impact, worth, lose us, cost us'),
  summary: intent(
    'summary, summarise, summarize, overview, finding, highlight, key point, everything, result, found, insight, problem, issue, concern, going on, overall',
  ),
  count: intent('how many, number of, count'),
  greeting: intent('hi, hello, hey, good morning, good afternoon, good evening'),
  thanks: intent('thanks, thank, cheer, bye, great, perfect'),
  help: intent('help, what can, how do i, how does this work, example, capable, able to, what should i ask'),

  weather: foreign('the weather', 'weather, rain, snow, sunny, storm, wind, temperature tomorrow'),
  energy: foreign('energy use', 'energy, electricity, power consumption, kwh, gas, fuel'),
  emissions: foreign('emissions', 'emission, co2, carbon, footprint, sustainability'),
  safety: foreign('safety', 'safety, accident, injury, incident, hazard'),
  sales: foreign('sales and profit', 'sales, revenue, profit, margin, turnover, market share'),
  inventory: foreign('inventory', 'inventory, stock level, warehouse, stock'),
  people: foreign(
    'HR topics',
    'salary, wage, vacation, holiday, sick, absence, absenteeism, headcount, hiring',
  ),
  world: foreign('that topic', 'news, sport, football, stock market, joke, president, capital of, recipe'),
} satisfies Record<string, ConceptSpec>;

export type Concept = keyof typeof CONCEPTS;

/** Words that carry no meaning for retrieval (intent words are matched before these are dropped). */
const STOPWORDS = new Set(
  (
    'a an the of to in on for is are was were be been being do does did our we us my me i you your it its this ' +
    'that these those what which how when where there their they them and or with by at from as has have had ' +
    'can could would will about any some all much many so than then tell show give list please lot get got ' +
    'one ones also just very really more less other else same such into over under per each between ' +
    'let know want need see look like go going there here why who whose whom if not no yes ok okay ' +
    // Words every finding of a work-order analysis uses: they tell nothing apart.
    'order orders work piece pieces plant factory facility analysis data upload file'
  ).split(' '),
);

export const isStopword = (stem: string) => STOPWORDS.has(stem);

/** Lower case, accents dropped ("Müller" → "muller"), possessives dropped. */
export function normalise(text: string): string {
  // Most findings are plain ASCII, which NFKD leaves as it is.
  const folded = /[^ -~\t\n\r]/.test(text) ? text.normalize('NFKD') : text;
  return folded
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '');
}

/** Words of a text (letters and digits), normalised but not stemmed. */
export function words(text: string): string[] {
  return normalise(text).match(/[a-z0-9]+/g) ?? [];
}

const undouble = (s: string) =>
  /([b-df-hj-np-tv-z])\1$/.test(s) && !/(ll|ss)$/.test(s) ? s.slice(0, -1) : s;

/**
 * A light suffix stripper: plurals, -ing, -ed, a final e. It need not give real roots, only the
 * same stem for the forms a manager writes ("delays", "delayed" → "delay"; "machines" → "machin").
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let s = STEMS.get(word);
  if (s === undefined) {
    s = stemOf(word);
    // Findings repeat their words: a bounded memo saves most of the index's time.
    if (STEMS.size > 50_000) STEMS.clear();
    STEMS.set(word, s);
  }
  return s;
}

const STEMS = new Map<string, string>();

function stemOf(word: string): string {
  if (/\d/.test(word)) return word;
  let s = word;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ed') && s.length > 4) s = undouble(s.slice(0, -2));
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  return s;
}

export const stems = (text: string) => words(text).map(stem);

/** Each concept's terms as stem sequences, indexed by their first stem. */
const TERMS_BY_FIRST = (() => {
  const index = new Map<string, { concept: Concept; seq: string[] }[]>();
  for (const [concept, spec] of Object.entries(CONCEPTS) as [Concept, ConceptSpec][]) {
    for (const term of spec.terms) {
      const seq = stems(term);
      const first = seq[0] as string;
      const list = index.get(first) ?? [];
      list.push({ concept, seq });
      index.set(first, list);
    }
  }
  return index;
})();

/** Words that, seen together anywhere in a question, mean a concept ("lose … time" is downtime). */
const TOGETHER: { all: string[]; concept: Concept }[] = (
  [
    [['lose', 'time'], 'downtime'],
    [['lost', 'time'], 'downtime'],
    [['loss', 'time'], 'downtime'],
    [['waste', 'time'], 'downtime'],
    [['stand', 'still'], 'downtime'],
    [['lose', 'money'], 'cost'],
    [['lost', 'money'], 'cost'],
    [['waste', 'money'], 'cost'],
  ] as [string[], Concept][]
).map(([all, concept]) => ({ all: all.map(stem), concept }));
const PAIR_WORDS = new Set(TOGETHER.flatMap((t) => t.all));

/**
 * The concepts a stem sequence mentions, and which positions they used. Word pairs go first and
 * keep their words ("waste … time" is downtime, not scrap); then terms, longest wherever they fit.
 */
export function conceptsIn(seq: readonly string[]): { concepts: Set<Concept>; used: Set<number> } {
  const concepts = new Set<Concept>();
  const used = new Set<number>();
  // Only a sequence with two pair words can hold a pair: most findings have none, so no set is built.
  let pairWords = 0;
  for (const s of seq) if (PAIR_WORDS.has(s)) pairWords++;
  if (pairWords >= 2) {
    const present = new Set(seq);
    for (const { all, concept } of TOGETHER) {
      if (!all.every((s) => present.has(s))) continue;
      concepts.add(concept);
      seq.forEach((s, i) => {
        if (all.includes(s)) used.add(i);
      });
    }
  }
  const pairUsed = used.size ? new Set(used) : used;
  const pairsDone = used.size;
  for (let i = 0; i < seq.length; i++) {
    const terms = TERMS_BY_FIRST.get(seq[i] as string);
    if (!terms) continue;
    for (const { concept, seq: term } of terms) {
      if (term.every((s, k) => seq[i + k] === s && (pairsDone === 0 || !pairUsed.has(i + k)))) {
        concepts.add(concept);
        for (let k = 0; k < term.length; k++) used.add(i + k);
      }
    }
  }
  return { concepts, used };
}

export const conceptsOfKind = (concepts: Iterable<Concept>, kind: ConceptKind): Concept[] =>
  [...concepts].filter((c) => CONCEPTS[c].kind === kind);

/** The concept naming an entity type, e.g. machine → 'machine'. */
export function typeConcept(entityType: EntityType): Concept | null {
  for (const [concept, spec] of Object.entries(CONCEPTS) as [Concept, ConceptSpec][])
    if (spec.kind === 'type' && spec.entityType === entityType) return concept;
  return null;
}

const TYPE_WORDS: Record<EntityType, string> = {
  machine: 'machine',
  workCenter: 'work center',
  part: 'part',
  partFamily: 'part family',
  supplier: 'supplier',
  operator: 'operator',
  shift: 'shift',
  customer: 'customer',
  materialLot: 'material lot',
  downtimeReason: 'downtime reason',
  defectType: 'defect type',
  workOrder: 'work order',
  condition: 'condition',
  facility: 'facility',
  metric: 'metric',
};

/** How a sentence names an entity type: "work center", plural "work centers". */
export const typeWord = (t: EntityType, plural = false) => `${TYPE_WORDS[t]}${plural ? 's' : ''}`;

/** "materialCostPlanned" → "material cost planned" (metric and field names as words). */
export const splitCamel = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .toLowerCase();
