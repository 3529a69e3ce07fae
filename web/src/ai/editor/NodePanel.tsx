// The side panel of the selected node: its name, its type's configuration, its connections (made
// and removed here too, so the graph can be built without a pointer), its problems, and removal.
import { useId, useState } from 'react';
import { InputField, SelectField, TextareaField } from '../../components/Field';
import {
  MODEL_PROVIDERS,
  type NodeConfig,
  type PipelineConnection,
  type PipelineGraph,
  type PipelineNode,
  RETRIEVE_SOURCES,
  RETRY_ON,
} from '../api';
import { NODE_TYPE_HINT, NODE_TYPE_LABEL } from './graph';

type SetConfig = (config: NodeConfig) => void;

function without(config: NodeConfig, key: string): NodeConfig {
  const { [key]: _, ...rest } = config;
  return rest;
}

function NumberField({
  id,
  label,
  config,
  name,
  set,
  min,
  max,
  step,
}: {
  id: string;
  label: string;
  config: NodeConfig;
  name: string;
  set: SetConfig;
  min?: number;
  max?: number;
  step?: number;
}) {
  const value = config[name];
  return (
    <InputField
      id={id}
      label={label}
      type="number"
      min={min}
      max={max}
      step={step ?? 'any'}
      value={typeof value === 'number' ? String(value) : ''}
      onChange={(text) => {
        const n = Number(text);
        set(text === '' || !Number.isFinite(n) ? without(config, name) : { ...config, [name]: n });
      }}
    />
  );
}

function TextField({
  id,
  label,
  config,
  name,
  set,
}: {
  id: string;
  label: string;
  config: NodeConfig;
  name: string;
  set: SetConfig;
}) {
  const value = config[name];
  return (
    <InputField
      id={id}
      label={label}
      value={typeof value === 'string' ? value : ''}
      maxLength={200}
      onChange={(text) => set(text === '' ? without(config, name) : { ...config, [name]: text })}
    />
  );
}

function Checkbox({
  id,
  label,
  config,
  name,
  set,
}: {
  id: string;
  label: string;
  config: NodeConfig;
  name: string;
  set: SetConfig;
}) {
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

/** "openai:gpt-4o-mini, anthropic:claude-3-5-haiku" ⇄ [{ provider, model }]. */
const fallbacksText = (value: unknown) =>
  Array.isArray(value)
    ? value
        .map((t: { provider?: string; model?: string }) => `${t.provider ?? 'default'}:${t.model ?? ''}`)
        .join(', ')
    : '';
const fallbacksOf = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [provider, ...model] = part.split(':');
      return { provider: provider?.trim() || 'default', model: model.join(':').trim() || 'default' };
    });

function JsonSchemaField({ id, config, set }: { id: string; config: NodeConfig; set: SetConfig }) {
  const [text, setText] = useState(config.jsonSchema ? JSON.stringify(config.jsonSchema, null, 2) : '');
  const [invalid, setInvalid] = useState(false);
  return (
    <TextareaField
      id={id}
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

function ConfigFields({ node, set }: { node: PipelineNode; set: SetConfig }) {
  const id = useId();
  const c = node.config;
  switch (node.type) {
    case 'retrieve':
      return (
        <>
          <SelectField
            id={`${id}-source`}
            label="Source"
            value={String(c.source ?? 'analysis')}
            onChange={(v) => set({ ...c, source: v })}
          >
            {RETRIEVE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {s === 'analysis' ? 'An analysis' : s === 'alarms' ? 'Alarm history' : 'Sensor summary'}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${id}-entity`}
            label="Analysis or sensor id (empty: latest / all)"
            config={c}
            name="entityId"
            set={set}
          />
          <NumberField
            id={`${id}-hours`}
            label="Hours back"
            config={c}
            name="hours"
            set={set}
            min={1}
            max={720}
            step={1}
          />
          <NumberField
            id={`${id}-chars`}
            label="Context at most (characters)"
            config={c}
            name="maxChars"
            set={set}
            min={100}
            max={50000}
            step={100}
          />
        </>
      );
    case 'cache':
      return (
        <>
          <SelectField
            id={`${id}-mode`}
            label="Mode"
            value={String(c.mode ?? 'exact')}
            onChange={(v) => set({ ...c, mode: v })}
          >
            <option value="exact">Exact (same request)</option>
            <option value="semantic">Semantic (similar question)</option>
          </SelectField>
          <NumberField
            id={`${id}-ttl`}
            label="Keep answers for (seconds)"
            config={c}
            name="ttlSeconds"
            set={set}
            min={1}
            step={1}
          />
          {c.mode === 'semantic' ? (
            <NumberField
              id={`${id}-threshold`}
              label="Similarity threshold (0.5 … 1)"
              config={c}
              name="threshold"
              set={set}
              min={0.5}
              max={1}
              step={0.01}
            />
          ) : null}
        </>
      );
    case 'guard':
      return (
        <>
          <Checkbox
            id={`${id}-pii`}
            label="Redact personal data (emails, phone numbers, card-like numbers)"
            config={c}
            name="redactPii"
            set={set}
          />
          <NumberField
            id={`${id}-max`}
            label="Refuse prompts above (tokens)"
            config={c}
            name="maxInputTokens"
            set={set}
            min={1}
            step={1}
          />
          <InputField
            id={`${id}-topics`}
            label="Refused topics (comma-separated)"
            value={Array.isArray(c.refuseTopics) ? c.refuseTopics.join(', ') : ''}
            maxLength={1000}
            onChange={(text) => {
              const topics = text
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean);
              set(topics.length === 0 ? without(c, 'refuseTopics') : { ...c, refuseTopics: topics });
            }}
          />
        </>
      );
    case 'model':
      return (
        <>
          <SelectField
            id={`${id}-provider`}
            label="Provider"
            value={String(c.provider ?? 'default')}
            onChange={(v) => set({ ...c, provider: v })}
          >
            {MODEL_PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {p === 'default'
                  ? 'The server’s default'
                  : p === 'offline'
                    ? 'Built-in offline model'
                    : p === 'openai'
                      ? 'OpenAI-compatible'
                      : 'Anthropic'}
              </option>
            ))}
          </SelectField>
          <TextField id={`${id}-model`} label="Model" config={c} name="model" set={set} />
          <NumberField
            id={`${id}-temperature`}
            label="Temperature"
            config={c}
            name="temperature"
            set={set}
            min={0}
            max={2}
            step={0.1}
          />
          <NumberField
            id={`${id}-max-tokens`}
            label="Answer at most (tokens)"
            config={c}
            name="maxTokens"
            set={set}
            min={1}
            step={1}
          />
          <InputField
            id={`${id}-fallbacks`}
            label="Fallbacks (provider:model, in order)"
            value={fallbacksText(c.fallbacks)}
            maxLength={500}
            onChange={(text) => {
              const list = fallbacksOf(text);
              set(list.length === 0 ? without(c, 'fallbacks') : { ...c, fallbacks: list });
            }}
          />
          <NumberField
            id={`${id}-retries`}
            label="Retries"
            config={c}
            name="retries"
            set={set}
            min={0}
            max={5}
            step={1}
          />
          <fieldset className="choice-group">
            <legend>Retry on</legend>
            {RETRY_ON.map((r) => {
              const list = Array.isArray(c.retryOn) ? (c.retryOn as string[]) : [];
              return (
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
              );
            })}
          </fieldset>
          <NumberField
            id={`${id}-timeout`}
            label="Timeout (ms)"
            config={c}
            name="timeoutMs"
            set={set}
            min={100}
            step={100}
          />
          <NumberField
            id={`${id}-token-budget`}
            label="Daily budget (tokens)"
            config={c}
            name="dailyTokenBudget"
            set={set}
            min={0}
            step={1}
          />
          <NumberField
            id={`${id}-cost-budget`}
            label="Daily budget (USD)"
            config={c}
            name="dailyCostBudgetUsd"
            set={set}
            min={0}
            step={0.01}
          />
        </>
      );
    case 'postprocess':
      return (
        <>
          <Checkbox
            id={`${id}-ground`}
            label="Flag numbers not found in the context or prompt"
            config={c}
            name="groundNumbers"
            set={set}
          />
          <JsonSchemaField id={`${id}-schema`} config={c} set={set} />
        </>
      );
    default:
      return <p className="muted">This node has nothing to configure.</p>;
  }
}

export function NodePanel({
  graph,
  node,
  problems,
  onChange,
  onRemove,
  onConnect,
  onDisconnect,
}: {
  graph: PipelineGraph;
  node: PipelineNode;
  problems: readonly string[];
  onChange: (patch: Partial<PipelineNode>) => void;
  onRemove: () => void;
  onConnect: (to: string) => void;
  onDisconnect: (connection: PipelineConnection) => void;
}) {
  const id = useId();
  const [target, setTarget] = useState('');
  const outgoing = graph.connections.filter((c) => c.from === node.id);
  const incoming = graph.connections.filter((c) => c.to === node.id);
  const candidates = graph.nodes.filter((n) => n.id !== node.id && !outgoing.some((c) => c.to === n.id));
  const name = (nodeId: string) => graph.nodes.find((n) => n.id === nodeId)?.label || nodeId;
  return (
    <section className="card ai-node-panel" aria-labelledby={`${id}-heading`} data-testid="node-panel">
      <h3 id={`${id}-heading`}>
        {NODE_TYPE_LABEL[node.type]}: {node.label || node.id}
      </h3>
      <p className="field-hint">{NODE_TYPE_HINT[node.type]}</p>
      {problems.length > 0 ? (
        <ul className="notice notice-error notice-list" data-testid="node-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="form">
        <InputField
          id={`${id}-label`}
          label="Node name"
          value={node.label ?? ''}
          maxLength={80}
          placeholder={node.id}
          onChange={(label) => onChange(label ? { label } : { label: '' })}
        />
        <ConfigFields node={node} set={(config) => onChange({ config })} />
      </div>
      <h4>Connections</h4>
      <ul className="ai-connection-list">
        {incoming.map((c) => (
          <li key={`in-${c.from}`}>
            from {name(c.from)}
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => onDisconnect(c)}
            >
              Remove<span className="visually-hidden"> the connection from {name(c.from)}</span>
            </button>
          </li>
        ))}
        {outgoing.map((c) => (
          <li key={`out-${c.to}`}>
            to {name(c.to)}
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => onDisconnect(c)}
            >
              Remove<span className="visually-hidden"> the connection to {name(c.to)}</span>
            </button>
          </li>
        ))}
        {incoming.length + outgoing.length === 0 ? <li className="muted">Not connected yet.</li> : null}
      </ul>
      {node.type !== 'output' && candidates.length > 0 ? (
        <div className="toolbar">
          <SelectField id={`${id}-target`} label="Connect to" value={target} onChange={setTarget}>
            <option value="">Choose a node</option>
            {candidates.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label || n.id} ({NODE_TYPE_LABEL[n.type]})
              </option>
            ))}
          </SelectField>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={!target}
            onClick={() => {
              onConnect(target);
              setTarget('');
            }}
          >
            Connect
          </button>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-danger button-small" onClick={onRemove}>
          Remove this node
        </button>
      </div>
    </section>
  );
}
