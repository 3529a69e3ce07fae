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
import { formatCount, formatMs, formatPercent, formatTokens, formatUsd, sectorLabel } from '../format';
import { useAiPermissions, useQueryMap, useRefreshQueryMap } from '../hooks';
import { AI_QUERY_MAP_PAGE } from '../pages';
import { FlowDiagram } from './FlowDiagram';
import { clusterColor, QueryScatter } from './QueryScatter';

function Snapshot({ map }: { map: QueryMap }) {
  const snap = map.snapshot;
  return (
    <section className="card" aria-labelledby="snapshot-heading">
      <h2 id="snapshot-heading">Snapshot</h2>
      <dl className="facts" data-testid="map-snapshot">
        <Fact label="Computed">{formatDateTime(map.computedAt)}</Fact>
        <Fact label="Queries on the map" testId="map-queries">
          {formatCount(map.queries)}
        </Fact>
        <Fact label="Clusters">{formatCount(map.clusters.length)}</Fact>
        {snap ? (
          <>
            <Fact label={`Requests, last ${snap.hours} h`}>{formatCount(snap.requests)}</Fact>
            <Fact label="Through a cache">{formatCount(snap.cached)}</Fact>
            <Fact label="Cache hit rate">{formatPercent(snap.hitRate)}</Fact>
            <Fact label="Latency p50 / p95">
              {formatMs(snap.latencyP50)} / {formatMs(snap.latencyP95)}
            </Fact>
            <Fact label="Tokens saved">{formatTokens(snap.tokensSaved)}</Fact>
            <Fact label="Cost saved">{formatUsd(snap.costSavedUsd)}</Fact>
            <Fact label="Errors">{formatCount(snap.errors)}</Fact>
            <Fact label="Not on the map (no cache node)">{formatCount(snap.unmapped)}</Fact>
          </>
        ) : null}
      </dl>
      {snap && snap.sectors.length > 0 ? (
        <DataTable
          columns={['Sector', 'Requests', 'Hit rate']}
          dense
          caption="Requests by sector in the snapshot"
        >
          {snap.sectors.map((s) => (
            <tr key={s.sector}>
              <th scope="row">{sectorLabel(s.sector)}</th>
              <td className="numeric">{formatCount(s.requests)}</td>
              <td className="numeric">{formatPercent(s.hitRate)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

function Refresh({ onDone }: { onDone: () => void }) {
  const refresh = useRefreshQueryMap();
  const [jobId, setJobId] = useState<string | null>(null);
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
        actions={permissions.analyze ? <Refresh onDone={onDone} /> : null}
      />
      {map.error ? <ErrorNotice error={map.error} title="The query map could not be loaded" /> : null}
      {!data && map.isPending ? <p className="state-message">Loading the map…</p> : null}
      {data && data.points.length === 0 ? (
        <section className="card">
          <p className="state-message" data-testid="map-empty">
            {data.hint ??
              (data.computedAt
                ? 'No cached query to draw yet: the map fills as pipelines with a cache answer requests.'
                : 'The map has not been computed yet. Press “Refresh” to compute it from the cached queries.')}
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
