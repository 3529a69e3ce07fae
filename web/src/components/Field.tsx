import type { ComponentProps, ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: ReactNode;
  value: string;
  /** Called with the control's new value. */
  onChange: (value: string) => void;
  /** Under the control, e.g. a `field-hint` paragraph (link it with `aria-describedby` where it helps). */
  hint?: ReactNode;
  narrow?: boolean;
}

/** The attributes of an `<input>` that an `InputField` passes on. */
export type InputAttributes = Omit<ComponentProps<'input'>, keyof FieldProps>;

function Field({
  id,
  label,
  hint,
  narrow,
  children,
}: Omit<FieldProps, 'value' | 'onChange'> & { children: ReactNode }) {
  return (
    <div className={narrow ? 'field field-narrow' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint}
    </div>
  );
}

/** A labelled text, number or date input. */
export function InputField({ id, label, hint, narrow, onChange, ...input }: FieldProps & InputAttributes) {
  return (
    <Field id={id} label={label} hint={hint} narrow={narrow}>
      <input id={id} {...input} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}

/** A labelled select; its options are the children. */
export function SelectField({
  id,
  label,
  hint,
  narrow,
  onChange,
  children,
  ...select
}: FieldProps & Omit<ComponentProps<'select'>, keyof FieldProps>) {
  return (
    <Field id={id} label={label} hint={hint} narrow={narrow}>
      <select id={id} {...select} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </Field>
  );
}

/** A labelled multi-line text. */
export function TextareaField({
  id,
  label,
  hint,
  narrow,
  onChange,
  ...textarea
}: FieldProps & Omit<ComponentProps<'textarea'>, keyof FieldProps>) {
  return (
    <Field id={id} label={label} hint={hint} narrow={narrow}>
      <textarea id={id} {...textarea} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}
