// Downtime Pareto: minutes lost per reason, largest first, with the cumulative share as a line.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DataTable } from '../components/DataTable';
import type { ParetoReport } from './api';
import { AXIS_STYLE, CHART_COLORS, ChartCard } from './ChartCard';
import { formatMinutes, formatPercent } from './format';

/** The classic 80 % line: the reasons left of it are where most of the time goes. */
const VITAL_FEW = 80;

function summaryOf(report: ParetoReport): string {
  const [top] = report.items;
  if (!top) return 'No downtime in this period.';
  const vital = report.items.findIndex((i) => i.cumulativeShare >= VITAL_FEW / 100) + 1;
  return (
    `${formatMinutes(report.totalMinutes)} of downtime in ${report.items.length} reasons. ` +
    `Largest: ${top.label}, ${formatMinutes(top.minutes)} in ${top.stops} stops (${formatPercent(top.share)}). ` +
    `${vital} reason${vital === 1 ? '' : 's'} account for at least ${VITAL_FEW} % of the time.`
  );
}

function ParetoTable({ report }: { report: ParetoReport }) {
  return (
    <DataTable
      columns={['Reason', 'Category', 'Minutes', 'Stops', 'Share', 'Cumulative']}
      dense
      testId="pareto-table"
    >
      {report.items.map((item) => (
        <tr key={item.reasonCode} data-testid={`pareto-${item.reasonCode}`}>
          <th scope="row">
            {item.label}
            {item.planned ? <span className="badge badge-neutral badge-inline">planned</span> : null}
          </th>
          <td>{item.category}</td>
          <td>{formatMinutes(item.minutes)}</td>
          <td>{item.stops}</td>
          <td>{formatPercent(item.share)}</td>
          <td>{formatPercent(item.cumulativeShare)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function ParetoChart({ report }: { report: ParetoReport }) {
  const rows = report.items.map((item) => ({
    label: item.label,
    minutes: Math.round(item.minutes * 10) / 10,
    cumulative: Math.round(item.cumulativeShare * 1000) / 10,
  }));
  return (
    <ChartCard
      id="downtime-pareto"
      title="Downtime Pareto"
      summary={summaryOf(report)}
      empty={report.items.length === 0 ? 'No downtime in this period.' : null}
      tableVisible
      chart={
        <ResponsiveContainer width="100%" height={320}>
          <ComposedChart
            data={rows}
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="label" interval={0} angle={-25} textAnchor="end" height={80} {...AXIS_STYLE} />
            <YAxis
              yAxisId="minutes"
              {...AXIS_STYLE}
              label={{ value: 'Minutes', angle: -90, position: 'insideLeft', fontSize: 12 }}
            />
            <YAxis
              yAxisId="share"
              orientation="right"
              domain={[0, 100]}
              {...AXIS_STYLE}
              tickFormatter={(v) => `${v} %`}
              label={{ value: 'Cumulative', angle: 90, position: 'insideRight', fontSize: 12 }}
            />
            <Tooltip
              formatter={(value, name) =>
                name === 'Cumulative share' ? `${String(value)} %` : `${String(value)} min`
              }
            />
            <Legend verticalAlign="top" />
            <ReferenceLine yAxisId="share" y={VITAL_FEW} stroke={CHART_COLORS.axis} strokeDasharray="4 4" />
            <Bar
              yAxisId="minutes"
              dataKey="minutes"
              name="Downtime minutes"
              fill={CHART_COLORS.minutes}
              isAnimationActive={false}
            />
            <Line
              yAxisId="share"
              type="monotone"
              dataKey="cumulative"
              name="Cumulative share"
              stroke={CHART_COLORS.cumulative}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      }
      table={<ParetoTable report={report} />}
    />
  );
}
