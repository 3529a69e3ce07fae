// The grounded context an LLM answers from: the findings, figures and chart points that match the
// question (with their evidence, impact and rows), then the top findings and the narrative — most
// relevant first, cut at line boundaries to a fixed size so a 500-insight analysis still fits a
// prompt. Every figure is written from the results (or, for shares, from two of their numbers), so
// the numbers an LLM may quote are the numbers of this text.
import type { Insight } from '../analysis/types.ts';
import type { ChatAnalysis } from './answerer.ts';
import { parseQuestion } from './intents.ts';
import {
  additive,
  fieldLabel,
  fmt,
  impactPhrase,
  inUnit,
  listing,
  metricLabel,
  metricUnit,
} from './phrasing.ts';
import { type AnalysisIndex, type ChartDoc, indexOf, retrieve, strongest } from './retrieve.ts';
import { type Concept, typeConcept, typeWord } from './vocabulary.ts';

const figure = (x: number | null) =>
  x === null || !Number.isFinite(x) ? 'n/a' : fmt(x, Math.abs(x) >= 1 || x === 0 ? 2 : 4);

function insightBlock(rank: number, i: Insight): string {
  const e = i.evidence;
  const entity = i.entity ? ` on ${typeWord(i.entity.type)} ${i.entity.id}` : '';
  const stat = e.statistic ? `${e.statistic.name} = ${fmt(e.statistic.value, 2)}, ` : '';
  const p = e.pValue === null ? '' : `p = ${e.pValue < 0.0001 ? '< 0.0001' : fmt(e.pValue, 4)}, `;
  return (
    `#${rank} [${i.severity}] ${i.kind}${entity}: ${i.title}. ${i.detail} ` +
    `Impact: ${impactPhrase(i) || 'none stated'}. ` +
    `Evidence: ${e.metric} ${figure(e.value)} vs ${figure(e.baseline)} for the rest` +
    `${e.expected !== null ? `, expected ${figure(e.expected)}` : ''}; ${stat}${p}n = ${fmt(e.sampleSize, 0)}. ` +
    `Rows behind it: ${fmt(i.rowCount, 0)} work orders. Recommendation: ${i.recommendation}`
  );
}

/** A chart's top ten points, and the points of the entities the question names wherever they rank. */
function chartBlock(index: AnalysisIndex, doc: ChartDoc, named: ReadonlySet<string> = new Set()): string {
  const { chart } = doc;
  const sorted = [...chart.points].sort((a, b) => b.value - a.value);
  const points = sorted.filter((p, k) => k < 10 || named.has(p.label));
  const total = chart.points.reduce((s, p) => s + p.value, 0);
  const measure = [...doc.about].find((c) =>
    index.metrics.some((m) => m.about.has(c) && metricUnit(m.name) === chart.unit),
  );
  const metric = measure
    ? index.metrics.find((m) => m.about.has(measure) && metricUnit(m.name) === chart.unit)
    : undefined;
  const base = additive(chart.unit) ? (metric?.value ?? total) : 0;
  const share = (v: number) =>
    base > 0 ? ` (${fmt((v / base) * 100, 1)} % of ${metric ? 'the total' : 'the charted total'})` : '';
  const totalText = additive(chart.unit)
    ? `; total ${inUnit(base, chart.unit)}${metric ? ` (${metric.name})` : ' over the charted points'}`
    : '';
  return `Chart "${chart.title}" (${chart.unit})${totalText}: ${points.map((p) => `${p.label} ${inUnit(p.value, chart.unit)}${share(p.value)}`).join('; ')}`;
}

export function groundingContext(analysis: ChatAnalysis, question: string, maxChars = 6000): string {
  const index = indexOf(analysis);
  const q = parseQuestion(question, index);
  const typeConcepts = q.types.map(typeConcept).filter((c): c is Concept => c !== null);
  const hits = retrieve(index, {
    content: q.content,
    concepts: new Set([...q.measures, ...typeConcepts]),
    entities: q.entities.map((m) => m.entity),
  });

  const lines: string[] = [];
  let used = 0;
  const add = (line: string, force = false) => {
    const room = maxChars - used - (lines.length ? 1 : 0);
    if (room <= 0) return false;
    if (line.length > room && !force) return false;
    const text = line.length > room ? `${line.slice(0, Math.max(0, room - 1))}…` : line;
    lines.push(text);
    used += text.length + (lines.length > 1 ? 1 : 0);
    return true;
  };

  /** A heading only when its first line fits after it. */
  const section = (heading: string, body: string[]) => {
    const first = body[0];
    if (first === undefined || used + heading.length + first.length + 2 > maxChars) return;
    add(heading);
    for (const line of body) add(line);
  };

  add(
    `Analysis "${analysis.name}": ${fmt(analysis.workOrders, 0)} work orders, data tier ${analysis.dataTier} of 4, ` +
      `${fmt(analysis.insights.length, 0)} findings ranked by impact. Analyzers run: ${listing(analysis.analyzersRun) || 'none'}.` +
      analysis.skipped
        .map(
          (s) =>
            ` Skipped: ${s.analyzer} (lacked ${listing(s.lacked.map((f) => `${fieldLabel(f)} (${f})`))}).`,
        )
        .join(''),
    true,
  );

  const listed = new Set<number>();
  const relevant: number[] = [];
  for (const m of q.entities) relevant.push(...m.entity.ranks);
  for (const h of strongest(hits.insights, 8, 0.3)) relevant.push(h.doc.rank);
  const relevantRanks = [...new Set(relevant)];
  if (relevantRanks.length) add('Findings relevant to the question:');
  relevantRanks.forEach((rank, k) => {
    const insight = index.byRank.get(rank);
    // The most relevant finding is kept even when cut: it is what the question is about.
    if (insight && add(insightBlock(rank, insight), k === 0)) listed.add(rank);
  });

  const charts = [
    ...new Set([
      ...hits.charts.filter((h) => h.score >= (hits.charts[0]?.score ?? 0) * 0.5).map((h) => h.doc),
      ...index.charts.filter((c) =>
        q.entities.some((m) => m.entity.points.some((p) => p.chart === c.chart.id)),
      ),
    ]),
  ].slice(0, 3);
  const named = new Set(q.entities.map((m) => m.entity.id));
  for (const c of charts) add(chartBlock(index, c, named));

  const metricNames = [...hits.metrics.map((h) => h.doc.name), ...index.metrics.map((m) => m.name)];
  const metricLines = [...new Set(metricNames)].map((name) => {
    const value = analysis.metrics[name] as number;
    return `${name} (${metricLabel(name)}) = ${inUnit(value, metricUnit(name))}`;
  });
  section('Facility figures:', metricLines.slice(0, 12));
  const top = index.insights.filter((d) => !listed.has(d.rank)).slice(0, 5);
  section(
    'Top findings by impact:',
    top.map(
      (d) => `#${d.rank} [${d.insight.severity}] ${d.insight.title}. Impact: ${impactPhrase(d.insight)}.`,
    ),
  );

  for (const c of index.charts) if (!charts.includes(c)) add(chartBlock(index, c));
  if (analysis.narrative) add(`Summary: ${analysis.narrative.replace(/\s+/g, ' ').trim()}`);
  return lines.join('\n');
}
