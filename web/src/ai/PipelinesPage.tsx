// The pipelines of the organisation with their last 24 hours (requests, cache hit rate, latency,
// tokens and cost saved), filtered by workspace, status and sector (kept in the address). Analysts
// deploy, pause and archive them here and open the editor for a new one.
import { withQuery } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { ACTIONS_COLUMN, QueryTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { Link, navigate, useSearchParam } from '../router';
import { PIPELINE_STATUSES, type Pipeline } from './api';
import {
  formatCount,
  formatMs,
  formatPercent,
  formatTokens,
  formatUsd,
  STATUS_BADGE,
  STATUS_LABEL,
  sectorLabel,
  TIER_LABEL,
} from './format';
import { useAiPermissions, usePipelineAction, usePipelines, useWorkspaces } from './hooks';
import { AI_PIPELINES_PAGE } from './pages';
import { NEW_PIPELINE_PATH, pipelinePath, sectorPath } from './paths';

const PAGE_SIZE = 25;

const COLUMNS = [
  'Pipeline',
  'Status',
  'Sector',
  'Workspace',
  'Version',
  'Complexity',
  'Monthly cost',
  'Requests 24 h',
  'Hit rate',
  'p50 / p95',
  'Tokens saved',
  'Cost saved',
  ACTIONS_COLUMN,
];

/** A pipeline's status; the dashboards' rows carry it as plain text, so an unknown one is shown as is. */
export function StatusBadge({ status }: { status: string }) {
  const known = status as Pipeline['status'];
  return (
    <span className={`badge ${STATUS_BADGE[known] ?? 'badge-neutral'}`} data-testid="pipeline-status">
      {STATUS_LABEL[known] ?? status}
    </span>
  );
}

/** Deploy, pause and archive, as the pipeline's status allows them. */
export function PipelineActions({ pipeline }: { pipeline: Pipeline }) {
  const action = usePipelineAction();
  const busy = action.isPending;
  const { status } = pipeline;
  return (
    <div className="cell-actions">
      {status === 'draft' || status === 'paused' ? (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => action.mutate({ id: pipeline.id, action: 'deploy' })}
        >
          Deploy<span className="visually-hidden"> {pipeline.name}</span>
        </button>
      ) : null}
      {status === 'active' ? (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={busy}
          onClick={() => action.mutate({ id: pipeline.id, action: 'pause' })}
        >
          Pause<span className="visually-hidden"> {pipeline.name}</span>
        </button>
      ) : null}
      {status !== 'archived' ? (
        <ConfirmButton
          label={
            <>
              Archive<span className="visually-hidden"> {pipeline.name}</span>
            </>
          }
          title={`Archive ${pipeline.name}?`}
          message={
            <p>
              Requests naming <code>pipeline/{pipeline.slug}</code> are refused once it is archived. Its
              metrics and versions are kept.
            </p>
          }
          confirmLabel="Archive"
          disabled={busy}
          onConfirm={() => action.mutate({ id: pipeline.id, action: 'archive' })}
        />
      ) : null}
      {action.error ? <ErrorNotice error={action.error} /> : null}
    </div>
  );
}

function PipelineRow({
  pipeline,
  workspace,
  canChange,
}: {
  pipeline: Pipeline;
  workspace: string;
  canChange: boolean;
}) {
  const m = pipeline.metrics24h;
  return (
    <tr data-testid="pipeline-row" data-slug={pipeline.slug}>
      <th scope="row">
        <Link to={pipelinePath(pipeline.id)} data-testid="pipeline-link">
          {pipeline.name}
        </Link>
        <div className="muted cell-sub">
          <code>pipeline/{pipeline.slug}</code>
          {pipeline.isDefault ? <span className="badge badge-neutral badge-inline">default</span> : null}
        </div>
      </th>
      <td>
        <StatusBadge status={pipeline.status} />
      </td>
      <td>
        <Link to={sectorPath(pipeline.sector)}>{sectorLabel(pipeline.sector)}</Link>
      </td>
      <td>{workspace}</td>
      <td className="numeric">v{pipeline.version}</td>
      <td>
        {TIER_LABEL[pipeline.complexityTier] ?? pipeline.complexityTier}
        <span className="muted"> · {pipeline.nodeCount} nodes</span>
      </td>
      <td className="numeric">{formatUsd(pipeline.monthlyCost)}</td>
      <td className="numeric" data-testid="pipeline-requests">
        {formatCount(m?.requests)}
      </td>
      <td className="numeric">{formatPercent(m?.hitRate)}</td>
      <td className="numeric cell-nowrap">
        {formatMs(m?.latencyP50)} / {formatMs(m?.latencyP95)}
      </td>
      <td className="numeric">{formatTokens(m?.tokensSaved)}</td>
      <td className="numeric">{formatUsd(m?.costSaved)}</td>
      <td>{canChange ? <PipelineActions pipeline={pipeline} /> : null}</td>
    </tr>
  );
}

export function PipelinesPage() {
  const permissions = useAiPermissions();
  const workspaces = useWorkspaces();
  const workspaceId = useSearchParam('workspace') ?? '';
  const status = useSearchParam('status') ?? '';
  const sector = useSearchParam('sector') ?? '';
  const offset = Math.max(0, Number(useSearchParam('offset')) || 0);
  const pipelines = usePipelines({
    ...(workspaceId ? { workspaceId } : {}),
    ...(status ? { status } : {}),
    ...(sector ? { sector } : {}),
    limit: PAGE_SIZE,
    offset,
  });
  const workspaceItems = workspaces.data?.items ?? [];
  const names = new Map(workspaceItems.map((w) => [w.id, w.name]));
  const sectors = [...new Set(workspaceItems.map((w) => w.sector))].sort();

  const show = (next: { workspace?: string; status?: string; sector?: string; offset?: number }) => {
    const params = { workspace: workspaceId, status, sector, offset: 0, ...next };
    navigate(
      withQuery(AI_PIPELINES_PAGE.path, {
        workspace: params.workspace || undefined,
        status: params.status || undefined,
        sector: params.sector || undefined,
        offset: params.offset || undefined,
      }),
      { replace: true },
    );
  };
  const filtered = Boolean(workspaceId || status || sector);

  return (
    <>
      <PageHeader
        title={AI_PIPELINES_PAGE.title}
        description={AI_PIPELINES_PAGE.description}
        actions={
          permissions.analyze ? (
            <Link to={NEW_PIPELINE_PATH} className="button" data-testid="new-pipeline">
              New pipeline
            </Link>
          ) : null
        }
      />
      <section className="card" aria-labelledby="pipelines-heading">
        <h2 id="pipelines-heading">Pipelines</h2>
        <div className="toolbar">
          <SelectField
            id="pipelines-workspace"
            label="Workspace"
            value={workspaceId}
            onChange={(value) => show({ workspace: value })}
          >
            <option value="">Every workspace</option>
            {workspaceItems.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="pipelines-status"
            label="Status"
            value={status}
            onChange={(value) => show({ status: value })}
          >
            <option value="">Any status</option>
            {PIPELINE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="pipelines-sector"
            label="Sector"
            value={sector}
            onChange={(value) => show({ sector: value })}
          >
            <option value="">Every sector</option>
            {sectors.map((s) => (
              <option key={s} value={s}>
                {sectorLabel(s)}
              </option>
            ))}
          </SelectField>
        </div>
        <QueryTable
          query={pipelines}
          loading="Loading the pipelines…"
          errorTitle="Could not load the pipelines"
          empty={
            filtered
              ? 'No pipeline matches these filters.'
              : permissions.analyze
                ? 'No pipeline yet: create one with “New pipeline”, or let the wizard propose one.'
                : 'No pipeline yet. An analyst of your organisation can create one.'
          }
          emptyTestId="pipelines-empty"
          columns={COLUMNS}
          dense
          caption="Pipelines with their last 24 hours"
          testId="pipelines-table"
          row={(p) => (
            <PipelineRow
              pipeline={p}
              workspace={names.get(p.workspaceId) ?? '—'}
              canChange={permissions.analyze}
            />
          )}
        />
        <Pagination page={pipelines.data} onChange={(next) => show({ offset: next })} label="Pipelines" />
      </section>
    </>
  );
}
