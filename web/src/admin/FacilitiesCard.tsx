import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Facility } from '../auth/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDate } from '../format';
import { customersApi, type FacilityFields } from './api';
import { CUSTOMERS_KEY } from './CustomersPage';

const TIMEZONES_LIST_ID = 'facility-timezones';
const TIMEZONES: readonly string[] = Intl.supportedValuesOf?.('timeZone') ?? [];

function FacilityInputs({
  prefix,
  value,
  onChange,
}: {
  prefix: string;
  value: FacilityFields;
  onChange: (value: FacilityFields) => void;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${prefix}-code`}>Code</label>
        <input
          id={`${prefix}-code`}
          required
          maxLength={40}
          pattern="[A-Za-z0-9._\-]+"
          title="Letters, digits, dot, underscore and hyphen"
          value={value.code}
          onChange={(event) => onChange({ ...value, code: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-name`}>Name</label>
        <input
          id={`${prefix}-name`}
          required
          maxLength={200}
          value={value.name}
          onChange={(event) => onChange({ ...value, name: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-timezone`}>Time zone</label>
        <input
          id={`${prefix}-timezone`}
          required
          maxLength={64}
          list={TIMEZONES_LIST_ID}
          value={value.timezone ?? ''}
          onChange={(event) => onChange({ ...value, timezone: event.target.value })}
        />
      </div>
    </>
  );
}

function FacilityRow({ customerId, facility }: { customerId: string; facility: Facility }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<FacilityFields | null>(null);
  const save = useMutation({
    mutationFn: (patch: Partial<FacilityFields>) =>
      customersApi.updateFacility(customerId, facility.id, patch),
    onSuccess: () => {
      setDraft(null);
      return queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
    },
  });

  if (!draft) {
    return (
      <tr data-testid={`facility-${facility.code}`}>
        <td>
          <code>{facility.code}</code>
        </td>
        <td>{facility.name}</td>
        <td>{facility.timezone}</td>
        <td>{formatDate(facility.createdAt)}</td>
        <td className="cell-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              save.reset();
              setDraft({ code: facility.code, name: facility.name, timezone: facility.timezone });
            }}
          >
            Edit
          </button>
        </td>
      </tr>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const patch: Partial<FacilityFields> = {};
    if (draft.code.trim() !== facility.code) patch.code = draft.code.trim();
    if (draft.name.trim() !== facility.name) patch.name = draft.name.trim();
    if ((draft.timezone ?? '').trim() !== facility.timezone) patch.timezone = draft.timezone?.trim();
    if (Object.keys(patch).length === 0) setDraft(null);
    else save.mutate(patch);
  };

  return (
    <tr>
      <td colSpan={5}>
        <form className="form" onSubmit={submit} aria-label={`Edit facility ${facility.code}`}>
          {save.isError ? <ErrorNotice error={save.error} title="Could not save the facility" /> : null}
          <div className="form-grid">
            <FacilityInputs prefix={`facility-${facility.id}`} value={draft} onChange={setDraft} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-small" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setDraft(null)}
            >
              Cancel
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}

const EMPTY: FacilityFields = { code: '', name: '', timezone: 'UTC' };

/** The facilities (plants, sites) of one customer: list, add, edit. */
export function FacilitiesCard({ customerId, facilities }: { customerId: string; facilities: Facility[] }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<FacilityFields>(EMPTY);
  const add = useMutation({
    mutationFn: (fields: FacilityFields) => customersApi.addFacility(customerId, fields),
    onSuccess: () => {
      setDraft(EMPTY);
      return queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate({
      code: draft.code.trim(),
      name: draft.name.trim(),
      timezone: draft.timezone?.trim() || 'UTC',
    });
  };

  return (
    <section className="card" aria-labelledby="facilities-heading">
      <h2 id="facilities-heading">Facilities</h2>
      <datalist id={TIMEZONES_LIST_ID}>
        {TIMEZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {facilities.length === 0 ? (
        <p className="state-message">No facilities yet. Add the customer's first plant below.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Name</th>
                <th scope="col">Time zone</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {facilities.map((facility) => (
                <FacilityRow key={facility.id} customerId={customerId} facility={facility} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="subheading">Add facility</h3>
      {add.isError ? <ErrorNotice error={add.error} title="Could not add the facility" /> : null}
      <form className="form" onSubmit={submit} aria-label="Add facility" aria-busy={add.isPending}>
        <div className="form-grid">
          <FacilityInputs prefix="new-facility" value={draft} onChange={setDraft} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add facility'}
          </button>
        </div>
      </form>
    </section>
  );
}
