// The pipeline editor (/ai/pipelines/new and /ai/pipelines/:id/edit): the pipeline's details, its
// graph drawn and edited (add and remove nodes, connect them, configure the selected one in the side
// panel), the server's check of the graph with problems shown on their nodes, and the complexity
// tier and monthly cost as the graph changes. New pipelines may start from the wizard.
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InputField, SelectField, TextareaField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { useDebounced } from '../../debounce';
import { Link, navigate } from '../../router';
import { type Generated, NODE_TYPES, type NodeType, type PipelineGraph } from '../api';
import { formatUsd, sectorLabel, TIER_LABEL } from '../format';
import { useAiPermissions, usePipeline, useSavePipeline, useValidation, useWorkspaces } from '../hooks';
import { AI_PIPELINES_PAGE } from '../pages';
import { pipelinePath } from '../paths';
import { GraphCanvas } from './GraphCanvas';
import {
  addNode,
  autoLayout,
  connect,
  disconnect,
  moveNode,
  NODE_TYPE_LABEL,
  placed,
  problemsByNode,
  removeNode,
  starterGraph,
  updateNode,
} from './graph';
import { NodePanel } from './NodePanel';
import { Wizard } from './Wizard';

interface Details {
  name: string;
  workspaceId: string;
  description: string;
  storePrompts: boolean;
  retentionDays: string;
}

const EMPTY_DETAILS: Details = {
  name: '',
  workspaceId: '',
  description: '',
  storePrompts: false,
  retentionDays: '30',
};

function LiveFigures({ graph }: { graph: PipelineGraph }) {
  const settled = useDebounced(graph, 300);
  const validation = useValidation(settled, settled.nodes.length > 0);
  const figures = validation.data?.estimate ?? null;
  const byNode = problemsByNode(validation.data?.errors ?? []);
  const general = byNode.get('') ?? [];
  return (
    <div className="ai-live-figures" aria-live="polite" data-testid="editor-check">
      {validation.error ? (
        <ErrorNotice error={validation.error} title="The graph could not be checked" />
      ) : null}
      {validation.data ? (
        <p data-testid="editor-valid" data-valid={validation.data.valid}>
          {validation.data.valid ? (
            <span className="badge badge-ok">Valid graph</span>
          ) : (
            <span className="badge badge-bad">
              {validation.data.errors.length} problem{validation.data.errors.length === 1 ? '' : 's'}
            </span>
          )}
          {figures ? (
            <span data-testid="editor-figures">
              {' '}
              {TIER_LABEL[figures.complexityTier]} · score {figures.complexityScore.toFixed(1)} ·{' '}
              {figures.nodeCount} nodes · about {formatUsd(figures.monthlyCost)} a month
            </span>
          ) : null}
        </p>
      ) : null}
      {general.length > 0 ? (
        <ul className="notice notice-error notice-list" data-testid="graph-problems">
          {general.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function EditorPage({ id }: { id: string | null }) {
  const permissions = useAiPermissions();
  const existing = usePipeline(id);
  const workspaces = useWorkspaces();
  const save = useSavePipeline();
  const [details, setDetails] = useState<Details>(EMPTY_DETAILS);
  const [graph, setGraph] = useState<PipelineGraph>(() =>
    id ? { nodes: [], connections: [] } : starterGraph(),
  );
  const [selected, setSelected] = useState<string | null>(null);
  const [wizardOpen, setWizardOpen] = useState(false);
  const [sector, setSector] = useState('');
  const [newType, setNewType] = useState<NodeType>('retrieve');
  const [loaded, setLoaded] = useState(id === null);
  const settled = useDebounced(graph, 300);
  const validation = useValidation(settled, settled.nodes.length > 0);
  const problems = problemsByNode(validation.data?.errors ?? []);
  const counts = new Map([...problems].map(([nodeId, list]) => [nodeId, list.length]));
  const workspaceItems = workspaces.data?.items ?? [];
  const workspace = workspaceItems.find((w) => w.id === details.workspaceId);

  // An existing pipeline fills the form once it has loaded.
  useEffect(() => {
    const p = existing.data;
    if (!p || loaded) return;
    setDetails({
      name: p.name,
      workspaceId: p.workspaceId,
      description: p.description,
      storePrompts: p.storePrompts,
      retentionDays: String(p.retentionDays),
    });
    setSector(p.sector);
    setGraph(placed({ nodes: p.nodes, connections: p.connections }));
    setLoaded(true);
  }, [existing.data, loaded]);

  // A new pipeline goes to the first workspace until another is chosen.
  useEffect(() => {
    const first = workspaceItems[0];
    if (id === null && !details.workspaceId && first) setDetails((d) => ({ ...d, workspaceId: first.id }));
  }, [id, details.workspaceId, workspaceItems]);

  const title = id ? `Edit ${existing.data?.name ?? 'pipeline'}` : 'New pipeline';
  if (!permissions.analyze) {
    return (
      <>
        <PageHeader title={title} description="Only analysts and administrators change pipelines." />
        <p className="state-message" data-testid="not-allowed">
          Your role may read pipelines but not change them.
        </p>
      </>
    );
  }
  if (id && existing.error) return <ErrorNotice error={existing.error} title="Could not load the pipeline" />;
  if (!loaded) return <p className="state-message">Loading the pipeline…</p>;

  const useProposal = (g: Generated) => {
    setGraph(placed({ nodes: g.nodes, connections: g.connections }));
    setDetails((d) => ({
      ...d,
      name: d.name || g.name || '',
      description: d.description || g.description || '',
    }));
    if (g.sector) setSector(g.sector);
    setSelected(null);
    setWizardOpen(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const retention = Number(details.retentionDays);
    save.mutate(
      {
        id,
        input: {
          workspaceId: details.workspaceId,
          name: details.name.trim(),
          description: details.description.trim(),
          ...(sector || workspace ? { sector: sector || workspace?.sector } : {}),
          nodes: graph.nodes,
          connections: graph.connections,
          storePrompts: details.storePrompts,
          ...(Number.isFinite(retention) && retention > 0 ? { retentionDays: retention } : {}),
        },
      },
      { onSuccess: (p) => navigate(pipelinePath(p.id)) },
    );
  };

  const node = graph.nodes.find((n) => n.id === selected);
  const sectors = [...new Set(workspaceItems.map((w) => w.sector))].sort();

  return (
    <>
      <Link to={id ? pipelinePath(id) : AI_PIPELINES_PAGE.path} className="back-link">
        {id ? 'Back to the pipeline' : 'Pipelines'}
      </Link>
      <PageHeader
        title={title}
        description="Draw the pipeline’s graph from input to output, configure each node, and check it as you go: the complexity tier and the monthly cost estimate follow every change."
        actions={
          id === null && !wizardOpen ? (
            <button type="button" className="button button-secondary" onClick={() => setWizardOpen(true)}>
              Start from the wizard
            </button>
          ) : null
        }
      />
      {wizardOpen ? (
        <Wizard
          sectors={sectors}
          initialSector={sector || workspace?.sector || ''}
          onUse={useProposal}
          onCancel={() => setWizardOpen(false)}
        />
      ) : null}
      <form className="ai-editor" onSubmit={submit} aria-label="Pipeline">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          {workspaces.data && workspaceItems.length === 0 ? (
            <p className="notice notice-warn">
              A pipeline belongs to a workspace: create one on the{' '}
              <Link to="/ai/workspaces">workspaces page</Link> first.
            </p>
          ) : null}
          <div className="form-grid">
            <InputField
              id="pipeline-name"
              label="Name"
              value={details.name}
              required
              maxLength={120}
              onChange={(name) => setDetails({ ...details, name })}
            />
            <SelectField
              id="pipeline-workspace"
              label="Workspace"
              value={details.workspaceId}
              required
              disabled={id !== null}
              onChange={(workspaceId) => setDetails({ ...details, workspaceId })}
            >
              <option value="">Choose a workspace</option>
              {workspaceItems.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} ({sectorLabel(w.sector)})
                </option>
              ))}
            </SelectField>
            <InputField
              id="pipeline-sector"
              label="Sector"
              value={sector}
              maxLength={40}
              placeholder={workspace?.sector ?? ''}
              hint={<p className="field-hint">Empty: the workspace’s sector.</p>}
              onChange={setSector}
            />
          </div>
          <TextareaField
            id="pipeline-description"
            label="Description"
            value={details.description}
            rows={2}
            maxLength={1000}
            onChange={(description) => setDetails({ ...details, description })}
          />
          <div className="form-grid">
            <div className="choice">
              <input
                id="pipeline-store"
                type="checkbox"
                checked={details.storePrompts}
                onChange={(event) => setDetails({ ...details, storePrompts: event.target.checked })}
              />
              <label htmlFor="pipeline-store">Store prompts and answers (after redaction)</label>
            </div>
            {details.storePrompts ? (
              <InputField
                id="pipeline-retention"
                label="Keep them for (days)"
                type="number"
                min={1}
                max={3650}
                value={details.retentionDays}
                narrow
                onChange={(retentionDays) => setDetails({ ...details, retentionDays })}
              />
            ) : null}
          </div>
        </section>

        <section className="card" aria-labelledby="graph-heading">
          <div className="card-heading">
            <h2 id="graph-heading">Graph</h2>
            <LiveFigures graph={graph} />
          </div>
          <div className="toolbar">
            <SelectField
              id="new-node-type"
              label="Node type"
              value={newType}
              onChange={(v) => setNewType(v as NodeType)}
            >
              {NODE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {NODE_TYPE_LABEL[t]}
                </option>
              ))}
            </SelectField>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                const next = addNode(graph, newType);
                setGraph(next.graph);
                setSelected(next.id);
              }}
            >
              Add node
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setGraph(autoLayout(graph))}
            >
              Tidy the layout
            </button>
          </div>
          <div className="ai-editor-body">
            <GraphCanvas
              graph={graph}
              selected={selected}
              problems={counts}
              onSelect={setSelected}
              onMove={(nodeId, x, y) => setGraph((g) => moveNode(g, nodeId, x, y))}
              onConnect={(from, to) => setGraph((g) => connect(g, from, to))}
            />
            {node ? (
              <NodePanel
                key={node.id}
                graph={graph}
                node={node}
                problems={problems.get(node.id) ?? []}
                onChange={(patch) => setGraph((g) => updateNode(g, node.id, patch))}
                onRemove={() => {
                  setGraph((g) => removeNode(g, node.id));
                  setSelected(null);
                }}
                onConnect={(to) => setGraph((g) => connect(g, node.id, to))}
                onDisconnect={(c) => setGraph((g) => disconnect(g, c))}
              />
            ) : (
              <p className="state-message ai-node-panel">Select a node to configure it.</p>
            )}
          </div>
        </section>
        {save.error ? <ErrorNotice error={save.error} title="The pipeline was not saved" /> : null}
        <div className="form-actions">
          <SubmitButton
            label={id ? 'Save a new version' : 'Create the pipeline'}
            pendingLabel="Saving…"
            pending={save.isPending}
            disabled={!details.workspaceId || !details.name.trim() || validation.data?.valid === false}
          />
          <Link to={id ? pipelinePath(id) : AI_PIPELINES_PAGE.path} className="button button-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
