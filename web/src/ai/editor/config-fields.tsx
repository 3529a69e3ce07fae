// The fields of a node's configuration form (node-panels.tsx): each edits one setting of the node's
// config, and an emptied field removes the setting (the server then applies its default).
import { useState } from 'react';
import { InputField, TextareaField } from '../../components/Field';
import type { NodeConfig } from '../api';

export type SetConfig = (config: NodeConfig) => void;

/** What every field of one node's form shares: an id prefix, the config and its setter. */
export interface Bind {
  id: string;
  config: NodeConfig;
  set: SetConfig;
}

export function without(config: NodeConfig, key: string): NodeConfig {
  const { [key]: _, ...rest } = config;
  return rest;
}

/** A numeric setting: its name in the config, its label and bounds (the server's own). */
export interface NumberSpec {
  name: string;
  label: string;
  min?: number;
  max?: number;
  step?: number;
}

export function NumberField({ bind, spec }: { bind: Bind; spec: NumberSpec }) {
  const { config, set } = bind;
  const value = config[spec.name];
  return (
    <InputField
      id={`${bind.id}-${spec.name}`}
      label={spec.label}
      type="number"
      min={spec.min}
      max={spec.max}
      step={spec.step ?? 'any'}
      value={typeof value === 'number' ? String(value) : ''}
      onChange={(text) => {
        const n = Number(text);
        set(text === '' || !Number.isFinite(n) ? without(config, spec.name) : { ...config, [spec.name]: n });
      }}
    />
  );
}

export function TextField({ bind, name, label }: { bind: Bind; name: string; label: string }) {
  const { config, set } = bind;
  const value = config[name];
  return (
    <InputField
      id={`${bind.id}-${name}`}
      label={label}
      value={typeof value === 'string' ? value : ''}
      maxLength={200}
      onChange={(text) => set(text === '' ? without(config, name) : { ...config, [name]: text })}
    />
  );
}

/** A comma-separated list ⇄ a list setting (`parse` turns one item into its value). */
export function ListField<T>({
  bind,
  name,
  label,
  maxLength,
  show,
  parse,
}: {
  bind: Bind;
  name: string;
  label: string;
  maxLength: number;
  show: (value: unknown) => string;
  parse: (item: string) => T;
}) {
  const { config, set } = bind;
  return (
    <InputField
      id={`${bind.id}-${name}`}
      label={label}
      value={show(config[name])}
      maxLength={maxLength}
      onChange={(text) => {
        const list = text
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
          .map(parse);
        set(list.length === 0 ? without(config, name) : { ...config, [name]: list });
      }}
    />
  );
}

export function Checkbox({ bind, name, label }: { bind: Bind; name: string; label: string }) {
  const { config, set } = bind;
  const id = `${bind.id}-${name}`;
  return (
    <div className="choice">
      <input
        id={id}
        type="checkbox"
        checked={config[name] === true}
        onChange={(event) => set({ ...config, [name]: event.target.checked })}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function JsonSchemaField({ bind }: { bind: Bind }) {
  const { config, set } = bind;
  const [text, setText] = useState(config.jsonSchema ? JSON.stringify(config.jsonSchema, null, 2) : '');
  const [invalid, setInvalid] = useState(false);
  return (
    <TextareaField
      id={`${bind.id}-jsonSchema`}
      label="JSON schema of the answer (optional)"
      rows={4}
      value={text}
      maxLength={4000}
      aria-invalid={invalid}
      hint={
        invalid ? (
          <p className="field-hint field-error">Not valid JSON: the schema is left as it was.</p>
        ) : null
      }
      onChange={(next) => {
        setText(next);
        if (next.trim() === '') {
          setInvalid(false);
          set(without(config, 'jsonSchema'));
          return;
        }
        try {
          const parsed: unknown = JSON.parse(next);
          setInvalid(false);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
            set({ ...config, jsonSchema: parsed });
        } catch {
          setInvalid(true);
        }
      }}
    />
  );
}
