// The model registry: every version of the forecasting model with its back-test metrics and the
// stages it is deployed in, the deployment history; analysts train a new version (a job that
// promotes it only if it back-tests better), promote a version, or roll a stage back.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { usePermissions } from '../auth/hooks';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { formatDate, formatDateTime } from '../format';
import { isFinished } from '../jobs/api';
import { useLiveJob } from '../jobs/hooks';
import { JobStatusBadge, ProgressBar } from '../jobs/JobProgress';
import { type Deployment, type Model, STAGES, type Stage, supplyApi, supplyKeys } from './api';
import { type EntityColumn, EntityTable } from './EntityTable';
import { backtestText } from './format';
import { useDeployments, useModels, usePromote, useRollback } from './hooks';
import { SUPPLY_MODELS_PAGE } from './paths';

function metricText(metrics: Model['metrics']): string {
  const base = backtestText(metrics.mase, metrics.smape);
  return metrics.series !== undefined ? `${base} on ${metrics.series} series` : base;
}

/** Starts a training job and follows it; the registry reloads when it ends. */
function TrainButton() {
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { query: job } = useLiveJob(jobId);
  const done = isFinished(job.data?.status);
  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: supplyKeys.all });
  }, [done, queryClient]);
  const running = jobId !== null && !done;
  return (
    <div className="train-control">
      {running && job.data ? (
        <>
          <JobStatusBadge status={job.data.status} />
          <ProgressBar value={job.data.progress} label="Training progress" />
        </>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            setError(null);
            supplyApi.train().then((r) => setJobId(r.jobId), setError);
          }}
        >
          Train a new version
        </button>
      )}
      {job.data?.status === 'failed' ? <p className="job-error">{job.data.error}</p> : null}
      {done && job.data?.status === 'completed' && job.data.message ? (
        <p className="muted">{job.data.message}</p>
      ) : null}
      {error ? <ErrorNotice error={error} title="Could not start training" /> : null}
    </div>
  );
}

/** What the history says is deployed now: the newest deployment per model, stage and scope. */
function currentDeployments(history: readonly Deployment[]): Deployment[] {
  const seen = new Map<string, Deployment>();
  for (const d of history) {
    const key = `${d.modelName}/${d.stage}/${d.scope}`;
    if (!seen.has(key)) seen.set(key, d);
  }
  return [...seen.values()];
}

/** A version's stages: those the API gives, and those the deployment history shows it holds. */
function stagesOf(model: Model, current: readonly Deployment[]): Stage[] {
  const held = current.filter((d) => d.modelId === model.id).map((d) => d.stage);
  return STAGES.filter((stage) => model.stages.includes(stage) || held.includes(stage));
}

function Versions({ canChange }: { canChange: boolean }) {
  const models = useModels();
  const deployments = useDeployments();
  const current = currentDeployments(deployments.data?.items ?? []);
  const promote = usePromote();
  const columns: EntityColumn<Model>[] = [
    { label: 'Version', rowHeader: true, nowrap: true, cell: (m) => `${m.name} v${m.version}` },
    { label: 'Kind', cell: (m) => m.kind },
    {
      label: 'Stages',
      cell: (m) =>
        stagesOf(m, current).length > 0
          ? stagesOf(m, current).map((s) => (
              <span
                key={s}
                className={`badge badge-inline ${s === 'production' ? 'badge-ok' : 'badge-neutral'}`}
              >
                {s}
              </span>
            ))
          : '—',
    },
    { label: 'Back-test', cell: (m) => metricText(m.metrics) },
    {
      label: 'Trained on',
      cell: (m) => (m.trainingFrom ? `${formatDate(m.trainingFrom)} – ${formatDate(m.trainingTo)}` : '—'),
    },
    { label: 'Created', cell: (m) => formatDateTime(m.createdAt) },
    { label: 'Note', cell: (m) => <span className="cell-details">{m.note ?? ''}</span> },
  ];
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      {promote.isError ? <ErrorNotice error={promote.error} title="Could not promote the version" /> : null}
      <EntityTable
        query={models}
        columns={columns}
        noun="model versions"
        empty="No model versions yet: the first forecast registers the default one."
        testId="models-table"
        actions={
          canChange
            ? (m) =>
                STAGES.filter((stage) => !stagesOf(m, current).includes(stage)).map((stage) => (
                  <ConfirmButton
                    key={stage}
                    label={`To ${stage}`}
                    title={`Promote ${m.name} v${m.version} to ${stage}?`}
                    message={<p>Forecasts and decisions made from now on use this version in {stage}.</p>}
                    confirmLabel="Promote"
                    disabled={promote.isPending}
                    onConfirm={() =>
                      promote.mutate({ id: m.id, stage, reason: 'promoted from the registry page' })
                    }
                  />
                ))
            : undefined
        }
      />
    </section>
  );
}

/** The stages with a version deployed before the current one (whole-tenant scope): what can be rolled back. */
function rollbacks(history: readonly Deployment[]): Deployment[] {
  return currentDeployments(history).filter(
    (d) =>
      d.scope === 'all' &&
      history.filter((h) => h.modelName === d.modelName && h.stage === d.stage && h.scope === d.scope)
        .length > 1,
  );
}

function History({ canChange }: { canChange: boolean }) {
  const deployments = useDeployments();
  const rollback = useRollback();
  const columns: EntityColumn<Deployment>[] = [
    { label: 'When', rowHeader: true, cell: (d) => formatDateTime(d.deployedAt) },
    { label: 'Version', cell: (d) => `${d.modelName} v${d.version}` },
    { label: 'Stage', cell: (d) => d.stage },
    { label: 'Scope', cell: (d) => d.scope },
    { label: 'Action', cell: (d) => d.action },
    { label: 'Reason', cell: (d) => <span className="cell-details">{d.reason ?? ''}</span> },
  ];
  return (
    <section className="card" aria-labelledby="deployments-heading">
      <h2 id="deployments-heading">Deployment history</h2>
      {rollback.isError ? <ErrorNotice error={rollback.error} title="Could not roll back" /> : null}
      {canChange ? (
        <div className="form-actions">
          {rollbacks(deployments.data?.items ?? []).map((c) => (
            <ConfirmButton
              key={`${c.modelName}/${c.stage}`}
              label={`Roll back ${c.modelName} in ${c.stage}`}
              title={`Roll back ${c.modelName} in ${c.stage}?`}
              message={<p>The version deployed before the current one is put back.</p>}
              confirmLabel="Roll back"
              disabled={rollback.isPending}
              onConfirm={() =>
                rollback.mutate({
                  modelName: c.modelName,
                  stage: c.stage,
                  reason: 'rolled back from the registry page',
                })
              }
            />
          ))}
        </div>
      ) : null}
      <EntityTable
        query={deployments}
        columns={columns}
        noun="deployments"
        empty="Nothing deployed yet."
        testId="deployments-table"
      />
    </section>
  );
}

export function ModelsPage() {
  const permissions = usePermissions();
  return (
    <>
      <PageHeader
        title={SUPPLY_MODELS_PAGE.title}
        description={SUPPLY_MODELS_PAGE.description}
        actions={permissions.planSupply ? <TrainButton /> : null}
      />
      <Versions canChange={permissions.planSupply} />
      <History canChange={permissions.planSupply} />
    </>
  );
}
