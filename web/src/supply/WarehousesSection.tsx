// Warehouses: the list, and a form that creates one or edits the one chosen (analysts).
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { type InputAttributes, InputField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { supplyApi, type Warehouse, type WarehouseInput } from './api';
import { type EntityColumn, EntityTable } from './EntityTable';
import { formatQuantity } from './format';
import { useEntityChange, useWarehouses } from './hooks';

const EMPTY = { code: '', name: '', address: '', capacity: '', latitude: '', longitude: '' };
type Fields = typeof EMPTY;

const fieldsOf = (w: Warehouse): Fields => ({
  code: w.code,
  name: w.name,
  address: w.address ?? '',
  capacity: w.capacity === null ? '' : String(w.capacity),
  latitude: w.latitude === null ? '' : String(w.latitude),
  longitude: w.longitude === null ? '' : String(w.longitude),
});

/** Empty optional fields are null: clearing a field clears it on the server too. */
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));
const inputOf = (f: Fields): WarehouseInput => ({
  code: f.code.trim(),
  name: f.name.trim(),
  address: f.address.trim() || null,
  capacity: numberOrNull(f.capacity),
  latitude: numberOrNull(f.latitude),
  longitude: numberOrNull(f.longitude),
});

function WarehouseForm({ editing, onDone }: { editing: Warehouse | null; onDone: () => void }) {
  const [fields, setFields] = useState<Fields>(editing ? fieldsOf(editing) : EMPTY);
  const save = useEntityChange((input: WarehouseInput) =>
    editing ? supplyApi.updateWarehouse(editing.id, input) : supplyApi.createWarehouse(input),
  );
  const set = (name: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [name]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(inputOf(fields), { onSuccess: onDone });
  };
  const field = (name: keyof Fields, label: string, props: InputAttributes = {}) => (
    <InputField id={`warehouse-${name}`} label={label} value={fields[name]} onChange={set(name)} {...props} />
  );
  const title = editing ? `Edit warehouse ${editing.code}` : 'New warehouse';
  return (
    <section className="card" aria-labelledby="warehouse-form-heading">
      <h2 id="warehouse-form-heading">{title}</h2>
      {save.isError ? <ErrorNotice error={save.error} title="Could not save the warehouse" /> : null}
      <form className="form" onSubmit={submit} aria-busy={save.isPending}>
        <div className="form-grid">
          {field('code', 'Code', {
            required: true,
            maxLength: 50,
            pattern: '[A-Za-z0-9][A-Za-z0-9._:/#\\-]*',
          })}
          {field('name', 'Name', { required: true, maxLength: 200 })}
          {field('address', 'Address (optional)', { maxLength: 500 })}
          {field('capacity', 'Capacity in units (empty: unlimited)', { type: 'number', min: 0, step: 'any' })}
          {field('latitude', 'Latitude (optional)', { type: 'number', min: -90, max: 90, step: 'any' })}
          {field('longitude', 'Longitude (optional)', { type: 'number', min: -180, max: 180, step: 'any' })}
        </div>
        <FormActions
          label={editing ? 'Save' : 'Create warehouse'}
          pendingLabel="Saving…"
          pending={save.isPending}
          onCancel={onDone}
        />
      </form>
    </section>
  );
}

const COLUMNS: EntityColumn<Warehouse>[] = [
  { label: 'Code', rowHeader: true, nowrap: true, cell: (w) => w.code },
  { label: 'Name', cell: (w) => w.name },
  { label: 'Address', cell: (w) => w.address ?? '—' },
  {
    label: 'Capacity',
    numeric: true,
    cell: (w) => (w.capacity === null ? 'unlimited' : formatQuantity(w.capacity)),
  },
  {
    label: 'Hours',
    cell: (w) =>
      w.operatingHours.length > 0 ? w.operatingHours.map((h) => `${h.start}–${h.end}`).join(', ') : '—',
  },
];

export function WarehousesSection({ canEdit }: { canEdit: boolean }) {
  const warehouses = useWarehouses();
  const [form, setForm] = useState<{ editing: Warehouse | null } | null>(null);
  return (
    <>
      {form ? (
        <WarehouseForm key={form.editing?.id ?? 'new'} editing={form.editing} onDone={() => setForm(null)} />
      ) : null}
      <section className="card" aria-labelledby="warehouses-heading">
        <div className="card-heading">
          <h2 id="warehouses-heading">Warehouses</h2>
          {canEdit && !form ? (
            <button type="button" className="button button-small" onClick={() => setForm({ editing: null })}>
              New warehouse
            </button>
          ) : null}
        </div>
        <EntityTable
          query={warehouses}
          columns={COLUMNS}
          noun="warehouses"
          empty="No warehouses yet."
          testId="warehouses-table"
          actions={
            canEdit
              ? (w) => (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => setForm({ editing: w })}
                  >
                    Edit<span className="visually-hidden"> {w.code}</span>
                  </button>
                )
              : undefined
          }
        />
      </section>
    </>
  );
}
