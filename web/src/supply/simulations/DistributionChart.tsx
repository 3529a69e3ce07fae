// One KPI's distribution over the replications, one row per policy on a shared axis: the histogram
// of the replications (bars), the 5th–95th percentile band, the median (tick) and the mean (dot).
// Inline SVG with its text equivalents (ChartCard): a summary in words and a data table.
import { ChartCard } from '../../plant/ChartCard';
import type { KpiSummary, PolicyFacts } from './api';
import { formatKpi, formatKpiDifference, KPI_NAMES } from './format';

const WIDTH = 900;
const ROW_H = 74;
const MARGIN = { top: 12, right: 24, bottom: 36, left: 190 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
export const POLICY_COLOURS = ['#0369a1', '#c2410c', '#15803d', '#7c3aed'];
const TICKS = 5;

/** A policy's name on at most two lines of about 28 characters (cut at a space). */
function labelLines(label: string): string[] {
  if (label.length <= 28) return [label];
  const cut = label.lastIndexOf(' ', 28);
  const at = cut > 0 ? cut : 28;
  const rest = label.slice(at).trim();
  return [label.slice(0, at), rest.length > 28 ? `${rest.slice(0, 27)}…` : rest];
}

function summaryOf(summary: KpiSummary, labels: Map<string, string>): string {
  const kpi = summary.kpi;
  const parts = summary.policies.map(
    (p) =>
      `${labels.get(p.policy) ?? p.policy}: mean ${formatKpi(kpi, p.mean)}, 90 % of replications between ${formatKpi(kpi, p.p5)} and ${formatKpi(kpi, p.p95)}`,
  );
  for (const d of summary.differences)
    parts.push(
      `${labels.get(d.policy) ?? d.policy} against ${labels.get(d.baseline) ?? d.baseline}: ${formatKpiDifference(kpi, d.mean)} on average, better in ${Math.round(d.betterShare * 100)} % of replications`,
    );
  return `${parts.join('. ')}.`;
}

function Drawing({ summary, labels }: { summary: KpiSummary; labels: Map<string, string> }) {
  const { from, width, bins } = summary.histogram;
  const to = from + width * bins;
  const span = to > from ? to - from : 1;
  const x = (v: number) => MARGIN.left + ((v - from) / span) * PLOT_W;
  const height = MARGIN.top + ROW_H * summary.policies.length + MARGIN.bottom;
  const tallest = Math.max(1, ...summary.policies.flatMap((p) => p.histogram));
  const binW = PLOT_W / bins;
  const axisY = height - MARGIN.bottom;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" aria-hidden="true" focusable="false">
      {summary.policies.map((p, row) => {
        const top = MARGIN.top + row * ROW_H;
        const colour = POLICY_COLOURS[row % POLICY_COLOURS.length];
        const barsBottom = top + ROW_H * 0.62;
        const boxY = top + ROW_H * 0.74;
        return (
          <g key={p.policy} data-policy={p.policy}>
            <text x={MARGIN.left - 8} y={top + ROW_H / 2 - 6} textAnchor="end" fontSize={12} fill="#334155">
              {labelLines(labels.get(p.policy) ?? p.policy).map((line, i) => (
                <tspan key={line} x={MARGIN.left - 8} dy={i === 0 ? 0 : 14}>
                  {line}
                </tspan>
              ))}
            </text>
            {p.histogram.map((count, b) =>
              count > 0 ? (
                <rect
                  // biome-ignore lint/suspicious/noArrayIndexKey: bins are positions on the axis
                  key={b}
                  x={MARGIN.left + b * binW + 1}
                  width={Math.max(1, binW - 2)}
                  y={barsBottom - (count / tallest) * ROW_H * 0.55}
                  height={(count / tallest) * ROW_H * 0.55}
                  fill={colour}
                  opacity={0.35}
                />
              ) : null,
            )}
            <line x1={x(p.min)} x2={x(p.max)} y1={boxY} y2={boxY} stroke={colour} strokeWidth={1} />
            <rect
              x={x(p.p5)}
              width={Math.max(2, x(p.p95) - x(p.p5))}
              y={boxY - 6}
              height={12}
              fill={colour}
              opacity={0.8}
              rx={2}
            />
            <line x1={x(p.p50)} x2={x(p.p50)} y1={boxY - 9} y2={boxY + 9} stroke="#0f172a" strokeWidth={2} />
            <circle cx={x(p.mean)} cy={boxY} r={4} fill="#fff" stroke="#0f172a" strokeWidth={1.5} />
          </g>
        );
      })}
      <line x1={MARGIN.left} x2={MARGIN.left + PLOT_W} y1={axisY} y2={axisY} stroke="#5b6678" />
      {Array.from({ length: TICKS + 1 }, (_, i) => {
        const v = from + (span * i) / TICKS;
        return (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={axisY} y2={axisY + 5} stroke="#5b6678" />
            <text x={x(v)} y={axisY + 18} textAnchor="middle" fontSize={11} fill="#5b6678">
              {formatKpi(summary.kpi, v)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Table({ summary, labels }: { summary: KpiSummary; labels: Map<string, string> }) {
  const kpi = summary.kpi;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Policy</th>
          <th scope="col" className="cell-number">
            Mean
          </th>
          <th scope="col" className="cell-number">
            5th pct.
          </th>
          <th scope="col" className="cell-number">
            Median
          </th>
          <th scope="col" className="cell-number">
            95th pct.
          </th>
        </tr>
      </thead>
      <tbody>
        {summary.policies.map((p) => (
          <tr key={p.policy}>
            <th scope="row">{labels.get(p.policy) ?? p.policy}</th>
            <td className="cell-number">{formatKpi(kpi, p.mean)}</td>
            <td className="cell-number">{formatKpi(kpi, p.p5)}</td>
            <td className="cell-number">{formatKpi(kpi, p.p50)}</td>
            <td className="cell-number">{formatKpi(kpi, p.p95)}</td>
          </tr>
        ))}
        {summary.differences.map((d) => (
          <tr key={`diff-${d.policy}`}>
            <th scope="row">
              Difference, {labels.get(d.policy) ?? d.policy} − {labels.get(d.baseline) ?? d.baseline} (better
              in {Math.round(d.betterShare * 100)} %)
            </th>
            <td className="cell-number">{formatKpiDifference(kpi, d.mean)}</td>
            <td className="cell-number">{formatKpiDifference(kpi, d.p5)}</td>
            <td className="cell-number">{formatKpiDifference(kpi, d.p50)}</td>
            <td className="cell-number">{formatKpiDifference(kpi, d.p95)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DistributionChart({
  summary,
  policies,
}: {
  summary: KpiSummary;
  policies: readonly PolicyFacts[];
}) {
  const labels = new Map(policies.map((p) => [p.key, p.label]));
  return (
    <ChartCard
      id={`kpi-${summary.kpi}`}
      title={KPI_NAMES[summary.kpi]}
      level={3}
      summary={summaryOf(summary, labels)}
      chart={<Drawing summary={summary} labels={labels} />}
      table={<Table summary={summary} labels={labels} />}
    />
  );
}
