// How the chat states what an analysis holds. Numbers are never recomputed into a new form where
// the analysis already wrote them: titles, details, formulas and recommendations are quoted as the
// analyzers wrote them, and raw values (chart points, metrics, impacts) are written with `fmt`, the
// formatter the analyzers' own texts use — so every figure can be found in the results.

import type { Chart, Evidence, Insight } from '../analysis/types.ts';
import { FIELD_BY_KEY } from '../canonical.ts';
import { splitCamel } from './vocabulary.ts';

const FORMATS = new Map<number, Intl.NumberFormat>();

/**
 * `fmt` of analysis/frame.ts ("1,234.5"), the formatter the analyzers' texts use, with its
 * Intl formatter kept: toLocaleString builds one per call, which was most of a context's time.
 */
export function fmt(value: number, digits = 1): string {
  let format = FORMATS.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    FORMATS.set(digits, format);
  }
  return format.format(value);
}

/** A text as one sentence: trimmed, with its final full stop. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return '';
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}

export const joinSentences = (parts: readonly (string | null | undefined | false)[]) =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map(sentence)
    .join(' ');

/** "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n, 0)} ${n === 1 ? one : many}`;

export const money = (x: number) => fmt(Math.round(x), 0);

/** A value in a chart's unit: "4,210 min", "7.9 %", "14,550" (currency carries no symbol: the tenant's). */
export function inUnit(value: number, unit: string): string {
  const u = unit.trim();
  if (u === 'currency' || u === '') return fmt(value, u === 'currency' ? 0 : 1);
  if (u === '%') return `${fmt(value, 1)} %`;
  return `${fmt(value, 1)} ${u}`;
}

/** Units whose values add up across points, so a share of the total means something. */
export const additive = (unit: string) =>
  !['%', 'ratio', 'rate', 'x', 'pct', 'z', 'rho', 'tau', 'index', 'score'].includes(
    unit.trim().toLowerCase(),
  );

/** The unit a metric's name ends with: "equipment.downtimeMinutes" → "min". */
export function metricUnit(name: string): string {
  const last = splitCamel(name).split(' ').pop() ?? '';
  const units: Record<string, string> = {
    pct: '%',
    percent: '%',
    minutes: 'min',
    minute: 'min',
    min: 'min',
    hours: 'h',
    hour: 'h',
    h: 'h',
    cost: 'currency',
    currency: 'currency',
    amount: 'currency',
    pieces: 'pcs',
    units: 'pcs',
    qty: 'pcs',
    count: '',
    days: 'days',
  };
  return units[last] ?? '';
}

const ACRONYMS = new Set(['oee', 'mtbf', 'mttr', 'spc', 'fpy', 'ppm', 'wip']);

/** "quality.scrapRatePct" → "scrap rate" (the analyzer prefix and the unit suffix dropped). */
export function metricLabel(name: string): string {
  const ws = splitCamel(name.includes('.') ? name.slice(name.indexOf('.') + 1) : name).split(' ');
  if (metricUnit(name) !== '' || ws[ws.length - 1] === 'count') ws.pop();
  return ws.map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w)).join(' ');
}

/** Metrics as "scrap rate 2.1 %"; two with the same label say which analyzer each is from. */
export function metricPhrases(metrics: readonly { name: string; value: number }[]): string[] {
  const labels = metrics.map((m) => metricLabel(m.name));
  return metrics.map((m, k) => {
    const twice = labels.filter((l) => l === labels[k]).length > 1;
    const phrase = metricPhrase(m.name, m.value);
    return twice && m.name.includes('.') ? `${phrase} (${m.name.slice(0, m.name.indexOf('.'))})` : phrase;
  });
}

/** The first sentences of an analyzer's detail: what an overview needs; "why?" gets all of it. */
export function firstSentences(text: string, n: number): string {
  const parts = text.trim().split(/(?<=\.)\s+(?=[A-Z])/);
  return parts.slice(0, n).join(' ');
}

export const metricPhrase = (name: string, value: number) =>
  `${metricLabel(name)} ${inUnit(value, metricUnit(name))}`;

/** How an insight is referred to in a list: its title with rank and severity. */
export const headline = (rank: number, insight: Insight) =>
  `${insight.title} (#${rank}, ${insight.severity})`;

/** The impact in the unit the analyzer gave it, with the formula it wrote. */
export function impactPhrase(insight: Insight): string {
  const { currency, hours, units, formula } = insight.impact;
  const value =
    currency !== null && Number.isFinite(currency)
      ? money(currency)
      : hours !== null && Number.isFinite(hours)
        ? `${fmt(hours, 1)} h`
        : units !== null && Number.isFinite(units)
          ? `${fmt(units, 0)} pieces`
          : null;
  const f = formula.trim();
  if (value === null) return f;
  return f && !f.includes(value) ? `${value} (${f})` : f || value;
}

/** Why the finding holds: the test statistic, its p-value and the sample, in words. */
export function evidencePhrase(e: Evidence, rowCount: number): string {
  const parts: string[] = [];
  if (e.statistic) parts.push(`${e.statistic.name} = ${fmt(e.statistic.value, 2)}`);
  if (e.pValue !== null && Number.isFinite(e.pValue))
    parts.push(e.pValue < 0.001 ? 'p-value under one in a thousand' : `p-value ${fmt(e.pValue, 3)}`);
  parts.push(`${plural(e.sampleSize, 'work order')} compared`);
  const significance =
    e.pValue === null
      ? 'The figures come from'
      : e.pValue < 0.05
        ? 'The difference is statistically significant'
        : 'On its own the difference is not statistically conclusive';
  const rows =
    rowCount > 0 ? ` It rests on ${plural(rowCount, 'work order')} you can open from the finding.` : '';
  return `${significance} (${parts.join(', ')}).${rows}`;
}

/** A chart's point as "MILL-01-M3 with 4,210 min". */
export const pointPhrase = (chart: Chart, p: { label: string; value: number }) =>
  `${p.label} with ${inUnit(p.value, chart.unit)}`;

/** A canonical field as people know it: "materialCostPlanned" → "Planned material cost". */
export const fieldLabel = (key: string) => FIELD_BY_KEY.get(key)?.label ?? splitCamel(key);
