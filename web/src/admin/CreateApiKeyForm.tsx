import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Scope } from '../auth/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { formatDate } from '../format';
import { type ApiKeyCreated, apiKeysApi } from './api';

const SCOPE_HINTS: Record<Scope, string> = {
  read: 'read plant data',
  operate: 'operate lines and batches',
  analyze: 'run analyses',
  admin: 'manage users, keys and settings',
};

type Expiry = '30' | '90' | '365' | 'custom';
const DAY_MS = 24 * 3600 * 1000;
/** The server refuses keys that expire later than this (API_KEY_MAX_LIFETIME_DAYS, 365 by default). */
const MAX_LIFETIME_DAYS = 365;
/** Keeps "a year ahead" inside the server's limit when this computer's clock runs a little ahead. */
const CLOCK_MARGIN_MS = 3600 * 1000;

const latestExpiry = () => Date.now() + MAX_LIFETIME_DAYS * DAY_MS - CLOCK_MARGIN_MS;

/** ISO instant for the chosen expiry; undefined leaves the server's default (90 days). */
function expiresAtFor(expiry: Expiry, customDate: string): string | undefined {
  if (expiry === '90') return undefined;
  // The end of the chosen day, but never past the latest instant the server accepts.
  const at =
    expiry === 'custom'
      ? Math.min(new Date(`${customDate}T23:59:59`).getTime(), latestExpiry())
      : Math.min(Date.now() + Number(expiry) * DAY_MS, latestExpiry());
  return new Date(at).toISOString();
}

/** `YYYY-MM-DD` of the local day `days` from now, as a date input wants it. */
function dayFromNow(days: number): string {
  const date = new Date(Date.now() + days * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Creates a key with some of the user's own scopes; the server never grants more than the role has. */
export function CreateApiKeyForm({
  scopes,
  onCreated,
  onCancel,
}: {
  /** The signed-in user's scopes: the most a key may have. */
  scopes: readonly Scope[];
  onCreated: (created: ApiKeyCreated) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<Scope[]>(scopes.includes('read') ? ['read'] : []);
  const [expiry, setExpiry] = useState<Expiry>('90');
  const [customDate, setCustomDate] = useState(() => dayFromNow(1));
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation({ mutationFn: apiKeysApi.create, onSuccess: onCreated });

  const toggle = (scope: Scope, on: boolean) =>
    setChosen((was) =>
      on ? scopes.filter((s) => s === scope || was.includes(s)) : was.filter((s) => s !== scope),
    );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setProblem('Choose at least one scope.');
      return;
    }
    if (expiry === 'custom' && (customDate < dayFromNow(1) || customDate > dayFromNow(MAX_LIFETIME_DAYS))) {
      setProblem('Choose an expiry date between tomorrow and one year from today.');
      return;
    }
    setProblem(null);
    const expiresAt = expiresAtFor(expiry, customDate);
    create.mutate({ name: name.trim(), scopes: chosen, ...(expiresAt === undefined ? {} : { expiresAt }) });
  };

  return (
    <section className="card" aria-labelledby="create-key-heading">
      <h2 id="create-key-heading">Create API key</h2>
      {create.isError ? <ErrorNotice error={create.error} title="Could not create the key" /> : null}
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} aria-busy={create.isPending}>
        <div className="form-grid">
          <InputField
            id="key-name"
            label="Name"
            required
            maxLength={200}
            placeholder="e.g. Line 3 historian export"
            value={name}
            onChange={setName}
          />
          <SelectField
            id="key-expiry"
            label="Expires"
            value={expiry}
            onChange={(value) => setExpiry(value as Expiry)}
            aria-describedby="key-expiry-hint"
            hint={
              <p id="key-expiry-hint" className="field-hint">
                Every key expires, at most one year from today; make a new one before then.
              </p>
            }
          >
            <option value="30">In 30 days</option>
            <option value="90">In 90 days (default)</option>
            <option value="365">In 1 year</option>
            <option value="custom">On a date…</option>
          </SelectField>
          {expiry === 'custom' ? (
            <InputField
              id="key-expiry-date"
              label="Expiry date"
              type="date"
              required
              min={dayFromNow(1)}
              max={dayFromNow(MAX_LIFETIME_DAYS)}
              value={customDate}
              onChange={setCustomDate}
              aria-describedby="key-expiry-date-hint"
              hint={
                <p id="key-expiry-date-hint" className="field-hint">
                  Tomorrow at the earliest, {formatDate(dayFromNow(MAX_LIFETIME_DAYS))} at the latest.
                </p>
              }
            />
          ) : null}
        </div>
        <fieldset className="field choice-group">
          <legend>Scopes</legend>
          {scopes.map((scope) => (
            <label key={scope} className="choice">
              <input
                type="checkbox"
                name="key-scopes"
                value={scope}
                checked={chosen.includes(scope)}
                onChange={(event) => toggle(scope, event.target.checked)}
              />
              <code>{scope}</code> <span className="muted">— {SCOPE_HINTS[scope]}</span>
            </label>
          ))}
          <p className="field-hint">Only scopes your own role has can be given to a key.</p>
        </fieldset>
        <FormActions
          label="Create key"
          pendingLabel="Creating…"
          pending={create.isPending}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}
