// One ranking for every insight of an analysis: by impact score (money, or hours and pieces valued
// as money), then severity, then key, so the order is stable; a key seen twice keeps its first.
import { SEVERITIES, type Insight } from './types.ts';

export function rankInsights(insights: readonly Insight[]): Insight[] {
  const seen = new Set<string>();
  return [...insights]
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
}
