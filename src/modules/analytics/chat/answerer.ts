// The offline answerer of the analysis chat (issue 14): a plant manager's question answered in a
// few sentences from one analysis only — its ranked findings, facility figures and charts — with
// the sources it used, and a plain "the analysis does not contain that" (covered: false) when it
// does not, rather than a guess. Pure and deterministic: the chat's `offline` provider streams this
// text, and an LLM provider gets `groundingContext` instead and falls back to this answer.
import type { Chart, Insight } from '../analysis/types.ts';
import type { KnownEntity } from './entities.ts';
import {
  carryOver,
  isElliptical,
  isFollowUp,
  lastExchange,
  parseQuestion,
  type Question,
  referents,
} from './intents.ts';
import { fieldLabel, headline, listing, plural } from './phrasing.ts';
import {
  Draft,
  entityName,
  tellEntity,
  tellFixFirst,
  tellFollowUp,
  tellRetrieved,
  tellSuperlative,
} from './replies.ts';
import { type AnalysisIndex, indexOf } from './retrieve.ts';
import { CONCEPTS, type Concept, stems, typeWord } from './vocabulary.ts';

export { groundingContext } from './context.ts';

export interface ChatAnalysis {
  name: string;
  workOrders: number;
  dataTier: number;
  analyzersRun: string[];
  skipped: { analyzer: string; lacked: string[] }[];
  /** Ranked by impact, rank 1 first. */
  insights: { rank: number; insight: Insight }[];
  /** Facility-level figures, e.g. 'quality.scrapRatePct', 'equipment.downtimeMinutes'. */
  metrics: Record<string, number>;
  /** e.g. downtime by machine (label = machine, value = minutes). */
  charts: Chart[];
  narrative: string | null;
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface GroundedAnswer {
  /** Sentences with the numbers, in English. */
  text: string;
  sources: { insights: number[]; metrics: string[]; charts: string[] };
  /** false when the analysis does not contain the answer. */
  covered: boolean;
}

export function answer(analysis: ChatAnalysis, history: ChatTurn[], question: string): GroundedAnswer {
  const index = indexOf(analysis);
  const d = new Draft(index);
  const text = question.trim();
  if (!text) return help(d);
  let q = parseQuestion(text, index);
  const asksAbout = q.measures.length > 0 || q.types.length > 0 || q.entities.length > 0;
  if (q.greeting && q.thanks) {
    d.say(
      'You are welcome',
      `Ask me anything else about this analysis, for example: "${examples(index)[0] ?? 'What should I fix first?'}"`,
    );
    return d.done(true);
  }
  if (q.greeting || (q.intents.has('help') && !asksAbout)) return help(d, q.greeting);

  const foreign = q.foreign.filter((c) => !mentioned(index, c));
  if (foreign.length) {
    const noun = (CONCEPTS[foreign[0] as Concept] as { noun?: string }).noun ?? 'that';
    return notCovered(
      d,
      `This analysis does not contain ${noun}: it only holds what the work orders of the upload show`,
    );
  }
  if (q.unknown.length && !q.entities.length) return unknownEntity(d, q);

  const last = lastExchange(history);
  if (last.answers.length && isFollowUp(q)) {
    // The latest answer that named something ("why?" after an answer that named nothing refers to
    // the subject before it), or named enough ("the third one" after an answer on one subject goes
    // back to the list before it).
    const lists = last.answers.map((a) => referents(a, index)).filter((list) => list.length > 0);
    const needed = q.ordinal !== null && q.ordinal > 0 ? q.ordinal : 1;
    const items = lists.find((list) => list.length >= needed) ?? lists[0];
    if (items) return d.done(tellFollowUp(d, q, items));
    if (!asksAbout)
      return notCovered(d, 'The previous answer named no machine, supplier or finding to go on with');
  }
  if (last.question && isElliptical(q)) q = carryOver(q, parseQuestion(last.question, index));

  const skipped = skippedFor(index, q);
  // "What costs us the most?" is the impact ranking, which every analyzer feeds: answered, with a note.
  const ranking = q.intents.has('superlative') && !q.types.length && q.measures.every((m) => m === 'cost');
  if (skipped.length && !q.entities.length && !ranking && !insightsAbout(index, q.measures))
    return explainSkipped(d, skipped);

  let covered: boolean;
  if (q.entities.length) {
    for (const m of q.entities.slice(0, 3)) tellEntity(d, m.entity, q);
    if (q.unknown.length) d.say(`Nothing in the analysis mentions ${listing(q.unknown.map((u) => u.name))}`);
    covered = true;
  } else if (q.intents.has('superlative') || q.intents.has('least')) covered = tellSuperlative(d, q);
  else if (q.intents.has('fix') && !q.measures.length && !q.types.length) covered = tellFixFirst(d);
  else if (q.intents.has('count') && !q.measures.length) covered = tellCount(d, q);
  else if ((q.intents.has('summary') || q.intents.has('impact')) && !q.measures.length && !q.types.length)
    covered = tellSummary(d);
  else covered = offTopic(index, q) ? false : tellRetrieved(d, q);

  if (!covered) {
    const lead = q.measures.length
      ? `This analysis has no finding or figure on ${listing(q.measures.map((m) => (CONCEPTS[m] as { noun?: string }).noun ?? m))}`
      : 'This analysis does not contain an answer to that';
    return notCovered(d, d.parts.length ? null : lead);
  }
  if (skipped.length) d.say(skippedSentence(skipped));
  return d.done(true);
}

/** A foreign topic the analysis's own texts mention after all (say an insight on energy) is not foreign. */
function mentioned(index: AnalysisIndex, concept: Concept): boolean {
  return CONCEPTS[concept].terms.some((term) => stems(term).every((s) => index.vocabulary.has(s)));
}

/** Words in the question that nothing in the analysis, nor the vocabulary, knows — and nothing else to go on. */
function offTopic(index: AnalysisIndex, q: Question): boolean {
  if (q.measures.length) return false;
  const known = q.content.filter((s) => index.vocabulary.has(s));
  return known.length === 0 && (q.content.length > 0 || q.types.length === 0);
}

function insightsAbout(index: AnalysisIndex, measures: readonly Concept[]): boolean {
  return index.insights.some((doc) => measures.some((m) => doc.about.has(m)));
}

/** Skipped analyzers that would have answered every measure the question asks about. */
function skippedFor(index: AnalysisIndex, q: Question): ChatAnalysis['skipped'] {
  if (!q.measures.length) return [];
  const skipped = index.analysis.skipped;
  const names = new Set(skipped.map((s) => s.analyzer));
  const ran = new Set(index.analysis.analyzersRun);
  const needed = q.measures.map((m) => (CONCEPTS[m] as { analyzers?: readonly string[] }).analyzers ?? []);
  const allSkipped = needed.every(
    (list) => list.length > 0 && list.some((a) => names.has(a)) && list.every((a) => !ran.has(a)),
  );
  return allSkipped ? skipped.filter((s) => needed.some((list) => list.includes(s.analyzer))) : [];
}

const skippedSentence = (skipped: ChatAnalysis['skipped']) =>
  skipped
    .map(
      (s) =>
        `The ${s.analyzer} analyzer was skipped on this import: it lacked ${listing(s.lacked.map((f) => `${fieldLabel(f)} (${f})`))}`,
    )
    .join('. ');

function explainSkipped(d: Draft, skipped: ChatAnalysis['skipped']): GroundedAnswer {
  d.say(
    skippedSentence(skipped),
    'Map those columns in the import and run the analysis again to get these findings',
  );
  return notCovered(d, null);
}

function unknownEntity(d: Draft, q: Question): GroundedAnswer {
  const [first] = q.unknown;
  const all = d.index.entities.entities;
  const type = first?.type ?? (first ? typeByShape(first.name, all) : null);
  const sameType = type ? all.filter((e) => e.type === type) : [];
  const shown = (
    sameType.length ? sameType : all.filter((e) => e.ranks.length && e.type !== 'condition')
  ).slice(0, 5);
  d.say(
    `This analysis has nothing on ${first?.type ? `${typeWord(first.type)} ` : ''}${listing(q.unknown.map((u) => u.name))}: no finding, figure or chart mentions it`,
    shown.length > 0 &&
      `The ${type && sameType.length ? typeWord(type, true) : 'names'} it does mention include ${listing(shown.map((e) => e.id))}`,
  );
  return notCovered(d, null);
}

/** "MILL-09-M1" is written like the machines' names (letters, digits and dashes in the same places). */
function typeByShape(name: string, entities: readonly KnownEntity[]): KnownEntity['type'] {
  const shape = (s: string) => s.replace(/\p{L}+/gu, 'A').replace(/\d+/g, '9');
  const prefix = (s: string) => (s.match(/^\p{L}+/u)?.[0] ?? '').toLowerCase();
  const same = entities.filter((e) => e.type && shape(e.id) === shape(name));
  const best = same.find((e) => prefix(e.id) === prefix(name)) ?? same[0];
  return best?.type ?? null;
}

const ranPhrase = ({ analyzersRun: ran }: ChatAnalysis) =>
  ran.length === 0
    ? 'no analyzer could run on it'
    : `ran the ${listing(ran)} ${ran.length === 1 ? 'analyzer' : 'analyzers'}`;

/** covered: false — with what the analysis does cover and a question it can answer. */
function notCovered(d: Draft, lead: string | null): GroundedAnswer {
  const { analysis } = d.index;
  if (lead) d.say(lead);
  const top = d.index.insights.slice(0, 3).map((doc) => doc.insight.title);
  d.say(
    `It covers ${plural(analysis.workOrders, 'work order')} and ${ranPhrase(analysis)}`,
    top.length ? `Its top findings: ${top.join('; ')}` : 'No finding stood out from the rest of the data',
  );
  const [example] = examples(d.index);
  if (example) d.say(`You could ask, for example: "${example}"`);
  return d.done(false);
}

function help(d: Draft, greeting = false): GroundedAnswer {
  const { analysis } = d.index;
  d.say(
    greeting ? 'Hello' : null,
    `I answer from this analysis of ${plural(analysis.workOrders, 'work order')} (${analysis.name}), which ${ranPhrase(analysis)}: ${plural(analysis.insights.length, 'finding')}, with its figures and charts`,
  );
  d.say(
    `You can ask, for example: ${examples(d.index)
      .map((e) => `"${e}"`)
      .join(', ')}`,
  );
  d.say('After an answer, "why?", "and the second one?" or "what should we do about it?" refer to it');
  return d.done(true);
}

/** Questions this analysis can answer, from its own charts and findings. */
export function examples(index: AnalysisIndex): string[] {
  const out: string[] = [];
  const downtime = index.charts.some((c) => c.entityType === 'machine' && c.about.has('downtime'));
  if (downtime || index.insights.some((d) => d.insight.entity?.type === 'machine' && d.about.has('downtime')))
    out.push('Which machine loses the most time?');
  const top = index.insights.find((d) => d.insight.entity && d.insight.entity.type !== 'condition');
  if (top?.insight.entity) out.push(`Tell me about ${entityName(top.insight.entity)}`);
  if (index.insights.length) out.push('What should I fix first?', 'What costs us the most?');
  else out.push('How many work orders were analysed?');
  return out.slice(0, 3);
}

function tellCount(d: Draft, q: Question): boolean {
  const { analysis } = d.index;
  if (q.intents.has('summary') || /finding|insight|problem|issue/.test(q.text.toLowerCase())) {
    const serious = d.index.insights.filter(
      (x) => x.insight.severity === 'critical' || x.insight.severity === 'high',
    );
    d.say(
      `The analysis has ${plural(analysis.insights.length, 'finding')}, ${fmtCount(serious.length)} of them high or critical`,
    );
    return true;
  }
  if (q.types.includes('workOrder') || q.content.length === 0) {
    d.say(
      `The analysis covers ${plural(analysis.workOrders, 'work order')} (data tier ${analysis.dataTier} of 4)`,
    );
    return true;
  }
  return tellRetrieved(d, q);
}

const fmtCount = (n: number) => (n === 0 ? 'none' : String(n));

function tellSummary(d: Draft): boolean {
  const { analysis } = d.index;
  if (analysis.narrative) {
    d.parts.push(analysis.narrative.trim());
    for (const doc of d.index.insights.slice(0, 3)) d.insights.add(doc.rank);
    return true;
  }
  if (!d.index.insights.length) {
    d.say(`No finding stands out in the ${plural(analysis.workOrders, 'work order')} analysed`);
    return true;
  }
  d.say(`The analysis has ${plural(analysis.insights.length, 'finding')}; the top ones by impact`);
  d.list(
    d.index.insights.slice(0, 3).map((doc) => {
      d.insights.add(doc.rank);
      return headline(doc.rank, doc.insight);
    }),
  );
  return true;
}
