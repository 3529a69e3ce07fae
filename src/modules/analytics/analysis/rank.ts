// One ranking for every insight of an analysis: by impact score (money, or hours and pieces valued
// as money), then severity, then key, so the order is stable; a key seen twice keeps its first.
// Analyzers look at the same work orders from different sides, so one loss can be found twice — a
// work center's labour overrun is the cost analyzer's labour variance and the efficiency
// analyzer's cycle-time finding. Counting it twice would crowd other findings out of the top: of
// insights on the same entity whose kinds measure the same loss (OVERLAPS), the one that explains
// most (first in its list: a trend explains a variance, a scrap rate explains a scrap cost) keeps
// its place; the others are kept but ranked after every other insight, naming the one they repeat.
import { type Insight, SEVERITIES } from './types.ts';

/** Kinds that measure the same loss when they name the same entity. */
const OVERLAPS: readonly (readonly string[])[] = [
  [
    'efficiency.cycle-time-trend',
    'efficiency.cycle-time-variance',
    'efficiency.labor-variance',
    'cost.labor-variance',
  ],
  ['quality.scrap-rate', 'cost.scrap-cost'],
];

const family = (kind: string) => OVERLAPS.findIndex((kinds) => kinds.includes(kind));

export function rankInsights(insights: readonly Insight[]): Insight[] {
  const seen = new Set<string>();
  const sorted = [...insights]
    .sort(
      (a, b) =>
        b.impact.score - a.impact.score ||
        SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .filter((insight) => {
      if (seen.has(insight.key)) return false;
      seen.add(insight.key);
      return true;
    });
  // Per entity and family, the insight that explains most.
  const keeper = new Map<string, Insight>();
  const slotOf = (insight: Insight) => {
    const f = family(insight.kind);
    return f >= 0 && insight.entity ? `${f}|${insight.entity.type}|${insight.entity.id}` : null;
  };
  const priority = (insight: Insight) => (OVERLAPS[family(insight.kind)] ?? []).indexOf(insight.kind);
  for (const insight of sorted) {
    const slot = slotOf(insight);
    if (!slot) continue;
    const current = keeper.get(slot);
    if (!current || priority(insight) < priority(current)) keeper.set(slot, insight);
  }
  const lead: Insight[] = [];
  const overlapping: Insight[] = [];
  for (const insight of sorted) {
    const slot = slotOf(insight);
    const kept = slot ? keeper.get(slot) : undefined;
    if (kept && kept !== insight && kept.analyzer !== insight.analyzer)
      overlapping.push({
        ...insight,
        detail: `${insight.detail} (The same loss as “${kept.title}”, ranked there.)`,
      });
    else lead.push(insight);
  }
  return [...lead, ...overlapping];
}
