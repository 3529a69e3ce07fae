// Vehicles: the fleet's list, and a form that creates one or edits the one chosen (analysts).
import { useState } from 'react';
import { Pagination, useOffset } from '../components/Pagination';
import { supplyApi, type Vehicle, type VehicleInput, type Warehouse } from './api';
import { CLOCK_PATTERN, EditButton, EntityFormCard, filledNumber, textOf, useFieldTexts } from './EntityForm';
import { type EntityColumn, EntityTable } from './EntityTable';
import { formatMoney, formatQuantity } from './format';
import { useEntityChange, useVehicles } from './hooks';

const STATUSES: readonly Vehicle['status'][] = ['available', 'in_service', 'maintenance', 'retired'];

const EMPTY = {
  code: '',
  type: '',
  capacityKg: '',
  capacityM3: '',
  costPerKm: '',
  costPerHour: '',
  co2PerKm: '',
  depotId: '',
  shiftStart: '',
  shiftEnd: '',
  maxDrivingHours: '',
  status: 'available',
  features: '',
};
type Fields = typeof EMPTY;

const fieldsOf = (v: Vehicle): Fields => ({
  code: v.code,
  type: v.type,
  capacityKg: textOf(v.capacityKg),
  capacityM3: textOf(v.capacityM3),
  costPerKm: textOf(v.costPerKm),
  costPerHour: textOf(v.costPerHour),
  co2PerKm: textOf(v.co2PerKm),
  depotId: v.depotId ?? '',
  shiftStart: v.shiftStart,
  shiftEnd: v.shiftEnd,
  maxDrivingHours: textOf(v.maxDrivingHours),
  status: v.status,
  features: v.features.join(', '),
});

function inputOf(f: Fields): VehicleInput {
  return {
    code: f.code.trim(),
    type: f.type.trim(),
    capacityKg: Number(f.capacityKg),
    capacityM3: Number(f.capacityM3),
    depotId: f.depotId || null,
    status: f.status as Vehicle['status'],
    features: f.features
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    ...(f.shiftStart.trim() ? { shiftStart: f.shiftStart.trim() } : {}),
    ...(f.shiftEnd.trim() ? { shiftEnd: f.shiftEnd.trim() } : {}),
    ...filledNumber('costPerKm', f.costPerKm),
    ...filledNumber('costPerHour', f.costPerHour),
    ...filledNumber('co2PerKm', f.co2PerKm),
    ...filledNumber('maxDrivingHours', f.maxDrivingHours),
  };
}

const AMOUNT = { type: 'number', min: 0, step: 'any' } as const;
const CLOCK = { pattern: CLOCK_PATTERN, placeholder: 'HH:MM', maxLength: 5, inputMode: 'numeric' } as const;

function VehicleForm({
  editing,
  warehouses,
  onDone,
}: {
  editing: Vehicle | null;
  warehouses: readonly Warehouse[];
  onDone: () => void;
}) {
  const { fields, input, choice } = useFieldTexts('vehicle', editing ? fieldsOf(editing) : EMPTY);
  const save = useEntityChange((body: VehicleInput) =>
    editing ? supplyApi.updateVehicle(editing.id, body) : supplyApi.createVehicle(body),
  );
  const depots = [
    { value: '', label: 'No depot' },
    ...warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` })),
  ];
  return (
    <EntityFormCard
      id="vehicle-form"
      title={editing ? `Edit vehicle ${editing.code}` : 'New vehicle'}
      saving={save}
      errorTitle="Could not save the vehicle"
      submitLabel={editing ? 'Save' : 'Create vehicle'}
      onSubmit={() => save.mutate(inputOf(fields), { onSuccess: onDone })}
      onCancel={onDone}
    >
      {input('code', 'Code', { required: true, maxLength: 50, pattern: '[A-Za-z0-9][A-Za-z0-9._:/#\\-]*' })}
      {input('type', 'Type', { required: true, maxLength: 50 })}
      {input('capacityKg', 'Capacity (kg)', { ...AMOUNT, required: true, max: 1e7 })}
      {input('capacityM3', 'Capacity (m³)', { ...AMOUNT, required: true, max: 1e5 })}
      {input('costPerKm', 'Cost per km', AMOUNT)}
      {input('costPerHour', 'Cost per hour', AMOUNT)}
      {input('co2PerKm', 'CO₂ per km (kg)', AMOUNT)}
      {choice('depotId', 'Depot', depots)}
      {input('shiftStart', 'Shift start (HH:MM)', CLOCK)}
      {input('shiftEnd', 'Shift end (HH:MM)', CLOCK)}
      {input('maxDrivingHours', 'Most driving hours a day', { type: 'number', min: 0, max: 24, step: 'any' })}
      {choice('status', 'Status', STATUSES)}
      {input('features', 'Features (comma-separated)', { maxLength: 1000 })}
    </EntityFormCard>
  );
}

const COLUMNS: EntityColumn<Vehicle>[] = [
  { label: 'Code', rowHeader: true, nowrap: true, cell: (v) => v.code },
  { label: 'Type', cell: (v) => v.type },
  { label: 'Status', cell: (v) => v.status.replaceAll('_', ' ') },
  {
    label: 'Capacity',
    cell: (v) => `${formatQuantity(v.capacityKg)} kg · ${formatQuantity(v.capacityM3)} m³`,
  },
  { label: 'Cost', cell: (v) => `${formatMoney(v.costPerKm)}/km · ${formatMoney(v.costPerHour)}/h` },
  { label: 'Shift', cell: (v) => `${v.shiftStart}–${v.shiftEnd}` },
  { label: 'Features', cell: (v) => v.features.join(', ') || '—' },
];

export function VehiclesSection({
  canEdit,
  warehouses,
}: {
  canEdit: boolean;
  warehouses: readonly Warehouse[];
}) {
  const { offset, setOffset } = useOffset();
  const vehicles = useVehicles(offset);
  const [form, setForm] = useState<{ editing: Vehicle | null } | null>(null);
  return (
    <>
      {form ? (
        <VehicleForm
          key={form.editing?.id ?? 'new'}
          editing={form.editing}
          warehouses={warehouses}
          onDone={() => setForm(null)}
        />
      ) : null}
      <section className="card" aria-labelledby="vehicles-heading">
        <div className="card-heading">
          <h2 id="vehicles-heading">Vehicles</h2>
          {canEdit && !form ? (
            <button type="button" className="button button-small" onClick={() => setForm({ editing: null })}>
              New vehicle
            </button>
          ) : null}
        </div>
        <EntityTable
          query={vehicles}
          columns={COLUMNS}
          noun="vehicles"
          empty="No vehicles yet."
          testId="vehicles-table"
          actions={
            canEdit ? (v) => <EditButton name={v.code} onClick={() => setForm({ editing: v })} /> : undefined
          }
        />
        <Pagination page={vehicles.data} onChange={setOffset} label="Vehicles" />
      </section>
    </>
  );
}
