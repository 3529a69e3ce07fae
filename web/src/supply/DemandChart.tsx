// A SKU's demand per day, week or month as inline SVG bars (promotions marked), followed by its
// forecast: the mean as a line inside its prediction interval band, with its summary in words and
// a data table (see ChartCard).
import { DataTable } from '../components/DataTable';
import { formatDate } from '../format';
import { CHART_COLORS, ChartCard } from '../plant/ChartCard';
import { valueTicks } from '../telemetry/format';
import type { Bucket, DemandPoint } from './api';
import { formatLevel, formatQuantity, methodName } from './format';
import { dayNumber, type ForecastPoint, isoOfDay } from './series';

const WIDTH = 900;
const HEIGHT = 300;
const MARGIN = { top: 20, right: 16, bottom: 56, left: 56 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const LABELS = 10;
/** History shown before the forecast, in buckets. */
export const HISTORY_WINDOW: Record<Bucket, number> = { day: 90, week: 52, month: 24 };
export const COLOURS = {
  demand: CHART_COLORS.minutes,
  promotion: '#b45309',
  forecast: '#7c3aed',
  band: '#ddd6fe',
};

export interface ChartForecast {
  points: ForecastPoint[];
  method: string;
  level: number;
  /** The forecast was made per another bucket: its interval is rescaled, approximately. */
  rescaledFrom: Bucket | null;
}

interface Slot {
  start: number;
  demand?: DemandPoint;
  forecast?: ForecastPoint;
}

function slotsOf(history: readonly DemandPoint[], forecast: readonly ForecastPoint[]): Slot[] {
  const byStart = new Map<number, Slot>();
  for (const point of history)
    byStart.set(dayNumber(point.start), { start: dayNumber(point.start), demand: point });
  for (const point of forecast) {
    const slot = byStart.get(point.start) ?? { start: point.start };
    byStart.set(point.start, { ...slot, forecast: point });
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

const label = (start: number, bucket: Bucket) =>
  new Date(`${isoOfDay(start)}T00:00:00`).toLocaleDateString(
    undefined,
    bucket === 'month' ? { month: 'short', year: '2-digit' } : { day: 'numeric', month: 'short' },
  );

function Drawing({ slots, bucket }: { slots: readonly Slot[]; bucket: Bucket }) {
  const most = Math.max(1, ...slots.map((s) => Math.max(s.demand?.quantity ?? 0, s.forecast?.upper ?? 0)));
  const ticks = valueTicks(0, most, 4);
  const step = (ticks[1] ?? most) - (ticks[0] ?? 0) || most;
  while ((ticks.at(-1) ?? 0) < most) ticks.push((ticks.at(-1) ?? 0) + step);
  const top = ticks.at(-1) ?? most;
  const y = (v: number) => MARGIN.top + PLOT_H * (1 - Math.max(0, v) / top);
  const band = PLOT_W / Math.max(1, slots.length);
  const x = (i: number) => MARGIN.left + band * (i + 0.5);
  const every = Math.max(1, Math.ceil(slots.length / LABELS));
  const ahead = slots.flatMap((s, i) => (s.forecast ? [{ i, f: s.forecast }] : []));
  const firstAhead = ahead[0]?.i;
  const area =
    ahead.length > 0
      ? [
          ...ahead.map(({ i, f }) => `${x(i)},${y(f.upper)}`),
          ...ahead.toReversed().map(({ i, f }) => `${x(i)},${y(f.lower)}`),
        ].join(' ')
      : '';
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" aria-hidden="true" focusable="false">
      <g fontSize={12} fill={CHART_COLORS.axis}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke={CHART_COLORS.grid} />
            <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end">
              {formatQuantity(t)}
            </text>
          </g>
        ))}
      </g>
      {firstAhead !== undefined ? (
        <line
          x1={x(firstAhead) - band / 2}
          x2={x(firstAhead) - band / 2}
          y1={MARGIN.top}
          y2={MARGIN.top + PLOT_H}
          stroke={CHART_COLORS.axis}
          strokeDasharray="4 3"
        />
      ) : null}
      {area ? <polygon points={area} fill={COLOURS.band} stroke="none" /> : null}
      {slots.map((s, i) => (
        <g key={s.start}>
          {s.demand ? (
            <rect
              x={x(i) - band * 0.4}
              width={band * 0.8}
              y={y(s.demand.quantity)}
              height={y(0) - y(s.demand.quantity)}
              fill={s.demand.promotion ? COLOURS.promotion : COLOURS.demand}
            />
          ) : null}
          {s.demand?.promotion ? (
            <path d={`M${x(i)} ${y(s.demand.quantity) - 3}l-4 -7h8z`} fill={COLOURS.promotion} />
          ) : null}
          {i % every === 0 ? (
            <text
              x={x(i) + 4}
              y={MARGIN.top + PLOT_H + 14}
              fontSize={12}
              fill={CHART_COLORS.axis}
              textAnchor="end"
              transform={`rotate(-35 ${x(i) + 4} ${MARGIN.top + PLOT_H + 14})`}
            >
              {label(s.start, bucket)}
            </text>
          ) : null}
        </g>
      ))}
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke={CHART_COLORS.axis} />
      <polyline
        points={ahead.map(({ i, f }) => `${x(i)},${y(f.mean)}`).join(' ')}
        fill="none"
        stroke={COLOURS.forecast}
        strokeWidth={2}
      />
      {ahead.map(({ i, f }) => (
        <circle key={i} cx={x(i)} cy={y(f.mean)} r={2.5} fill={COLOURS.forecast} />
      ))}
    </svg>
  );
}

function summaryOf(history: readonly DemandPoint[], bucket: Bucket, forecast: ChartForecast | null) {
  const total = history.reduce((sum, p) => sum + p.quantity, 0);
  const promotions = history.filter((p) => p.promotion).length;
  const past =
    history.length === 0
      ? 'No demand history.'
      : `Demand over the last ${history.length} ${bucket}s: ${formatQuantity(total)} units` +
        (promotions > 0 ? `, ${promotions} ${bucket}s with a promotion.` : '.');
  if (!forecast || forecast.points.length === 0) return `${past} No forecast yet.`;
  const ahead = forecast.points.reduce((sum, p) => sum + p.mean, 0);
  return (
    `${past} Forecast for the next ${forecast.points.length} ${bucket}s: ${formatQuantity(Math.round(ahead))} units ` +
    `(${methodName(forecast.method)}), with its ${formatLevel(forecast.level)} prediction interval per ${bucket}` +
    (forecast.rescaledFrom
      ? ` (made per ${forecast.rescaledFrom}: the interval is rescaled, approximately).`
      : '.')
  );
}

export function DemandChart({
  history,
  bucket,
  forecast,
}: {
  history: readonly DemandPoint[];
  bucket: Bucket;
  forecast: ChartForecast | null;
}) {
  const shown = history.slice(-HISTORY_WINDOW[bucket]);
  const slots = slotsOf(shown, forecast?.points ?? []);
  return (
    <ChartCard
      id="demand-chart"
      title={`Demand per ${bucket} and forecast`}
      summary={summaryOf(shown, bucket, forecast)}
      empty={slots.length === 0 ? 'No demand history and no forecast for this SKU yet.' : null}
      chart={
        <>
          <Drawing slots={slots} bucket={bucket} />
          <p className="supply-legend">
            <span className="legend-demand">Demand</span>
            <span className="legend-promotion">Demand with a promotion (marked ▼)</span>
            <span className="legend-forecast">Forecast</span>
            <span className="legend-band">Prediction interval</span>
          </p>
        </>
      }
      table={
        <DataTable
          columns={['Period starting', 'Demand', 'Promotion', 'Forecast', 'Lower', 'Upper']}
          dense
          caption="Demand and forecast per period"
        >
          {slots.map((s) => (
            <tr key={s.start}>
              <th scope="row">{formatDate(isoOfDay(s.start))}</th>
              <td className="cell-number">{s.demand ? formatQuantity(s.demand.quantity) : '—'}</td>
              <td>{s.demand?.promotion ? 'yes' : ''}</td>
              <td className="cell-number">{s.forecast ? formatQuantity(round1(s.forecast.mean)) : '—'}</td>
              <td className="cell-number">{s.forecast ? formatQuantity(round1(s.forecast.lower)) : '—'}</td>
              <td className="cell-number">{s.forecast ? formatQuantity(round1(s.forecast.upper)) : '—'}</td>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}

const round1 = (v: number) => Math.round(v * 10) / 10;
