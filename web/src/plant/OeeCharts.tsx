// OEE with availability, performance and quality: the trend by day and the comparison by shift.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DataTable } from '../components/DataTable';
import type { OeeGroup, OeeReport } from './api';
import { AXIS_STYLE, CHART_COLORS, ChartCard } from './ChartCard';
import { daysBefore, formatMinutes, formatPercent, shortDay, toPercent } from './format';

const FACTORS = [
  { key: 'oee', name: 'OEE', dash: undefined, width: 3 },
  { key: 'availability', name: 'Availability', dash: '6 3', width: 2 },
  { key: 'performance', name: 'Performance', dash: '2 3', width: 2 },
  { key: 'quality', name: 'Quality', dash: '10 3 2 3', width: 2 },
] as const;

type Factor = (typeof FACTORS)[number]['key'];
type Row = { key: string; label: string } & Record<Factor, number | null>;

const rowOf = (key: string, label: string, group: OeeGroup | undefined): Row => ({
  key,
  label,
  oee: toPercent(group?.oee),
  availability: toPercent(group?.availability),
  performance: toPercent(group?.performance),
  quality: toPercent(group?.quality),
});

/** Every day of the report, also those without completed batches (left as gaps). */
function dayRows(report: OeeReport): Row[] {
  const byDay = new Map(report.groups.map((g) => [g.key, g]));
  const rows: Row[] = [];
  for (let day = report.to; day >= report.from; day = daysBefore(day, 1)) {
    rows.unshift(rowOf(day, shortDay(day), byDay.get(day)));
  }
  return rows;
}

/** Percent axis from 0 to at least 100, higher when performance exceeds 100 % (shown, not capped). */
function percentDomain(rows: readonly Row[]): [number, number] {
  const highest = Math.max(100, ...rows.flatMap((r) => FACTORS.map((f) => r[f.key] ?? 0)));
  return [0, Math.ceil(highest / 10) * 10];
}

const percentTick = (value: number) => `${value} %`;
const tooltipValue = (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)} %` : '—');

function FactorTable({ groups, first }: { groups: readonly OeeGroup[]; first: string }) {
  return (
    <DataTable
      columns={[
        first,
        'OEE',
        'Availability',
        'Performance',
        'Quality',
        'Batches',
        'Downtime lost',
        'Speed lost',
        'Quality lost',
      ]}
      dense
    >
      {groups.map((g) => (
        <tr key={g.key}>
          <th scope="row">{first === 'Day' ? shortDay(g.key) : g.label}</th>
          <td>{formatPercent(g.oee)}</td>
          <td>{formatPercent(g.availability)}</td>
          <td>
            {formatPercent(g.performance)}
            {(g.performance ?? 0) > 1 ? (
              <span className="badge badge-warn badge-inline">above ideal</span>
            ) : null}
          </td>
          <td>{formatPercent(g.quality)}</td>
          <td>{g.batches}</td>
          <td>{formatMinutes(g.losses.availabilityMinutes)}</td>
          <td>{formatMinutes(g.losses.performanceMinutes)}</td>
          <td>{formatMinutes(g.losses.qualityMinutes)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function trendSummary(report: OeeReport): string {
  const days = report.groups.filter((g) => g.oee !== null);
  if (days.length === 0) return 'No completed batches in this period.';
  const sorted = [...days].sort((a, b) => (a.oee ?? 0) - (b.oee ?? 0));
  const worst = sorted[0] as OeeGroup;
  const best = sorted.at(-1) as OeeGroup;
  return (
    `OEE ${formatPercent(report.total.oee)} over ${shortDay(report.from)} – ${shortDay(report.to)} ` +
    `(availability ${formatPercent(report.total.availability)}, performance ${formatPercent(report.total.performance)}, ` +
    `quality ${formatPercent(report.total.quality)}); best day ${shortDay(best.key)} at ${formatPercent(best.oee)}, ` +
    `worst ${shortDay(worst.key)} at ${formatPercent(worst.oee)}.`
  );
}

export function OeeTrendChart({ report, target }: { report: OeeReport; target?: number | undefined }) {
  const rows = dayRows(report);
  return (
    <ChartCard
      id="oee-trend"
      title="OEE trend by day"
      summary={trendSummary(report)}
      empty={report.groups.length === 0 ? 'No completed batches in this period.' : null}
      chart={
        <ResponsiveContainer width="100%" height={300}>
          <LineChart
            data={rows}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="label" {...AXIS_STYLE} />
            <YAxis domain={percentDomain(rows)} tickFormatter={percentTick} {...AXIS_STYLE} />
            <Tooltip formatter={tooltipValue} />
            <Legend />
            {target !== undefined ? (
              <ReferenceLine
                y={target * 100}
                stroke={CHART_COLORS.oee}
                strokeDasharray="4 4"
                label={{
                  value: `target ${formatPercent(target, 0)}`,
                  position: 'insideTopRight',
                  fontSize: 12,
                }}
              />
            ) : null}
            {FACTORS.map((f) => (
              <Line
                key={f.key}
                type="monotone"
                dataKey={f.key}
                name={f.name}
                stroke={CHART_COLORS[f.key]}
                strokeWidth={f.width}
                strokeDasharray={f.dash}
                dot={{ r: f.key === 'oee' ? 3 : 2 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      }
      table={<FactorTable groups={report.groups} first="Day" />}
    />
  );
}

export function ShiftOeeChart({ report }: { report: OeeReport }) {
  const rows = report.groups.map((g) => rowOf(g.key, g.label, g));
  const summary =
    report.groups.length === 0
      ? 'No completed batches in this period.'
      : `OEE by shift: ${report.groups.map((g) => `${g.label} ${formatPercent(g.oee)}`).join(', ')}.`;
  return (
    <ChartCard
      id="oee-shift"
      title="OEE by shift"
      summary={summary}
      empty={report.groups.length === 0 ? 'No completed batches in this period.' : null}
      chart={
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="label" {...AXIS_STYLE} />
            <YAxis domain={percentDomain(rows)} tickFormatter={percentTick} {...AXIS_STYLE} />
            <Tooltip formatter={tooltipValue} />
            <Legend />
            {FACTORS.map((f) => (
              <Bar
                key={f.key}
                dataKey={f.key}
                name={f.name}
                fill={CHART_COLORS[f.key]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
      table={<FactorTable groups={report.groups} first="Shift" />}
    />
  );
}
