// The machines, suppliers, shifts… an analysis talks about, and finding them in a question. Entity
// names come as ERPs write them ("MILL-01-M3", "10000501", "Precision Castings, Inc.", shift "C"),
// so matching is on normalised words, on the name without separators for codes, on a word only
// that entity has ("Outokumpu"), and — for names of one or two characters — only next to their
// type word ("shift C"), so the article "a" never becomes shift A.
import type { EntityType } from '../analysis/types.ts';
import type { ChatAnalysis } from './answerer.ts';
import {
  CONCEPTS,
  conceptsIn,
  conceptsOfKind,
  isStopword,
  normalise,
  splitCamel,
  stem,
  stems,
  typeWord,
  words,
} from './vocabulary.ts';

export interface KnownEntity {
  /** null for a chart label whose chart does not say what its labels are. */
  type: EntityType | null;
  id: string;
  /** Ranks of the insights on this entity, best first. */
  ranks: number[];
  /** Its points in the analysis's charts. */
  points: { chart: string; value: number }[];
}

export interface EntityMatch {
  entity: KnownEntity;
  /** Where in the normalised text it was found (order of mention). */
  at: number;
  end: number;
}

export interface EntityIndex {
  entities: KnownEntity[];
  /** entity → its normalised words and the words only it has. */
  forms: Map<KnownEntity, { norm: string; compact: string; own: string[] }>;
}

const CORPORATE = new Set([
  'inc',
  'corp',
  'co',
  'ltd',
  'llc',
  'gmbh',
  'ag',
  'kg',
  'oy',
  'oyj',
  'ab',
  'sa',
  'spa',
  'bv',
  'nv',
  'plc',
  'supply',
  'group',
  'industries',
  'metals',
]);

/**
 * The entity type a chart's labels are, read from its title or id: the type named after its last
 * "by"/"per" ("Downtime by machine", "Scrap rate per material lot"), else the only type it names
 * ("Top 5 supplier cost drivers"). Charts over weeks or dates have none.
 */
export function chartEntityType(chart: {
  id: string;
  title: string;
  points?: readonly { label: string }[];
}): EntityType | null {
  if (chart.points?.some((p) => /^\d{4}-\d{2}/.test(p.label))) return null;
  const typeIn = (seq: string[]) => {
    const type = conceptsOfKind(conceptsIn(seq.map(stem)).concepts, 'type')[0];
    return (type && (CONCEPTS[type] as { entityType?: EntityType }).entityType) || null;
  };
  for (const text of [chart.title, splitCamel(chart.id)]) {
    const seq = words(text);
    const marks = seq.flatMap((w, i) => (w === 'by' || w === 'per' ? [i] : [])).reverse();
    for (const at of marks) {
      const type = typeIn(seq.slice(at + 1, at + 4));
      if (type) return type;
    }
    if (marks.length === 0) {
      const type = typeIn(seq);
      if (type) return type;
    }
  }
  return null;
}

export function entityIndex(analysis: ChatAnalysis): EntityIndex {
  const byKey = new Map<string, KnownEntity>();
  const byId = new Map<string, KnownEntity[]>();
  const add = (type: EntityType | null, id: string): KnownEntity => {
    const known = (byId.get(id) ?? []).find((e) => type === null || e.type === type || e.type === null);
    if (known) {
      if (known.type === null && type !== null) known.type = type;
      return known;
    }
    const entity: KnownEntity = { type, id, ranks: [], points: [] };
    byKey.set(`${type}:${id}`, entity);
    byId.set(id, [...(byId.get(id) ?? []), entity]);
    return entity;
  };
  for (const { rank, insight } of [...analysis.insights].sort((a, b) => a.rank - b.rank)) {
    const e = insight.entity;
    if (!e || e.type === 'facility' || e.type === 'metric') continue;
    add(e.type, e.id).ranks.push(rank);
  }
  for (const chart of analysis.charts) {
    const type = chartEntityType(chart);
    for (const point of chart.points)
      add(type, point.label).points.push({ chart: chart.id, value: point.value });
  }
  const entities = [...byKey.values()];
  const forms = new Map<KnownEntity, { norm: string; compact: string; own: string[] }>();
  const wordCount = new Map<string, number>();
  const wordsOf = entities.map((e) => words(e.id));
  for (const ws of wordsOf) for (const w of new Set(ws)) wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
  entities.forEach((e, k) => {
    const ws = wordsOf[k] as string[];
    const own = ws.filter(
      (w) =>
        w.length >= 4 &&
        wordCount.get(w) === 1 &&
        !CORPORATE.has(w) &&
        !isStopword(stem(w)) &&
        conceptsIn([stem(w)]).concepts.size === 0 &&
        !/^\d{1,4}$/.test(w),
    );
    forms.set(e, { norm: ws.join(' '), compact: ws.join(''), own });
  });
  return { entities, forms };
}

/** The words that name an entity type next to a short name ("shift", "shifts", "crew"). */
function typeWords(type: EntityType | null): string[] {
  if (!type) return [];
  const concept = Object.values(CONCEPTS).find(
    (c) => c.kind === 'type' && 'entityType' in c && c.entityType === type,
  );
  const base = [typeWord(type), ...(concept?.terms ?? [])].map((t) => words(t).join(' '));
  return base.flatMap((t) => [t, `${t}s`]);
}

/** Entities named in a text, in the order they are mentioned, longest name first where they overlap. */
export function findEntities(
  text: string,
  index: EntityIndex,
  options: { exactOnly?: boolean } = {},
): EntityMatch[] {
  const seq = words(text);
  const norm = ` ${seq.join(' ')} `;
  const compact = seq.join('');
  const present = new Set(seq);
  const found: EntityMatch[] = [];
  for (const entity of index.entities) {
    const form = index.forms.get(entity);
    if (!form?.norm) continue;
    const short = form.compact.length <= 2 || /^\d{1,3}$/.test(form.compact);
    if (short) {
      for (const t of typeWords(entity.type)) {
        for (const phrase of [` ${t} ${form.norm} `, ` ${form.norm} ${t} `]) {
          const at = norm.indexOf(phrase);
          if (at >= 0) found.push({ entity, at, end: at + phrase.length - 1 });
        }
      }
      continue;
    }
    const at = norm.indexOf(` ${form.norm} `);
    if (at >= 0) {
      found.push({ entity, at, end: at + form.norm.length + 1 });
      continue;
    }
    if (options.exactOnly) continue;
    if (form.compact.length >= 5 && /\d/.test(form.compact) && compact.includes(form.compact)) {
      const approx = Math.max(0, norm.indexOf(form.compact.slice(0, 3)));
      found.push({ entity, at: approx, end: approx + form.compact.length });
      continue;
    }
    const own = form.own.find((w) => present.has(w));
    if (own) {
      const at2 = norm.indexOf(` ${own} `);
      found.push({ entity, at: at2, end: at2 + own.length + 1 });
    }
  }
  // A work center "MILL 01" inside the machine "MILL 01 M3" is not a mention of its own.
  const kept = found.filter(
    (m) => !found.some((o) => o !== m && o.at <= m.at && o.end >= m.end && o.end - o.at > m.end - m.at),
  );
  const seen = new Set<KnownEntity>();
  return kept
    .sort((a, b) => a.at - b.at || b.end - a.end)
    .filter((m) => {
      if (seen.has(m.entity)) return false;
      seen.add(m.entity);
      return true;
    });
}

export interface UnknownName {
  name: string;
  /** The type word written next to it ("supplier Acme" → supplier), when there is one. */
  type: EntityType | null;
}

const TRIM = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * Names in a question that look like entities but are none of the analysis's: codes with letters
 * and digits ("MILL-09-M1"), long numbers, quoted text, and capitalised words after a type word or
 * "about" ("supplier Acme", "what about Globex?").
 */
export function unknownNames(
  question: string,
  matches: readonly EntityMatch[],
  index: EntityIndex,
): UnknownName[] {
  const raw = question
    .split(/\s+/)
    .map((t) => t.replace(TRIM, ''))
    .filter(Boolean);
  const names: UnknownName[] = [];
  const typeOf = (token: string | undefined): EntityType | null => {
    if (!token) return null;
    const c = conceptsOfKind(conceptsIn([stem(normalise(token))]).concepts, 'type')[0];
    return c ? ((CONCEPTS[c] as { entityType?: EntityType }).entityType ?? null) : null;
  };
  const meaningful = (t: string) => {
    const s = stems(t);
    return s.length > 0 && s.every((x) => !isStopword(x)) && conceptsIn(s).concepts.size === 0;
  };
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i] as string;
    const quantity = /^\d+([.,]\d+)?(st|nd|rd|th|h|hrs?|min|mins|s|x|k|pcs|eur|usd|kg|am|pm)$/i.test(token);
    const code =
      (/\p{L}/u.test(token) && /\d/.test(token) && token.length >= 3 && !quantity) || /^\d{5,}$/.test(token);
    if (code && meaningful(token)) names.push({ name: token, type: typeOf(raw[i - 1]) });
  }
  for (const m of question.matchAll(/["“']([^"”']{2,60})["”']/g))
    names.push({ name: m[1] as string, type: null });
  for (let i = 0; i < raw.length - 1; i++) {
    const t = raw[i] as string;
    const type = typeOf(t);
    if (!type && normalise(t) !== 'about') continue;
    const parts: string[] = [];
    for (let k = i + 1; k < raw.length && parts.length < 3; k++) {
      const w = raw[k] as string;
      if (!/^[\p{Lu}\d]/u.test(w) || !meaningful(w)) break;
      parts.push(w);
    }
    if (parts.length) names.push({ name: parts.join(' '), type });
  }
  // Shifts are named before their type word: "the night shift", "the early shift".
  for (let i = 1; i < raw.length; i++) {
    const before = raw[i - 1] as string;
    if (typeOf(raw[i]) === 'shift' && meaningful(before)) names.push({ name: before, type: 'shift' });
  }
  const known = (name: string) => {
    const w = words(name).join(' ');
    return (
      matches.some((m) => {
        const form = index.forms.get(m.entity);
        return (
          form && (form.norm.includes(w) || w.includes(form.norm) || form.own.some((o) => w.includes(o)))
        );
      }) || findEntities(name, index).length > 0
    );
  };
  const keys = names.map((n) => words(n.name).join(' '));
  const seen = new Set<string>();
  return names.filter((n, k) => {
    const key = keys[k] as string;
    // "7" of a quoted "Line 7" is the same name, not a second one.
    const inside = keys.some((other) => other !== key && ` ${other} `.includes(` ${key} `));
    if (!key || seen.has(key) || inside || known(n.name)) return false;
    seen.add(key);
    return true;
  });
}
