// The pieces every supply entity form shares: a card with its heading, error and actions around a
// grid of fields whose text values live in one record, and the conversions from those texts to a body.
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { type InputAttributes, InputField, SelectField } from '../components/Field';
import { FormActions } from '../components/FormActions';

/** `HH:MM` from 00:00 to 24:00 (24:00 ends a window at midnight), as the server checks it. */
export const CLOCK_PATTERN = '(?:[01]\\d|2[0-3]):[0-5]\\d|24:00';

/** Empty optional fields are null: clearing a field clears it on the server too. */
export const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));
export const textOrNull = (text: string) => text.trim() || null;

/** `{ name: value }` when the field is filled, else nothing (the server's default applies). */
export function filledNumber<K extends string>(name: K, text: string): { [P in K]?: number } {
  return text.trim() === '' ? {} : ({ [name]: Number(text) } as { [P in K]: number });
}

export const textOf = (value: number | string | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/**
 * The text of every field of a form, one record: `input` and `choice` render a labelled control
 * for a field, with ids `<prefix>-<name>`.
 */
export function useFieldTexts<F extends Record<string, string>>(prefix: string, initial: F) {
  const [fields, setFields] = useState<F>(initial);
  const set = (name: keyof F) => (value: string) => setFields((f) => ({ ...f, [name]: value }));
  const input = (name: keyof F & string, label: string, props: InputAttributes = {}) => (
    <InputField
      id={`${prefix}-${name}`}
      label={label}
      value={fields[name] ?? ''}
      onChange={set(name)}
      {...props}
    />
  );
  const choice = (
    name: keyof F & string,
    label: string,
    options: readonly (string | { value: string; label: string })[],
  ) => (
    <SelectField id={`${prefix}-${name}`} label={label} value={fields[name] ?? ''} onChange={set(name)}>
      {options.map((o) =>
        typeof o === 'string' ? (
          <option key={o} value={o}>
            {o.replaceAll('_', ' ')}
          </option>
        ) : (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ),
      )}
    </SelectField>
  );
  return { fields, set, input, choice };
}

interface Saving {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** A create or edit form in its own card: heading, the save's error, the fields, Save and Cancel. */
export function EntityFormCard({
  id,
  title,
  saving,
  errorTitle,
  submitLabel,
  onSubmit,
  onCancel,
  children,
  extra,
}: {
  /** Names the card's heading (`<id>-heading`). */
  id: string;
  title: string;
  saving: Saving;
  errorTitle: string;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  /** The grid of fields. */
  children: ReactNode;
  /** Under the grid: e.g. a list of windows. */
  extra?: ReactNode;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {saving.isError ? <ErrorNotice error={saving.error} title={errorTitle} /> : null}
      <form className="form" onSubmit={submit} aria-busy={saving.isPending}>
        <div className="form-grid">{children}</div>
        {extra}
        <FormActions
          label={submitLabel}
          pendingLabel="Saving…"
          pending={saving.isPending}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}

/** The "Edit <name>" button of a table row. */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button type="button" className="button button-secondary button-small" onClick={onClick}>
      Edit<span className="visually-hidden"> {name}</span>
    </button>
  );
}
