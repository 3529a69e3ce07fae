// A routing decision's tables: the routes (vehicle, stops, km, hours, load, CO2, cost and its
// components), each route's stops (openable, each with a button that explains the order), the
// unserved orders with their reasons, and the orders whose removal would save most.
import { DataTable } from '../../components/DataTable';
import { formatLevel, formatMoney, formatQuantity } from '../format';
import type { DecisionRoutes, Route, RouteCosts, RoutingExplanation } from './api';
import { clockOf, duration, routeColour, windowText } from './draw';
import { reasonName, routingCostName } from './names';

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function componentsText(components: Record<string, number>): string {
  const parts = Object.entries(components).filter(([, v]) => v !== 0);
  if (parts.length === 0) return '—';
  return parts.map(([k, v]) => `${routingCostName(k).toLowerCase()} ${formatMoney(v)}`).join(' + ');
}

export function RoutesTable({
  routes,
  costs,
  assigned,
}: {
  routes: readonly Route[];
  costs: ReadonlyMap<string, RouteCosts>;
  /** After execution: vehicle assignments per route. */
  assigned: ReadonlyMap<string, number> | undefined;
}) {
  const columns = [
    'Vehicle',
    'Type',
    'Stops',
    'Distance (km)',
    'Hours',
    'Load',
    'CO2 (kg)',
    'Cost',
    'Cost components',
    ...(assigned ? ['Assignments'] : []),
  ];
  const total = (pick: (r: Route) => number) => routes.reduce((sum, r) => sum + pick(r), 0);
  return (
    <DataTable columns={columns} dense caption="Routes" testId="routes-table">
      {routes.map((r, i) => (
        <tr key={r.id} data-testid="route-row" data-vehicle={r.vehicleCode}>
          <th scope="row" className="cell-nowrap">
            <span className="route-swatch" style={{ background: routeColour(i) }} />
            {r.vehicleCode}
            {r.closed ? <span className="badge badge-bad badge-inline">broken down</span> : null}
          </th>
          <td>{r.vehicleType ?? '—'}</td>
          <td className="cell-number">{r.stops.length}</td>
          <td className="cell-number">{formatQuantity(round(r.distanceKm))}</td>
          <td className="cell-number">{formatQuantity(round(r.durationMinutes / 60))}</td>
          <td className="cell-number">{formatLevel(r.utilisation)}</td>
          <td className="cell-number">{formatQuantity(round(r.co2Kg))}</td>
          <td className="cell-number">{formatMoney(r.cost)}</td>
          <td className="cell-details">{componentsText(costs.get(r.id)?.components ?? r.costComponents)}</td>
          {assigned ? (
            <td className="cell-number" data-testid="route-assigned">
              {assigned.get(r.id) ?? 0} of {r.stops.length}
            </td>
          ) : null}
        </tr>
      ))}
      <tr className="row-total">
        <th scope="row">All routes</th>
        <td />
        <td className="cell-number">{total((r) => r.stops.length)}</td>
        <td className="cell-number">{formatQuantity(round(total((r) => r.distanceKm)))}</td>
        <td className="cell-number">{formatQuantity(round(total((r) => r.durationMinutes) / 60))}</td>
        <td />
        <td className="cell-number">{formatQuantity(round(total((r) => r.co2Kg)))}</td>
        <td className="cell-number">{formatMoney(total((r) => r.cost))}</td>
        <td />
        {assigned ? (
          <td className="cell-number">{[...assigned.values()].reduce((sum, n) => sum + n, 0)}</td>
        ) : null}
      </tr>
    </DataTable>
  );
}

/** Each route's stops, openable one route at a time; "Why?" chooses the order. */
export function StopTables({
  routes,
  day,
  costs,
  onSelect,
}: {
  routes: readonly Route[];
  day: string;
  costs: ReadonlyMap<string, RouteCosts>;
  onSelect: (orderId: string) => void;
}) {
  return (
    <>
      {routes.map((r, i) => (
        <details key={r.id} className="route-stops" data-testid="route-stops">
          <summary>
            <span className="route-swatch" style={{ background: routeColour(i) }} />
            {r.vehicleCode}: {r.stops.length} stops, {clockOf(r.startAt, day)}–{clockOf(r.endAt, day)},{' '}
            {formatQuantity(round(r.distanceKm))} km
          </summary>
          {(costs.get(r.id)?.sentences ?? []).length > 0 ? (
            <ul className="prose-list">
              {costs.get(r.id)?.sentences.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ) : null}
          <DataTable
            columns={[
              'Stop',
              'Order',
              'Client',
              'Windows',
              'Arrives',
              'Waits',
              'Service',
              'Load after (kg)',
              'Why',
            ]}
            dense
            caption={`Stops of ${r.vehicleCode}`}
          >
            {r.stops.map((s) => (
              <tr key={s.orderId} className={s.fixed ? 'row-fixed' : undefined}>
                <th scope="row" className="cell-number">
                  {s.sequence}
                </th>
                <td className="cell-nowrap">{s.reference ?? '—'}</td>
                <td>{s.clientName ?? '—'}</td>
                <td className="cell-nowrap">
                  {s.windows.length === 0 ? 'any time' : s.windows.map((w) => windowText(w, day)).join(', ')}
                </td>
                <td className="cell-nowrap">{clockOf(s.arrival, day)}</td>
                <td className="cell-nowrap">{s.waitMinutes > 0 ? duration(s.waitMinutes) : '—'}</td>
                <td className="cell-nowrap">
                  {clockOf(s.start, day)}–{clockOf(s.departure, day)}
                </td>
                <td className="cell-number">{formatQuantity(round(s.loadAfterKg))}</td>
                <td>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => onSelect(s.orderId)}
                  >
                    Why?<span className="visually-hidden"> {s.reference ?? s.clientName}</span>
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        </details>
      ))}
    </>
  );
}

export function UnservedTable({
  data,
  onSelect,
}: {
  data: DecisionRoutes;
  onSelect: (orderId: string) => void;
}) {
  if (data.unserved.length === 0)
    return (
      <p className="state-message" data-testid="unserved-none">
        Every order is served.
      </p>
    );
  return (
    <DataTable
      columns={['Order', 'Client', 'Reason', 'Detail', 'Why']}
      dense
      caption="Unserved orders"
      testId="unserved-table"
    >
      {data.unserved.map((u) => (
        <tr key={u.orderId} data-testid="unserved-row">
          <th scope="row" className="cell-nowrap">
            {u.reference ?? '—'}
          </th>
          <td>{u.clientName ?? '—'}</td>
          <td>{reasonName(u.reason)}</td>
          <td className="cell-details">{u.detail}</td>
          <td>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => onSelect(u.orderId)}
            >
              Why?<span className="visually-hidden"> {u.reference ?? u.clientName}</span>
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

const MARGINAL_SHOWN = 10;

export function MarginalCosts({ explanation }: { explanation: RoutingExplanation }) {
  const top = explanation.marginalCosts.slice(0, MARGINAL_SHOWN);
  if (top.length === 0) return null;
  return (
    <>
      <h3 className="subheading">Orders that cost most to serve</h3>
      <p className="muted">
        What each route would save without the order (its marginal cost), largest first.
      </p>
      <DataTable columns={['Order', 'Vehicle', 'Saved if removed']} dense caption="Marginal cost per order">
        {top.map((m) => (
          <tr key={m.orderId}>
            <th scope="row">{m.reference ?? m.orderId}</th>
            <td>{m.vehicleCode}</td>
            <td className="cell-number">{formatMoney(m.marginalCost)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
