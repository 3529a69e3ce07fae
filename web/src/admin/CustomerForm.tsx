import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField, TextareaField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import type { Customer, CustomerFields, CustomerPlan, CustomerStatus } from './api';

type TextField = 'name' | 'email' | 'contactName' | 'phone' | 'address' | 'notes' | 'startDate';
type Draft = Record<TextField, string> & { plan: CustomerPlan; status: CustomerStatus };

const NULLABLE: readonly TextField[] = ['contactName', 'phone', 'address', 'notes'];

function draftOf(customer: Customer | undefined): Draft {
  return {
    name: customer?.name ?? '',
    email: customer?.email ?? '',
    contactName: customer?.contactName ?? '',
    phone: customer?.phone ?? '',
    address: customer?.address ?? '',
    notes: customer?.notes ?? '',
    startDate: customer?.startDate ?? '',
    plan: customer?.plan ?? 'pilot',
    status: customer?.status ?? 'trial',
  };
}

/** New customer: the filled-in fields. Edit: only what changed, with emptied optional fields as null. */
function fieldsToSend(draft: Draft, original: Customer | undefined): CustomerFields {
  const fields: Record<string, string | null> = {};
  for (const [name, raw] of Object.entries(draft) as [keyof Draft, string][]) {
    const value = raw.trim();
    if (!original) {
      if (value !== '') fields[name] = value;
      continue;
    }
    const before = original[name] ?? '';
    if (value === before) continue;
    if (value === '' && !NULLABLE.includes(name as TextField)) continue;
    fields[name] = value === '' ? null : value;
  }
  return fields as CustomerFields;
}

/** Creates a customer or edits one; `onSubmit` rejects with the server's error, which is shown here. */
export function CustomerForm({
  customer,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  customer?: Customer;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (fields: CustomerFields) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(customer));
  const set = (name: keyof Draft) => (value: string) => setDraft((was) => ({ ...was, [name]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = fieldsToSend(draft, customer);
    if (customer && Object.keys(fields).length === 0) {
      onCancel();
      return;
    }
    onSubmit(fields);
  };

  const id = (name: string) => `customer-${name}`;
  return (
    <form className="form" onSubmit={submit} aria-busy={pending}>
      {error ? <ErrorNotice error={error} title="Could not save the customer" /> : null}
      <div className="form-grid">
        <InputField
          id={id('name')}
          label="Name"
          required
          maxLength={200}
          value={draft.name}
          onChange={set('name')}
        />
        <InputField
          id={id('email')}
          label="Email"
          type="email"
          required
          maxLength={254}
          value={draft.email}
          onChange={set('email')}
        />
        <InputField
          id={id('contact')}
          label="Contact person"
          maxLength={200}
          value={draft.contactName}
          onChange={set('contactName')}
        />
        <InputField
          id={id('phone')}
          label="Phone"
          type="tel"
          maxLength={50}
          value={draft.phone}
          onChange={set('phone')}
        />
        <SelectField id={id('plan')} label="Plan" value={draft.plan} onChange={set('plan')}>
          <option value="pilot">Pilot</option>
          <option value="subscription">Subscription</option>
        </SelectField>
        <SelectField id={id('status')} label="Status" value={draft.status} onChange={set('status')}>
          <option value="trial">Trial</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </SelectField>
        <InputField
          id={id('start')}
          label="Start date"
          type="date"
          value={draft.startDate}
          onChange={set('startDate')}
          hint={customer ? null : <p className="field-hint">Empty: today.</p>}
        />
      </div>
      <TextareaField
        id={id('address')}
        label="Address"
        rows={2}
        maxLength={500}
        value={draft.address}
        onChange={set('address')}
      />
      <TextareaField
        id={id('notes')}
        label="Notes"
        rows={3}
        maxLength={5000}
        value={draft.notes}
        onChange={set('notes')}
      />
      <FormActions label={submitLabel} pendingLabel="Saving…" pending={pending} onCancel={onCancel} />
    </form>
  );
}
