import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Facility } from '../auth/types';
import { ACTIONS_COLUMN, DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/Field';
import { FormActions } from '../components/FormActions';
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
      <InputField
        id={`${prefix}-code`}
        label="Code"
        required
        maxLength={40}
        pattern="[A-Za-z0-9._\-]+"
        title="Letters, digits, dot, underscore and hyphen"
        value={value.code}
        onChange={(code) => onChange({ ...value, code })}
      />
      <InputField
        id={`${prefix}-name`}
        label="Name"
        required
        maxLength={200}
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
      />
      <InputField
        id={`${prefix}-timezone`}
        label="Time zone"
        required
        maxLength={64}
        list={TIMEZONES_LIST_ID}
        value={value.timezone ?? ''}
        onChange={(timezone) => onChange({ ...value, timezone })}
      />
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
          <FormActions
            label="Save"
            pendingLabel="Saving…"
            pending={save.isPending}
            onCancel={() => setDraft(null)}
            small
          />
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
        <DataTable columns={['Code', 'Name', 'Time zone', 'Added', ACTIONS_COLUMN]}>
          {facilities.map((facility) => (
            <FacilityRow key={facility.id} customerId={customerId} facility={facility} />
          ))}
        </DataTable>
      )}

      <h3 className="subheading">Add facility</h3>
      {add.isError ? <ErrorNotice error={add.error} title="Could not add the facility" /> : null}
      <form className="form" onSubmit={submit} aria-label="Add facility" aria-busy={add.isPending}>
        <div className="form-grid">
          <FacilityInputs prefix="new-facility" value={draft} onChange={setDraft} />
        </div>
        <FormActions label="Add facility" pendingLabel="Adding…" pending={add.isPending} />
      </form>
    </section>
  );
}
