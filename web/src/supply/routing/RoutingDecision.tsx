// A routing decision's page: its progress while computed; then its figures, the routes on a map
// beside the chosen order's explanation, the vehicles' schedules, the routes and their stops, the
// unserved orders, why the routes cost what they do, the constraint checks, and approve / reject /
// execute (execution creates a vehicle assignment per stop) and re-optimise for analysts.
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../format';
import type { Job } from '../../jobs/api';
import { Link } from '../../router';
import type { Decision, Warehouse } from '../api';
import { DecisionStatusBadge } from '../DecisionBadge';
import { DecisionControls } from '../DecisionControls';
import { DecisionProgress } from '../DecisionProgress';
import { useExplanation } from '../hooks';
import { decisionPath, SUPPLY_DECISIONS_PAGE } from '../paths';
import {
  type BindingItem,
  type DecisionRoutes,
  planOf,
  type RouteCosts,
  type RoutingExplanation,
} from './api';
import { dayOf, routeColour, UNSERVED_COLOUR } from './draw';
import { useAssignments, useRoutes } from './hooks';
import { OrderPanel } from './OrderPanel';
import { Reoptimise } from './Reoptimise';
import { RouteMap } from './RouteMap';
import { MarginalCosts, RoutesTable, StopTables, UnservedTable } from './RouteTables';
import { BindingConstraints, RoutingChecks, RoutingFigures } from './RoutingFigures';
import { ScheduleGantt } from './ScheduleGantt';
import './routing.css';

const REOPTIMISABLE = ['proposed', 'approved', 'executed'];

function requestText(decision: Decision): string {
  const c = decision.constraints as {
    timeLimitSeconds?: number;
    seed?: number;
    objective?: { mode?: string };
  };
  const parts = [
    c.objective?.mode === 'weighted' ? 'weighted objective' : 'fewest vehicles, then cost',
    `search ${c.timeLimitSeconds ?? 10} s`,
    ...(c.seed !== undefined ? [`seed ${c.seed}`] : []),
  ];
  return parts.join(' · ');
}

function StatusCard({
  decision,
  job,
  day,
  depots,
}: {
  decision: Decision;
  job: Job | undefined;
  day: string | null;
  depots: string;
}) {
  const plan = planOf(decision);
  return (
    <section className="card" aria-labelledby="decision-status-heading">
      <h2 id="decision-status-heading">Status</h2>
      <dl className="facts">
        <Fact label="Status">
          <DecisionStatusBadge status={decision.status} testId="decision-status" />
        </Fact>
        <Fact label="Delivery day">{day ? formatDate(day) : '—'}</Fact>
        <Fact label="Depots">{depots}</Fact>
        <Fact label="Request">{requestText(decision)}</Fact>
        <Fact label="Asked">{formatDateTime(decision.createdAt)}</Fact>
        {plan.reoptimisedFrom ? (
          <Fact label="Re-optimised from">
            <Link to={decisionPath(plan.reoptimisedFrom)}>the earlier plan</Link>
          </Fact>
        ) : null}
      </dl>
      <DecisionProgress decision={decision} job={job} />
    </section>
  );
}

function MapCard({
  data,
  decisionId,
  day,
  selected,
  onSelect,
}: {
  data: DecisionRoutes;
  decisionId: string;
  day: string;
  selected: string | null;
  onSelect: (orderId: string) => void;
}) {
  const stops = data.routes.reduce((sum, r) => sum + r.stops.length, 0);
  const summary =
    `${data.routes.length} route(s) from ${data.depots.map((d) => d.code).join(', ') || 'the depots'} ` +
    `through ${stops} stops` +
    (data.unserved.length > 0 ? `; ${data.unserved.length} unserved order(s) marked with a cross.` : '.');
  return (
    <section className="card" aria-labelledby="route-map-heading" data-testid="route-map">
      <h2 id="route-map-heading">Routes</h2>
      <p className="chart-summary" data-testid="route-map-summary">
        {summary}
      </p>
      <div className="routing-map-layout">
        <div className="chart routing-chart" role="img" aria-label={`Map of the routes: ${summary}`}>
          <div aria-hidden="true">
            <RouteMap data={data} selected={selected} onSelect={onSelect} />
          </div>
        </div>
        <OrderPanel decisionId={decisionId} data={data} day={day} selected={selected} onSelect={onSelect} />
      </div>
      <p className="supply-legend routing-legend">
        {data.routes.map((r, i) => (
          <span key={r.id} className="legend-route" style={{ ['--swatch' as string]: routeColour(i) }}>
            {r.vehicleCode}
          </span>
        ))}
        <span className="legend-depot">Depot</span>
        {data.unserved.length > 0 ? (
          <span className="legend-unserved" style={{ ['--swatch' as string]: UNSERVED_COLOUR }}>
            Unserved
          </span>
        ) : null}
      </p>
    </section>
  );
}

function ScheduleCard({
  data,
  day,
  selected,
  onSelect,
}: {
  data: DecisionRoutes;
  day: string;
  selected: string | null;
  onSelect: (orderId: string) => void;
}) {
  const summary = `The schedules of ${data.routes.length} vehicle(s) on ${formatDate(day)}: driving, waiting and service at each stop, within their shifts; the stops' delivery windows shaded behind (times in UTC).`;
  return (
    <section className="card" aria-labelledby="schedule-heading" data-testid="schedule-gantt">
      <h2 id="schedule-heading">Vehicle schedules</h2>
      <p className="chart-summary">{summary}</p>
      <div className="chart routing-chart" role="img" aria-label={summary}>
        <div aria-hidden="true">
          <ScheduleGantt routes={data.routes} day={day} selected={selected} onSelect={onSelect} />
        </div>
      </div>
      <p className="supply-legend">
        <span className="legend-drive">Driving</span>
        <span className="legend-wait">Waiting for a window</span>
        <span className="legend-service">Service</span>
        <span className="legend-window">Delivery window</span>
        <span className="legend-shift">Shift</span>
      </p>
    </section>
  );
}

function Explanations({
  routing,
  binding,
}: {
  routing: RoutingExplanation | undefined;
  binding: BindingItem[];
}) {
  return (
    <section className="card" aria-labelledby="routing-why-heading" data-testid="routing-why">
      <h2 id="routing-why-heading">Why these routes</h2>
      <BindingConstraints items={binding} />
      {routing ? <MarginalCosts explanation={routing} /> : null}
    </section>
  );
}

export function RoutingDecision({
  decision,
  job,
  canDecide,
  warehouses,
}: {
  decision: Decision;
  job: Job | undefined;
  canDecide: boolean;
  warehouses: ReadonlyMap<string, Warehouse>;
}) {
  const [selected, setSelected] = useState<string | null>(null);
  const computed = decision.status !== 'pending' && decision.status !== 'failed';
  const routes = useRoutes(decision.id, computed);
  const explanation = useExplanation(decision.id, computed);
  const executed = decision.status === 'executed';
  const assignments = useAssignments(decision.id, routes.data?.routes, executed);
  const plan = planOf(decision);
  const data = routes.data;
  const day = data?.date ?? plan.input?.date ?? (data?.routes[0] ? dayOf(data.routes[0].startAt) : null);
  const depots =
    (
      data?.depots.map((d) => d.code) ??
      (decision.scope.warehouseIds ?? []).map((id) => warehouses.get(id)?.code ?? '?')
    ).join(', ') || 'every warehouse with vehicles';
  const routing = explanation.data?.routing;
  const costs = new Map<string, RouteCosts>((routing?.routes ?? []).map((r) => [r.routeId, r]));
  const binding = (explanation.data?.bindingConstraints ?? plan.binding ?? []) as unknown as BindingItem[];
  // The panel beside the map explains the order: brought into view when chosen further down.
  const select = (orderId: string) => {
    setSelected(orderId);
    requestAnimationFrame(() =>
      document.getElementById('order-panel-heading')?.scrollIntoView({ block: 'nearest' }),
    );
  };

  return (
    <>
      <PageHeader
        title="Routing decision"
        description={`Routes for ${day ? formatDate(day) : 'the day'} from ${depots}, asked ${formatDateTime(decision.createdAt)}.`}
      />
      <p className="back-link">
        <Link to={SUPPLY_DECISIONS_PAGE.path}>← All decisions</Link>
      </p>
      <StatusCard decision={decision} job={job} day={day} depots={depots} />
      {computed ? (
        <>
          <DecisionControls
            decision={decision}
            canDecide={canDecide}
            executeMessage={
              <p>
                Allocates the routed orders (reserving their stock) and creates a planned vehicle assignment
                for each of the {data?.routes.reduce((sum, r) => sum + r.stops.length, 0) ?? ''} stops on{' '}
                {decision.actionCount} vehicle(s).
              </p>
            }
          />
          {executed && assignments.data ? (
            <section className="card" aria-labelledby="routing-executed-heading">
              <h2 id="routing-executed-heading">Vehicle assignments</h2>
              <p className="prose" data-testid="routing-assignments">
                {[...assignments.data.values()].reduce((sum, n) => sum + n, 0)} vehicle assignments created on{' '}
                {assignments.data.size} vehicle(s): each stop is planned on its vehicle with its service
                times.
              </p>
            </section>
          ) : null}
          <RoutingFigures decision={decision} vehicles={data?.routes.length ?? decision.actionCount} />
          {routes.isPending ? <p className="state-message">Loading the routes…</p> : null}
          {routes.isError ? <ErrorNotice error={routes.error} title="Could not load the routes" /> : null}
          {data && day ? (
            <>
              <MapCard data={data} decisionId={decision.id} day={day} selected={selected} onSelect={select} />
              <ScheduleCard data={data} day={day} selected={selected} onSelect={select} />
              <section className="card" aria-labelledby="routes-table-heading">
                <h2 id="routes-table-heading">Routes and stops</h2>
                <RoutesTable
                  routes={data.routes}
                  costs={costs}
                  assigned={executed ? assignments.data : undefined}
                />
                <StopTables routes={data.routes} day={day} costs={costs} onSelect={select} />
              </section>
              <section className="card" aria-labelledby="unserved-heading">
                <h2 id="unserved-heading">Unserved orders</h2>
                <UnservedTable data={data} onSelect={select} />
              </section>
            </>
          ) : null}
          {explanation.isError ? (
            <ErrorNotice error={explanation.error} title="Could not load the reasons" />
          ) : null}
          <Explanations routing={routing} binding={binding} />
          <RoutingChecks decision={decision} />
          {canDecide && data && day && REOPTIMISABLE.includes(decision.status) ? (
            <Reoptimise decisionId={decision.id} routes={data.routes} day={day} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
