// Facility trends that the analyzers already explain. When one work center's cycle time drifts,
// the facility's labour hours over plan (and its delays) drift with it: the analyzer that found
// the work center says so with the entity, and a facility-wide insight would repeat the same hours
// without naming anyone. So a facility trend is retested without the rows behind the analyzers'
// own trend findings (kinds containing "trend"); when it is no longer significant it is left to
// them, and the notes say which finding explains it.
import type { AnalyzerResult, Insight, RowSelector, WorkOrderFrame } from './types.ts';

/** 1 for each row the selector covers ('all' covers nothing here: it explains no part of a trend). */
export function selectorMask(frame: WorkOrderFrame, selector: RowSelector, mask: Uint8Array): void {
  if (selector.kind === 'all') return;
  if (selector.kind === 'ids') {
    const wanted = new Set(selector.ids);
    for (let i = 0; i < frame.n; i++) if (wanted.has(frame.ids[i] as number)) mask[i] = 1;
    return;
  }
  const where = selector.where ? frame.numbers[selector.where.field] : undefined;
  const above = selector.where?.above ?? Number.NEGATIVE_INFINITY;
  if (selector.kind === 'condition') {
    if (!where) return;
    for (let i = 0; i < frame.n; i++) if ((where[i] as number) > above) mask[i] = 1;
    return;
  }
  const column = frame.texts[selector.field];
  const code = column ? column.dict.indexOf(selector.value) : -1;
  if (!column || code < 0) return;
  for (let i = 0; i < frame.n; i++)
    if (column.codes[i] === code && (!where || (where[i] as number) > above)) mask[i] = 1;
}

export interface Explanations {
  /** Rows not behind any analyzer trend finding, ascending. */
  rest: Uint32Array;
  /** "work center MILL02". */
  entities: string[];
  /** "work center MILL02 (efficiency.cycle-time-trend)". */
  names: string[];
}

const words = (camel: string) => camel.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

const isTrendFinding = (i: Insight) =>
  i.analyzer !== 'cross' && /trend/.test(i.kind) && i.rows.kind !== 'all';

/** The rows left once the analyzers' trend findings are set aside, or null when they found none. */
export function explanations(frame: WorkOrderFrame, results: readonly AnalyzerResult[]): Explanations | null {
  const findings = results.flatMap((r) => r.insights.filter(isTrendFinding));
  if (findings.length === 0) return null;
  const mask = new Uint8Array(frame.n);
  for (const finding of findings) selectorMask(frame, finding.rows, mask);
  const rest: number[] = [];
  for (let i = 0; i < frame.n; i++) if (!mask[i]) rest.push(i);
  if (rest.length === frame.n) return null;
  const entities = findings.map((f) => (f.entity ? `${words(f.entity.type)} ${f.entity.id}` : f.title));
  return {
    rest: Uint32Array.from(rest),
    entities,
    names: findings.map((f, k) => `${entities[k]} (${f.kind})`),
  };
}
