// The charts of an analysis as inline SVG: bars (a Pareto adds the cumulative share as a line on a
// second axis) and lines over time, each with its summary in words and its data table.
import type { ReactNode } from 'react';
import { type Column, DataTable } from '../components/DataTable';
import { CHART_COLORS, ChartCard } from '../plant/ChartCard';
import { valueTicks } from '../telemetry/format';
import type { AnalysisChart } from './analysis-api';
import { formatAmount, formatNumber } from './analysis-format';

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 56, bottom: 92, left: 72 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const LABEL_CHARS = 16;
/** The first column of a chart's table: the bar's or point's label, which needs no heading. */
const ENTRY: Column = { label: 'Entry', hidden: true };
/** A line chart labels at most this many points along its axis. */
const LINE_LABELS = 10;

type Point = AnalysisChart['points'][number];

const shortLabel = (label: string) =>
  label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;

/** The value axis: from 0 (or the lowest value below it, or for lines the lowest value) to the top tick. */
function valueScale(values: readonly number[], fromZero: boolean) {
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (fromZero) {
    low = Math.min(0, low);
    high = Math.max(0, high);
  }
  if (high === low) high = low + 1;
  const ticks = valueTicks(low, high, 5);
  const step = ticks.length > 1 ? (ticks[1] as number) - (ticks[0] as number) : high - low;
  while ((ticks.at(-1) as number) < high) ticks.push((ticks.at(-1) as number) + step);
  if (!fromZero || low < 0) while ((ticks[0] as number) > low) ticks.unshift((ticks[0] as number) - step);
  const min = ticks[0] as number;
  const max = ticks.at(-1) as number;
  const y = (v: number) => MARGIN.top + PLOT_H * (1 - (v - min) / (max - min || 1));
  return { ticks, y };
}

/** Cumulative share (0–1) of the total at each point of a Pareto. */
function cumulativeShares(points: readonly Point[]): number[] {
  const total = points.reduce((sum, p) => sum + Math.max(0, p.value), 0) || 1;
  let running = 0;
  return points.map((p) => {
    running += Math.max(0, p.value);
    return running / total;
  });
}

function Axes({ chart, ticks, y }: { chart: AnalysisChart; ticks: number[]; y: (v: number) => number }) {
  return (
    <g fontSize={12} fill={CHART_COLORS.axis}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke={CHART_COLORS.grid} />
          <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end">
            {formatAmount(t, chart.unit)}
          </text>
        </g>
      ))}
      <line
        x1={MARGIN.left}
        x2={WIDTH - MARGIN.right}
        y1={MARGIN.top + PLOT_H}
        y2={MARGIN.top + PLOT_H}
        stroke={CHART_COLORS.axis}
      />
    </g>
  );
}

function XLabel({ x, label }: { x: number; label: string }) {
  const y = MARGIN.top + PLOT_H + 14;
  return (
    <text
      x={x}
      y={y}
      fontSize={12}
      fill={CHART_COLORS.axis}
      textAnchor="end"
      transform={`rotate(-35 ${x} ${y})`}
    >
      {shortLabel(label)}
    </text>
  );
}

/** The drawing: value axis and grid for `chart`, then what `draw` puts on them. */
function Plot({
  chart,
  fromZero,
  draw,
}: {
  chart: AnalysisChart;
  fromZero: boolean;
  draw: (y: (v: number) => number) => ReactNode;
}) {
  const { ticks, y } = valueScale(
    chart.points.map((p) => p.value),
    fromZero,
  );
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      className="analysis-chart"
      aria-hidden="true"
      focusable="false"
    >
      <Axes chart={chart} ticks={ticks} y={y} />
      {draw(y)}
    </svg>
  );
}

/** A line through `points` ([x, y]) with a dot on each. */
function Trace({ points, color, dot }: { points: [number, number][]; color: string; dot: number }) {
  return (
    <g fill={color}>
      <polyline
        points={points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}
        fill="none"
        stroke={color}
        strokeWidth={2}
        strokeLinejoin="round"
      />
      {points.map(([x, y]) => (
        <circle key={x} cx={x} cy={y} r={dot} />
      ))}
    </g>
  );
}

function Bars({ chart }: { chart: AnalysisChart }) {
  const band = PLOT_W / chart.points.length;
  const x = (i: number) => MARGIN.left + band * (i + 0.5);
  const shares = chart.kind === 'pareto' ? cumulativeShares(chart.points) : null;
  const shareY = (s: number) => MARGIN.top + PLOT_H * (1 - s);
  const draw = (y: (v: number) => number) => (
    <>
      {chart.points.map((p, i) => (
        <g key={p.label}>
          <rect
            x={x(i) - band * 0.35}
            width={band * 0.7}
            y={Math.min(y(p.value), y(0))}
            height={Math.abs(y(0) - y(p.value))}
            fill={CHART_COLORS.minutes}
          />
          <XLabel x={x(i) + 4} label={p.label} />
        </g>
      ))}
      {shares ? (
        <>
          <Trace points={shares.map((s, i) => [x(i), shareY(s)])} color={CHART_COLORS.cumulative} dot={3} />
          {[0, 0.5, 1].map((s) => (
            <text
              key={s}
              x={WIDTH - MARGIN.right + 6}
              y={shareY(s) + 4}
              fontSize={12}
              fill={CHART_COLORS.cumulative}
            >
              {s * 100} %
            </text>
          ))}
        </>
      ) : null}
    </>
  );
  return <Plot chart={chart} fromZero draw={draw} />;
}

function Line({ chart }: { chart: AnalysisChart }) {
  const n = chart.points.length;
  const x = (i: number) => MARGIN.left + (n === 1 ? PLOT_W / 2 : (PLOT_W * i) / (n - 1));
  const every = Math.max(1, Math.ceil(n / LINE_LABELS));
  const draw = (y: (v: number) => number) => (
    <>
      <Trace points={chart.points.map((p, i) => [x(i), y(p.value)])} color={CHART_COLORS.oee} dot={2.5} />
      {chart.points.map((p, i) =>
        i % every === 0 || i === n - 1 ? <XLabel key={p.label} x={x(i) + 4} label={p.label} /> : null,
      )}
    </>
  );
  return <Plot chart={chart} fromZero={false} draw={draw} />;
}

function summaryOf(chart: AnalysisChart): string {
  const { points, unit } = chart;
  const at = (p: Point) => `${p.label} (${formatAmount(p.value, unit)})`;
  if (chart.kind === 'line') {
    const first = points[0] as Point;
    const last = points.at(-1) as Point;
    const high = points.reduce((a, b) => (b.value > a.value ? b : a));
    const low = points.reduce((a, b) => (b.value < a.value ? b : a));
    return `${points.length} points from ${at(first)} to ${at(last)}; highest ${at(high)}, lowest ${at(low)}.`;
  }
  const sorted = [...points].sort((a, b) => b.value - a.value);
  const text = `${points.length} shown; highest ${at(sorted[0] as Point)}, lowest ${at(sorted.at(-1) as Point)}.`;
  if (chart.kind !== 'pareto') return text;
  const few = cumulativeShares(points).findIndex((s) => s >= 0.8) + 1;
  return `${text} The first ${few} make up at least 80 % of the total shown.`;
}

function ChartTable({ chart }: { chart: AnalysisChart }) {
  const shares = chart.kind === 'pareto' ? cumulativeShares(chart.points) : null;
  const total = chart.points.reduce((sum, p) => sum + Math.max(0, p.value), 0) || 1;
  return (
    <DataTable
      columns={shares ? [ENTRY, 'Value', 'Share', 'Cumulative'] : [ENTRY, 'Value']}
      dense
      caption={`${chart.title}: the values`}
    >
      {chart.points.map((p, i) => (
        <tr key={p.label}>
          <th scope="row">{p.label}</th>
          <td className="cell-number">{formatAmount(p.value, chart.unit)}</td>
          {shares ? (
            <>
              <td className="cell-number">{formatNumber((100 * Math.max(0, p.value)) / total)} %</td>
              <td className="cell-number">{formatNumber(100 * (shares[i] as number))} %</td>
            </>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}

function AnalysisChartCard({ chart }: { chart: AnalysisChart }) {
  return (
    <ChartCard
      id={`chart-${chart.id.replace(/[^\w-]/g, '-')}`}
      title={chart.title}
      summary={summaryOf(chart)}
      level={3}
      chart={chart.kind === 'line' ? <Line chart={chart} /> : <Bars chart={chart} />}
      table={<ChartTable chart={chart} />}
    />
  );
}

/** The charts of one analyzer that have something to draw. */
export function AnalysisCharts({ charts }: { charts: readonly AnalysisChart[] }) {
  const drawn = charts.filter((chart) => chart.points.length > 0);
  if (drawn.length === 0) return null;
  return (
    <div className="analysis-charts">
      {drawn.map((chart) => (
        <AnalysisChartCard key={chart.id} chart={chart} />
      ))}
    </div>
  );
}
