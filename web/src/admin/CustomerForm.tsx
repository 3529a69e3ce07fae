import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
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
  const set = (name: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((was) => ({ ...was, [name]: event.target.value }));

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
        <div className="field">
          <label htmlFor={id('name')}>Name</label>
          <input id={id('name')} required maxLength={200} value={draft.name} onChange={set('name')} />
        </div>
        <div className="field">
          <label htmlFor={id('email')}>Email</label>
          <input
            id={id('email')}
            type="email"
            required
            maxLength={254}
            value={draft.email}
            onChange={set('email')}
          />
        </div>
        <div className="field">
          <label htmlFor={id('contact')}>Contact person</label>
          <input id={id('contact')} maxLength={200} value={draft.contactName} onChange={set('contactName')} />
        </div>
        <div className="field">
          <label htmlFor={id('phone')}>Phone</label>
          <input id={id('phone')} type="tel" maxLength={50} value={draft.phone} onChange={set('phone')} />
        </div>
        <div className="field">
          <label htmlFor={id('plan')}>Plan</label>
          <select id={id('plan')} value={draft.plan} onChange={set('plan')}>
            <option value="pilot">Pilot</option>
            <option value="subscription">Subscription</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('status')}>Status</label>
          <select id={id('status')} value={draft.status} onChange={set('status')}>
            <option value="trial">Trial</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('start')}>Start date</label>
          <input id={id('start')} type="date" value={draft.startDate} onChange={set('startDate')} />
          {customer ? null : <p className="field-hint">Empty: today.</p>}
        </div>
      </div>
      <div className="field">
        <label htmlFor={id('address')}>Address</label>
        <textarea
          id={id('address')}
          rows={2}
          maxLength={500}
          value={draft.address}
          onChange={set('address')}
        />
      </div>
      <div className="field">
        <label htmlFor={id('notes')}>Notes</label>
        <textarea id={id('notes')} rows={3} maxLength={5000} value={draft.notes} onChange={set('notes')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
