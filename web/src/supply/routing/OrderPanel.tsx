// Beside the map: pick an order (or click it on the map or the schedule) and read where it is —
// its vehicle and stop, arrival, window, load — and why: the sentences of the explanation, what
// its route would save without it (its marginal cost), and the best other vehicle with what it
// would add or which constraints forbid it.
import { ErrorNotice } from '../../components/ErrorNotice';
import { Fact } from '../../components/Fact';
import { SelectField } from '../../components/Field';
import { formatMoney, formatQuantity } from '../format';
import type { Alternative, DecisionRoutes, OrderExplanation } from './api';
import { clockOf, duration, windowText } from './draw';
import { useOrderExplanation } from './hooks';
import { constraintWords, reasonName } from './names';

const stopName = (s: { reference: string | null; clientName: string | null }) =>
  [s.reference, s.clientName].filter(Boolean).join(' · ') || 'order';

function Picker({
  data,
  selected,
  onSelect,
}: {
  data: DecisionRoutes;
  selected: string | null;
  onSelect: (orderId: string) => void;
}) {
  return (
    <SelectField id="routing-order" label="Order" value={selected ?? ''} onChange={(v) => v && onSelect(v)}>
      <option value="">Choose an order…</option>
      {data.routes.map((r) => (
        <optgroup key={r.id} label={r.vehicleCode}>
          {r.stops.map((s) => (
            <option key={s.orderId} value={s.orderId}>
              {s.sequence}. {stopName(s)}
            </option>
          ))}
        </optgroup>
      ))}
      {data.unserved.length > 0 ? (
        <optgroup label="Unserved">
          {data.unserved.map((u) => (
            <option key={u.orderId} value={u.orderId}>
              {stopName(u)}
            </option>
          ))}
        </optgroup>
      ) : null}
    </SelectField>
  );
}

function StopFacts({ data, orderId, day }: { data: DecisionRoutes; orderId: string; day: string }) {
  for (const route of data.routes) {
    const stop = route.stops.find((s) => s.orderId === orderId);
    if (!stop) continue;
    const window = stop.windows[stop.windowIndex];
    return (
      <dl className="facts facts-compact" data-testid="order-stop">
        <Fact label="Vehicle">
          {route.vehicleCode}, stop {stop.sequence} of {route.stops.length}
        </Fact>
        <Fact label="Client">{stopName(stop)}</Fact>
        <Fact label="Arrives">
          {clockOf(stop.arrival, day)}
          {stop.waitMinutes > 0 ? ` (waits ${duration(stop.waitMinutes)})` : ''}
        </Fact>
        <Fact label="Service">
          {clockOf(stop.start, day)}–{clockOf(stop.departure, day)}
        </Fact>
        <Fact label="Windows">
          {stop.windows.length === 0 ? 'any time' : stop.windows.map((w) => windowText(w, day)).join(', ')}
          {window && stop.slackMinutes !== null
            ? ` (starts ${duration(stop.slackMinutes)} before its end)`
            : ''}
        </Fact>
        <Fact label="Load">
          {formatQuantity(stop.demandKg)} kg delivered, {formatQuantity(stop.loadAfterKg)} kg left on board
        </Fact>
      </dl>
    );
  }
  const unserved = data.unserved.find((u) => u.orderId === orderId);
  if (!unserved) return null;
  return (
    <dl className="facts facts-compact" data-testid="order-stop">
      <Fact label="Client">{stopName(unserved)}</Fact>
      <Fact label="Unserved">{reasonName(unserved.reason)}</Fact>
    </dl>
  );
}

function AlternativeText({ alternative }: { alternative: Alternative }) {
  return (
    <>
      <strong>{alternative.vehicleCode}</strong>
      {alternative.feasible
        ? alternative.extraCost !== null
          ? ` would add ${formatMoney(alternative.extraCost)}`
          : ' could take it'
        : ` cannot take it (${alternative.constraints.map(constraintWords).join(', ') || 'infeasible'})`}
      <span className="muted"> — {alternative.sentence}</span>
    </>
  );
}

function Why({ order }: { order: OrderExplanation }) {
  const best = order.bestAlternative;
  const others = order.alternatives.filter((a) => a.vehicleId !== best?.vehicleId);
  return (
    <div className="order-why" data-testid="order-why">
      <ul className="prose-list">
        {order.sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <dl className="facts facts-compact">
        {order.served ? (
          <Fact label="Marginal cost" testId="order-marginal">
            {order.marginalCost === null
              ? '—'
              : `${formatMoney(order.marginalCost)} saved if it were taken off ${order.vehicleCode}`}
          </Fact>
        ) : (
          <Fact label="Why unserved">{reasonName(order.unservedReason ?? '')}</Fact>
        )}
        <Fact label="Best alternative" testId="order-alternative">
          {best ? <AlternativeText alternative={best} /> : 'No other vehicle was compared'}
        </Fact>
      </dl>
      {others.length > 0 ? (
        <>
          <h4 className="subheading">Other vehicles</h4>
          <ul className="prose-list">
            {others.map((a) => (
              <li key={a.vehicleId}>
                <AlternativeText alternative={a} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function OrderPanel({
  decisionId,
  data,
  day,
  selected,
  onSelect,
}: {
  decisionId: string;
  data: DecisionRoutes;
  day: string;
  selected: string | null;
  onSelect: (orderId: string) => void;
}) {
  const explanation = useOrderExplanation(decisionId, selected);
  const order = explanation.data?.routing?.order;
  return (
    <aside className="order-panel" aria-labelledby="order-panel-heading" data-testid="order-panel">
      <h3 id="order-panel-heading">Why this vehicle?</h3>
      <Picker data={data} selected={selected} onSelect={onSelect} />
      {selected === null ? (
        <p className="muted">Click a stop on the map or in the schedule, or choose an order above.</p>
      ) : (
        <>
          <StopFacts data={data} orderId={selected} day={day} />
          {explanation.isPending ? <p className="state-message">Loading the reasons…</p> : null}
          {explanation.isError ? (
            <ErrorNotice error={explanation.error} title="Could not load the reasons" />
          ) : null}
          {order ? <Why order={order} /> : null}
        </>
      )}
    </aside>
  );
}
