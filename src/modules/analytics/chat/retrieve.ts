// Retrieval over one analysis: every insight, metric and chart becomes a small bag of stems and
// concepts, and a question is scored against them — concept matches weighted by how rare the
// concept is in this analysis, plain word matches likewise, and a large bonus when the question
// names the document's entity. The index is built once per analysis object (a chat asks many
// questions of the same analysis) and costs a few milliseconds for hundreds of insights.
import type { Chart, Insight } from '../analysis/types.ts';
import type { ChatAnalysis } from './answerer.ts';
import { chartEntityType, type EntityIndex, entityIndex, type KnownEntity } from './entities.ts';
import { CONCEPTS, type Concept, conceptsIn, isStopword, splitCamel, stems, typeWord } from './vocabulary.ts';

interface DocBase {
  stems: Set<string>;
  concepts: Set<Concept>;
  /** Concepts of the document's kind, analyzer or name: what it is about, not what it mentions. */
  about: Set<Concept>;
}
export interface InsightDoc extends DocBase {
  source: 'insight';
  rank: number;
  insight: Insight;
}
export interface MetricDoc extends DocBase {
  source: 'metric';
  name: string;
  value: number;
}
export interface ChartDoc extends DocBase {
  source: 'chart';
  chart: Chart;
  entityType: ReturnType<typeof chartEntityType>;
}
export type Doc = InsightDoc | MetricDoc | ChartDoc;

export interface AnalysisIndex {
  analysis: ChatAnalysis;
  insights: InsightDoc[];
  metrics: MetricDoc[];
  charts: ChartDoc[];
  byRank: Map<number, Insight>;
  entities: EntityIndex;
  /** Inverse document frequency of stems and concepts over all documents. */
  idf(term: string): number;
  /** Every stem of the analysis's texts (to tell a topic it mentions from one it does not). */
  vocabulary: Set<string>;
}

/** What a question brings to retrieval. */
export interface Probe {
  content: readonly string[];
  concepts: ReadonlySet<Concept>;
  entities: readonly KnownEntity[];
}

const cache = new WeakMap<ChatAnalysis, AnalysisIndex>();

/**
 * A metric or chart id without its analyzer ("quality.scrapRatePct" → "scrapRatePct"): the
 * analyzer's name is where the figure comes from, not what it measures ("quality" would make every
 * quality figure about defects).
 */
const unprefixed = (id: string) => id.replace(/^(cost|equipment|quality|efficiency|cross)[.-]/, '');

const relevant = (c: Concept) => CONCEPTS[c].kind === 'type' || CONCEPTS[c].kind === 'measure';

function bag(text: string, aboutText: string): DocBase {
  const seq = stems(text);
  const aboutSeq = stems(aboutText);
  const words = new Set<string>();
  for (const s of seq) if (!isStopword(s)) words.add(s);
  for (const s of aboutSeq) if (!isStopword(s)) words.add(s);
  const about = new Set<Concept>();
  for (const c of conceptsIn(aboutSeq).concepts) if (relevant(c)) about.add(c);
  const concepts = new Set(about);
  for (const c of conceptsIn(seq).concepts) if (relevant(c)) concepts.add(c);
  return { stems: words, concepts, about };
}

export function indexOf(analysis: ChatAnalysis): AnalysisIndex {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const insights: InsightDoc[] = [...analysis.insights]
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank, insight }) => {
      const entityWords = insight.entity ? `${typeWord(insight.entity.type)} ${insight.entity.id}` : '';
      return {
        source: 'insight',
        rank,
        insight,
        ...bag(
          `${insight.title} ${insight.detail} ${insight.evidence.metric}`,
          `${splitCamel(insight.kind)} ${insight.analyzer} ${entityWords}`,
        ),
      };
    });
  const metrics: MetricDoc[] = Object.entries(analysis.metrics)
    .filter(([, value]) => Number.isFinite(value))
    .map(([name, value]) => ({ source: 'metric', name, value, ...bag('', splitCamel(unprefixed(name))) }));
  const charts: ChartDoc[] = analysis.charts.map((chart) => ({
    source: 'chart',
    chart,
    entityType: chartEntityType(chart),
    ...bag(chart.points.map((p) => p.label).join(' '), `${chart.title} ${splitCamel(unprefixed(chart.id))}`),
  }));
  const docs: Doc[] = [...insights, ...metrics, ...charts];
  const df = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const doc of docs) {
    for (const s of doc.stems) {
      df.set(s, (df.get(s) ?? 0) + 1);
      vocabulary.add(s);
    }
    for (const c of doc.concepts) df.set(`#${c}`, (df.get(`#${c}`) ?? 0) + 1);
  }
  const n = docs.length;
  const index: AnalysisIndex = {
    analysis,
    insights,
    metrics,
    charts,
    byRank: new Map(insights.map((d) => [d.rank, d.insight])),
    entities: entityIndex(analysis),
    // A word in most documents ("rate", "min") tells them apart no better than a stopword.
    idf: (term) => {
      const k = df.get(term) ?? 0;
      return !term.startsWith('#') && n >= 4 && k > n / 2 ? 0 : Math.log(1 + (n + 1) / (k + 0.5));
    },
    vocabulary,
  };
  cache.set(analysis, index);
  return index;
}

/** How well a document answers the probe; 0 when nothing of it matches. */
export function scoreDoc(index: AnalysisIndex, doc: Doc, probe: Probe): number {
  let score = 0;
  for (const c of probe.concepts) {
    if (!doc.concepts.has(c)) continue;
    score += index.idf(`#${c}`) * (doc.about.has(c) ? 1.5 : 1);
  }
  for (const s of probe.content) if (doc.stems.has(s)) score += index.idf(s);
  if (probe.entities.length) {
    if (doc.source === 'insight') {
      const e = doc.insight.entity;
      if (e && probe.entities.some((k) => k.id === e.id && (k.type === null || k.type === e.type)))
        score += 6;
    } else if (doc.source === 'chart') {
      if (probe.entities.some((k) => doc.chart.points.some((p) => p.label === k.id))) score += 2;
    }
  }
  // A figure or chart about something else as well ("scrap rate trend per month", "scrap cost by
  // supplier") answers a plain "scrap rate?" less well than one about only that.
  if (score > 0 && doc.source !== 'insight')
    for (const c of doc.about)
      if (!probe.concepts.has(c) && CONCEPTS[c].kind === 'measure') score -= 0.5 * index.idf(`#${c}`);
  return Math.max(0, score);
}

export interface Hits {
  insights: { doc: InsightDoc; score: number }[];
  metrics: { doc: MetricDoc; score: number }[];
  charts: { doc: ChartDoc; score: number }[];
}

/** Documents that match, best first (ties: the insight ranked higher by impact first). */
export function retrieve(index: AnalysisIndex, probe: Probe): Hits {
  const scored = <D extends Doc>(docs: D[]) =>
    docs
      .map((doc) => ({ doc, score: scoreDoc(index, doc, probe) }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score);
  return { insights: scored(index.insights), metrics: scored(index.metrics), charts: scored(index.charts) };
}

/** Only the hits within `ratio` of the best one, at most `limit`. */
export function strongest<H extends { score: number }>(hits: H[], limit: number, ratio = 0.6): H[] {
  const best = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= best * ratio).slice(0, limit);
}
