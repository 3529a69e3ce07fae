// Asks for a routing decision (analysts): the delivery day (the first day with open customer
// orders by default), the depot (or every warehouse with vehicles), the search time, the objective
// (fewest vehicles then cost, or a weighted sum of distance, time and CO2) and an optional seed.
// Every open order of the day and every available vehicle of the depots take part. It is computed
// in a job; the decision's page follows its progress.
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InputField, SelectField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import type { Decision, Warehouse } from '../api';
import type { RoutingObjective, RoutingStart } from './api';
import { useDemoDay, useStartRouting } from './hooks';

type Mode = RoutingObjective['mode'];

const MODES: { mode: Mode; label: string }[] = [
  { mode: 'hierarchical', label: 'Fewest vehicles, then cost' },
  { mode: 'weighted', label: 'Weighted: distance, time and CO2' },
];

const numberOr = (text: string, fallback: number) => {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : fallback;
};

export function RoutingForm({
  warehouses,
  onStarted,
  onCancel,
}: {
  warehouses: readonly Warehouse[];
  onStarted: (decision: Decision) => void;
  onCancel: () => void;
}) {
  const [warehouseId, setWarehouseId] = useState('');
  const demoDay = useDemoDay(warehouseId);
  // Null: the default (the demo day) until the planner picks a day.
  const [date, setDate] = useState<string | null>(null);
  const [seconds, setSeconds] = useState('5');
  const [mode, setMode] = useState<Mode>('hierarchical');
  const [weights, setWeights] = useState({ distance: '1', time: '0', co2: '0' });
  const [seed, setSeed] = useState('');
  const start = useStartRouting();
  const day = date ?? demoDay.data ?? '';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: RoutingStart = {
      date: day,
      ...(warehouseId ? { warehouseId } : {}),
      timeLimitSeconds: numberOr(seconds, 5),
      objective:
        mode === 'weighted'
          ? {
              mode,
              weights: {
                distance: numberOr(weights.distance, 1),
                time: numberOr(weights.time, 0),
                co2: numberOr(weights.co2, 0),
              },
            }
          : { mode },
      ...(seed.trim() !== '' ? { seed: numberOr(seed, 1) } : {}),
    };
    start.mutate(body, { onSuccess: onStarted });
  };

  return (
    <section className="card" aria-labelledby="new-routing-heading">
      <h2 id="new-routing-heading">New routing decision</h2>
      <p className="muted">
        Plans the day’s deliveries: every confirmed or allocated customer order requested for the day, on the
        available vehicles of the depot, within the clients’ delivery windows, the vehicles’ capacities and
        shifts. You approve or reject the routes once they are computed.
      </p>
      {start.isError ? <ErrorNotice error={start.error} title="Could not start the decision" /> : null}
      <form className="form" onSubmit={submit} aria-busy={start.isPending} aria-label="New routing decision">
        <div className="form-grid">
          <InputField
            id="routing-date"
            label="Delivery day"
            type="date"
            required
            value={day}
            onChange={setDate}
            hint={
              date === null && demoDay.data ? (
                <p className="field-hint">The first day with open customer orders.</p>
              ) : undefined
            }
          />
          <SelectField
            id="routing-warehouse"
            label="Depot"
            value={warehouseId}
            onChange={setWarehouseId}
            hint={
              warehouseId === '' ? (
                <p className="field-hint">Every warehouse with an available vehicle.</p>
              ) : undefined
            }
          >
            <option value="">Every depot</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} · {w.name}
              </option>
            ))}
          </SelectField>
          <InputField
            id="routing-seconds"
            label="Search time (seconds)"
            type="number"
            required
            min={1}
            max={300}
            step={1}
            value={seconds}
            onChange={setSeconds}
          />
          <InputField
            id="routing-seed"
            label="Seed (optional)"
            type="number"
            min={0}
            max={2_147_483_647}
            step={1}
            value={seed}
            onChange={setSeed}
          />
        </div>
        <fieldset className="field choice-group choice-row">
          <legend>Objective</legend>
          {MODES.map((m) => (
            <label key={m.mode} className="choice">
              <input
                type="radio"
                name="routing-objective"
                value={m.mode}
                checked={mode === m.mode}
                onChange={() => setMode(m.mode)}
              />
              {m.label}
            </label>
          ))}
        </fieldset>
        {mode === 'weighted' ? (
          <div className="form-grid">
            {(['distance', 'time', 'co2'] as const).map((k) => (
              <InputField
                key={k}
                id={`routing-weight-${k}`}
                label={
                  k === 'distance'
                    ? 'Weight of distance cost'
                    : k === 'time'
                      ? 'Weight of time cost'
                      : 'Weight per kg CO2'
                }
                type="number"
                min={0}
                max={1_000_000}
                step="any"
                required
                value={weights[k]}
                onChange={(v) => setWeights({ ...weights, [k]: v })}
              />
            ))}
          </div>
        ) : null}
        <FormActions
          label="Plan the routes"
          pendingLabel="Starting…"
          pending={start.isPending}
          disabled={day === ''}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}
