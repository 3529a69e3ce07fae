// The routes drawn on the clients' coordinates (inline SVG, no tiles): the depots as squares, each
// route a coloured line from its depot through its numbered stops and back, unserved orders as red
// crosses, forbidden and risk zones as shaded polygons. Pointing at a stop names it; clicking it
// chooses the order (the side panel explains it). The order picker beside the map does the same
// from the keyboard.
import { type MouseEvent, useState } from 'react';
import type { DecisionRoutes, Route } from './api';
import {
  DEPOT_COLOUR,
  fitProjection,
  type LonLat,
  type Projection,
  routeColour,
  UNSERVED_COLOUR,
} from './draw';

const WIDTH = 900;
const MAX_HEIGHT = 620;
const MARGIN = 28;

const lonLat = (p: { latitude: number | null; longitude: number | null }): LonLat | null =>
  p.latitude === null || p.longitude === null ? null : { lon: p.longitude, lat: p.latitude };

function pointsOf(data: DecisionRoutes): LonLat[] {
  const points: LonLat[] = [];
  const add = (p: LonLat | null) => {
    if (p) points.push(p);
  };
  for (const d of data.depots) add(lonLat(d));
  for (const r of data.routes) for (const s of r.stops) add(lonLat(s));
  for (const u of data.unserved) add(lonLat(u));
  return points;
}

function routePoints(route: Route, depot: LonLat | null, projection: Projection): string {
  const points = [depot, ...route.stops.map(lonLat), depot].filter((p): p is LonLat => p !== null);
  return points
    .map((p) => projection.at(p))
    .map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`)
    .join(' ');
}

interface Hover {
  x: number;
  y: number;
  text: string;
}

/** The order id of the stop or marker an event happened on, if any. */
function orderAt(event: MouseEvent<SVGSVGElement>): { id: string; label: string } | null {
  const target = (event.target as Element).closest('[data-order-id]');
  const id = target?.getAttribute('data-order-id');
  return id ? { id, label: target?.getAttribute('data-label') ?? '' } : null;
}

export function RouteMap({
  data,
  selected,
  onSelect,
}: {
  data: DecisionRoutes;
  selected: string | null;
  onSelect: (orderId: string) => void;
}) {
  const [hover, setHover] = useState<Hover | null>(null);
  const points = pointsOf(data);
  if (points.length === 0)
    return <p className="state-message">No depot, client or order of this decision has coordinates.</p>;
  const projection = fitProjection(points, { width: WIDTH, maxHeight: MAX_HEIGHT, margin: MARGIN });
  const depots = new Map(data.depots.map((d) => [d.id, lonLat(d)]));
  const selectedRoute = data.routes.find((r) => r.stops.some((s) => s.orderId === selected));

  const move = (event: MouseEvent<SVGSVGElement>) => {
    const order = orderAt(event);
    if (!order) return setHover(null);
    const svg = event.currentTarget.getBoundingClientRect();
    const scale = WIDTH / svg.width;
    setHover({
      x: (event.clientX - svg.left) * scale,
      y: (event.clientY - svg.top) * scale,
      text: order.label,
    });
  };
  const click = (event: MouseEvent<SVGSVGElement>) => {
    const order = orderAt(event);
    if (order) onSelect(order.id);
  };

  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox={`0 0 ${WIDTH} ${projection.height}`}
      width="100%"
      className="route-map"
      data-testid="route-map-svg"
      onMouseMove={move}
      onMouseLeave={() => setHover(null)}
      onClick={click}
    >
      <rect x={0} y={0} width={WIDTH} height={projection.height} fill="#f8fafc" />
      {data.zones.map((zone, i) => (
        <polygon
          // biome-ignore lint/suspicious/noArrayIndexKey: zones have no id; their order is fixed
          key={i}
          points={zone.polygon
            .map((p) => projection.at(p))
            .map(({ x, y }) => `${x},${y}`)
            .join(' ')}
          fill={zone.kind === 'forbidden' ? '#fecaca' : '#fde68a'}
          fillOpacity={0.55}
          stroke={zone.kind === 'forbidden' ? UNSERVED_COLOUR : '#b45309'}
          strokeDasharray="5 3"
        />
      ))}
      {data.routes.map((route, i) => (
        <polyline
          key={route.id}
          data-testid="route-line"
          data-vehicle={route.vehicleCode}
          points={routePoints(route, route.depotId ? (depots.get(route.depotId) ?? null) : null, projection)}
          fill="none"
          stroke={routeColour(i)}
          strokeWidth={selectedRoute?.id === route.id ? 3.5 : 2}
          strokeOpacity={selectedRoute && selectedRoute.id !== route.id ? 0.35 : 0.9}
          strokeLinejoin="round"
          strokeDasharray={route.closed ? '6 4' : undefined}
        />
      ))}
      {data.routes.map((route, i) =>
        route.stops.map((stop) => {
          const p = lonLat(stop);
          if (!p) return null;
          const { x, y } = projection.at(p);
          const chosen = stop.orderId === selected;
          return (
            <g
              key={stop.orderId}
              data-order-id={stop.orderId}
              data-label={`${route.vehicleCode} stop ${stop.sequence}: ${stop.clientName ?? stop.reference ?? 'client'}`}
              data-testid="route-stop"
              className="route-stop"
            >
              {chosen ? <circle cx={x} cy={y} r={11} fill="none" stroke="#111827" strokeWidth={2} /> : null}
              <circle cx={x} cy={y} r={7} fill={routeColour(i)} stroke="#fff" strokeWidth={1} />
              <text x={x} y={y + 3} textAnchor="middle" fontSize={8} fontWeight={700} fill="#fff">
                {stop.sequence}
              </text>
            </g>
          );
        }),
      )}
      {data.unserved.map((u) => {
        const p = lonLat(u);
        if (!p) return null;
        const { x, y } = projection.at(p);
        return (
          <g
            key={u.orderId}
            data-order-id={u.orderId}
            data-label={`Unserved: ${u.clientName ?? u.reference ?? 'order'}`}
            data-testid="unserved-marker"
            className="route-stop"
          >
            {u.orderId === selected ? (
              <circle cx={x} cy={y} r={11} fill="none" stroke="#111827" strokeWidth={2} />
            ) : null}
            <circle cx={x} cy={y} r={7} fill="#fff" stroke={UNSERVED_COLOUR} strokeWidth={1.5} />
            <path
              d={`M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x + 4} ${y - 4}L${x - 4} ${y + 4}`}
              stroke={UNSERVED_COLOUR}
              strokeWidth={2}
            />
          </g>
        );
      })}
      {data.depots.map((d) => {
        const p = lonLat(d);
        if (!p) return null;
        const { x, y } = projection.at(p);
        return (
          <g key={d.id} data-testid="route-depot">
            <rect x={x - 8} y={y - 8} width={16} height={16} fill={DEPOT_COLOUR} />
            <text x={x + 12} y={y - 10} fontSize={13} fontWeight={700} fill={DEPOT_COLOUR}>
              {d.code}
            </text>
          </g>
        );
      })}
      {hover ? <Tooltip hover={hover} /> : null}
    </svg>
  );
}

function Tooltip({ hover }: { hover: Hover }) {
  const width = Math.min(360, 12 + hover.text.length * 6.6);
  const x = Math.min(hover.x + 12, WIDTH - width - 4);
  const y = Math.max(4, hover.y - 30);
  return (
    <g pointerEvents="none">
      <rect x={x} y={y} width={width} height={22} rx={4} fill="#111827" fillOpacity={0.88} />
      <text x={x + 6} y={y + 15} fontSize={12} fill="#fff">
        {hover.text}
      </text>
    </g>
  );
}
