// The pipeline wizard: sector, use case, data sources and the latency and cost preferences go to
// POST /pipelines/generate, which answers a graph and the reason for every node (rule-based and
// deterministic). The proposal is shown with its reasons; "Use this pipeline" loads it into the editor.
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InputField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import { type Generated, PREFERENCES, type Preference, RETRIEVE_SOURCES, USE_CASE_EXAMPLES } from '../api';
import { formatUsd, TIER_LABEL } from '../format';
import { useGenerate } from '../hooks';
import { GraphView } from './GraphCanvas';
import { NODE_TYPE_LABEL } from './graph';

const PREFERENCE_TEXT: Record<'latency' | 'cost', Record<Preference, string>> = {
  latency: { low: 'Fast answers', balanced: 'Balanced', quality: 'Take the time needed' },
  cost: { low: 'Cheapest', balanced: 'Balanced', quality: 'Best answers' },
};

const SOURCE_TEXT: Record<string, string> = {
  analysis: 'Work-order analyses',
  alarms: 'Alarm history',
  sensors: 'Sensor readings',
};

function PreferenceChoice({
  name,
  value,
  onChange,
}: {
  name: 'latency' | 'cost';
  value: Preference;
  onChange: (value: Preference) => void;
}) {
  const id = useId();
  return (
    <fieldset className="choice-group">
      <legend>{name === 'latency' ? 'Latency' : 'Cost'}</legend>
      {PREFERENCES.map((p) => (
        <div className="choice" key={p}>
          <input
            id={`${id}-${p}`}
            type="radio"
            name={`wizard-${name}`}
            value={p}
            checked={value === p}
            onChange={() => onChange(p)}
          />
          <label htmlFor={`${id}-${p}`}>{PREFERENCE_TEXT[name][p]}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Wizard({
  sectors,
  initialSector,
  onUse,
  onCancel,
}: {
  /** Sectors of the organisation's workspaces, offered as suggestions. */
  sectors: readonly string[];
  initialSector: string;
  onUse: (generated: Generated) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [sector, setSector] = useState(initialSector);
  const [useCase, setUseCase] = useState('');
  const [sources, setSources] = useState<string[]>(['analysis']);
  const [latency, setLatency] = useState<Preference>('balanced');
  const [cost, setCost] = useState<Preference>('balanced');
  const generate = useGenerate();
  const proposal = generate.data;
  const figures = proposal ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    generate.mutate({ sector: sector.trim(), useCase: useCase.trim(), dataSources: sources, latency, cost });
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="wizard">
      <h2 id={`${id}-heading`}>Wizard</h2>
      <p className="muted">
        Say what the pipeline is for; the wizard proposes nodes and connections and tells why each is there.
        The same answers always give the same pipeline.
      </p>
      <form className="form" onSubmit={submit}>
        <div className="form-grid">
          <InputField
            id={`${id}-sector`}
            label="Sector"
            value={sector}
            required
            maxLength={40}
            list={`${id}-sectors`}
            onChange={setSector}
          />
          <datalist id={`${id}-sectors`}>
            {sectors.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <InputField
            id={`${id}-use-case`}
            label="Use case"
            value={useCase}
            required
            maxLength={200}
            list={`${id}-use-cases`}
            placeholder="e.g. Answer questions about downtime"
            onChange={setUseCase}
          />
          <datalist id={`${id}-use-cases`}>
            {USE_CASE_EXAMPLES.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
        </div>
        <fieldset className="choice-group">
          <legend>Data sources</legend>
          {RETRIEVE_SOURCES.map((s) => (
            <div className="choice" key={s}>
              <input
                id={`${id}-source-${s}`}
                type="checkbox"
                checked={sources.includes(s)}
                onChange={(event) =>
                  setSources(event.target.checked ? [...sources, s] : sources.filter((x) => x !== s))
                }
              />
              <label htmlFor={`${id}-source-${s}`}>{SOURCE_TEXT[s] ?? s}</label>
            </div>
          ))}
        </fieldset>
        <div className="form-grid">
          <PreferenceChoice name="latency" value={latency} onChange={setLatency} />
          <PreferenceChoice name="cost" value={cost} onChange={setCost} />
        </div>
        <div className="form-actions">
          <SubmitButton label="Propose a pipeline" pendingLabel="Proposing…" pending={generate.isPending} />
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Close the wizard
          </button>
        </div>
      </form>
      {generate.error ? (
        <ErrorNotice error={generate.error} title="The wizard could not propose a pipeline" />
      ) : null}
      {proposal ? (
        <div className="ai-proposal" data-testid="wizard-proposal">
          <h3>Proposal{proposal.name ? `: ${proposal.name}` : ''}</h3>
          {figures ? (
            <p data-testid="wizard-figures">
              {TIER_LABEL[figures.complexityTier]} ({figures.nodeCount} nodes), about{' '}
              {formatUsd(figures.monthlyCost)} a month.
            </p>
          ) : null}
          <GraphView graph={proposal} label="The proposed graph" />
          <h4>Why each node</h4>
          <ol className="ai-reasons" data-testid="wizard-reasons">
            {proposal.reasons.map((r) => {
              const node = proposal.nodes.find((n) => n.id === r.nodeId);
              return (
                <li key={`${r.nodeId}:${r.reason}`}>
                  <strong>{node ? NODE_TYPE_LABEL[node.type] : r.nodeId}</strong> ({r.nodeId}): {r.reason}
                </li>
              );
            })}
          </ol>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => onUse(proposal)}>
              Use this pipeline
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
