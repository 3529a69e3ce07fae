// What a computed routing decision says as a whole: vehicles used, distance, CO2, predicted cost
// by component, confidence and unserved orders; the hard constraints checked (pass/fail) and the
// soft objective's components; the constraints that bind (tight windows, full vehicles, detours).
import { DataTable } from '../../components/DataTable';
import { Fact } from '../../components/Fact';
import type { Decision } from '../api';
import { formatLevel, formatMoney, formatQuantity } from '../format';
import { type BindingItem, checksOfRouting, planOf, type RoutingCheck, scoresOf } from './api';
import { duration } from './draw';
import { bindingName, routingCheckName, routingCostName } from './names';

const COST_ORDER = ['fixed', 'distance', 'time', 'total', 'penalty'];
const round = (x: number | undefined, digits = 1) =>
  x === undefined ? undefined : Math.round(x * 10 ** digits) / 10 ** digits;

export function RoutingFigures({ decision, vehicles }: { decision: Decision; vehicles: number }) {
  const scores = scoresOf(decision);
  const plan = planOf(decision);
  const costs = Object.entries(decision.costBreakdown).sort(
    ([a], [b]) => COST_ORDER.indexOf(a) - COST_ORDER.indexOf(b),
  );
  const unserved = scores.ordersUnserved ?? 0;
  return (
    <section className="card" aria-labelledby="routing-figures-heading">
      <h2 id="routing-figures-heading">Summary</h2>
      {decision.summary ? (
        <p className="prose" data-testid="decision-summary">
          {decision.summary}
        </p>
      ) : null}
      <div className="routing-figures">
        <div className="routing-figure" data-testid="figure-vehicles">
          <span className="routing-figure-value">{scores.vehicles ?? vehicles}</span>
          <span className="routing-figure-label">vehicles used</span>
        </div>
        <div className="routing-figure" data-testid="figure-distance">
          <span className="routing-figure-value">{formatQuantity(round(scores.distanceKm))}</span>
          <span className="routing-figure-label">km</span>
        </div>
        <div className="routing-figure" data-testid="figure-co2">
          <span className="routing-figure-value">{formatQuantity(round(scores.co2Kg))}</span>
          <span className="routing-figure-label">kg CO2</span>
        </div>
        <div className="routing-figure" data-testid="figure-cost">
          <span className="routing-figure-value">{formatMoney(decision.predictedCost)}</span>
          <span className="routing-figure-label">predicted cost</span>
        </div>
        <div className="routing-figure" data-testid="figure-confidence">
          <span className="routing-figure-value">{formatLevel(decision.confidence)}</span>
          <span className="routing-figure-label">confidence</span>
        </div>
        <div
          className={unserved > 0 ? 'routing-figure routing-figure-warn' : 'routing-figure'}
          data-testid="figure-unserved"
        >
          <span className="routing-figure-value">{unserved}</span>
          <span className="routing-figure-label">
            unserved of {(scores.ordersServed ?? 0) + unserved} orders
          </span>
        </div>
      </div>
      <dl className="facts routing-notes">
        {decision.confidenceNote ? (
          <Fact label="Confidence" testId="decision-confidence">
            {decision.confidenceNote}
          </Fact>
        ) : null}
        {plan.objective ? (
          <Fact label="Objective">
            {plan.objective.mode === 'hierarchical' ? 'Fewest vehicles, then cost' : 'Weighted sum'} (weights:{' '}
            {Object.entries(plan.objective.weights)
              .filter(([, w]) => w !== 0)
              .map(([k, w]) => `${k} ${w}`)
              .join(', ') || 'none'}
            )
          </Fact>
        ) : null}
        {scores.timeMinutes !== undefined ? (
          <Fact label="Time on the road">{duration(scores.timeMinutes)}</Fact>
        ) : null}
        {plan.stats ? (
          <Fact label="Search">
            {formatQuantity(plan.stats.iterations)} iterations in {(plan.stats.elapsedMs / 1000).toFixed(1)} s
            (first plan after {Math.round(plan.stats.firstFeasibleMs)} ms, best after{' '}
            {(plan.stats.bestFoundMs / 1000).toFixed(1)} s; seed {plan.stats.seed})
          </Fact>
        ) : null}
      </dl>
      {(plan.notes ?? []).length > 0 ? (
        <ul className="notice-list">
          {plan.notes?.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {costs.length > 0 ? (
        <>
          <h3 className="subheading">Predicted cost</h3>
          <DataTable
            columns={['Component', 'Cost']}
            dense
            caption="Predicted cost by component"
            testId="decision-costs"
          >
            {costs.map(([key, value]) => (
              <tr key={key} className={key === 'total' ? 'row-total' : undefined}>
                <th scope="row">{routingCostName(key)}</th>
                <td className="cell-number">{formatMoney(value)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </section>
  );
}

const STATUS_BADGE: Record<RoutingCheck['status'], string> = {
  pass: 'badge-ok',
  fail: 'badge-bad',
  info: 'badge-neutral',
  warn: 'badge-warn',
};

export function RoutingChecks({ decision }: { decision: Decision }) {
  const checks = checksOfRouting(decision);
  if (checks.length === 0) return null;
  const hard = checks.filter((c) => c.kind === 'hard');
  const soft = checks.filter((c) => c.kind === 'soft');
  return (
    <section className="card" aria-labelledby="routing-checks-heading">
      <h2 id="routing-checks-heading">Constraint checks</h2>
      <p className="muted">
        Every hard constraint, checked on the routes by an independent checker; then the soft objective’s
        components with their weights.
      </p>
      <DataTable
        columns={['Hard constraint', 'Status', 'Detail']}
        dense
        caption="Hard constraints"
        testId="decision-checks"
      >
        {hard.map((c) => (
          <tr
            key={c.name}
            data-testid="constraint-check"
            data-status={c.status}
            className={c.status === 'fail' ? 'row-binding' : undefined}
          >
            <th scope="row">{routingCheckName(c.name)}</th>
            <td>
              <span className={`badge ${STATUS_BADGE[c.status] ?? 'badge-neutral'}`}>{c.status}</span>
            </td>
            <td className="cell-details">{c.detail}</td>
          </tr>
        ))}
      </DataTable>
      <h3 className="subheading">Soft objective</h3>
      <DataTable
        columns={['Component', 'Value', 'Weight', 'Detail']}
        dense
        caption="Soft objective components"
        testId="decision-soft"
      >
        {soft.map((c) => (
          <tr
            key={c.name}
            data-testid="soft-component"
            className={c.status === 'warn' ? 'row-binding' : undefined}
          >
            <th scope="row">{routingCheckName(c.name)}</th>
            <td className="cell-number">{formatQuantity(round(c.value, 2))}</td>
            <td className="cell-number">{c.weight === undefined ? '—' : formatQuantity(c.weight)}</td>
            <td className="cell-details">{c.detail}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

const BINDING_SHOWN = 30;

export function BindingConstraints({ items }: { items: readonly BindingItem[] }) {
  return (
    <>
      <h3 className="subheading">Binding constraints</h3>
      {items.length === 0 ? (
        <p className="muted" data-testid="binding-none">
          No window, capacity, shift or driving limit is tight, and no forbidden arc or zone forced a detour.
        </p>
      ) : (
        <>
          <p className="muted">
            Stops that start within minutes of their window’s end, vehicles nearly full or at their limits,
            detours forced by forbidden arcs and zones.
          </p>
          <DataTable
            columns={['Kind', 'Vehicle', 'Detail']}
            dense
            caption="Binding constraints"
            testId="binding-table"
          >
            {items.slice(0, BINDING_SHOWN).map((b, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for a decision
              <tr key={i}>
                <th scope="row">{bindingName(b.kind)}</th>
                <td>{b.vehicleCode}</td>
                <td className="cell-details">{b.detail}</td>
              </tr>
            ))}
          </DataTable>
          {items.length > BINDING_SHOWN ? (
            <p className="muted">
              The first {BINDING_SHOWN} of {items.length}.
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
