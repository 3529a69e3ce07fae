// The vehicles' schedules over the day (inline SVG): one row per route, its shift as a pale band
// with its ends marked, and per stop the driving into it, the waiting for its window and the
// service; the stops' delivery windows as a faint band behind (the chosen order's window outlined).
// Clicking a service bar chooses that order.
import type { MouseEvent } from 'react';
import type { Route } from './api';
import { clock, minutesOf, routeColour } from './draw';

const WIDTH = 1000;
const LABEL_W = 96;
const RIGHT = 16;
const TOP = 26;
const ROW_H = 30;
const BAR_H = 16;
const DRIVE_H = 6;
const PLOT_W = WIDTH - LABEL_W - RIGHT;
const WAIT_COLOUR = '#f59e0b';

interface Span {
  from: number;
  to: number;
}

/** The hours the chart spans: every shift, departure and return, rounded out to whole hours. */
function spanOf(routes: readonly Route[], day: string): Span {
  const times = routes.flatMap((r) => [
    minutesOf(r.startAt, day),
    minutesOf(r.endAt, day),
    ...(r.shift ? [minutesOf(r.shift.start, day), minutesOf(r.shift.end, day)] : []),
  ]);
  if (times.length === 0) return { from: 360, to: 1080 };
  const from = Math.floor(Math.min(...times) / 60) * 60;
  const to = Math.ceil(Math.max(...times) / 60) * 60;
  return { from, to: Math.max(to, from + 60) };
}

export interface Segment {
  kind: 'drive' | 'wait' | 'service';
  from: number;
  to: number;
  orderId?: string;
  sequence?: number;
}

/** A route's timeline: drive, wait and service per stop, then the drive home. */
export function segmentsOf(route: Route, day: string): Segment[] {
  const out: Segment[] = [];
  let at = minutesOf(route.startAt, day);
  for (const s of route.stops) {
    const arrival = minutesOf(s.arrival, day);
    const start = minutesOf(s.start, day);
    const departure = minutesOf(s.departure, day);
    if (arrival > at) out.push({ kind: 'drive', from: at, to: arrival });
    if (start > arrival) out.push({ kind: 'wait', from: arrival, to: start, orderId: s.orderId });
    out.push({ kind: 'service', from: start, to: departure, orderId: s.orderId, sequence: s.sequence });
    at = departure;
  }
  const end = minutesOf(route.endAt, day);
  if (end > at) out.push({ kind: 'drive', from: at, to: end });
  return out;
}

/** The delivery windows of a route's stops, clipped to the chart's span. */
function windowBands(route: Route, day: string, span: Span) {
  return route.stops.flatMap((s) =>
    s.windows.flatMap((w, k) => {
      const from = Math.max(span.from, minutesOf(w.start, day));
      const to = Math.min(span.to, minutesOf(w.end, day));
      return to > from ? [{ key: `${s.orderId}-${k}`, orderId: s.orderId, from, to }] : [];
    }),
  );
}

function orderAt(event: MouseEvent<SVGSVGElement>): string | null {
  return (event.target as Element).closest('[data-order-id]')?.getAttribute('data-order-id') ?? null;
}

export function ScheduleGantt({
  routes,
  day,
  selected,
  onSelect,
}: {
  routes: readonly Route[];
  day: string;
  selected: string | null;
  onSelect: (orderId: string) => void;
}) {
  const span = spanOf(routes, day);
  const x = (m: number) => LABEL_W + ((m - span.from) / (span.to - span.from)) * PLOT_W;
  const height = TOP + routes.length * ROW_H + 8;
  const hours: number[] = [];
  const every = span.to - span.from > 16 * 60 ? 120 : 60;
  for (let m = span.from; m <= span.to; m += every) hours.push(m);

  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      className="schedule-gantt"
      data-testid="schedule-gantt-svg"
      onClick={(event) => {
        const id = orderAt(event);
        if (id) onSelect(id);
      }}
    >
      {hours.map((m) => (
        <g key={m}>
          <line x1={x(m)} x2={x(m)} y1={TOP - 6} y2={height - 4} stroke="#e5eaf0" />
          <text x={x(m)} y={TOP - 10} fontSize={11} textAnchor="middle" fill="#5b6678">
            {clock(m)}
          </text>
        </g>
      ))}
      {routes.map((route, i) => {
        const y = TOP + i * ROW_H;
        const mid = y + ROW_H / 2;
        const colour = routeColour(i);
        const shift = route.shift
          ? { from: minutesOf(route.shift.start, day), to: minutesOf(route.shift.end, day) }
          : null;
        return (
          <g key={route.id} data-testid="gantt-row" data-vehicle={route.vehicleCode}>
            <text x={4} y={mid + 4} fontSize={12} fontWeight={600} fill="#1f2937">
              {route.vehicleCode}
            </text>
            {shift ? (
              <>
                <rect
                  x={x(shift.from)}
                  y={y + 3}
                  width={Math.max(0, x(shift.to) - x(shift.from))}
                  height={ROW_H - 6}
                  fill="#f1f5f9"
                />
                <line x1={x(shift.from)} x2={x(shift.from)} y1={y + 2} y2={y + ROW_H - 2} stroke="#334155" />
                <line x1={x(shift.to)} x2={x(shift.to)} y1={y + 2} y2={y + ROW_H - 2} stroke="#334155" />
              </>
            ) : null}
            {/* One group drawn at a low opacity: where windows overlap the band does not darken. */}
            <g opacity={0.16}>
              {windowBands(route, day, span).map((band) => (
                <rect
                  key={band.key}
                  data-testid="gantt-window"
                  x={x(band.from)}
                  y={y + 4}
                  width={x(band.to) - x(band.from)}
                  height={ROW_H - 8}
                  fill={colour}
                />
              ))}
            </g>
            {windowBands(route, day, span)
              .filter((band) => band.orderId === selected)
              .map((band) => (
                <rect
                  key={band.key}
                  data-testid="gantt-window-selected"
                  x={x(band.from)}
                  y={y + 2}
                  width={x(band.to) - x(band.from)}
                  height={ROW_H - 4}
                  fill={colour}
                  fillOpacity={0.2}
                  stroke="#111827"
                  strokeDasharray="4 2"
                />
              ))}
            {segmentsOf(route, day).map((seg) => {
              const left = x(seg.from);
              const width = Math.max(1, x(seg.to) - left);
              if (seg.kind === 'drive')
                return (
                  <rect
                    key={`d-${seg.from}`}
                    x={left}
                    y={mid - DRIVE_H / 2}
                    width={width}
                    height={DRIVE_H}
                    fill={colour}
                    fillOpacity={0.45}
                  />
                );
              if (seg.kind === 'wait')
                return (
                  <rect
                    key={`w-${seg.from}`}
                    data-testid="gantt-wait"
                    x={left}
                    y={mid - DRIVE_H / 2}
                    width={width}
                    height={DRIVE_H}
                    fill={WAIT_COLOUR}
                  />
                );
              const chosen = seg.orderId === selected;
              return (
                <g key={`s-${seg.from}`} data-order-id={seg.orderId} className="route-stop">
                  <rect
                    data-testid="gantt-service"
                    x={left}
                    y={mid - BAR_H / 2}
                    width={width}
                    height={BAR_H}
                    fill={colour}
                    stroke={chosen ? '#111827' : '#fff'}
                    strokeWidth={chosen ? 2 : 0.5}
                  />
                  {width >= 14 ? (
                    <text x={left + width / 2} y={mid + 3.5} fontSize={9} textAnchor="middle" fill="#fff">
                      {seg.sequence}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
