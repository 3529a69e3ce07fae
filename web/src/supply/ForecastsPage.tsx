// Forecast runs, newest first: scope, bucket and horizon, the model version used, the methods chosen
// and the mean back-test error; analysts start a run over every SKU here.
import { type FormEvent, useState } from 'react';
import { usePermissions } from '../auth/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { PageHeader } from '../components/PageHeader';
import { Pagination, useOffset } from '../components/Pagination';
import { formatDateTime } from '../format';
import { useLiveJob } from '../jobs/hooks';
import { JobStatusBadge, ProgressBar } from '../jobs/JobProgress';
import { BUCKETS, type Bucket, type ForecastRun, type Warehouse } from './api';
import { scopeText } from './DecisionBadge';
import { type EntityColumn, EntityTable } from './EntityTable';
import { backtestText, formatLevel, methodName } from './format';
import { useForecastRuns, useStartForecast, useWarehouses } from './hooks';
import { SUPPLY_FORECASTS_PAGE } from './paths';

const PAGE_SIZE = 20;

interface RunSummary {
  methods?: Record<string, number>;
  meanMase?: number | null;
  meanSmape?: number | null;
  fallbacks?: number;
  failures?: number;
  seconds?: number;
}

function RunStatus({ run }: { run: ForecastRun }) {
  const active = run.status === 'queued' || run.status === 'running';
  const { query: job } = useLiveJob(active ? run.jobId : null);
  return (
    <div className="job-progress-cell">
      <JobStatusBadge status={run.status} />
      {active && job.data ? <ProgressBar value={job.data.progress} label="Forecast progress" /> : null}
      {run.errorMessage ? <p className="job-error">{run.errorMessage}</p> : null}
    </div>
  );
}

/** "Theta 40, SES 12, Croston 3" (the most used first). */
function methodsText(methods: Record<string, number> | undefined): string {
  const entries = Object.entries(methods ?? {}).sort((a, b) => b[1] - a[1]);
  return entries.length > 0 ? entries.map(([m, n]) => `${methodName(m)} ${n}`).join(', ') : '—';
}

function columns(warehouses: ReadonlyMap<string, Warehouse>): EntityColumn<ForecastRun>[] {
  const summary = (run: ForecastRun) => run.summary as RunSummary;
  return [
    { label: 'Started', rowHeader: true, cell: (r) => formatDateTime(r.createdAt) },
    { label: 'Status', cell: (r) => <RunStatus run={r} /> },
    { label: 'Scope', cell: (r) => scopeText(r.scope, warehouses) },
    { label: 'Horizon', cell: (r) => `${r.horizon} ${r.bucket}s · ${formatLevel(r.level)}` },
    { label: 'Model', cell: (r) => (r.model ? `${r.model.name} v${r.model.version}` : '—') },
    { label: 'Series', numeric: true, cell: (r) => r.seriesCount },
    {
      label: 'Methods chosen',
      cell: (r) => <span className="cell-details">{methodsText(summary(r).methods)}</span>,
    },
    {
      label: 'Back-test error',
      cell: (r) => (r.status === 'completed' ? backtestText(summary(r).meanMase, summary(r).meanSmape) : '—'),
    },
  ];
}

function NewRunForm({ onDone }: { onDone: () => void }) {
  const [bucket, setBucket] = useState<Bucket>('week');
  const [horizon, setHorizon] = useState('13');
  const start = useStartForecast();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    start.mutate({ bucket, horizon: Number(horizon) }, { onSuccess: onDone });
  };
  return (
    <section className="card" aria-labelledby="new-run-heading">
      <h2 id="new-run-heading">New forecast run</h2>
      {start.isError ? <ErrorNotice error={start.error} title="Could not start the forecast" /> : null}
      <form className="form" onSubmit={submit} aria-busy={start.isPending}>
        <div className="form-grid">
          <SelectField id="run-bucket" label="Per" value={bucket} onChange={(v) => setBucket(v as Bucket)}>
            {BUCKETS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </SelectField>
          <InputField
            id="run-horizon"
            label="Periods ahead"
            type="number"
            min={1}
            max={366}
            step={1}
            required
            value={horizon}
            onChange={setHorizon}
          />
        </div>
        <FormActions
          label="Forecast every SKU"
          pendingLabel="Starting…"
          pending={start.isPending}
          onCancel={onDone}
        />
      </form>
    </section>
  );
}

export function ForecastsPage() {
  const permissions = usePermissions();
  const warehouses = useWarehouses();
  const { offset, setOffset } = useOffset();
  const [creating, setCreating] = useState(false);
  const runs = useForecastRuns({ limit: PAGE_SIZE, offset });
  const byId = new Map((warehouses.data?.items ?? []).map((w) => [w.id, w]));
  return (
    <>
      <PageHeader
        title={SUPPLY_FORECASTS_PAGE.title}
        description={SUPPLY_FORECASTS_PAGE.description}
        actions={
          permissions.planSupply && !creating ? (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New forecast run
            </button>
          ) : null
        }
      />
      {creating ? <NewRunForm onDone={() => setCreating(false)} /> : null}
      <section className="card" aria-labelledby="runs-heading">
        <h2 id="runs-heading">Runs</h2>
        <EntityTable
          query={runs}
          columns={columns(byId)}
          noun="forecast runs"
          empty="No forecast runs yet."
          testId="runs-table"
        />
        <Pagination page={runs.data} onChange={setOffset} label="Forecast runs" />
      </section>
    </>
  );
}
