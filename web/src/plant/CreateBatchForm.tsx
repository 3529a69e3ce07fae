// Plans a batch on a line (operators): product, quantity, ideal cycle time, optional window and costs.
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { type InputAttributes, InputField, SelectField, TextareaField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import type { Batch, Line, NewBatch } from './api';
import { useCreateBatch } from './hooks';

const FIELDS = {
  code: '',
  productSku: '',
  productName: '',
  plannedQuantity: '',
  idealCycleSeconds: '',
  plannedStart: '',
  plannedEnd: '',
  labourRate: '',
  materialCostPerUnit: '',
  notes: '',
};

type Fields = typeof FIELDS;

/** Optional fields left empty are undefined, which the JSON body leaves out. */
const optionalText = (value: string) => value.trim() || undefined;
const optionalNumber = (value: string) => (value === '' ? undefined : Number(value));
/** A `datetime-local` value (the browser's time zone) as an ISO instant. */
const optionalInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);

function toInput(lineId: string, f: Fields): NewBatch {
  return {
    lineId,
    productSku: f.productSku.trim(),
    plannedQuantity: Number(f.plannedQuantity),
    idealCycleSeconds: Number(f.idealCycleSeconds),
    code: optionalText(f.code),
    productName: optionalText(f.productName),
    plannedStart: optionalInstant(f.plannedStart),
    plannedEnd: optionalInstant(f.plannedEnd),
    labourRate: optionalNumber(f.labourRate),
    materialCostPerUnit: optionalNumber(f.materialCostPerUnit),
    notes: optionalText(f.notes),
  };
}

export function CreateBatchForm({
  lines,
  initialLineId,
  onCreated,
  onCancel,
}: {
  lines: readonly Line[];
  initialLineId: string;
  onCreated: (batch: Batch) => void;
  onCancel: () => void;
}) {
  const [lineId, setLineId] = useState(initialLineId || (lines[0]?.id ?? ''));
  const [fields, setFields] = useState<Fields>(FIELDS);
  const create = useCreateBatch();
  const set = (name: keyof Fields) => (value: string) =>
    setFields((current) => ({ ...current, [name]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(toInput(lineId || (lines[0]?.id ?? ''), fields), { onSuccess: onCreated });
  };

  const text = (name: keyof Fields, label: string, props: InputAttributes = {}) => (
    <InputField id={`batch-${name}`} label={label} value={fields[name]} onChange={set(name)} {...props} />
  );

  return (
    <section className="card" aria-labelledby="new-batch-heading">
      <h2 id="new-batch-heading">New batch</h2>
      {create.isError ? <ErrorNotice error={create.error} title="Could not plan the batch" /> : null}
      <form className="form" onSubmit={submit} aria-busy={create.isPending}>
        <div className="form-grid">
          <SelectField id="batch-line" label="Line" required value={lineId} onChange={setLineId}>
            {lines.map((line) => (
              <option key={line.id} value={line.id}>
                {line.name}
              </option>
            ))}
          </SelectField>
          {text('productSku', 'Product SKU', { required: true, maxLength: 100 })}
          {text('productName', 'Product name (optional)', { maxLength: 200 })}
          {text('plannedQuantity', 'Planned quantity', { type: 'number', required: true, min: 1, step: 1 })}
          {text('idealCycleSeconds', 'Ideal cycle time (s per piece)', {
            type: 'number',
            required: true,
            min: 0.001,
            step: 'any',
          })}
          {text('code', 'Batch code (optional)', {
            maxLength: 60,
            pattern: '[A-Za-z0-9._\\-]+',
            title: 'Letters, digits, dot, underscore and dash',
          })}
          {text('plannedStart', 'Planned start (optional)', { type: 'datetime-local' })}
          {text('plannedEnd', 'Planned end (optional)', { type: 'datetime-local' })}
          {text('labourRate', 'Labour rate per hour (optional)', { type: 'number', min: 0, step: 'any' })}
          {text('materialCostPerUnit', 'Material cost per unit (optional)', {
            type: 'number',
            min: 0,
            step: 'any',
          })}
        </div>
        <TextareaField
          id="batch-notes"
          label="Notes (optional)"
          rows={2}
          maxLength={5000}
          value={fields.notes}
          onChange={set('notes')}
        />
        <p className="field-hint">
          The ideal cycle time is the fastest possible time per piece; performance is measured against it.
        </p>
        <FormActions
          label="Plan batch"
          pendingLabel="Planning…"
          pending={create.isPending}
          disabled={lines.length === 0}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}
