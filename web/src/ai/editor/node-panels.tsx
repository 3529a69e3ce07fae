// One configuration form per node type (the side panel's middle, NodePanel.tsx). The numeric
// settings are listed as data (name, label, bounds — the server's own, catalog/node-config.ts) and
// drawn by one NumberField.
import { useId } from 'react';
import { SelectField } from '../../components/Field';
import { type MODEL_PROVIDERS, type PipelineNode, type RETRIEVE_SOURCES, RETRY_ON } from '../api';
import {
  type Bind,
  Checkbox,
  JsonSchemaField,
  ListField,
  NumberField,
  type NumberSpec,
  type SetConfig,
  TextField,
  without,
} from './config-fields';

const NUMBERS = {
  hours: { name: 'hours', label: 'Hours back', min: 1, max: 720, step: 1 },
  maxChars: { name: 'maxChars', label: 'Context at most (characters)', min: 100, max: 50000, step: 100 },
  ttlSeconds: { name: 'ttlSeconds', label: 'Keep answers for (seconds)', min: 1, step: 1 },
  threshold: { name: 'threshold', label: 'Similarity threshold (0.5 … 1)', min: 0.5, max: 1, step: 0.01 },
  maxInputTokens: { name: 'maxInputTokens', label: 'Refuse prompts above (tokens)', min: 1, step: 1 },
  temperature: { name: 'temperature', label: 'Temperature', min: 0, max: 2, step: 0.1 },
  maxTokens: { name: 'maxTokens', label: 'Answer at most (tokens)', min: 1, step: 1 },
  retries: { name: 'retries', label: 'Retries', min: 0, max: 5, step: 1 },
  timeoutMs: { name: 'timeoutMs', label: 'Timeout (ms)', min: 100, step: 100 },
  answerTimeoutMs: {
    name: 'answerTimeoutMs',
    label: 'Whole-answer timeout, requests without a stream (ms)',
    min: 100,
    max: 3600000,
    step: 100,
  },
  dailyTokenBudget: { name: 'dailyTokenBudget', label: 'Daily budget (tokens)', min: 0, step: 1 },
  dailyCostBudgetUsd: { name: 'dailyCostBudgetUsd', label: 'Daily budget (USD)', min: 0, step: 0.01 },
} satisfies Record<string, NumberSpec>;

const SOURCE_LABEL: Record<(typeof RETRIEVE_SOURCES)[number], string> = {
  analysis: 'An analysis',
  alarms: 'Alarm history',
  sensors: 'Sensor summary',
};

const PROVIDER_LABEL: Record<(typeof MODEL_PROVIDERS)[number], string> = {
  default: 'The server’s default',
  offline: 'Built-in offline model',
  openai: 'OpenAI-compatible',
  anthropic: 'Anthropic',
};

/** A setting chosen from a closed list (`labels`: each value's label, in order; the first is the default). */
function ChoiceField({
  bind,
  name,
  label,
  labels,
}: {
  bind: Bind;
  name: string;
  label: string;
  labels: Record<string, string>;
}) {
  const { config, set } = bind;
  const values = Object.keys(labels);
  return (
    <SelectField
      id={`${bind.id}-${name}`}
      label={label}
      value={String(config[name] ?? values[0])}
      onChange={(v) => set({ ...config, [name]: v })}
    >
      {values.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </SelectField>
  );
}

function RetrievePanel({ bind }: { bind: Bind }) {
  return (
    <>
      <ChoiceField bind={bind} name="source" label="Source" labels={SOURCE_LABEL} />
      <TextField bind={bind} name="entityId" label="Analysis or sensor id (empty: latest / all)" />
      <NumberField bind={bind} spec={NUMBERS.hours} />
      <NumberField bind={bind} spec={NUMBERS.maxChars} />
    </>
  );
}

const MODE_LABEL = { exact: 'Exact (same request)', semantic: 'Semantic (similar question)' };

function CachePanel({ bind }: { bind: Bind }) {
  return (
    <>
      <ChoiceField bind={bind} name="mode" label="Mode" labels={MODE_LABEL} />
      <NumberField bind={bind} spec={NUMBERS.ttlSeconds} />
      {bind.config.mode === 'semantic' ? <NumberField bind={bind} spec={NUMBERS.threshold} /> : null}
    </>
  );
}

function GuardPanel({ bind }: { bind: Bind }) {
  return (
    <>
      <Checkbox
        bind={bind}
        name="redactPii"
        label="Redact personal data (emails, phone numbers, card-like numbers)"
      />
      <NumberField bind={bind} spec={NUMBERS.maxInputTokens} />
      <ListField
        bind={bind}
        name="refuseTopics"
        label="Refused topics (comma-separated)"
        maxLength={1000}
        show={(value) => (Array.isArray(value) ? value.join(', ') : '')}
        parse={(topic) => topic}
      />
    </>
  );
}

/** "openai:gpt-4o-mini, anthropic:claude-3-5-haiku" ⇄ [{ provider, model }]. */
const fallbacksText = (value: unknown) =>
  Array.isArray(value)
    ? value
        .map((t: { provider?: string; model?: string }) => `${t.provider ?? 'default'}:${t.model ?? ''}`)
        .join(', ')
    : '';
const fallbackOf = (part: string) => {
  const [provider, ...model] = part.split(':');
  return { provider: provider?.trim() || 'default', model: model.join(':').trim() || 'default' };
};

function RetryOn({ bind }: { bind: Bind }) {
  const { id, config: c, set } = bind;
  const list = Array.isArray(c.retryOn) ? (c.retryOn as string[]) : [];
  return (
    <fieldset className="choice-group">
      <legend>Retry on</legend>
      {RETRY_ON.map((r) => (
        <div className="choice" key={r}>
          <input
            id={`${id}-retry-${r}`}
            type="checkbox"
            checked={list.includes(r)}
            onChange={(event) => {
              const next = event.target.checked ? [...list, r] : list.filter((x) => x !== r);
              set(next.length === 0 ? without(c, 'retryOn') : { ...c, retryOn: next });
            }}
          />
          <label htmlFor={`${id}-retry-${r}`}>{r.replace('_', ' ')}</label>
        </div>
      ))}
    </fieldset>
  );
}

function ModelPanel({ bind }: { bind: Bind }) {
  return (
    <>
      <ChoiceField bind={bind} name="provider" label="Provider" labels={PROVIDER_LABEL} />
      <TextField bind={bind} name="model" label="Model" />
      <NumberField bind={bind} spec={NUMBERS.temperature} />
      <NumberField bind={bind} spec={NUMBERS.maxTokens} />
      <ListField
        bind={bind}
        name="fallbacks"
        label="Fallbacks (provider:model, in order)"
        maxLength={500}
        show={fallbacksText}
        parse={fallbackOf}
      />
      <NumberField bind={bind} spec={NUMBERS.retries} />
      <RetryOn bind={bind} />
      <NumberField bind={bind} spec={NUMBERS.timeoutMs} />
      <NumberField bind={bind} spec={NUMBERS.answerTimeoutMs} />
      <NumberField bind={bind} spec={NUMBERS.dailyTokenBudget} />
      <NumberField bind={bind} spec={NUMBERS.dailyCostBudgetUsd} />
    </>
  );
}

function PostprocessPanel({ bind }: { bind: Bind }) {
  return (
    <>
      <Checkbox bind={bind} name="groundNumbers" label="Flag numbers not found in the context or prompt" />
      <JsonSchemaField bind={bind} />
    </>
  );
}

/** The configuration form of the node's type. */
export function ConfigFields({ node, set }: { node: PipelineNode; set: SetConfig }) {
  const bind: Bind = { id: useId(), config: node.config, set };
  switch (node.type) {
    case 'retrieve':
      return <RetrievePanel bind={bind} />;
    case 'cache':
      return <CachePanel bind={bind} />;
    case 'guard':
      return <GuardPanel bind={bind} />;
    case 'model':
      return <ModelPanel bind={bind} />;
    case 'postprocess':
      return <PostprocessPanel bind={bind} />;
    default:
      return <p className="muted">This node has nothing to configure.</p>;
  }
}
