import type { CachedAnswer } from '../contracts.ts';
import type { EntryTotals, OutcomeCounts } from './cache.repo.ts';

// Cache statistics and entries as the API shows them.

const NO_TOTALS: EntryTotals = { entries: 0, live: 0, hits: 0, tokensCached: 0 };
const NO_OUTCOMES: OutcomeCounts = {
  off: 0,
  miss: 0,
  exact: 0,
  semantic: 0,
  tokensSaved: 0,
  costSavedUsd: 0,
};

export function presentOutcomes(o: OutcomeCounts | undefined) {
  const c = o ?? NO_OUTCOMES;
  const hits = c.exact + c.semantic;
  const lookups = hits + c.miss;
  return {
    requests: lookups + c.off,
    off: c.off,
    miss: c.miss,
    exact: c.exact,
    semantic: c.semantic,
    hitRate: lookups === 0 ? null : hits / lookups,
    tokensSaved: c.tokensSaved,
    costSavedUsd: c.costSavedUsd,
  };
}

export function presentTotals(t: EntryTotals | undefined) {
  const c = t ?? NO_TOTALS;
  return { entries: c.entries, live: c.live, hits: c.hits, tokensCached: c.tokensCached };
}

export function presentEntry(row: {
  id: string;
  queryText: string;
  answer: Record<string, unknown>;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  hits: number;
  createdAt: Date;
  lastHitAt: Date | null;
  expiresAt: Date;
}) {
  const answer = row.answer as Partial<CachedAnswer>;
  return {
    id: row.id,
    queryText: row.queryText,
    answerPreview: typeof answer.text === 'string' ? answer.text.slice(0, 200) : '',
    model: typeof answer.model === 'string' ? answer.model : null,
    tokensIn: row.tokensIn,
    tokensOut: row.tokensOut,
    costUsd: row.costUsd,
    hits: row.hits,
    createdAt: row.createdAt.toISOString(),
    lastHitAt: row.lastHitAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
  };
}

export function presentPipelineStats<E, R>(
  stats: {
    pipelineId: string;
    hours: number;
    totals: EntryTotals | undefined;
    outcomes: OutcomeCounts | undefined;
    entries: { items: E[]; total: number };
    embedder: {
      kind: 'builtin' | 'upstream';
      model: string | null;
      defaultThreshold: number;
      failures: number;
    };
  },
  page: { limit: number; offset: number },
  present: (row: E) => R,
) {
  return {
    pipelineId: stats.pipelineId,
    hours: stats.hours,
    totals: presentTotals(stats.totals),
    outcomes: presentOutcomes(stats.outcomes),
    entries: {
      items: stats.entries.items.map(present),
      total: stats.entries.total,
      limit: page.limit,
      offset: page.offset,
    },
    embedder: stats.embedder,
  };
}

export function presentTenantStats(stats: {
  hours: number;
  totals: (EntryTotals & { pipelineId: string })[];
  outcomes: (OutcomeCounts & { pipelineId: string })[];
}) {
  const ids = [
    ...new Set([...stats.totals.map((t) => t.pipelineId), ...stats.outcomes.map((o) => o.pipelineId)]),
  ].sort();
  const totals = new Map(stats.totals.map((t) => [t.pipelineId, t]));
  const outcomes = new Map(stats.outcomes.map((o) => [o.pipelineId, o]));
  const sum = <T extends object>(rows: T[], zero: T): T => {
    const out = { ...zero } as Record<string, number>;
    for (const row of rows)
      for (const [k, v] of Object.entries(row)) if (typeof v === 'number') out[k] = (out[k] ?? 0) + v;
    return out as T;
  };
  return {
    hours: stats.hours,
    totals: presentTotals(
      sum(
        stats.totals.map(({ pipelineId: _, ...t }) => t),
        NO_TOTALS,
      ),
    ),
    outcomes: presentOutcomes(
      sum(
        stats.outcomes.map(({ pipelineId: _, ...o }) => o),
        NO_OUTCOMES,
      ),
    ),
    pipelines: ids.map((pipelineId) => ({
      pipelineId,
      totals: presentTotals(totals.get(pipelineId)),
      outcomes: presentOutcomes(outcomes.get(pipelineId)),
    })),
  };
}
