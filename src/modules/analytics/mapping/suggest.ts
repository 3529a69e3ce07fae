// Auto-mapping: for each canonical field the file column it most likely comes from, with a
// confidence and the reason — a correction the tenant saved before (profile), the field's own name
// (header), an ERP's or a language's name for it (synonym), or what the values look like (pattern).
// Each column serves at most one field: candidates are taken greedily, strongest first.
import { CANONICAL_FIELDS, type CanonicalField, FIELD_BY_KEY } from '../canonical.ts';
import {
  type HeaderUnit,
  matchHeader,
  type NormalHeader,
  normalizeHeader,
  qualifierFactor,
} from './suggest-text.ts';
import {
  describeValues,
  looksBoolean,
  looksLikeShifts,
  profileValues,
  typeFit,
  type ValueProfile,
} from './suggest-values.ts';
import { ERP_SOURCES, SOURCES, type Source, SYNONYMS } from './synonyms.ts';
import type { FieldMapping, Transform } from './types.ts';

export const SUGGESTION_REASONS = ['profile', 'header', 'synonym', 'pattern'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

export interface SourceColumn {
  header: string;
  /** Sample values of the column (a few hundred rows are plenty). */
  samples: string[];
}

/** A header the tenant mapped to a field in a saved profile; `weight` grows with use. */
export interface LearnedPair {
  header: string;
  field: string;
  weight: number;
}

export interface MappingSuggestion {
  field: string;
  column: string | null;
  /** 0–1. */
  confidence: number;
  reason: SuggestionReason | null;
  /** Why, in words a person can check. */
  detail: string;
  /** Other columns that could serve, best first. */
  alternatives: { column: string; confidence: number }[];
  /** Unit conversion the header implies (minutes → hours). */
  transform?: Transform;
}

export interface MappingSuggestions {
  /** One per canonical field, in canonical order. */
  suggestions: MappingSuggestion[];
  /** The suggestions that name a column, as a mapping ready for an import. */
  mappings: FieldMapping[];
  /** Columns no field took (kept as extra on import). */
  unmapped: string[];
  /** `operation` when an operation column is mapped and the sample repeats work orders. */
  granularity: 'header' | 'operation';
  /** The ERP the headers come from, when they say (e.g. "Odoo"). */
  system: string | null;
}

/** Below this a candidate is not suggested at all. */
const MIN_CONFIDENCE = 0.45;
const round2 = (x: number) => Math.round(x * 100) / 100;

interface Name {
  field: string;
  source: Source | 'canonical';
  text: string;
  norm: NormalHeader;
  unit: HeaderUnit | null;
}

let names: Name[] | undefined;
function allNames(): Name[] {
  if (names) return names;
  names = [];
  for (const field of CANONICAL_FIELDS) {
    for (const text of [field.key, field.label]) {
      names.push({ field: field.key, source: 'canonical', text, norm: normalizeHeader(text), unit: null });
    }
    for (const [source, list] of Object.entries(SYNONYMS[field.key] ?? {}) as [Source, string][]) {
      for (const entry of list.split('|')) {
        const [text = '', unit] = entry.split('@');
        names.push({
          field: field.key,
          source,
          text,
          norm: normalizeHeader(text),
          unit: unit === 'min' ? 'min' : null,
        });
      }
    }
  }
  return names;
}

interface HeaderMatch {
  score: number;
  kind: 'exact' | 'tokens' | 'fuzzy';
  /** Every name at the top score (several sources can share one). */
  names: Name[];
}

/** The best name of each field for one header. */
function matchFields(norm: NormalHeader): Map<string, HeaderMatch> {
  const best = new Map<string, HeaderMatch>();
  for (const name of allNames()) {
    const m = matchHeader(norm, name.norm);
    if (m.score === 0) continue;
    const base =
      m.kind === 'exact'
        ? name.source === 'canonical'
          ? 0.97
          : 0.95
        : m.kind === 'tokens'
          ? 0.92
          : m.score * 0.85;
    const score = base * qualifierFactor(norm, name.norm);
    const current = best.get(name.field);
    if (!current || score > current.score + 1e-9)
      best.set(name.field, { score, kind: m.kind, names: [name] });
    else if (Math.abs(score - current.score) <= 1e-9) current.names.push(name);
  }
  return best;
}

interface Candidate {
  column: number;
  field: CanonicalField;
  score: number;
  reason: SuggestionReason;
  detail: string;
  transform?: Transform;
}

/** The ERP most headers are exclusive names of (at least two), e.g. "odoo". */
function detectSystem(matches: Map<string, HeaderMatch>[]): Source | null {
  const hits = new Map<Source, number>();
  for (const byField of matches) {
    const sources = new Set<Source>();
    for (const m of byField.values()) {
      if (m.kind === 'fuzzy' || m.names.some((n) => n.source === 'generic' || n.source === 'canonical'))
        continue;
      for (const n of m.names)
        if (n.source !== 'canonical' && ERP_SOURCES.includes(n.source)) sources.add(n.source);
    }
    for (const s of sources) hits.set(s, (hits.get(s) ?? 0) + 1);
  }
  const [top] = [...hits].sort((a, b) => b[1] - a[1]);
  return top && top[1] >= 2 ? top[0] : null;
}

function unitTransform(field: CanonicalField, unit: HeaderUnit | null): Transform | undefined {
  if (field.unit === 'h' && unit === 'min') return { scale: 1 / 60 };
  if (field.unit === 'min' && unit === 'h') return { scale: 60 };
  return undefined;
}

function headerCandidate(
  column: number,
  header: string,
  norm: NormalHeader,
  field: CanonicalField,
  match: HeaderMatch,
  profile: ValueProfile,
  system: Source | null,
): Candidate {
  const preference = (n: Name) =>
    n.source === system ? 0 : n.source === 'canonical' ? 1 : ERP_SOURCES.includes(n.source as Source) ? 2 : 3;
  const name = [...match.names].sort((a, b) => preference(a) - preference(b))[0] as Name;
  const fit = typeFit(field.type, profile);
  const transform = unitTransform(field, norm.unit ?? name.unit);
  const source = name.source === 'canonical' ? 'canonical' : SOURCES[name.source];
  let reason: SuggestionReason = 'synonym';
  let detail: string;
  if (name.source === 'canonical' && match.kind !== 'fuzzy') {
    reason = 'header';
    detail = `header "${header}" names the field ${field.label}`;
  } else if (match.kind === 'exact') detail = `header "${header}" is the ${source} name for ${field.label}`;
  else if (match.kind === 'tokens')
    detail = `header "${header}" matches "${name.text}", the ${source} name for ${field.label}`;
  else {
    reason = 'header';
    detail = `header "${header}" resembles "${name.text}" (${source === 'canonical' ? 'the field name' : source}) for ${field.label}`;
  }
  if (fit < 0.5) detail += `; but its values are ${describeValues(profile)}`;
  if (transform)
    detail += transform.scale === 60 ? '; in hours, scaled to minutes' : '; in minutes, scaled to hours';
  return {
    column,
    field,
    score: match.score * (0.35 + 0.65 * fit),
    reason,
    detail,
    ...(transform ? { transform } : {}),
  };
}

/** Candidates from values alone: a yes/no column for the failure flag, shift names for the shift. */
function patternCandidates(column: number, profile: ValueProfile, samples: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  const failure = FIELD_BY_KEY.get('machineFailure') as CanonicalField;
  const shift = FIELD_BY_KEY.get('shift') as CanonicalField;
  if (looksBoolean(profile)) {
    out.push({
      column,
      field: failure,
      score: 0.5,
      reason: 'pattern',
      detail: `its values are ${describeValues(profile)}, like a failure flag`,
    });
  }
  if (looksLikeShifts(profile, samples)) {
    out.push({
      column,
      field: shift,
      score: 0.6,
      reason: 'pattern',
      detail: `its values are ${describeValues(profile)}, like shift names`,
    });
  }
  return out;
}

function learnedCandidates(
  column: number,
  header: string,
  norm: NormalHeader,
  learned: readonly LearnedPair[],
  profile: ValueProfile,
): Candidate[] {
  const weights = new Map<string, number>();
  for (const pair of learned) {
    if (!FIELD_BY_KEY.has(pair.field) || normalizeHeader(pair.header).compact !== norm.compact) continue;
    weights.set(pair.field, (weights.get(pair.field) ?? 0) + Math.max(0, pair.weight));
  }
  return [...weights].map(([key, weight]) => {
    const field = FIELD_BY_KEY.get(key) as CanonicalField;
    const times = weight === 1 ? 'once' : `with weight ${round2(weight)}`;
    // What a person confirmed beats every synonym; values that contradict it lower it a little.
    const score = (0.96 + 0.03 * Math.min(1, weight / 10)) * (typeFit(field.type, profile) < 0.5 ? 0.85 : 1);
    const transform = unitTransform(field, norm.unit);
    return {
      column,
      field,
      score,
      reason: 'profile' as const,
      detail: `"${header}" was mapped to ${field.label} in the tenant's saved profiles (${times})`,
      ...(transform ? { transform } : {}),
    };
  });
}

export function suggestMapping(input: {
  columns: SourceColumn[];
  learned?: LearnedPair[];
}): MappingSuggestions {
  const { columns } = input;
  const learned = input.learned ?? [];
  const norms = columns.map((c) => normalizeHeader(c.header));
  const profiles = columns.map((c) => profileValues(c.samples));
  const matches = norms.map(matchFields);
  const system = detectSystem(matches);

  const candidates: Candidate[] = [];
  columns.forEach((column, i) => {
    const norm = norms[i] as NormalHeader;
    const profile = profiles[i] as ValueProfile;
    for (const [key, match] of matches[i] as Map<string, HeaderMatch>) {
      const field = FIELD_BY_KEY.get(key) as CanonicalField;
      candidates.push(headerCandidate(i, column.header, norm, field, match, profile, system));
    }
    candidates.push(...patternCandidates(i, profile, column.samples));
    candidates.push(...learnedCandidates(i, column.header, norm, learned, profile));
  });
  const order = new Map(CANONICAL_FIELDS.map((f, i) => [f.key, i]));
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      (order.get(a.field.key) as number) - (order.get(b.field.key) as number) ||
      a.column - b.column,
  );

  const byField = new Map<string, Candidate>();
  const takenBy = new Map<number, string>();
  for (const c of candidates) {
    if (c.score < MIN_CONFIDENCE) break;
    if (byField.has(c.field.key) || takenBy.has(c.column)) continue;
    byField.set(c.field.key, c);
    takenBy.set(c.column, c.field.key);
  }

  const suggestions = CANONICAL_FIELDS.map((field): MappingSuggestion => {
    const chosen = byField.get(field.key);
    const seen = new Set<number>(chosen ? [chosen.column] : []);
    const alternatives: { column: string; confidence: number }[] = [];
    for (const c of candidates) {
      if (c.field.key !== field.key || c.score < 0.3 || seen.has(c.column) || alternatives.length >= 3)
        continue;
      seen.add(c.column);
      alternatives.push({ column: columns[c.column]?.header as string, confidence: round2(c.score) });
    }
    if (!chosen) {
      const best = candidates.find((c) => c.field.key === field.key && c.score >= MIN_CONFIDENCE);
      const other = best ? FIELD_BY_KEY.get(takenBy.get(best.column) ?? '') : undefined;
      const detail =
        best && other
          ? `no free column fits; "${columns[best.column]?.header}" went to ${other.label}`
          : `no column looks like ${field.label}`;
      return { field: field.key, column: null, confidence: 0, reason: null, detail, alternatives };
    }
    return {
      field: field.key,
      column: columns[chosen.column]?.header as string,
      confidence: round2(Math.min(1, chosen.score)),
      reason: chosen.reason,
      detail: chosen.detail,
      alternatives,
      ...(chosen.transform ? { transform: chosen.transform } : {}),
    };
  });

  const mappings: FieldMapping[] = suggestions
    .filter((s) => s.column !== null)
    .map((s) => ({
      field: s.field,
      column: s.column as string,
      ...(s.transform ? { transform: s.transform } : {}),
    }));
  const unmapped = columns.filter((_, i) => !takenBy.has(i)).map((c) => c.header);
  return {
    suggestions,
    mappings,
    unmapped,
    granularity: granularityOf(columns, byField),
    system: system ? SOURCES[system] : null,
  };
}

function granularityOf(columns: SourceColumn[], byField: Map<string, Candidate>): 'header' | 'operation' {
  const wo = byField.get('workOrder');
  if (!wo || !byField.has('operationSeq')) return 'header';
  const values = (columns[wo.column]?.samples ?? []).map((v) => v.trim()).filter(Boolean);
  return new Set(values).size < values.length ? 'operation' : 'header';
}

/** Columns with their samples from a header row and data rows (ragged rows tolerated). */
export function columnsFromRows(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): SourceColumn[] {
  return headers.map((header, i) => ({ header, samples: rows.map((row) => row[i] ?? '') }));
}
