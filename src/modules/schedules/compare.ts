// What changed between two analyses of a schedule: insights matched by analyzer + kind + entity
// (the same finding about the same machine, supplier, …), then sorted into new (only in the
// current run), worse (higher impact or severity than before), and resolved (only in the previous
// run). Pure: both lists come in, the comparison goes out.

import { SEVERITIES } from '../analytics/analysis/types.ts';

/** The part of an insight the comparison reads. */
export interface ComparedInsight {
  analyzer: string;
  kind: string;
  severity: string;
  title: string;
  entity: { type: string; id: string } | null;
  impact: { score: number };
}

export interface ChangedInsight {
  match: string;
  analyzer: string;
  kind: string;
  title: string;
  entity: { type: string; id: string } | null;
  severity: string;
  impactScore: number;
  /** For worse: what it was in the previous run. */
  previousSeverity?: string;
  previousImpactScore?: number;
}

export interface Comparison {
  summary: { new: number; worse: number; resolved: number };
  new: ChangedInsight[];
  worse: ChangedInsight[];
  resolved: ChangedInsight[];
}

/** Listed per category: the counts stay exact, the lists are for reading. */
const LISTED = 50;
/** A change in impact smaller than this share (or one currency unit) is noise, not "worse". */
const WORSE_SHARE = 0.05;

const matchKey = (i: ComparedInsight) =>
  `${i.analyzer}|${i.kind}|${i.entity ? `${i.entity.type}:${i.entity.id}` : '-'}`;

const severityRank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);

const changed = (i: ComparedInsight, before?: ComparedInsight): ChangedInsight => ({
  match: matchKey(i),
  analyzer: i.analyzer,
  kind: i.kind,
  title: i.title,
  entity: i.entity,
  severity: i.severity,
  impactScore: i.impact.score,
  ...(before ? { previousSeverity: before.severity, previousImpactScore: before.impact.score } : {}),
});

/** Keeps, per match key, the insight with the highest impact (an analyzer may repeat a finding). */
function byKey(insights: ComparedInsight[]) {
  const map = new Map<string, ComparedInsight>();
  for (const i of insights) {
    const key = matchKey(i);
    const seen = map.get(key);
    if (!seen || i.impact.score > seen.impact.score) map.set(key, i);
  }
  return map;
}

export function isWorse(now: ComparedInsight, before: ComparedInsight): boolean {
  if (severityRank(now.severity) > severityRank(before.severity)) return true;
  const delta = now.impact.score - before.impact.score;
  return delta > Math.max(1, Math.abs(before.impact.score) * WORSE_SHARE);
}

export function compareInsights(previous: ComparedInsight[], current: ComparedInsight[]): Comparison {
  const before = byKey(previous);
  const now = byKey(current);
  const fresh: ChangedInsight[] = [];
  const worse: ChangedInsight[] = [];
  const resolved: ChangedInsight[] = [];
  for (const [key, insight] of now) {
    const earlier = before.get(key);
    if (!earlier) fresh.push(changed(insight));
    else if (isWorse(insight, earlier)) worse.push(changed(insight, earlier));
  }
  for (const [key, insight] of before) if (!now.has(key)) resolved.push(changed(insight));
  const byImpact = (a: ChangedInsight, b: ChangedInsight) =>
    b.impactScore - a.impactScore || a.match.localeCompare(b.match);
  return {
    summary: { new: fresh.length, worse: worse.length, resolved: resolved.length },
    new: fresh.sort(byImpact).slice(0, LISTED),
    worse: worse.sort(byImpact).slice(0, LISTED),
    resolved: resolved.sort(byImpact).slice(0, LISTED),
  };
}
