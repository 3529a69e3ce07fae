// The side panel of the selected node: its name, its type's configuration, its connections (made
// and removed here too, so the graph can be built without a pointer), its problems, and removal.
import { useId, useState } from 'react';
import { InputField, SelectField } from '../../components/Field';
import type { PipelineConnection, PipelineGraph, PipelineNode } from '../api';
import { NODE_TYPE_HINT, NODE_TYPE_LABEL } from './graph';
import { ConfigFields } from './node-panels';

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
