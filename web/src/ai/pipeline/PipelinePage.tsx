// A pipeline's page: what it is (graph, status, complexity, cost), its traffic over the chosen
// period and the live 5-minute buckets, kept current from the `pipeline:<id>` topic; its recent
// requests, cache, versions, and how to call it.
import { ErrorNotice } from '../../components/ErrorNotice';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { LiveIndicator } from '../../plant/LiveIndicator';
import { Link, navigate, useSearchParam } from '../../router';
import { aiKeys, pipelineTopic } from '../api';
import { Figures } from '../charts/Figures';
import { MetricsCharts } from '../charts/MetricsCharts';
import { GraphView } from '../editor/GraphCanvas';
import { formatUsd, sectorLabel, TIER_LABEL } from '../format';
import { useAiPermissions, usePipeline, usePipelineMetrics, useWorkspaces } from '../hooks';
import { useLiveReload } from '../live';
import { PipelineActions, StatusBadge } from '../PipelinesPage';
import { AI_PIPELINES_PAGE } from '../pages';
import { editPipelinePath, pipelinePath, sectorPath } from '../paths';
import { CachePanel } from './CachePanel';
import { CallSnippet } from './CallSnippet';
import { RecentRequests } from './RecentRequests';
import { Versions } from './Versions';

const PERIODS = [24, 72, 168] as const;
type Hours = (typeof PERIODS)[number];
const spanOf = (hours: number) => (hours === 24 ? 'the last 24 hours' : `the last ${hours / 24} days`);

function PeriodChoice({ id, hours }: { id: string; hours: Hours }) {
  return (
    <fieldset className="ai-choice">
      <legend className="visually-hidden">Period of the charts</legend>
      {PERIODS.map((h) => (
        <label key={h} className={h === hours ? 'ai-choice-active' : undefined}>
          <input
            type="radio"
            name="pipeline-period"
            value={h}
            checked={h === hours}
            onChange={() => navigate(`${pipelinePath(id)}?hours=${h}`, { replace: true })}
          />
          {h === 24 ? '24 hours' : `${h / 24} days`}
        </label>
      ))}
    </fieldset>
  );
}

export function PipelinePage({ id }: { id: string }) {
  const permissions = useAiPermissions();
  const asked = Number(useSearchParam('hours'));
  const hours: Hours = (PERIODS as readonly number[]).includes(asked) ? (asked as Hours) : 24;
  const pipeline = usePipeline(id);
  const hourly = usePipelineMetrics(id, 'hour', hours);
  const minutes = usePipelineMetrics(id, 'minute', 1);
  const workspaces = useWorkspaces();
  const live = useLiveReload(pipelineTopic(id), [aiKeys.pipeline(id)]);
  const p = pipeline.data;

  if (pipeline.error) {
    return (
      <>
        <PageHeader title="Pipeline" description="One pipeline of the AI gateway." />
        <ErrorNotice error={pipeline.error} title="Could not load the pipeline" />
        <Link to={AI_PIPELINES_PAGE.path} className="back-link">
          Back to the pipelines
        </Link>
      </>
    );
  }
  if (!p) return <p className="state-message">Loading the pipeline…</p>;
  const workspace = workspaces.data?.items.find((w) => w.id === p.workspaceId);

  return (
    <>
      <Link to={AI_PIPELINES_PAGE.path} className="back-link">
        Pipelines
      </Link>
      <PageHeader
        title={p.name}
        description={p.description || `A ${sectorLabel(p.sector).toLowerCase()} pipeline of the AI gateway.`}
        actions={
          <>
            <LiveIndicator />
            {permissions.analyze && p.status !== 'archived' ? (
              <Link to={editPipelinePath(p.id)} className="button button-secondary">
                Edit
              </Link>
            ) : null}
          </>
        }
      />
      <section className="card" aria-labelledby="about-heading">
        <div className="card-heading">
          <h2 id="about-heading">About</h2>
          {permissions.analyze ? <PipelineActions pipeline={p} /> : null}
        </div>
        <dl className="facts">
          <Fact label="Status">
            <StatusBadge status={p.status} />
          </Fact>
          <Fact label="Model name" testId="pipeline-model">
            <code>pipeline/{p.slug}</code>
          </Fact>
          <Fact label="Workspace">{workspace?.name ?? '—'}</Fact>
          <Fact label="Sector">
            <Link to={sectorPath(p.sector)}>{sectorLabel(p.sector)}</Link>
          </Fact>
          <Fact label="Version" testId="pipeline-version">
            v{p.version}
          </Fact>
          <Fact label="Complexity">
            {TIER_LABEL[p.complexityTier] ?? p.complexityTier} ({p.complexityScore.toFixed(1)}, {p.nodeCount}{' '}
            nodes)
          </Fact>
          <Fact label="Estimated monthly cost">{formatUsd(p.monthlyCost)}</Fact>
          <Fact label="Deployed">{formatDateTime(p.deployedAt)}</Fact>
          <Fact label="Prompts stored">{p.storePrompts ? `yes, ${p.retentionDays} days` : 'no'}</Fact>
        </dl>
        <GraphView graph={p} label={`The graph of ${p.name}`} />
      </section>

      <section className="card" aria-labelledby="traffic-heading">
        <div className="card-heading">
          <h2 id="traffic-heading">Traffic</h2>
          <PeriodChoice id={id} hours={hours} />
        </div>
        <Figures metrics={p.metrics24h} label="The last 24 hours" testId="pipeline-figures" />
        <p className="muted" aria-live="polite" data-testid="live-events">
          {live.refused
            ? `No live updates: ${live.refused}`
            : live.count === 0
              ? 'Waiting for requests: new ones update this page as they are recorded.'
              : `${live.count} live update${live.count === 1 ? '' : 's'} received, the last at ${new Date(
                  live.at ?? Date.now(),
                ).toLocaleTimeString()}.`}
        </p>
        {(hourly.error ?? minutes.error) ? (
          <ErrorNotice error={hourly.error ?? minutes.error} title="Could not load the metrics" />
        ) : null}
        <h3>The last hour by minute, live</h3>
        {minutes.data ? (
          <MetricsCharts points={minutes.data.points} span="the last hour" idPrefix="live" />
        ) : minutes.isPending ? (
          <p className="state-message">Loading the metrics…</p>
        ) : null}
        <h3>{spanOf(hours).replace(/^the l/, 'L')}, by hour</h3>
        {hourly.data ? (
          <MetricsCharts points={hourly.data.points} span={spanOf(hours)} idPrefix="hourly" />
        ) : hourly.isPending ? (
          <p className="state-message">Loading the metrics…</p>
        ) : null}
      </section>

      <RecentRequests pipelineId={id} />
      <CachePanel pipelineId={id} canChange={permissions.analyze} />
      <Versions pipelineId={id} current={p.version} />
      <CallSnippet slug={p.slug} />
    </>
  );
}
