// The answers the offline chat can give, each built only from what the analysis holds: an entity's
// findings, the top of a chart or of the ranking, a follow-up on the previous answer, or the
// findings that match the question's words. Each reply records the insights, metrics and charts
// it quoted, so the chat can show its sources.
import type { EntityType, Insight } from '../analysis/types.ts';
import type { GroundedAnswer } from './answerer.ts';
import type { KnownEntity } from './entities.ts';
import type { Question, Referent } from './intents.ts';
import {
  additive,
  evidencePhrase,
  firstSentences,
  headline,
  impactPhrase,
  inUnit,
  joinSentences,
  metricLabel,
  metricPhrases,
  metricUnit,
  plural,
  pointPhrase,
  sentence,
} from './phrasing.ts';
import { type AnalysisIndex, type ChartDoc, retrieve, strongest } from './retrieve.ts';
import {
  CONCEPTS,
  type Concept,
  conceptsIn,
  splitCamel,
  stems,
  typeConcept,
  typeWord,
} from './vocabulary.ts';

/** What to say about a finding: what it is, why it holds, what to do, or what it costs. */
export type Mode = 'describe' | 'explain' | 'advise' | 'impact';

export class Draft {
  readonly parts: string[] = [];
  readonly insights = new Set<number>();
  readonly metrics = new Set<string>();
  readonly charts = new Set<string>();
  readonly index: AnalysisIndex;
  constructor(index: AnalysisIndex) {
    this.index = index;
  }
  say(...parts: (string | null | undefined | false)[]): this {
    const text = joinSentences(parts);
    if (text) this.parts.push(text);
    return this;
  }
  /** A list of at most five items, one a line. */
  list(items: readonly string[]): this {
    this.parts.push(
      items
        .slice(0, 5)
        .map((item, k) => `${k + 1}. ${sentence(item)}`)
        .join('\n'),
    );
    return this;
  }
  done(covered: boolean): GroundedAnswer {
    return {
      text: this.parts.join('\n'),
      sources: {
        insights: [...this.insights].sort((a, b) => a - b),
        metrics: [...this.metrics],
        charts: [...this.charts],
      },
      covered,
    };
  }
}

export const modeOf = (q: Question): Mode =>
  q.intents.has('why')
    ? 'explain'
    : q.intents.has('fix')
      ? 'advise'
      : q.intents.has('impact')
        ? 'impact'
        : 'describe';

export const entityName = (e: { type: KnownEntity['type']; id: string }) =>
  e.type && e.type !== 'condition' ? `${typeWord(e.type)} ${e.id}` : e.id;

/** One finding in the given mode, as sentences. */
export function tellInsight(d: Draft, rank: number, mode: Mode, full = true): void {
  const insight = d.index.byRank.get(rank);
  if (!insight) return;
  d.insights.add(rank);
  if (mode === 'explain')
    d.say(headline(rank, insight), insight.detail, evidencePhrase(insight.evidence, insight.rowCount));
  else if (mode === 'advise') d.say(`For ${insight.title}: ${insight.recommendation}`);
  else if (mode === 'impact') d.say(`${insight.title}: impact ${impactPhrase(insight)}`);
  else d.say(headline(rank, insight), full && firstSentences(insight.detail, 2));
}

/** Findings whose subject carries one of the measures (all of them when none is asked for). */
function ofMeasures(d: Draft, ranks: readonly number[], measures: readonly Concept[]): number[] {
  if (!measures.length) return [...ranks];
  const docs = ranks.map((r) => d.index.insights.find((x) => x.rank === r)).filter((x) => x !== undefined);
  // Findings of that kind ("equipment.failures") before findings that only mention it ("…Breakdown").
  const about = docs.filter((doc) => measures.some((m) => doc.about.has(m)));
  const mention = docs.filter((doc) => measures.some((m) => doc.concepts.has(m)));
  return (about.length ? about : mention).map((doc) => doc.rank);
}

const nounOf = (measures: readonly Concept[]) =>
  measures.map((m) => (CONCEPTS[m] as { noun?: string }).noun ?? m).join(' and ');

/** Everything the analysis says about one entity (its findings and its chart points). */
export function tellEntity(d: Draft, entity: KnownEntity, q: Question, mode = modeOf(q)): boolean {
  const name = entityName(entity);
  let ranks = ofMeasures(d, entity.ranks, q.measures);
  if (!ranks.length && entity.ranks.length) {
    d.say(`The analysis has no finding on ${nounOf(q.measures)} for ${name}; it has other findings on it`);
    ranks = [...entity.ranks];
  }
  if (ranks.length) {
    d.say(`The analysis has ${plural(ranks.length, 'finding')} on ${name}:`);
    for (const [k, r] of ranks.slice(0, 3).entries()) tellInsight(d, r, mode, k === 0);
    if (ranks.length > 3) d.say(`There are ${plural(ranks.length - 3, 'more finding')} on it`);
  } else d.say(`No finding flags ${name} as significantly worse than the rest`);
  for (const point of mode === 'describe' || mode === 'explain' ? entity.points.slice(0, 2) : []) {
    const chart = d.index.charts.find((c) => c.chart.id === point.chart)?.chart;
    if (!chart) continue;
    d.charts.add(chart.id);
    d.say(`In "${chart.title}" it has ${inUnit(point.value, chart.unit)}`);
  }
  return ranks.length > 0 || entity.points.length > 0;
}

/**
 * The chart that ranks entities of `type` by one of `measures` (charts say so in their title): the
 * one about most of the measures asked and least about others — "worst scrap" is the scrap-rate
 * chart, not the scrap-cost one; "costs the most" the cost one.
 */
function chartFor(
  index: AnalysisIndex,
  type: KnownEntity['type'],
  measures: readonly Concept[],
): ChartDoc | null {
  const fits = index.charts.filter(
    (c) =>
      c.chart.points.length > 0 &&
      (type === null ? c.entityType !== null : c.entityType === type) &&
      (measures.length ? measures.some((m) => c.about.has(m)) : type !== null),
  );
  const fit = (c: ChartDoc) => {
    const about = [...c.about].filter((x) => CONCEPTS[x].kind === 'measure');
    return (
      about.filter((x) => measures.includes(x)).length -
      0.5 * about.filter((x) => !measures.includes(x)).length
    );
  };
  return [...fits].sort((a, b) => fit(b) - fit(a))[0] ?? null;
}

/**
 * The facility figure a chart's points are parts of, if there is one: same unit, about the same
 * measures, and named with the chart's words ("equipment.downtimeMinutes" for "Downtime by
 * machine"). Without it no share is given: a chart may show only its top points.
 */
function totalOf(index: AnalysisIndex, doc: ChartDoc) {
  if (!additive(doc.chart.unit)) return undefined;
  const measures = [...doc.about].filter((c) => CONCEPTS[c].kind === 'measure');
  const chartWords = new Set(stems(`${doc.chart.title} ${splitCamel(doc.chart.id)}`));
  return index.metrics.find(
    (m) =>
      metricUnit(m.name) === doc.chart.unit &&
      measures.length > 0 &&
      measures.every((c) => m.about.has(c)) &&
      [...m.about].every((c) => CONCEPTS[c].kind !== 'measure' || measures.includes(c)) &&
      stems(metricLabel(m.name)).every((w) => chartWords.has(w)) &&
      conceptsIn(stems(metricLabel(m.name))).concepts.size > 0,
  );
}

/** "Which machine loses the most time?", "which supplier has the worst scrap?", "what costs us the most?". */
export function tellSuperlative(d: Draft, q: Question): boolean {
  const type = q.types.find((t) => t !== 'workOrder') ?? q.types[0] ?? null;
  const measures = q.measures.filter((m) => m !== 'trend' && m !== 'correlation');
  const least = q.intents.has('least') && !q.intents.has('superlative');
  if (!type && !least && (measures.length === 0 || measures.every((m) => m === 'cost')))
    return tellTopImpacts(d, q);
  const chart = chartFor(d.index, type, measures);
  if (chart) return tellChartTop(d, chart, q, least);
  const noun = nounOf(measures);
  if (least) {
    d.say(
      `The analysis looks for what is significantly worse than the rest; it does not rank the best ${type ? typeWord(type, true) : 'performers'}${noun ? ` by ${noun}` : ''}`,
    );
    return false;
  }
  // Findings about the measure (by kind) before findings that only mention it, each by rank.
  const candidates = d.index.insights
    .filter(
      (doc) =>
        (!type || doc.insight.entity?.type === type) &&
        (!measures.length || measures.some((m) => doc.concepts.has(m))),
    )
    .sort(
      (a, b) => Number(measures.some((m) => b.about.has(m))) - Number(measures.some((m) => a.about.has(m))),
    );
  const first = candidates[0];
  if (!first) {
    const what = `${noun ? `${noun} ` : ''}${type ? `by ${typeWord(type)}` : ''}`.trim();
    d.say(`The analysis has no ${what || 'figure'} to rank: no finding or chart covers it`);
    const ofType = type
      ? d.index.insights.filter((doc) => doc.insight.entity?.type === type).slice(0, 2)
      : [];
    if (ofType.length) {
      for (const doc of ofType) d.insights.add(doc.rank);
      d.say(
        `On ${typeWord(type as EntityType, true)} it has: ${ofType.map((doc) => headline(doc.rank, doc.insight)).join('; ')}`,
      );
    }
    return false;
  }
  const who = first.insight.entity ? entityName(first.insight.entity) : first.insight.title;
  d.say(
    `${type ? `Among ${typeWord(type, true)}, the` : 'The'} biggest finding${noun ? ` on ${noun}` : ''} (ranked by impact) is on ${who}`,
  );
  tellInsight(d, first.rank, 'describe');
  const next = candidates.find((c) => c.insight.entity?.id !== first.insight.entity?.id);
  if (next) {
    d.insights.add(next.rank);
    d.say(`Next comes ${headline(next.rank, next.insight)}`);
  }
  return true;
}

/** The chart's top (or bottom) point with its share of the total, the runner-up, and the finding on it. */
function tellChartTop(d: Draft, doc: ChartDoc, q: Question, least: boolean): boolean {
  const { chart } = doc;
  d.charts.add(chart.id);
  const points = [...chart.points].sort((a, b) => (least ? a.value - b.value : b.value - a.value));
  const [top, second] = points as [(typeof points)[0], (typeof points)[0] | undefined];
  const totalMetric = totalOf(d.index, doc);
  const share = (v: number) =>
    totalMetric && totalMetric.value > 0 ? inUnit((v / totalMetric.value) * 100, '%') : '';
  if (totalMetric) d.metrics.add(totalMetric.name);
  const noun = nounOf(q.measures.filter((m) => doc.about.has(m)));
  // "has the most downtime" only where "most" is plain: a sum of minutes, hours or pieces.
  const plain = noun && additive(chart.unit) && chart.unit !== 'currency';
  const lead = plain
    ? `${top.label} has the ${least ? 'least' : 'most'} ${noun}`
    : `${top.label} ranks ${least ? 'last' : 'first'} in "${chart.title}"`;
  const topShare = share(top.value);
  d.say(
    `${lead}: ${inUnit(top.value, chart.unit)}${topShare && totalMetric ? `, ${topShare} of all ${noun || metricLabel(totalMetric.name)} (${inUnit(totalMetric.value, chart.unit)})` : ''}`,
  );
  if (second)
    d.say(
      `The runner-up is ${pointPhrase(chart, second)}${share(second.value) ? ` (${share(second.value)})` : ''}`,
    );
  const entity = d.index.entities.entities.find(
    (e) => e.id === top.label && (doc.entityType === null || e.type === doc.entityType),
  );
  const ranks = entity ? ofMeasures(d, entity.ranks, q.measures) : [];
  const flagged = ranks.length ? ranks : (entity?.ranks ?? []);
  if (flagged.length) {
    const rank = flagged[0] as number;
    d.insights.add(rank);
    d.say(`The analysis flags it: ${headline(rank, d.index.byRank.get(rank) as Insight)}`);
  } else if (!least) d.say('No finding flags it as significantly worse than the rest');
  return true;
}

/** The top findings by impact (money, or hours and pieces valued as money), with their formulas. */
export function tellTopImpacts(d: Draft, q: Question): boolean {
  const withImpact = d.index.insights.filter((doc) => doc.insight.impact.score > 0);
  if (!withImpact.length) {
    d.say('No finding in this analysis carries an impact in money, hours or pieces');
    return false;
  }
  const money = q.measures.includes('cost');
  d.say(
    money
      ? 'Ranked by impact (money, or hours and pieces valued as money), the biggest items are:'
      : 'The biggest findings by impact are:',
  );
  d.list(
    withImpact.slice(0, 3).map((doc) => {
      d.insights.add(doc.rank);
      return `${doc.insight.title} (#${doc.rank}): ${impactPhrase(doc.insight)}`;
    }),
  );
  return true;
}

/** "What should I fix first?": the top finding with its recommendation, and what comes next. */
export function tellFixFirst(d: Draft): boolean {
  const [first, next] = d.index.insights;
  if (!first) {
    d.say('Nothing to fix: no finding stands out from the rest of the data');
    return false;
  }
  d.insights.add(first.rank);
  d.say(`Start with #${first.rank}, the biggest impact: ${first.insight.title}`, first.insight.detail);
  d.say(`What to do: ${first.insight.recommendation}`, `Impact: ${impactPhrase(first.insight)}`);
  if (next) {
    d.insights.add(next.rank);
    d.say(`Next in line: ${headline(next.rank, next.insight)}`);
  }
  return true;
}

/** A question about the previous answer's subjects. */
export function tellFollowUp(d: Draft, q: Question, items: readonly Referent[]): boolean {
  const pick = q.ordinal === -1 ? items[items.length - 1] : items[(q.ordinal ?? 1) - 1];
  if (!pick) {
    d.say(`The previous answer named ${plural(items.length, 'item')}, so there is no such one to go on with`);
    return false;
  }
  const mode = modeOf(q) === 'describe' && q.ordinal === null ? 'explain' : modeOf(q);
  if (pick.entity) {
    if (!pick.entity.ranks.length && mode !== 'describe') {
      const point = pick.entity.points[0];
      const chart = point && d.index.charts.find((c) => c.chart.id === point.chart)?.chart;
      if (chart) d.charts.add(chart.id);
      const what = { explain: 'no explanation', advise: 'no recommendation', impact: 'no impact' }[mode];
      d.say(
        `The analysis has no finding on ${entityName(pick.entity)}${chart && point ? ` (only its ${inUnit(point.value, chart.unit)} in "${chart.title}")` : ''}, so it has ${what} for it`,
      );
      return false;
    }
    return tellEntity(
      d,
      { ...pick.entity, ranks: pick.ranks.length ? pick.ranks : pick.entity.ranks },
      q,
      mode,
    );
  }
  for (const r of pick.ranks.slice(0, 2)) tellInsight(d, r, mode);
  return pick.ranks.length > 0;
}

/** Findings, figures and charts that match the question's words. */
export function tellRetrieved(d: Draft, q: Question): boolean {
  const typeConcepts = q.types.map(typeConcept).filter((c): c is Concept => c !== null);
  const probe = { content: q.content, concepts: new Set([...q.measures, ...typeConcepts]), entities: [] };
  const all = retrieve(d.index, probe);
  // A question about a measure is answered by documents on that measure, not by shared words.
  const onMeasure = <H extends { doc: { concepts: Set<Concept> } }>(list: H[]) =>
    q.measures.length ? list.filter((h) => q.measures.some((m) => h.doc.concepts.has(m))) : list;
  const hits = {
    insights: onMeasure(all.insights),
    metrics: onMeasure(all.metrics),
    charts: onMeasure(all.charts),
  };
  let insights = strongest(hits.insights, 3);
  if (q.types.length) {
    const typed = hits.insights.filter(
      (h) => h.doc.insight.entity && q.types.includes(h.doc.insight.entity.type),
    );
    if (typed.length) insights = strongest(typed, 3);
  }
  const metrics = strongest(hits.metrics, 3, 0.8);
  const chart =
    hits.charts[0] && hits.charts[0].score >= (hits.insights[0]?.score ?? 0) * 0.6
      ? hits.charts[0].doc
      : null;
  if (!insights.length && !metrics.length && !chart) return false;
  if (metrics.length) {
    for (const m of metrics) d.metrics.add(m.doc.name);
    d.say(`For the facility as a whole: ${metricPhrases(metrics.map((m) => m.doc)).join('; ')}`);
  }
  const mode = modeOf(q);
  if (insights.length) {
    const topic = nounOf(q.measures) || (q.types[0] ? typeWord(q.types[0], true) : 'this');
    d.say(
      `On ${topic}, the analysis has ${plural(insights.length, 'finding')}${insights.length < hits.insights.length ? (insights.length === 1 ? ' that matches best' : ' that match best') : ''}`,
    );
    for (const [k, h] of insights.entries()) tellInsight(d, h.doc.rank, mode, k === 0);
  } else if (chart) {
    d.charts.add(chart.chart.id);
    const top = [...chart.chart.points].sort((a, b) => b.value - a.value).slice(0, 3);
    d.say(
      `No finding stands out, but "${chart.chart.title}" shows ${top.map((p) => pointPhrase(chart.chart, p)).join(', ')}`,
    );
  }
  return true;
}
