// A sector's days: requests split into cache hits and the rest, with the hit rate, per day.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../format';
import { AXIS_STYLE, CHART_COLORS, ChartCard } from '../../plant/ChartCard';
import type { SectorDay } from '../api';
import { AI_COLORS } from '../charts/MetricsCharts';
import { formatCount, formatPercent } from '../format';

const hitRate = (d: SectorDay) =>
  d.cacheHits + d.cacheMisses === 0 ? 0 : (100 * d.cacheHits) / (d.cacheHits + d.cacheMisses);

export function DaysChart({ days }: { days: readonly SectorDay[] }) {
  const rows = [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({
      label: formatDate(d.date),
      hits: d.cacheHits,
      others: Math.max(0, d.totalRequests - d.cacheHits),
      hitRate: Math.round(hitRate(d) * 10) / 10,
      day: d,
    }));
  const total = days.reduce((sum, d) => sum + d.totalRequests, 0);
  const hits = days.reduce((sum, d) => sum + d.cacheHits, 0);
  return (
    <ChartCard
      id="sector-days-chart"
      title="Requests by day"
      summary={`${formatCount(total)} requests over ${days.length} days, ${formatCount(hits)} of them answered from the cache.`}
      chart={
        <ResponsiveContainer width="100%" height={240}>
          <ComposedChart
            data={rows}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="label" {...AXIS_STYLE} minTickGap={16} />
            <YAxis yAxisId="n" allowDecimals={false} {...AXIS_STYLE} />
            <YAxis
              yAxisId="p"
              orientation="right"
              domain={[0, 100]}
              tickFormatter={(v: number) => `${v} %`}
              {...AXIS_STYLE}
            />
            <Tooltip />
            <Legend />
            <Bar
              yAxisId="n"
              dataKey="hits"
              name="Cache hits"
              stackId="r"
              fill={AI_COLORS.hitRate}
              isAnimationActive={false}
            />
            <Bar
              yAxisId="n"
              dataKey="others"
              name="Other requests"
              stackId="r"
              fill={AI_COLORS.requests}
              isAnimationActive={false}
            />
            <Line
              yAxisId="p"
              dataKey="hitRate"
              name="Hit rate"
              stroke={AI_COLORS.p95}
              strokeWidth={2}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      }
      table={
        <DataTable columns={['Day', 'Requests', 'Cache hits', 'Hit rate']} dense>
          {rows.map((r) => (
            <tr key={r.day.date}>
              <th scope="row">{r.label}</th>
              <td>{formatCount(r.day.totalRequests)}</td>
              <td>{formatCount(r.hits)}</td>
              <td>{formatPercent(r.hitRate)}</td>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
