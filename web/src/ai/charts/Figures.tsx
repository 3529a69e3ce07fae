// A row of headline figures (requests, hit rate, latency, tokens and cost saved) for a period.
import type { Metrics24h } from '../api';
import { formatCount, formatMs, formatPercent, formatTokens, formatUsd } from '../format';

export function Figures({
  metrics,
  label,
  testId = 'figures',
}: {
  metrics: Partial<Metrics24h> | undefined;
  /** What the figures cover, for screen readers ("Last 24 hours"). */
  label: string;
  testId?: string;
}) {
  const items: [string, string, string][] = [
    ['Requests', formatCount(metrics?.requests), 'requests'],
    ['Cache hit rate', formatPercent(metrics?.hitRate), 'hit-rate'],
    ['Latency p50', formatMs(metrics?.latencyP50), 'p50'],
    ['Latency p95', formatMs(metrics?.latencyP95), 'p95'],
    ['Tokens saved', formatTokens(metrics?.tokensSaved), 'tokens-saved'],
    ['Cost saved', formatUsd(metrics?.costSaved), 'cost-saved'],
    ['Cost', formatUsd(metrics?.costUsd), 'cost'],
    ['Errors', formatCount(metrics?.errors), 'errors'],
  ];
  return (
    <dl className="ai-figures" aria-label={label} data-testid={testId}>
      {items.map(([name, value, id]) => (
        <div key={id} data-testid={`${testId}-${id}`}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
