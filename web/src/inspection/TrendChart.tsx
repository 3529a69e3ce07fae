// Parts per day or shift as inline SVG: passed and failed parts stacked, the reject rate as a line on
// its own 0–100 % axis (only where parts were inspected), with its summary in words and data table.
import { DataTable } from '../components/DataTable';
import { CHART_COLORS, ChartCard } from '../plant/ChartCard';
import { valueTicks } from '../telemetry/format';
import type { Statistics } from './api';
import { formatCount, formatShare } from './format';

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 52, bottom: 64, left: 48 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
/** Labels along the time axis, at most. */
const LABELS = 10;
const COLOURS = { passed: CHART_COLORS.minutes, failed: CHART_COLORS.cumulative, rate: '#0f172a' };

type Bucket = Statistics['series'][number];

function bucketLabel(start: string, shift: boolean) {
  return new Date(start).toLocaleString(
    undefined,
    shift
      ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short' },
  );
}

function summaryOf(series: readonly Bucket[], shift: boolean): string {
  const parts = series.reduce((n, b) => n + b.triggers, 0);
  const failed = series.reduce((n, b) => n + b.failed, 0);
  const per = shift ? 'shift' : 'day';
  if (parts === 0) return `No parts in these ${series.length} ${per}s.`;
  const worst = series
    .filter((b) => b.triggers > 0)
    .reduce((a, b) => (b.failed / b.triggers > a.failed / a.triggers ? b : a));
  return (
    `${formatCount(parts)} parts over ${series.length} ${per}s, ${formatCount(failed)} failed (${formatShare(failed / parts)}). ` +
    `Highest reject rate: ${bucketLabel(worst.start, shift)}, ${formatShare(worst.failed / worst.triggers)} of ${formatCount(worst.triggers)} parts.`
  );
}

function Drawing({ series, shift }: { series: readonly Bucket[]; shift: boolean }) {
  const most = Math.max(1, ...series.map((b) => b.triggers));
  const ticks = valueTicks(0, most, 4);
  const step = (ticks[1] ?? most) - (ticks[0] ?? 0) || most;
  // The top tick at or above the tallest bar.
  while ((ticks.at(-1) ?? 0) < most) ticks.push((ticks.at(-1) ?? 0) + step);
  const top = ticks.at(-1) ?? most;
  const y = (v: number) => MARGIN.top + PLOT_H * (1 - v / top);
  const rateY = (r: number) => MARGIN.top + PLOT_H * (1 - r);
  const band = PLOT_W / series.length;
  const x = (i: number) => MARGIN.left + band * (i + 0.5);
  const every = Math.max(1, Math.ceil(series.length / LABELS));
  const rates = series.flatMap((b, i) =>
    b.triggers > 0 ? [[x(i), rateY(b.failed / b.triggers)] as const] : [],
  );
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" aria-hidden="true" focusable="false">
      <g fontSize={12} fill={CHART_COLORS.axis}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke={CHART_COLORS.grid} />
            <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {[0, 0.5, 1].map((r) => (
          <text key={r} x={WIDTH - MARGIN.right + 6} y={rateY(r) + 4}>
            {r * 100} %
          </text>
        ))}
      </g>
      {series.map((b, i) => (
        <g key={b.start}>
          <rect
            x={x(i) - band * 0.35}
            width={band * 0.7}
            y={y(b.triggers)}
            height={y(0) - y(b.triggers)}
            fill={COLOURS.passed}
          />
          <rect
            x={x(i) - band * 0.35}
            width={band * 0.7}
            y={y(b.failed)}
            height={y(0) - y(b.failed)}
            fill={COLOURS.failed}
          />
          {i % every === 0 || i === series.length - 1 ? (
            <text
              x={x(i) + 4}
              y={MARGIN.top + PLOT_H + 14}
              fontSize={12}
              fill={CHART_COLORS.axis}
              textAnchor="end"
              transform={`rotate(-35 ${x(i) + 4} ${MARGIN.top + PLOT_H + 14})`}
            >
              {bucketLabel(b.start, shift)}
            </text>
          ) : null}
        </g>
      ))}
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke={CHART_COLORS.axis} />
      <polyline
        points={rates.map(([px, py]) => `${px},${py}`).join(' ')}
        fill="none"
        stroke={COLOURS.rate}
        strokeWidth={2}
      />
      {rates.map(([px, py]) => (
        <circle key={px} cx={px} cy={py} r={3} fill={COLOURS.rate} />
      ))}
    </svg>
  );
}

export function TrendChart({ statistics }: { statistics: Statistics }) {
  const shift = statistics.period.bucket === 'shift';
  const series = statistics.series;
  const parts = series.reduce((n, b) => n + b.triggers, 0);
  return (
    <ChartCard
      id="inspection-trend"
      title={`Parts and reject rate per ${shift ? 'shift' : 'day'}`}
      summary={summaryOf(series, shift)}
      level={3}
      empty={parts === 0 ? 'No parts were inspected in this period.' : null}
      chart={
        <>
          <Drawing series={series} shift={shift} />
          <p className="trend-legend">
            <span className="legend-passed">Passed parts</span>
            <span className="legend-failed">Failed parts</span>
            <span className="legend-rate">Reject rate (right axis)</span>
          </p>
        </>
      }
      table={
        <DataTable
          columns={[shift ? 'Shift' : 'Day', 'Parts', 'Failed', 'Reject rate', 'Defects']}
          dense
          caption="Parts per period"
        >
          {series
            .filter((b) => b.triggers > 0 || b.defects > 0)
            .map((b) => (
              <tr key={b.start}>
                <th scope="row">{bucketLabel(b.start, shift)}</th>
                <td className="cell-number">{formatCount(b.triggers)}</td>
                <td className="cell-number">{formatCount(b.failed)}</td>
                <td className="cell-number">{b.triggers > 0 ? formatShare(b.failed / b.triggers) : '—'}</td>
                <td className="cell-number">{formatCount(b.defects)}</td>
              </tr>
            ))}
        </DataTable>
      }
    />
  );
}
