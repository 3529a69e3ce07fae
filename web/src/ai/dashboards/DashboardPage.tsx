// The gateway's overview (/ai): the organisation's last 24 hours, each sector (from its workspaces)
// with its figures and a link to its dashboard, the busiest pipelines and the recent errors; kept
// current from the `sector:<name>` topics.
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { LiveIndicator } from '../../plant/LiveIndicator';
import { Link } from '../../router';
import { aiKeys, sectorTopic, type WorkspaceSummary } from '../api';
import { Figures } from '../charts/Figures';
import { formatCount, formatMs, formatPercent, formatTokens, formatUsd, sectorLabel } from '../format';
import { useDashboard } from '../hooks';
import { useLiveReload } from '../live';
import { StatusBadge } from '../PipelinesPage';
import { AI_OVERVIEW_PAGE, AI_PIPELINES_PAGE } from '../pages';
import { pipelinePath, sectorPath } from '../paths';

interface SectorRow {
  sector: string;
  workspaces: number;
  pipelines: number;
  activePipelines: number;
  requests: number;
  hits: number;
  misses: number;
  /** Σ requests × average latency, for the sector's average. */
  latencyWeight: number;
  tokensSaved: number;
  costSaved: number;
}

/** The workspaces' figures summed per sector. */
export function sectorsOf(workspaces: readonly WorkspaceSummary[]): SectorRow[] {
  const rows = new Map<string, SectorRow>();
  for (const w of workspaces) {
    const row = rows.get(w.sector) ?? {
      sector: w.sector,
      workspaces: 0,
      pipelines: 0,
      activePipelines: 0,
      requests: 0,
      hits: 0,
      misses: 0,
      latencyWeight: 0,
      tokensSaved: 0,
      costSaved: 0,
    };
    row.workspaces += 1;
    row.pipelines += w.pipelines;
    row.activePipelines += w.activePipelines;
    row.requests += w.requests24h;
    row.hits += w.cacheHits24h;
    row.misses += w.cacheMisses24h;
    row.latencyWeight += w.requests24h * w.avgLatency24h;
    row.tokensSaved += w.tokensSaved24h;
    row.costSaved += w.costSaved24h;
    rows.set(w.sector, row);
  }
  return [...rows.values()].sort((a, b) => b.requests - a.requests || a.sector.localeCompare(b.sector));
}

/** Reloads the overview when a sector's figures change. */
function SectorListener({ sector }: { sector: string }) {
  useLiveReload(sectorTopic(sector), [aiKeys.dashboard]);
  return null;
}

export function DashboardPage() {
  const dashboard = useDashboard();
  const data = dashboard.data;
  const sectors = sectorsOf(data?.workspaces ?? []);
  return (
    <>
      <PageHeader
        title={AI_OVERVIEW_PAGE.title}
        description={AI_OVERVIEW_PAGE.description}
        actions={<LiveIndicator />}
      />
      {dashboard.error ? (
        <ErrorNotice error={dashboard.error} title="The dashboard could not be loaded" />
      ) : null}
      {!data && dashboard.isPending ? <p className="state-message">Loading…</p> : null}
      {data ? (
        <>
          {sectors.map((s) => (
            <SectorListener key={s.sector} sector={s.sector} />
          ))}
          <section className="card" aria-labelledby="totals-heading">
            <h2 id="totals-heading">Last 24 hours</h2>
            <Figures
              metrics={data.totals}
              label="The organisation’s last 24 hours"
              testId="dashboard-figures"
            />
          </section>
          <section className="card" aria-labelledby="sectors-heading">
            <h2 id="sectors-heading">Sectors</h2>
            {sectors.length === 0 ? (
              <p className="state-message" data-testid="sectors-empty">
                No sector yet: sectors appear with the first workspace.
              </p>
            ) : (
              <DataTable
                columns={[
                  'Sector',
                  'Workspaces',
                  'Active pipelines',
                  'Requests',
                  'Hit rate',
                  'Average latency',
                  'Tokens saved',
                  'Cost saved',
                ]}
                dense
                caption="Sectors in the last 24 hours"
                testId="sectors-table"
              >
                {sectors.map((s) => (
                  <tr key={s.sector}>
                    <th scope="row">
                      <Link to={sectorPath(s.sector)} data-testid="sector-link">
                        {sectorLabel(s.sector)}
                      </Link>
                    </th>
                    <td className="numeric">{formatCount(s.workspaces)}</td>
                    <td className="numeric">
                      {formatCount(s.activePipelines)} of {formatCount(s.pipelines)}
                    </td>
                    <td className="numeric">{formatCount(s.requests)}</td>
                    <td className="numeric">
                      {formatPercent(s.hits + s.misses === 0 ? 0 : (100 * s.hits) / (s.hits + s.misses))}
                    </td>
                    <td className="numeric">
                      {formatMs(s.requests === 0 ? 0 : s.latencyWeight / s.requests)}
                    </td>
                    <td className="numeric">{formatTokens(s.tokensSaved)}</td>
                    <td className="numeric">{formatUsd(s.costSaved)}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
          <section className="card" aria-labelledby="busiest-heading">
            <div className="card-heading">
              <h2 id="busiest-heading">Busiest pipelines</h2>
              <Link to={AI_PIPELINES_PAGE.path}>Every pipeline</Link>
            </div>
            {data.topPipelines.length === 0 ? (
              <p className="state-message">No traffic in the last 24 hours.</p>
            ) : (
              <DataTable
                columns={['Pipeline', 'Status', 'Sector', 'Requests', 'Hit rate', 'p95', 'Cost saved']}
                dense
                caption="Pipelines by requests in the last 24 hours"
                testId="top-pipelines"
              >
                {data.topPipelines.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={pipelinePath(p.id)}>{p.name}</Link>
                    </th>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                    <td>{sectorLabel(p.sector)}</td>
                    <td className="numeric">{formatCount(p.metrics24h.requests)}</td>
                    <td className="numeric">{formatPercent(p.metrics24h.hitRate)}</td>
                    <td className="numeric">{formatMs(p.metrics24h.latencyP95)}</td>
                    <td className="numeric">{formatUsd(p.metrics24h.costSaved)}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
          <section className="card" aria-labelledby="errors-heading">
            <h2 id="errors-heading">Recent errors</h2>
            {data.recentErrors.length === 0 ? (
              <p className="state-message">No failed request in the last 24 hours.</p>
            ) : (
              <DataTable columns={['When', 'Pipeline', 'Status', 'Code']} dense caption="Recent errors">
                {data.recentErrors.map((e) => (
                  <tr key={e.id}>
                    <th scope="row" className="cell-nowrap">
                      {formatDateTime(e.at)}
                    </th>
                    <td>
                      <Link to={pipelinePath(e.pipelineId)}>{e.pipelineName}</Link>
                    </td>
                    <td>
                      <span className="badge badge-bad">{e.status}</span>
                    </td>
                    <td>{e.errorCode ?? '—'}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
