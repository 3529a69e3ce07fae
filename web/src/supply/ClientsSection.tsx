// Clients: the list, and a form that creates one or edits the one chosen (analysts), with the
// delivery windows of a day (none: any time).
import { useState } from 'react';
import { InputField } from '../components/Field';
import { Pagination, useOffset } from '../components/Pagination';
import { type Client, type ClientInput, supplyApi } from './api';
import {
  CLOCK_PATTERN,
  EditButton,
  EntityFormCard,
  filledNumber,
  numberOrNull,
  textOf,
  textOrNull,
  useFieldTexts,
} from './EntityForm';
import { type EntityColumn, EntityTable } from './EntityTable';
import { formatQuantity } from './format';
import { useClients, useEntityChange } from './hooks';

type Window = Client['timeWindows'][number];

const EMPTY = {
  name: '',
  address: '',
  latitude: '',
  longitude: '',
  serviceMinutes: '',
  priority: '3',
  slaHours: '',
};
type Fields = typeof EMPTY;

const fieldsOf = (c: Client): Fields => ({
  name: c.name,
  address: c.address ?? '',
  latitude: textOf(c.latitude),
  longitude: textOf(c.longitude),
  serviceMinutes: textOf(c.serviceMinutes),
  priority: String(c.priority),
  slaHours: textOf(c.slaHours),
});

const inputOf = (f: Fields, windows: readonly Window[]): ClientInput => ({
  name: f.name.trim(),
  address: textOrNull(f.address),
  latitude: numberOrNull(f.latitude),
  longitude: numberOrNull(f.longitude),
  priority: Number(f.priority),
  slaHours: numberOrNull(f.slaHours),
  timeWindows: windows.map((w) => ({ start: w.start.trim(), end: w.end.trim() })),
  ...filledNumber('serviceMinutes', f.serviceMinutes),
});

const CLOCK = { pattern: CLOCK_PATTERN, placeholder: 'HH:MM', maxLength: 5, required: true } as const;

/** The delivery windows of a day, each from–until, added and removed one at a time. */
function WindowsFieldset({
  windows,
  onChange,
}: {
  windows: readonly Window[];
  onChange: (next: Window[]) => void;
}) {
  const setWindow = (i: number, patch: Partial<Window>) =>
    onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <fieldset className="order-lines">
      <legend>Delivery windows (none: any time)</legend>
      {windows.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: windows have no identity but their position
        <div className="form-grid" key={i}>
          <InputField
            id={`client-window-${i}-start`}
            label={`Window ${i + 1} from (HH:MM)`}
            value={w.start}
            onChange={(start) => setWindow(i, { start })}
            {...CLOCK}
          />
          <InputField
            id={`client-window-${i}-end`}
            label={`Window ${i + 1} until (HH:MM)`}
            value={w.end}
            onChange={(end) => setWindow(i, { end })}
            {...CLOCK}
          />
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => onChange(windows.filter((_, j) => j !== i))}
          >
            Remove window {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={windows.length >= 24}
        onClick={() => onChange([...windows, { start: '', end: '' }])}
      >
        Add a window
      </button>
    </fieldset>
  );
}

function ClientForm({ editing, onDone }: { editing: Client | null; onDone: () => void }) {
  const { fields, input, choice } = useFieldTexts('client', editing ? fieldsOf(editing) : EMPTY);
  const [windows, setWindows] = useState<Window[]>(editing ? [...editing.timeWindows] : []);
  const save = useEntityChange((body: ClientInput) =>
    editing ? supplyApi.updateClient(editing.id, body) : supplyApi.createClient(body),
  );
  return (
    <EntityFormCard
      id="client-form"
      title={editing ? `Edit client ${editing.name}` : 'New client'}
      saving={save}
      errorTitle="Could not save the client"
      submitLabel={editing ? 'Save' : 'Create client'}
      onSubmit={() => save.mutate(inputOf(fields, windows), { onSuccess: onDone })}
      onCancel={onDone}
      extra={<WindowsFieldset windows={windows} onChange={setWindows} />}
    >
      {input('name', 'Name', { required: true, maxLength: 200 })}
      {input('address', 'Address (optional)', { maxLength: 500 })}
      {input('latitude', 'Latitude (optional)', { type: 'number', min: -90, max: 90, step: 'any' })}
      {input('longitude', 'Longitude (optional)', { type: 'number', min: -180, max: 180, step: 'any' })}
      {input('serviceMinutes', 'Minutes at the client per delivery', {
        type: 'number',
        min: 0,
        max: 1440,
        step: 'any',
      })}
      {choice('priority', 'Priority', [
        { value: '1', label: '1 (highest)' },
        { value: '2', label: '2' },
        { value: '3', label: '3' },
        { value: '4', label: '4' },
        { value: '5', label: '5 (lowest)' },
      ])}
      {input('slaHours', 'Promised delivery time in hours (optional)', {
        type: 'number',
        min: 0,
        max: 8760,
        step: 'any',
      })}
    </EntityFormCard>
  );
}

const COLUMNS: EntityColumn<Client>[] = [
  { label: 'Name', rowHeader: true, cell: (c) => c.name },
  { label: 'Address', cell: (c) => c.address ?? '—' },
  {
    label: 'Delivery windows',
    cell: (c) =>
      c.timeWindows.length > 0 ? c.timeWindows.map((w) => `${w.start}–${w.end}`).join(', ') : 'any time',
  },
  { label: 'Service', numeric: true, cell: (c) => `${formatQuantity(c.serviceMinutes)} min` },
  { label: 'Priority', numeric: true, cell: (c) => c.priority },
  {
    label: 'SLA',
    numeric: true,
    cell: (c) => (c.slaHours === null ? '—' : `${formatQuantity(c.slaHours)} h`),
  },
];

export function ClientsSection({ canEdit }: { canEdit: boolean }) {
  const { offset, setOffset } = useOffset();
  const clients = useClients(offset);
  const [form, setForm] = useState<{ editing: Client | null } | null>(null);
  return (
    <>
      {form ? (
        <ClientForm key={form.editing?.id ?? 'new'} editing={form.editing} onDone={() => setForm(null)} />
      ) : null}
      <section className="card" aria-labelledby="clients-heading">
        <div className="card-heading">
          <h2 id="clients-heading">Clients</h2>
          {canEdit && !form ? (
            <button type="button" className="button button-small" onClick={() => setForm({ editing: null })}>
              New client
            </button>
          ) : null}
        </div>
        <EntityTable
          query={clients}
          columns={COLUMNS}
          noun="clients"
          empty="No clients yet."
          testId="clients-table"
          actions={
            canEdit ? (c) => <EditButton name={c.name} onClick={() => setForm({ editing: c })} /> : undefined
          }
        />
        <Pagination page={clients.data} onChange={setOffset} label="Clients" />
      </section>
    </>
  );
}
