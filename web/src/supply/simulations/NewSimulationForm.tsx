// Starts a simulation (analysts): two reorder policies compared over N replications of a horizon,
// with the scenario's events (generated as a scenario set with the same seed) over every SKU or
// one warehouse. It runs in a job; the simulation's page follows its progress.
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InputField, SelectField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import type { Warehouse } from '../api';
import type { GenerateBody, PolicySpec, RunBody, Scenario, Simulation } from './api';
import { useStartSimulation } from './hooks';

type PolicyChoice = 'current' | 'recommended' | 'service' | 'reorder';
const CHOICES: { value: PolicyChoice; label: string }[] = [
  { value: 'current', label: 'Current parameters' },
  { value: 'recommended', label: 'Recommended (cost-balanced service level)' },
  { value: 'service', label: 'Current, with another service level' },
  { value: 'reorder', label: 'Current, reorder level scaled' },
];

interface PolicyForm {
  choice: PolicyChoice;
  serviceLevel: string;
  multiplier: string;
}

function policyOf(p: PolicyForm): PolicySpec {
  if (p.choice === 'service') return { base: 'current', serviceLevel: Number(p.serviceLevel) / 100 };
  if (p.choice === 'reorder') return { base: 'current', reorderPointMultiplier: Number(p.multiplier) };
  return { base: p.choice };
}

type EventKind = 'shocks' | 'breakdowns' | 'leadTime' | 'delays';
const EVENTS: { kind: EventKind; label: string }[] = [
  { kind: 'shocks', label: 'Demand shocks (3 % of SKU-days start a ×2.5 surge for 4 days)' },
  { kind: 'breakdowns', label: 'Vehicle breakdowns (3 % per vehicle-day, 2 days to repair)' },
  { kind: 'leadTime', label: 'Lead-time noise (cv 0.3)' },
  { kind: 'delays', label: 'Travel delays (10 % of days, travel ×1.5)' },
];

function scenarioOf(events: ReadonlySet<EventKind>): Scenario {
  return {
    ...(events.has('shocks')
      ? { demandShocks: { probabilityPerDay: 0.03, multiplier: 2.5, durationDays: 4, scope: 'sku' } }
      : {}),
    ...(events.has('breakdowns')
      ? { vehicleBreakdowns: { probabilityPerVehicleDay: 0.03, repairDays: 2 } }
      : {}),
    ...(events.has('leadTime') ? { leadTimeNoise: { cv: 0.3 } } : {}),
    ...(events.has('delays')
      ? { travelDelays: { probabilityPerDay: 0.1, multiplier: 1.5, spread: 0.2 } }
      : {}),
  };
}

function PolicyFields({
  id,
  legend,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  value: PolicyForm;
  onChange: (next: PolicyForm) => void;
}) {
  return (
    <div className="form-grid">
      <SelectField
        id={`${id}-choice`}
        label={legend}
        value={value.choice}
        onChange={(choice) => onChange({ ...value, choice: choice as PolicyChoice })}
      >
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </SelectField>
      {value.choice === 'service' ? (
        <InputField
          id={`${id}-service`}
          label="Service level (%)"
          type="number"
          min={50}
          max={99.9}
          step="any"
          required
          value={value.serviceLevel}
          onChange={(serviceLevel) => onChange({ ...value, serviceLevel })}
        />
      ) : null}
      {value.choice === 'reorder' ? (
        <InputField
          id={`${id}-multiplier`}
          label="Reorder level ×"
          type="number"
          min={0}
          max={10}
          step="any"
          required
          value={value.multiplier}
          onChange={(multiplier) => onChange({ ...value, multiplier })}
        />
      ) : null}
    </div>
  );
}

export function NewSimulationForm({
  warehouses,
  onStarted,
  onCancel,
}: {
  warehouses: readonly Warehouse[];
  onStarted: (simulation: Simulation) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('Current vs recommended reorder policies');
  const [replications, setReplications] = useState('200');
  const [horizonDays, setHorizonDays] = useState('30');
  const [seed, setSeed] = useState('1');
  const [warehouseId, setWarehouseId] = useState('');
  const [first, setFirst] = useState<PolicyForm>({
    choice: 'current',
    serviceLevel: '95',
    multiplier: '1.2',
  });
  const [second, setSecond] = useState<PolicyForm>({
    choice: 'recommended',
    serviceLevel: '99',
    multiplier: '1.2',
  });
  const [events, setEvents] = useState<ReadonlySet<EventKind>>(new Set(['shocks', 'breakdowns']));
  const start = useStartSimulation();

  const toggle = (kind: EventKind, on: boolean) => {
    const next = new Set(events);
    if (on) next.add(kind);
    else next.delete(kind);
    setEvents(next);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const horizon = Number(horizonDays);
    const run: RunBody = {
      name: name.trim(),
      replications: Number(replications),
      horizonDays: horizon,
      seed: Number(seed),
      policies: [policyOf(first), policyOf(second)],
      ...(warehouseId ? { scope: { warehouseIds: [warehouseId] } } : {}),
    };
    const generate: GenerateBody | null =
      events.size > 0
        ? {
            name: `${name.trim()}: scenarios`.slice(0, 200),
            seed: Number(seed),
            horizonDays: horizon,
            scenario: scenarioOf(events),
          }
        : null;
    start.mutate({ run, generate }, { onSuccess: onStarted });
  };

  return (
    <section className="card" aria-labelledby="new-simulation-heading">
      <h2 id="new-simulation-heading">New simulation</h2>
      <p className="muted">
        Simulates every day of the horizon many times over — demand drawn from each SKU’s last 13 weeks,
        supplier lead times, deliveries by the warehouses’ vehicles — once under each policy on the same days,
        and shows how the KPIs spread. The same seed gives the same results.
      </p>
      {start.isError ? <ErrorNotice error={start.error} title="Could not start the simulation" /> : null}
      <form className="form" onSubmit={submit} aria-busy={start.isPending} aria-label="New simulation">
        <div className="form-grid">
          <InputField
            id="simulation-name"
            label="Name"
            required
            maxLength={200}
            value={name}
            onChange={setName}
          />
          <InputField
            id="simulation-replications"
            label="Replications"
            type="number"
            min={1}
            max={5000}
            step={1}
            required
            value={replications}
            onChange={setReplications}
          />
          <InputField
            id="simulation-horizon"
            label="Days simulated"
            type="number"
            min={1}
            max={365}
            step={1}
            required
            value={horizonDays}
            onChange={setHorizonDays}
          />
          <InputField
            id="simulation-seed"
            label="Seed"
            type="number"
            min={0}
            max={2147483647}
            step={1}
            required
            value={seed}
            onChange={setSeed}
          />
          <SelectField id="simulation-warehouse" label="Scope" value={warehouseId} onChange={setWarehouseId}>
            <option value="">Every SKU at every warehouse</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} · {w.name}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="field">
          <legend>Policies compared</legend>
          <PolicyFields
            id="simulation-policy-a"
            legend="Policy A (baseline)"
            value={first}
            onChange={setFirst}
          />
          <PolicyFields id="simulation-policy-b" legend="Policy B" value={second} onChange={setSecond} />
        </fieldset>
        <fieldset className="field choice-group">
          <legend>Events in the scenario</legend>
          {EVENTS.map((e) => (
            <label key={e.kind} className="choice">
              <input
                type="checkbox"
                checked={events.has(e.kind)}
                onChange={(event) => toggle(e.kind, event.target.checked)}
              />
              {e.label}
            </label>
          ))}
        </fieldset>
        <FormActions
          label="Run the simulation"
          pendingLabel="Starting…"
          pending={start.isPending}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}
