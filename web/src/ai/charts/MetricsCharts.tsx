// The four charts of a pipeline's (or a sector's) traffic over time: requests with errors, the
// cache hit rate, latency p50/p95, and the tokens and cost the cache saved. Each with its summary
// in words and its data table (ChartCard).
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DataTable } from '../../components/DataTable';
import { AXIS_STYLE, CHART_COLORS, ChartCard } from '../../plant/ChartCard';
import type { MetricsPoint } from '../api';
import { formatCount, formatHour, formatMs, formatPercent, formatTokens, formatUsd } from '../format';

export const AI_COLORS = {
  requests: '#0369a1',
  errors: '#b91c1c',
  hitRate: '#15803d',
  p50: '#0369a1',
  p95: '#b45309',
  tokens: '#7c3aed',
  cost: '#15803d',
};

interface Row extends MetricsPoint {
  label: string;
}

const rowsOf = (points: readonly MetricsPoint[]): Row[] =>
  points.map((p) => ({ ...p, label: formatHour(p.at) }));

const sum = (points: readonly MetricsPoint[], pick: (p: MetricsPoint) => number | undefined) =>
  points.reduce((total, p) => total + (pick(p) ?? 0), 0);

function MetricsTable({ rows }: { rows: readonly Row[] }) {
  return (
    <DataTable
      columns={['From', 'Requests', 'Errors', 'Hit rate', 'p50', 'p95', 'Tokens saved', 'Cost saved']}
      dense
    >
      {rows.map((r) => (
        <tr key={r.at}>
          <th scope="row">{r.label}</th>
          <td>{formatCount(r.requests)}</td>
          <td>{formatCount(r.errors ?? 0)}</td>
          <td>{formatPercent(r.hitRate)}</td>
          <td>{formatMs(r.latencyP50)}</td>
          <td>{formatMs(r.latencyP95)}</td>
          <td>{formatTokens(r.tokensSaved)}</td>
          <td>{formatUsd(r.costSaved)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

const MARGIN = { top: 8, right: 16, bottom: 0, left: 0 };

/** `points` in time order; `span` names the period in the summaries ("the last 24 hours"). */
export function MetricsCharts({
  points,
  span,
  idPrefix,
}: {
  points: readonly MetricsPoint[];
  span: string;
  idPrefix: string;
}) {
  const rows = rowsOf(points);
  const requests = sum(points, (p) => p.requests);
  const errors = sum(points, (p) => p.errors);
  const hits = sum(points, (p) => p.cacheHits);
  const lookups = hits + sum(points, (p) => p.cacheMisses);
  const busiest = [...points].sort((a, b) => b.requests - a.requests)[0];
  const worstP95 = [...points].sort((a, b) => b.latencyP95 - a.latencyP95)[0];
  const empty = requests === 0 ? `No request in ${span}.` : null;
  const table = <MetricsTable rows={rows} />;
  const axis = <XAxis dataKey="label" {...AXIS_STYLE} minTickGap={16} />;
  const grid = <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />;

  return (
    <div className="ai-chart-grid">
      <ChartCard
        id={`${idPrefix}-requests`}
        title="Requests"
        level={3}
        empty={empty}
        summary={`${formatCount(requests)} requests in ${span}, ${formatCount(errors)} of them failed${
          busiest ? `; busiest from ${formatHour(busiest.at)} with ${formatCount(busiest.requests)}` : ''
        }.`}
        chart={
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={rows} margin={MARGIN} accessibilityLayer={false}>
              {grid}
              {axis}
              <YAxis allowDecimals={false} {...AXIS_STYLE} />
              <Tooltip />
              <Legend />
              <Bar dataKey="requests" name="Requests" fill={AI_COLORS.requests} isAnimationActive={false} />
              <Bar dataKey="errors" name="Errors" fill={AI_COLORS.errors} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        }
        table={table}
      />
      <ChartCard
        id={`${idPrefix}-hit-rate`}
        title="Cache hit rate"
        level={3}
        empty={empty}
        summary={
          lookups === 0
            ? `No cache lookup in ${span}.`
            : `${formatPercent((hits / lookups) * 100)} of ${formatCount(lookups)} cache lookups hit in ${span}.`
        }
        chart={
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={rows} margin={MARGIN} accessibilityLayer={false}>
              {grid}
              {axis}
              <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v} %`} {...AXIS_STYLE} />
              <Tooltip formatter={(v: unknown) => (typeof v === 'number' ? formatPercent(v) : '—')} />
              <Line
                type="monotone"
                dataKey="hitRate"
                name="Hit rate"
                stroke={AI_COLORS.hitRate}
                strokeWidth={2}
                dot={{ r: 2 }}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        }
        table={table}
      />
      <ChartCard
        id={`${idPrefix}-latency`}
        title="Latency p50 / p95"
        level={3}
        empty={empty}
        summary={
          worstP95
            ? `The slowest period was from ${formatHour(worstP95.at)}: p50 ${formatMs(worstP95.latencyP50)}, p95 ${formatMs(worstP95.latencyP95)}.`
            : ''
        }
        chart={
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={rows} margin={MARGIN} accessibilityLayer={false}>
              {grid}
              {axis}
              <YAxis tickFormatter={(v: number) => `${v} ms`} {...AXIS_STYLE} />
              <Tooltip formatter={(v: unknown) => (typeof v === 'number' ? formatMs(v) : '—')} />
              <Legend />
              <Line
                type="monotone"
                dataKey="latencyP50"
                name="p50"
                stroke={AI_COLORS.p50}
                strokeWidth={2}
                dot={{ r: 2 }}
                isAnimationActive={false}
              />
              <Line
                type="monotone"
                dataKey="latencyP95"
                name="p95"
                stroke={AI_COLORS.p95}
                strokeWidth={2}
                strokeDasharray="6 3"
                dot={{ r: 2 }}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        }
        table={table}
      />
      <ChartCard
        id={`${idPrefix}-saved`}
        title="Tokens and cost saved"
        level={3}
        empty={empty}
        summary={`The cache saved ${formatTokens(sum(points, (p) => p.tokensSaved))} tokens and ${formatUsd(
          sum(points, (p) => p.costSaved),
        )} in ${span}.`}
        chart={
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={rows} margin={MARGIN} accessibilityLayer={false}>
              {grid}
              {axis}
              <YAxis yAxisId="tokens" {...AXIS_STYLE} />
              <YAxis
                yAxisId="cost"
                orientation="right"
                tickFormatter={(v: number) => `$${v}`}
                {...AXIS_STYLE}
              />
              <Tooltip />
              <Legend />
              <Bar
                yAxisId="tokens"
                dataKey="tokensSaved"
                name="Tokens saved"
                fill={AI_COLORS.tokens}
                isAnimationActive={false}
              />
              <Bar
                yAxisId="cost"
                dataKey="costSaved"
                name="Cost saved (USD)"
                fill={AI_COLORS.cost}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        }
        table={table}
      />
    </div>
  );
}
