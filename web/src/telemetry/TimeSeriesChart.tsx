// A sensor's readings over time as SVG: the min–max band and mean of each bucket, the spec limits,
// target and SPC control lines (center ± 3σ), and alarms marked where they opened. Drag across the
// plot to zoom into that span, or turn the mouse wheel over it to zoom around the pointer; the page
// re-reads the new range at a width that fits it.
import { type PointerEvent, useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import type { Alarm, Bucket } from './api';
import { formatInstant, formatTick, formatValue, ruleLabel, timeTicks, valueTicks } from './format';

export interface ChartPoint {
  /** Middle of the bucket (or the reading's time), epoch ms. */
  t: number;
  min: number;
  avg: number;
  max: number;
  count: number;
}

export interface ChartLimits {
  lowerSpec: number | null;
  upperSpec: number | null;
  target: number | null;
  control: { center: number; sigma: number } | null;
}

const HEIGHT = 340;
const MARGIN = { top: 14, right: 18, bottom: 30, left: 64 };
/** Narrowest span a zoom may reach. */
export const MIN_SPAN_MS = 60_000;
const WHEEL_STEP = 0.8;

/** The buckets of a series as chart points, at the middle of each bucket. */
export function pointsOf(buckets: readonly Bucket[], widthSeconds: number | null): ChartPoint[] {
  const half = ((widthSeconds ?? 0) * 1000) / 2;
  return buckets.map((b) => ({
    t: Date.parse(b.t) + half,
    min: b.min,
    avg: b.avg,
    max: b.max,
    count: b.count,
  }));
}

/** Runs of points without a gap longer than `gapMs` between neighbours. */
function segmentsOf(points: readonly ChartPoint[], gapMs: number): ChartPoint[][] {
  const segments: ChartPoint[][] = [];
  let current: ChartPoint[] = [];
  let previous: ChartPoint | undefined;
  for (const p of points) {
    if (previous && p.t - previous.t > gapMs) {
      segments.push(current);
      current = [];
    }
    current.push(p);
    previous = p;
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

/** The index of the point nearest to `t` in points sorted by time. */
function nearest(points: readonly ChartPoint[], t: number): number {
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as ChartPoint).t < t) lo = mid;
    else hi = mid;
  }
  const a = points[lo] as ChartPoint;
  const b = points[hi] as ChartPoint;
  return Math.abs(a.t - t) <= Math.abs(b.t - t) ? lo : hi;
}

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(320, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

interface LimitLine {
  key: string;
  value: number;
  label: string;
  className: string;
  /** Labelled at the left end (the center and target lines, which often lie close together). */
  left?: boolean;
}

function limitLines(limits: ChartLimits): LimitLine[] {
  const lines: LimitLine[] = [];
  const { lowerSpec, upperSpec, target, control } = limits;
  if (upperSpec !== null) lines.push({ key: 'usl', value: upperSpec, label: 'USL', className: 'chart-spec' });
  if (lowerSpec !== null) lines.push({ key: 'lsl', value: lowerSpec, label: 'LSL', className: 'chart-spec' });
  if (target !== null)
    lines.push({ key: 'target', value: target, label: 'Target', className: 'chart-target', left: true });
  if (control) {
    const { center, sigma } = control;
    lines.push({ key: 'cl', value: center, label: 'CL', className: 'chart-center' });
    lines.push({ key: 'ucl', value: center + 3 * sigma, label: 'UCL', className: 'chart-control' });
    lines.push({ key: 'lcl', value: center - 3 * sigma, label: 'LCL', className: 'chart-control' });
  }
  return lines;
}

export function TimeSeriesChart({
  points,
  domain,
  gapMs,
  unit,
  limits,
  alarms,
  label,
  onZoom,
}: {
  /** Sorted by time. */
  points: readonly ChartPoint[];
  /** The time span shown, epoch ms. */
  domain: readonly [number, number];
  /** A longer gap between neighbouring points breaks the line (no readings then). */
  gapMs: number;
  unit: string | null;
  limits: ChartLimits;
  alarms: readonly Alarm[];
  /** What the chart shows, for screen readers ("Fill weight"). */
  label: string;
  /** The user picked a new span (drag or wheel). */
  onZoom: (from: number, to: number) => void;
}) {
  const [containerRef, width] = useWidth<HTMLDivElement>();
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const clipId = `ts-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const [from, to] = domain;
  const plotLeft = MARGIN.left;
  const plotRight = width - MARGIN.right;
  const plotTop = MARGIN.top;
  const plotBottom = HEIGHT - MARGIN.bottom;
  const span = Math.max(1, to - from);

  const visible = useMemo(() => points.filter((p) => p.t >= from && p.t <= to), [points, from, to]);
  const lines = limitLines(limits);

  const [yMin, yMax] = useMemo(() => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const p of visible) {
      lo = Math.min(lo, p.min);
      hi = Math.max(hi, p.max);
    }
    for (const line of lines) {
      lo = Math.min(lo, line.value);
      hi = Math.max(hi, line.value);
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
    if (hi === lo) return [lo - 1, hi + 1];
    const pad = (hi - lo) * 0.06;
    return [lo - pad, hi + pad];
  }, [visible, lines]);

  const x = (t: number) => plotLeft + ((t - from) / span) * (plotRight - plotLeft);
  const y = (v: number) => plotBottom - ((v - yMin) / (yMax - yMin)) * (plotBottom - plotTop);
  const timeAt = (px: number) => from + ((px - plotLeft) / (plotRight - plotLeft)) * span;

  const segments = useMemo(() => segmentsOf(visible, gapMs), [visible, gapMs]);
  // Few points are each drawn; among many, only those standing alone between gaps.
  const dots = visible.length <= 240 ? visible : segments.filter((s) => s.length === 1).flat();

  const bandPath = segments
    .filter((s) => s.length > 1)
    .map((s) => {
      const top = s.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.max).toFixed(1)}`);
      const bottom = [...s].reverse().map((p) => `L${x(p.t).toFixed(1)},${y(p.min).toFixed(1)}`);
      return `${top.join('')}${bottom.join('')}Z`;
    })
    .join('');
  const meanPath = segments
    .map((s) => s.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.avg).toFixed(1)}`).join(''))
    .join('');

  const xTicks = timeTicks(from, to, Math.max(2, Math.floor((plotRight - plotLeft) / 110)));
  const yTicks = valueTicks(yMin, yMax, 6).filter((v) => v >= yMin && v <= yMax);
  const shownAlarms = alarms.filter((a) => {
    const t = Date.parse(a.openedAt);
    return t >= from && t <= to;
  });

  // The mouse wheel zooms around the pointer; the listener is not passive, so the page does not scroll.
  const wheel = useEffectEvent((event: WheelEvent) => {
    const svg = svgRef.current;
    if (!svg) return;
    const px = event.clientX - svg.getBoundingClientRect().left;
    if (px < plotLeft || px > plotRight) return;
    event.preventDefault();
    const factor = event.deltaY < 0 ? WHEEL_STEP : 1 / WHEEL_STEP;
    const at = timeAt(px);
    const nextSpan = Math.max(MIN_SPAN_MS, span * factor);
    const share = (at - from) / span;
    onZoom(at - share * nextSpan, at + (1 - share) * nextSpan);
  });
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const listener = (event: WheelEvent) => wheel(event);
    svg.addEventListener('wheel', listener, { passive: false });
    return () => svg.removeEventListener('wheel', listener);
  }, []);

  const localX = (event: PointerEvent<SVGRectElement>) =>
    Math.min(
      plotRight,
      Math.max(plotLeft, event.clientX - event.currentTarget.getBoundingClientRect().left + plotLeft),
    );

  const onPointerDown = (event: PointerEvent<SVGRectElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const px = localX(event);
    setDrag({ x0: px, x1: px });
  };
  const onPointerMove = (event: PointerEvent<SVGRectElement>) => {
    const px = localX(event);
    if (drag) setDrag({ ...drag, x1: px });
    else setHover(visible.length > 0 ? nearest(visible, timeAt(px)) : null);
  };
  const onPointerUp = () => {
    if (!drag) return;
    const [a, b] = [Math.min(drag.x0, drag.x1), Math.max(drag.x0, drag.x1)];
    setDrag(null);
    if (b - a < 6) return;
    const t0 = timeAt(a);
    const t1 = timeAt(b);
    if (t1 - t0 < MIN_SPAN_MS) {
      const middle = (t0 + t1) / 2;
      onZoom(middle - MIN_SPAN_MS / 2, middle + MIN_SPAN_MS / 2);
    } else onZoom(t0, t1);
  };

  const hovered = hover !== null ? visible[hover] : undefined;
  const summary = visible.length
    ? `${label} from ${formatInstant(from)} to ${formatInstant(to)}: ${visible.length} points, lowest ${formatValue(
        Math.min(...visible.map((p) => p.min)),
        unit,
      )}, highest ${formatValue(Math.max(...visible.map((p) => p.max)), unit)}; ${shownAlarms.length} alarm${
        shownAlarms.length === 1 ? '' : 's'
      } opened in this span.`
    : `${label}: no readings from ${formatInstant(from)} to ${formatInstant(to)}.`;

  return (
    <div className="ts-chart" ref={containerRef}>
      <svg
        ref={svgRef}
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        data-testid="sensor-chart"
        data-points={visible.length}
        data-from={from}
        data-to={to}
        className={drag ? 'is-dragging' : undefined}
      >
        <defs>
          <clipPath id={clipId}>
            <rect x={plotLeft} y={plotTop} width={plotRight - plotLeft} height={plotBottom - plotTop} />
          </clipPath>
        </defs>
        <g className="chart-grid">
          {yTicks.map((v) => (
            <g key={`y${v}`}>
              <line x1={plotLeft} x2={plotRight} y1={y(v)} y2={y(v)} />
              <text x={plotLeft - 8} y={y(v)} dy="0.32em" textAnchor="end" className="chart-tick">
                {formatValue(v)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <g key={`x${t}`}>
              <line x1={x(t)} x2={x(t)} y1={plotTop} y2={plotBottom} />
              <text x={x(t)} y={plotBottom + 18} textAnchor="middle" className="chart-tick">
                {formatTick(t, span)}
              </text>
            </g>
          ))}
          <line className="chart-axis" x1={plotLeft} x2={plotRight} y1={plotBottom} y2={plotBottom} />
          {unit ? (
            <text x={plotLeft - 8} y={plotTop - 2} textAnchor="end" className="chart-tick chart-unit">
              {unit}
            </text>
          ) : null}
        </g>
        <g clipPath={`url(#${clipId})`}>
          {lines.map((line) => (
            <g key={line.key} className={line.className} data-testid={`chart-line-${line.key}`}>
              <line x1={plotLeft} x2={plotRight} y1={y(line.value)} y2={y(line.value)} />
              <text
                x={line.left ? plotLeft + 4 : plotRight - 4}
                y={y(line.value) - 4}
                textAnchor={line.left ? 'start' : 'end'}
                className="chart-line-label"
              >
                {line.label} {formatValue(line.value)}
              </text>
            </g>
          ))}
          <path className="chart-band" d={bandPath} />
          <path className="chart-mean" d={meanPath} data-testid="chart-mean" />
          {dots.map((p) => (
            <circle key={p.t} className="chart-dot" cx={x(p.t)} cy={y(p.avg)} r={2} />
          ))}
          {shownAlarms.map((alarm) => {
            const ax = x(Date.parse(alarm.openedAt));
            return (
              <g
                key={alarm.id}
                className={`chart-alarm chart-alarm-${alarm.severity}`}
                data-testid="chart-alarm"
                data-alarm-id={alarm.id}
              >
                <title>{`${ruleLabel(alarm.rule)} · ${formatInstant(alarm.openedAt)}: ${alarm.message}`}</title>
                <line x1={ax} x2={ax} y1={plotTop + 8} y2={plotBottom} />
                <path d={`M${ax - 5},${plotTop} L${ax + 5},${plotTop} L${ax},${plotTop + 8} Z`} />
              </g>
            );
          })}
        </g>
        {hovered && !drag ? (
          <g className="chart-hover" pointerEvents="none">
            <line x1={x(hovered.t)} x2={x(hovered.t)} y1={plotTop} y2={plotBottom} />
            <circle cx={x(hovered.t)} cy={y(hovered.avg)} r={3.5} />
            <g
              transform={`translate(${Math.min(x(hovered.t) + 10, plotRight - 190)},${plotTop + 6})`}
              className="chart-tooltip"
            >
              <rect width={180} height={hovered.count > 1 ? 52 : 36} rx={4} />
              <text x={8} y={15}>
                {formatInstant(hovered.t)}
              </text>
              <text x={8} y={31}>
                {hovered.count > 1 ? 'mean ' : ''}
                {formatValue(hovered.avg, unit)}
              </text>
              {hovered.count > 1 ? (
                <text x={8} y={46}>
                  {formatValue(hovered.min)} – {formatValue(hovered.max)} ({hovered.count})
                </text>
              ) : null}
            </g>
          </g>
        ) : null}
        {drag && Math.abs(drag.x1 - drag.x0) > 1 ? (
          <rect
            className="chart-selection"
            x={Math.min(drag.x0, drag.x1)}
            y={plotTop}
            width={Math.abs(drag.x1 - drag.x0)}
            height={plotBottom - plotTop}
          />
        ) : null}
        <rect
          className="chart-overlay"
          x={plotLeft}
          y={plotTop}
          width={plotRight - plotLeft}
          height={plotBottom - plotTop}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
          onPointerLeave={() => setHover(null)}
        />
      </svg>
    </div>
  );
}
