// A sensor's chart card: range presets, zoom by drag or wheel (each new range read again at a width
// that fits it), and live readings added while the view reaches the present.
import { useMemo, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { ExportMenu } from '../components/ExportMenu';
import { useDebounced } from '../debounce';
import type { PushedEvent } from '../realtime';
import type { Alarm, Sensor } from './api';
import { formatInstant, formatSpan, formatWidth } from './format';
import { readingsOf, useAlarms, useSensorsLive, useSeries } from './hooks';
import { type ChartPoint, MIN_SPAN_MS, pointsOf, TimeSeriesChart } from './TimeSeriesChart';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
export const PRESETS = [
  { label: '1 h', span: HOUR },
  { label: '24 h', span: DAY },
  { label: '7 d', span: 7 * DAY },
  { label: '30 d', span: 30 * DAY },
] as const;
/** Furthest back a zoom out reaches. */
const MAX_SPAN_MS = 400 * DAY;
/** Live points kept in memory at most (the oldest go first). */
const MAX_LIVE_POINTS = 20_000;

/** The span shown; `live` views follow the newest readings. */
interface View {
  from: number;
  to: number;
  live: boolean;
}

const presetView = (span: number): View => {
  const to = Date.now();
  return { from: to - span, to, live: true };
};

/** An instant rounded to the second, for query keys that repeat. */
const iso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString();

export function SensorChart({ sensor, activeAlarms }: { sensor: Sensor; activeAlarms: readonly Alarm[] }) {
  const [view, setView] = useState<View>(() => presetView(DAY));
  const [live, setLive] = useState<{ t: number; value: number }[]>([]);
  // Wheel turns come in bursts: read the range once they settle.
  const queried = useDebounced(view, 250);
  const query = { from: iso(queried.from), to: iso(queried.to) };
  const series = useSeries(sensor.id, query);
  const alarms = useAlarms({
    status: '',
    severity: '',
    sensorId: sensor.id,
    from: query.from,
    ...(queried.live ? {} : { to: query.to }),
    limit: 200,
    offset: 0,
  });

  useSensorsLive([sensor.id], (event: PushedEvent) => {
    const reading = readingsOf(event).get(sensor.id);
    if (!reading) return;
    const t = Date.parse(reading.ts);
    setLive((current) => {
      const last = current[current.length - 1];
      if (last && last.t >= t) return current;
      const next = [...current, { t, value: reading.value }];
      return next.length > MAX_LIVE_POINTS ? next.slice(next.length - MAX_LIVE_POINTS) : next;
    });
  });

  const data = series.data;
  const points = useMemo(() => {
    if (!data) return [];
    const stored = pointsOf(data.buckets, data.widthSeconds);
    const end = Date.parse(data.to);
    const lastStored = stored.length > 0 ? (stored[stored.length - 1] as ChartPoint).t : 0;
    const tail: ChartPoint[] = live
      .filter((p) => p.t >= end && p.t > lastStored)
      .map((p) => ({ t: p.t, min: p.value, avg: p.value, max: p.value, count: 1 }));
    return tail.length > 0 ? [...stored, ...tail] : stored;
  }, [data, live]);

  const newest = points.length > 0 ? (points[points.length - 1] as ChartPoint).t : view.to;
  const span = view.to - view.from;
  // A live view slides with the newest reading; a zoomed one stays where it was put.
  const end = view.live ? Math.max(view.to, newest) : view.to;
  const domain = [end - span, end] as const;
  const gapMs = 3 * Math.max(data?.widthSeconds ?? 0, sensor.samplingSeconds ?? 0, 1) * 1000;

  const zoomTo = (from: number, to: number) => {
    let next = { from, to };
    const width = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, to - from));
    if (width !== to - from) {
      const middle = (from + to) / 2;
      next = { from: middle - width / 2, to: middle + width / 2 };
    }
    // Nothing lies ahead of the newest reading: a view reaching past it follows live.
    const reachesPresent = next.to >= Math.max(newest, Date.now() - 2 * gapMs);
    if (reachesPresent) next = { from: Math.max(next.from, Date.now() - width), to: Date.now() };
    setView({ ...next, live: reachesPresent });
  };
  const zoomBy = (factor: number) => {
    const middle = (domain[0] + domain[1]) / 2;
    const width = span * factor;
    zoomTo(middle - width / 2, middle + width / 2);
  };
  const preset = PRESETS.find((p) => view.live && Math.abs(p.span - span) < 1000);

  const chartAlarms = useMemo(() => {
    const byId = new Map<string, Alarm>();
    for (const alarm of [...(alarms.data?.items ?? []), ...activeAlarms]) byId.set(alarm.id, alarm);
    return [...byId.values()];
  }, [alarms.data, activeAlarms]);

  return (
    <section
      className="card chart-card"
      aria-labelledby="sensor-chart-heading"
      data-testid="sensor-chart-card"
    >
      <div className="chart-header">
        <h2 id="sensor-chart-heading">Readings</h2>
        <div className="chart-controls">
          <fieldset className="range-presets">
            <legend className="visually-hidden">Range</legend>
            {PRESETS.map((p) => (
              <label key={p.label} className={preset === p ? 'range-preset is-selected' : 'range-preset'}>
                <input
                  type="radio"
                  name="sensor-range"
                  value={p.label}
                  checked={preset === p}
                  onChange={() => setView(presetView(p.span))}
                />
                {p.label}
              </label>
            ))}
          </fieldset>
          <div className="zoom-buttons">
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => zoomBy(0.5)}
            >
              Zoom in
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => zoomBy(2)}>
              Zoom out
            </button>
            {view.live ? null : (
              <button type="button" className="button button-small" onClick={() => setView(presetView(span))}>
                Follow live
              </button>
            )}
          </div>
        </div>
      </div>
      <p className="chart-summary" data-testid="sensor-chart-summary" aria-live="polite">
        {view.live ? 'Live · ' : ''}
        {formatSpan(span)} from {formatInstant(domain[0])} to {view.live ? 'now' : formatInstant(domain[1])}
        {data ? ` · ${formatWidth(data.widthSeconds)} buckets, ${data.buckets.length} stored` : ''}
        {series.isFetching ? ' · loading…' : ''}
      </p>
      <ExportMenu
        path={`/api/v1/plant-ops/sensors/${encodeURIComponent(sensor.id)}/readings/export`}
        params={{ from: query.from, ...(queried.live ? {} : { to: query.to }) }}
        formats={['csv', 'xlsx']}
        what={`the raw readings of ${sensor.key} in this range`}
      />
      {series.isError ? <ErrorNotice error={series.error} title="Could not load the readings" /> : null}
      {alarms.isError ? (
        <ErrorNotice error={alarms.error} title="Could not load the alarms of this range" />
      ) : null}
      {series.isPending ? <p className="state-message">Loading the readings…</p> : null}
      {data ? (
        <TimeSeriesChart
          points={points}
          domain={domain}
          gapMs={gapMs}
          unit={sensor.unit}
          limits={{
            lowerSpec: sensor.lowerSpec,
            upperSpec: sensor.upperSpec,
            target: sensor.target,
            control: sensor.controlLimits,
          }}
          alarms={chartAlarms}
          label={sensor.name}
          onZoom={zoomTo}
        />
      ) : null}
      <ul className="chart-legend" aria-label="Legend">
        <li>
          <span className="legend-swatch legend-band" aria-hidden="true" /> min – max per bucket
        </li>
        <li>
          <span className="legend-swatch legend-mean" aria-hidden="true" /> mean
        </li>
        <li>
          <span className="legend-swatch legend-spec" aria-hidden="true" /> spec limits (LSL, USL)
        </li>
        <li>
          <span className="legend-swatch legend-control" aria-hidden="true" /> control lines (CL ± 3σ)
        </li>
        <li>
          <span className="legend-swatch legend-alarm" aria-hidden="true" /> alarm opened
        </li>
      </ul>
      <p className="field-hint">
        Drag across the chart to zoom into a span, or turn the mouse wheel over it.
      </p>
    </section>
  );
}
