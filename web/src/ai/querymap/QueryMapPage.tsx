// The query map (/ai/query-map): the gateway's cached queries laid out by meaning and coloured by
// cluster, the clusters with their sizes, hit rates and examples, the flows between sectors and
// workspaces, and the metrics snapshot. "Refresh" submits the projection job and follows its
// progress live; the map reloads when it completes.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { isFinished } from '../../jobs/api';
import { useLiveJob } from '../../jobs/hooks';
import { ProgressBar } from '../../jobs/JobProgress';
import { aiKeys, type QueryMap } from '../api';
import { formatCount, formatPercent, sectorLabel } from '../format';
import { useAiPermissions, useQueryMap, useRefreshQueryMap } from '../hooks';
import { AI_QUERY_MAP_PAGE } from '../pages';
import { FlowDiagram } from './FlowDiagram';
import { clusterColor, QueryScatter } from './QueryScatter';

/** "totalRequests" → "Total requests". */
const labelOf = (key: string) => {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]/g, ' ')
    .toLowerCase();
  return `${words[0]?.toUpperCase() ?? ''}${words.slice(1)}`;
};

function snapshotValue(key: string, value: unknown): string {
  if (typeof value === 'number') return /rate|percent/i.test(key) ? formatPercent(value) : formatCount(value);
  if (typeof value === 'string') return /At$/.test(key) ? formatDateTime(value) : value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return '';
}

function Snapshot({ map }: { map: QueryMap }) {
  const entries = Object.entries(map.snapshot).filter(([k, v]) => snapshotValue(k, v) !== '');
  return (
    <section className="card" aria-labelledby="snapshot-heading">
      <h2 id="snapshot-heading">Snapshot</h2>
      <dl className="facts" data-testid="map-snapshot">
        <Fact label="Computed">{formatDateTime(map.computedAt)}</Fact>
        <Fact label="Queries" testId="map-queries">
          {formatCount(map.queries)}
        </Fact>
        <Fact label="Clusters">{formatCount(map.clusters.length)}</Fact>
        {entries.map(([key, value]) => (
          <Fact key={key} label={labelOf(key)}>
            {snapshotValue(key, value)}
          </Fact>
        ))}
      </dl>
    </section>
  );
}

function Refresh({ running, onDone }: { running: string | null; onDone: () => void }) {
  const refresh = useRefreshQueryMap();
  const [jobId, setJobId] = useState<string | null>(running);
  const { query: job } = useLiveJob(jobId);
  const status = job.data?.status;
  useEffect(() => {
    if (jobId && isFinished(status)) onDone();
  }, [jobId, status, onDone]);
  const busy = refresh.isPending || (jobId !== null && !isFinished(status));
  return (
    <div className="ai-refresh" data-testid="map-refresh">
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => refresh.mutate(undefined, { onSuccess: (accepted) => setJobId(accepted.jobId) })}
      >
        {busy ? 'Refreshing…' : 'Refresh'}
      </button>
      {jobId && job.data && !isFinished(status) ? (
        <ProgressBar value={job.data.progress} label="Query map progress" testId="map-progress" />
      ) : null}
      <span aria-live="polite" className="muted" data-testid="map-refresh-status">
        {status === 'completed'
          ? 'Recomputed.'
          : status === 'failed'
            ? `Failed: ${job.data?.error ?? ''}`
            : ''}
      </span>
      {refresh.error ? <ErrorNotice error={refresh.error} title="The map could not be refreshed" /> : null}
    </div>
  );
}

export function QueryMapPage() {
  const permissions = useAiPermissions();
  const queryClient = useQueryClient();
  const map = useQueryMap();
  const [flowKind, setFlowKind] = useState<'sector' | 'workspace'>('sector');
  const data = map.data;
  const onDone = () => void queryClient.invalidateQueries({ queryKey: aiKeys.queryMap });
  const flows = (data?.flows ?? []).filter((f) => f.kind === flowKind);
  return (
    <>
      <PageHeader
        title={AI_QUERY_MAP_PAGE.title}
        description={AI_QUERY_MAP_PAGE.description}
        actions={permissions.analyze ? <Refresh running={data?.jobId ?? null} onDone={onDone} /> : null}
      />
      {map.error ? <ErrorNotice error={map.error} title="The query map could not be loaded" /> : null}
      {!data && map.isPending ? <p className="state-message">Loading the map…</p> : null}
      {data && data.points.length === 0 ? (
        <section className="card">
          <p className="state-message" data-testid="map-empty">
            {data.computedAt
              ? 'No cached query to draw yet: the map fills as pipelines with a cache answer requests.'
              : 'The map has not been computed yet. Press “Refresh” to compute it from the cached queries.'}
          </p>
        </section>
      ) : null}
      {data && data.points.length > 0 ? (
        <>
          <section className="card" aria-labelledby="map-heading">
            <h2 id="map-heading">Queries by meaning</h2>
            <p className="muted">
              Each dot is a distinct question, placed near the questions it resembles; its size is how often
              it was asked, its colour its cluster.
            </p>
            <QueryScatter points={data.points} clusters={data.clusters} />
          </section>
          <section className="card" aria-labelledby="clusters-heading">
            <h2 id="clusters-heading">Clusters</h2>
            <DataTable
              columns={['Cluster', 'Queries', 'Requests', 'Hit rate', 'Sectors', 'Examples']}
              dense
              caption="Clusters of similar queries"
              testId="clusters-table"
            >
              {data.clusters.map((c) => (
                <tr key={c.id} data-testid="cluster-row">
                  <th scope="row">
                    <span
                      className="ai-swatch"
                      style={{ background: clusterColor(c.id) }}
                      aria-hidden="true"
                    />
                    {c.label}
                  </th>
                  <td className="numeric">{formatCount(c.queries)}</td>
                  <td className="numeric">{formatCount(c.requests)}</td>
                  <td className="numeric">{formatPercent(c.hitRate)}</td>
                  <td>{c.sectors.map((s) => sectorLabel(s.name)).join(', ')}</td>
                  <td className="cell-details">
                    <ul className="ai-examples">
                      {c.examples.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </DataTable>
          </section>
          <section className="card" aria-labelledby="flows-heading">
            <div className="card-heading">
              <h2 id="flows-heading">Flows</h2>
              <fieldset className="ai-choice">
                <legend className="visually-hidden">Flows between</legend>
                {(['sector', 'workspace'] as const).map((k) => (
                  <label key={k} className={k === flowKind ? 'ai-choice-active' : undefined}>
                    <input
                      type="radio"
                      name="flow-kind"
                      value={k}
                      checked={k === flowKind}
                      onChange={() => setFlowKind(k)}
                    />
                    {k === 'sector' ? 'Sectors' : 'Workspaces'}
                  </label>
                ))}
              </fieldset>
            </div>
            <FlowDiagram flows={flows} kind={flowKind} />
          </section>
        </>
      ) : null}
      {data ? <Snapshot map={data} /> : null}
    </>
  );
}
