// Names for the query map's clusters: the terms most distinctive of each cluster (class-based
// TF-IDF — how many of the cluster's queries use a term, against how common it is over all the
// queries), so a cluster of "refund" questions is called "refund · order · days" rather than
// "what · the · my".

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is it its itself just let me more
  most my myself no nor not of off on once only or other our ours ourselves out over own please same
  she should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves can't don't i'm it's what's tell give show get need want
  like also may might must shall one two use using used make way know help thanks thank hi hello`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-cased words of 3+ letters (digits allowed inside), without stop words. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/[\p{L}][\p{L}\p{N}'-]*/gu) ?? []) {
    const word = raw.replace(/['-]+$/u, '');
    if (word.length >= 3 && !STOP_WORDS.has(word)) out.push(word);
  }
  return out;
}

export interface DistinctiveTerm {
  term: string;
  /** Share of the cluster's queries (by weight) that use the term, 0 … 1. */
  share: number;
  score: number;
}

/**
 * The `top` most distinctive terms of each cluster. `weights` count how often each query was asked.
 * Ties break alphabetically, so the labels are stable.
 */
export function distinctiveTerms(
  texts: string[],
  assignments: ArrayLike<number>,
  clusters: number,
  weights: number[] = texts.map(() => 1),
  top = 3,
): DistinctiveTerm[][] {
  const perQuery = texts.map((t) => new Set(terms(t)));
  const total = weights.reduce((a, b) => a + b, 0);
  const overall = new Map<string, number>();
  const inCluster = Array.from({ length: clusters }, () => new Map<string, number>());
  const mass = new Float64Array(clusters);
  perQuery.forEach((set, i) => {
    const c = assignments[i] as number;
    const w = weights[i] as number;
    mass[c] = (mass[c] as number) + w;
    const counts = inCluster[c] as Map<string, number>;
    for (const t of set) {
      overall.set(t, (overall.get(t) ?? 0) + w);
      counts.set(t, (counts.get(t) ?? 0) + w);
    }
  });
  return inCluster.map((counts, c) => {
    const m = mass[c] as number;
    const scored: DistinctiveTerm[] = [];
    for (const [term, n] of counts) {
      const share = m > 0 ? n / m : 0;
      scored.push({ term, share, score: share * Math.log(1 + total / (overall.get(term) as number)) });
    }
    scored.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
    return scored.slice(0, top);
  });
}

/** "refund · order · days", or a fallback when a cluster has no usable words. */
export function labelOf(top: DistinctiveTerm[], fallback: string): string {
  return top.length > 0 ? top.map((t) => t.term).join(' · ') : fallback;
}
