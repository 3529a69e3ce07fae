import { useQuery } from '@tanstack/react-query';
import { describeError, fetchReady } from '../api';
import { usePermissions } from '../auth/hooks';
import { PageHeader } from '../components/PageHeader';
import { BackgroundJobsCard } from '../jobs/BackgroundJobsCard';
import { STATUS_MODULE } from '../modules';

const POLL_INTERVAL_MS = 5_000;

type Overall = 'ready' | 'unavailable' | 'unreachable';

const SUMMARY: Record<Overall, string> = {
  ready: 'The server and its database are up and accepting requests.',
  unavailable: 'The server is running, but its database is not answering.',
  unreachable: 'The dashboard cannot reach the PlantIntel server.',
};

const DRIVER_LABEL: Record<string, string> = {
  pglite: 'embedded PGlite',
  postgres: 'PostgreSQL',
};

function formatLatency(latencyMs: number | null | undefined): string {
  if (latencyMs === null || latencyMs === undefined) return '—';
  return `${latencyMs < 10 ? latencyMs.toFixed(1) : Math.round(latencyMs)} ms`;
}

function LastChecked({ at }: { at: number }) {
  if (!at) return <>Not yet</>;
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()}>
      {date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
    </time>
  );
}

export function StatusPage() {
  const permissions = usePermissions();
  const query = useQuery({
    queryKey: ['ready'],
    queryFn: ({ signal }) => fetchReady(signal),
    refetchInterval: POLL_INTERVAL_MS,
    retry: false,
  });

  // A failed latest check wins over older data: the server may have gone away since.
  const ready = query.status === 'success' ? query.data : undefined;
  const overall: Overall | null = query.status === 'error' ? 'unreachable' : ready ? ready.status : null;
  const error = query.status === 'error' ? describeError(query.error) : null;
  const lastCheckedAt = Math.max(query.dataUpdatedAt, query.errorUpdatedAt);
  const driver = ready?.database.driver;

  return (
    <>
      <PageHeader
        title={STATUS_MODULE.title}
        description={STATUS_MODULE.description}
        actions={
          <button
            type="button"
            className="button"
            onClick={() => void query.refetch()}
            disabled={query.isFetching}
          >
            {query.isFetching ? 'Checking…' : 'Check now'}
          </button>
        }
      />

      <section
        className={`card status-hero status-${overall ?? 'pending'}`}
        aria-labelledby="overall-heading"
      >
        <h2 id="overall-heading" className="eyebrow">
          Overall status
        </h2>
        <p className="status-line" role="status">
          <span className="status-dot" aria-hidden="true" />
          {overall ? (
            <span className="status-value" data-testid="ready-status">
              {overall}
            </span>
          ) : (
            <span className="status-value">checking…</span>
          )}
        </p>
        <p className="status-summary">{overall ? SUMMARY[overall] : 'Contacting the server…'}</p>
        {error ? (
          <div className="error-detail">
            <p>{error.message}</p>
            {error.requestId ? (
              <p>
                Request ID: <code>{error.requestId}</code>
              </p>
            ) : null}
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="facts">
          <div>
            <dt>Database driver</dt>
            <dd>
              <span data-testid="db-driver">{driver ?? '—'}</span>
              {driver && DRIVER_LABEL[driver] ? (
                <span className="muted"> ({DRIVER_LABEL[driver]})</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>Database connection</dt>
            <dd>{ready ? (ready.database.ok ? 'OK' : 'Not responding') : '—'}</dd>
          </div>
          <div>
            <dt>Database latency</dt>
            <dd data-testid="db-latency">{formatLatency(ready?.database.latencyMs)}</dd>
          </div>
          <div>
            <dt>Server version</dt>
            <dd data-testid="server-version">{ready?.version ?? '—'}</dd>
          </div>
          <div>
            <dt>Web app version</dt>
            <dd data-testid="web-version">{__APP_VERSION__}</dd>
          </div>
          <div>
            <dt>Last checked</dt>
            <dd data-testid="last-checked">
              <LastChecked at={lastCheckedAt} />
              <span className="muted"> · every {POLL_INTERVAL_MS / 1000} s</span>
            </dd>
          </div>
        </dl>
      </section>

      {permissions.jobs ? <BackgroundJobsCard canRunSelfCheck={permissions.runSelfCheck} /> : null}

      <section className="card" aria-labelledby="api-heading">
        <h2 id="api-heading">API</h2>
        <ul className="link-list">
          <li>
            <a href="/docs">API reference</a>
            <span className="muted"> — interactive documentation for every endpoint</span>
          </li>
          <li>
            <a href="/openapi.json">OpenAPI document</a>
            <span className="muted"> — the machine-readable specification (JSON)</span>
          </li>
        </ul>
      </section>
    </>
  );
}
