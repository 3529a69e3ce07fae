// Re-optimise after a change (analysts): a vehicle broke down, and stops started by a time of day
// are done or under way. The server keeps those stops in place, moves the broken vehicle's other
// stops to the rest of the fleet, and computes a new decision in a job; its page follows.
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InputField, SelectField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { navigate } from '../../router';
import { decisionPath } from '../paths';
import type { ReoptimiseInput, Route } from './api';
import { useReoptimise } from './hooks';

export function Reoptimise({
  decisionId,
  routes,
  day,
}: {
  decisionId: string;
  routes: readonly Route[];
  day: string;
}) {
  const [open, setOpen] = useState(false);
  const [vehicleId, setVehicleId] = useState('');
  const [asOf, setAsOf] = useState('');
  const [seconds, setSeconds] = useState('5');
  const reoptimise = useReoptimise(decisionId);
  const vehicles = routes.filter((r) => r.vehicleId !== null && !r.closed);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: ReoptimiseInput = {
      timeLimitSeconds: Number(seconds) || 5,
      ...(vehicleId ? { brokenVehicleIds: [vehicleId] } : {}),
      ...(asOf ? { asOf: `${day}T${asOf}:00.000Z` } : {}),
    };
    reoptimise.mutate(body, { onSuccess: (next) => navigate(decisionPath(next.id)) });
  };

  return (
    <section className="card" aria-labelledby="reoptimise-heading">
      <h2 id="reoptimise-heading">Re-optimise</h2>
      {!open ? (
        <>
          <p className="muted">
            After a change — a vehicle broke down, some stops are done — plan again from where the day is,
            keeping the stops already made.
          </p>
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            Re-optimise after a change…
          </button>
        </>
      ) : (
        <form className="form" onSubmit={submit} aria-label="Re-optimise" aria-busy={reoptimise.isPending}>
          {reoptimise.isError ? <ErrorNotice error={reoptimise.error} title="Could not re-optimise" /> : null}
          <div className="form-grid">
            <SelectField
              id="reoptimise-vehicle"
              label="Vehicle broken down"
              value={vehicleId}
              onChange={setVehicleId}
            >
              <option value="">None</option>
              {vehicles.map((r) => (
                <option key={r.id} value={r.vehicleId ?? ''}>
                  {r.vehicleCode}
                </option>
              ))}
            </SelectField>
            <InputField
              id="reoptimise-as-of"
              label="Stops started by (optional)"
              type="time"
              value={asOf}
              onChange={setAsOf}
            />
            <InputField
              id="reoptimise-seconds"
              label="Time limit (s)"
              type="number"
              min={1}
              max={300}
              step={1}
              required
              value={seconds}
              onChange={setSeconds}
            />
          </div>
          <FormActions
            label="Re-optimise"
            pendingLabel="Starting…"
            pending={reoptimise.isPending}
            disabled={!vehicleId && !asOf}
            onCancel={() => setOpen(false)}
          />
        </form>
      )}
    </section>
  );
}
