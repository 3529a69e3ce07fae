// How analysis figures read: analyzers, severities, entities, data tiers, amounts by unit, impacts.
import type { EntityType, Insight, InsightSource, Severity } from './analysis-api';
import { reasonText } from './format';

export const ANALYZER_LABEL: Record<InsightSource, string> = {
  cost: 'Cost',
  equipment: 'Equipment',
  quality: 'Quality',
  efficiency: 'Efficiency',
  cross: 'Across analyzers',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

const SEVERITY_BADGE: Record<Severity, string> = {
  critical: 'badge-critical',
  high: 'badge-bad',
  medium: 'badge-warn',
  low: 'badge-live',
  info: 'badge-neutral',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge ${SEVERITY_BADGE[severity]}`} data-severity={severity}>
      {SEVERITY_LABEL[severity]}
    </span>
  );
}

export const ENTITY_LABEL: Record<EntityType, string> = {
  machine: 'Machine',
  workCenter: 'Work center',
  part: 'Part',
  partFamily: 'Part family',
  supplier: 'Supplier',
  operator: 'Operator',
  shift: 'Shift',
  customer: 'Customer',
  materialLot: 'Material lot',
  downtimeReason: 'Downtime reason',
  defectType: 'Defect type',
  workOrder: 'Work order',
  condition: 'Condition',
  facility: 'Facility',
  metric: 'Metric',
};

/** What each data tier (1–4) of an import holds, as the analysis decided from its mapped fields. */
export const TIER_LABEL: Record<number, string> = {
  1: 'Quantities only',
  2: 'Quantities with costs or hours',
  3: 'Costs or hours, dates and who / where',
  4: 'All that, with failures and process data',
};

/** 12,400 · 3.25 · 0.0412: as many digits as the size needs. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString(undefined, { maximumFractionDigits: digits });
}

/** A chart's or a metric's value with its unit ("currency" is the file's own, left unnamed). */
export function formatAmount(value: number, unit: string): string {
  const text = formatNumber(value);
  if (unit === '' || unit === 'currency' || unit === 'ratio' || unit === 'rho') return text;
  return unit === '%' ? `${text} %` : `${text} ${unit}`;
}

/** "Cost 12,400 · 36 h · 120 pieces": the parts of an impact that apply. */
export function impactText(impact: Insight['impact']): string {
  const parts: string[] = [];
  if (impact.currency !== null) parts.push(`Cost ${formatNumber(impact.currency)}`);
  if (impact.hours !== null) parts.push(`${formatNumber(impact.hours)} h`);
  if (impact.units !== null) parts.push(`${formatNumber(impact.units)} pieces`);
  return parts.length > 0 ? parts.join(' · ') : `Score ${formatNumber(impact.score)}`;
}

/** p < 0.001, p = 0.012. */
export const formatPValue = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toPrecision(2)}`);

/** "min_sample_size" → "Min sample size"; "materialCostActual" → "Material cost actual". */
export function keyText(key: string): string {
  const words = reasonText(key.replace(/\./g, ' '));
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The analyzer whose chart this is, from its id ("cost-drivers-part", "quality.scrap-by-supplier"). */
export function chartSource(chartId: string): InsightSource {
  const prefix = /^[a-z]+/.exec(chartId)?.[0];
  return prefix === 'cost' || prefix === 'equipment' || prefix === 'quality' || prefix === 'efficiency'
    ? prefix
    : 'cross';
}

/**
 * A written text (a narrative, a chat answer) as paragraphs, one per line; lines numbered "1. …"
 * in a row form a numbered list.
 */
export function Paragraphs({ text }: { text: string }) {
  const blocks: (string | string[])[] = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '') continue;
    const item = /^\d+\.\s+(.*)$/.exec(line)?.[1];
    const last = blocks.at(-1);
    if (item === undefined) blocks.push(line);
    else if (Array.isArray(last)) last.push(item);
    else blocks.push([item]);
  }
  return (
    <>
      {blocks.map((block) =>
        Array.isArray(block) ? (
          <ol key={block.join('\n')}>
            {block.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ol>
        ) : (
          <p key={block}>{block}</p>
        ),
      )}
    </>
  );
}
