// What a question asks, read without a model: which entity types, measures and intents it names,
// which entities of the analysis it mentions (and names that are none of them), and whether it
// leans on the previous answer ("why?", "and the second one?", "what should we do about it?").
// Only text is stored for a chat, so the previous answer's subjects are found again in its text.
import type { EntityType } from '../analysis/types.ts';
import type { ChatTurn } from './answerer.ts';
import {
  type EntityMatch,
  findEntities,
  type KnownEntity,
  type UnknownName,
  unknownNames,
} from './entities.ts';
import type { AnalysisIndex } from './retrieve.ts';
import {
  CONCEPTS,
  type Concept,
  conceptsIn,
  conceptsOfKind,
  isStopword,
  normalise,
  stem,
  words,
} from './vocabulary.ts';

export interface Question {
  text: string;
  /** Stems that are neither stopwords nor part of a concept: names, rare words. */
  content: string[];
  concepts: Set<Concept>;
  types: EntityType[];
  measures: Concept[];
  intents: Set<Concept>;
  foreign: Concept[];
  entities: EntityMatch[];
  unknown: UnknownName[];
  /** "second" → 2, "last" → -1; null when none. */
  ordinal: number | null;
  /** it, that, this one, the other one, the runner-up… */
  anaphora: boolean;
  /** Only greeting or thanks words. */
  greeting: boolean;
  thanks: boolean;
}

const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: -1,
  runner: 2,
  other: 2,
  next: 2,
};
const ANAPHORA = new Set('it that this they them those these its one runner other'.split(' '));

export function parseQuestion(text: string, index: AnalysisIndex): Question {
  const seq = words(text).map(stem);
  const { concepts, used } = conceptsIn(seq);
  const entities = findEntities(text, index.entities);
  const content = seq.filter((s, i) => !used.has(i) && !isStopword(s) && !/^\d$/.test(s));
  const types = conceptsOfKind(concepts, 'type')
    .map((c) => (CONCEPTS[c] as { entityType?: EntityType }).entityType)
    .filter((t): t is EntityType => t !== undefined);
  // "who" only means an operator when no other entity type is named ("who supplies the worst lots").
  const typed =
    types.length > 1
      ? types.filter(
          (t) =>
            t !== 'operator' ||
            /\boperator|employee|worker|staff|technician|people|person/.test(normalise(text)),
        )
      : types;
  const raw = words(text);
  let ordinal: number | null = null;
  for (const [k, w] of raw.entries()) {
    const n = ORDINALS[w];
    if (n === undefined) continue;
    // "first" in "what should I fix first" is an order of work, not "the first one".
    if (w === 'first' && concepts.has('fix')) continue;
    if ((w === 'next' || w === 'other') && raw[k + 1] !== 'one') continue;
    ordinal = n;
    break;
  }
  const greetingWords = concepts.has('greeting') || concepts.has('thanks');
  const nonGreeting = seq.filter((s) => !isStopword(s) && conceptsIn([s]).concepts.size === 0);
  return {
    text,
    content,
    concepts,
    types: typed,
    measures: conceptsOfKind(concepts, 'measure'),
    intents: new Set(conceptsOfKind(concepts, 'intent')),
    foreign: conceptsOfKind(concepts, 'foreign'),
    entities,
    unknown: unknownNames(text, entities, index.entities),
    ordinal,
    anaphora: raw.some((w) => ANAPHORA.has(w)),
    greeting: greetingWords && nonGreeting.length === 0 && conceptsOfKind(concepts, 'measure').length === 0,
    thanks: concepts.has('thanks'),
  };
}

/**
 * Whether a question leans on the previous answer: it names no entity, and either it has a
 * pronoun or an ordinal, or it asks why / what to do / how much without saying about what.
 */
export function isFollowUp(q: Question): boolean {
  if (q.entities.length || q.unknown.length) return false;
  const bare = q.measures.length === 0 && q.types.length === 0;
  const t = normalise(q.text);
  const more = /\b(more|details?|elaborate|go on)\b/.test(t);
  // "what should I fix first?" asks for the analysis's priority, not about the last answer.
  const priority = /\b(first|priority|prioriti[sz]e|start|focus)\b/.test(t);
  const asks = q.intents.has('why') || (q.intents.has('fix') && !priority) || q.intents.has('impact') || more;
  if (q.ordinal !== null && !q.intents.has('superlative')) return bare || q.anaphora;
  if (q.anaphora && (asks || bare)) return true;
  return bare && asks && q.content.length <= 2;
}

/** "and scrap?", "what about suppliers?", "same for shifts": the question borrows from the last one. */
export function isElliptical(q: Question): boolean {
  const t = normalise(q.text).trim();
  return /^(and|or|what about|how about|same for|also)\b/.test(t) && q.entities.length === 0;
}

/** The last question fills in what an elliptical one leaves out (its type, measure, superlative). */
export function carryOver(q: Question, previous: Question): Question {
  const intents = new Set(q.intents);
  for (const i of ['superlative', 'least'] as const)
    if (previous.intents.has(i) && !q.intents.has('superlative') && !q.intents.has('least')) intents.add(i);
  return {
    ...q,
    types: q.types.length ? q.types : previous.types,
    measures: q.measures.length ? q.measures : previous.measures,
    intents,
  };
}

/** What the previous answer was about: its entities and findings, in the order it named them. */
export interface Referent {
  entity: KnownEntity | null;
  ranks: number[];
}

export function referents(answerText: string, index: AnalysisIndex): Referent[] {
  const norm = ` ${words(answerText).join(' ')} `;
  type Item = { at: number; end: number; fromTitle: boolean; ref: Referent; quoted: number[] };
  const items: Item[] = [];
  for (const doc of index.insights) {
    const title = words(doc.insight.title).join(' ');
    const at = title ? norm.indexOf(` ${title} `) : -1;
    if (at < 0) continue;
    const e = doc.insight.entity;
    const entity = (e && index.entities.entities.find((k) => k.id === e.id && k.type === e.type)) || null;
    const ranks = [doc.rank, ...(entity?.ranks.filter((r) => r !== doc.rank) ?? [])];
    items.push({
      at,
      end: at + title.length + 1,
      fromTitle: true,
      ref: { entity, ranks },
      quoted: [doc.rank],
    });
  }
  for (const m of findEntities(answerText, index.entities, { exactOnly: true })) {
    // A name inside a quoted title is part of that finding, not a subject of its own.
    if (items.some((t) => t.fromTitle && t.at <= m.at && m.end <= t.end)) continue;
    items.push({
      at: m.at,
      end: m.end,
      fromTitle: false,
      ref: { entity: m.entity, ranks: [...m.entity.ranks] },
      quoted: [],
    });
  }
  items.sort((a, b) => a.at - b.at);
  // "MILL-01-M3 has the most downtime … The analysis flags it: <its finding>" is one subject; a
  // list of findings ("1. … 2. …") is one subject per finding, even two on the same supplier.
  const out: Item[] = [];
  for (const item of items) {
    const same =
      item.ref.entity &&
      out.find((o) => o.ref.entity === item.ref.entity && (!o.fromTitle || !item.fromTitle));
    if (same) {
      for (const r of item.quoted) if (!same.quoted.includes(r)) same.quoted.push(r);
      continue;
    }
    out.push(item);
  }
  // The findings the answer quoted come first, in its order, then the entity's others.
  return out.map((i) => ({
    ...i.ref,
    ranks: [...i.quoted, ...i.ref.ranks.filter((r) => !i.quoted.includes(r))],
  }));
}

/** The last user question and the assistant answers before it, newest first (at most three). */
export function lastExchange(history: readonly ChatTurn[]): { question: string | null; answers: string[] } {
  const answers: string[] = [];
  let question: string | null = null;
  for (let i = history.length - 1; i >= 0 && answers.length < 3; i--) {
    const turn = history[i];
    if (turn?.role === 'assistant') answers.push(turn.content);
    else if (turn?.role === 'user' && question === null && answers.length > 0) question = turn.content;
  }
  return { question, answers };
}
