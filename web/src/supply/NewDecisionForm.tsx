// Asks for a replenishment decision (analysts): over every SKU, one warehouse or one category, with
// an optional budget and a date the stock is needed by. It is computed in a job; the decision's
// page follows its progress.
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import type { Decision, DecisionStart, Warehouse } from './api';
import { useStartDecision } from './hooks';

type ScopeKind = 'all' | 'warehouse' | 'category';
const SCOPES: { kind: ScopeKind; label: string }[] = [
  { kind: 'all', label: 'Every SKU' },
  { kind: 'warehouse', label: 'One warehouse' },
  { kind: 'category', label: 'One category' },
];

function requestOf(
  kind: ScopeKind,
  f: { warehouseId: string; category: string; budget: string; requiredBy: string; respectCapacity: boolean },
): DecisionStart {
  const scope =
    kind === 'warehouse'
      ? { warehouseIds: [f.warehouseId] }
      : kind === 'category'
        ? { categories: [f.category.trim()] }
        : {};
  return {
    type: 'replenishment',
    scope,
    constraints: {
      ...(f.budget !== '' ? { budget: Number(f.budget) } : {}),
      ...(f.requiredBy ? { requiredBy: f.requiredBy } : {}),
      respectCapacity: f.respectCapacity,
    },
  };
}

export function NewDecisionForm({
  warehouses,
  onStarted,
  onCancel,
}: {
  warehouses: readonly Warehouse[];
  onStarted: (decision: Decision) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<ScopeKind>('all');
  const [warehouseId, setWarehouseId] = useState(warehouses[0]?.id ?? '');
  const [category, setCategory] = useState('');
  const [budget, setBudget] = useState('');
  const [requiredBy, setRequiredBy] = useState('');
  const [respectCapacity, setRespectCapacity] = useState(true);
  const start = useStartDecision();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = requestOf(kind, {
      warehouseId: warehouseId || (warehouses[0]?.id ?? ''),
      category,
      budget,
      requiredBy,
      respectCapacity,
    });
    start.mutate(request, { onSuccess: onStarted });
  };

  return (
    <section className="card" aria-labelledby="new-decision-heading">
      <h2 id="new-decision-heading">New replenishment decision</h2>
      <p className="muted">
        Forecasts the scope with the production model, then proposes what to order for each SKU from its
        policy. You approve or reject the proposal once it is computed.
      </p>
      {start.isError ? <ErrorNotice error={start.error} title="Could not start the decision" /> : null}
      <form
        className="form"
        onSubmit={submit}
        aria-busy={start.isPending}
        aria-label="New replenishment decision"
      >
        <fieldset className="field choice-group choice-row">
          <legend>Scope</legend>
          {SCOPES.map((s) => (
            <label key={s.kind} className="choice">
              <input
                type="radio"
                name="decision-scope"
                value={s.kind}
                checked={kind === s.kind}
                onChange={() => setKind(s.kind)}
              />
              {s.label}
            </label>
          ))}
        </fieldset>
        <div className="form-grid">
          {kind === 'warehouse' ? (
            <SelectField
              id="decision-warehouse"
              label="Warehouse"
              required
              value={warehouseId}
              onChange={setWarehouseId}
            >
              {warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.code} · {w.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          {kind === 'category' ? (
            <InputField
              id="decision-category"
              label="Category"
              required
              maxLength={100}
              value={category}
              onChange={setCategory}
            />
          ) : null}
          <InputField
            id="decision-budget"
            label="Budget (optional)"
            type="number"
            min={0}
            step="any"
            value={budget}
            onChange={setBudget}
          />
          <InputField
            id="decision-required-by"
            label="Stock needed by (optional)"
            type="date"
            value={requiredBy}
            onChange={setRequiredBy}
          />
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={respectCapacity}
            onChange={(event) => setRespectCapacity(event.target.checked)}
          />
          Cut lines to the warehouses’ free room
        </label>
        <FormActions
          label="Compute the proposal"
          pendingLabel="Starting…"
          pending={start.isPending}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}
