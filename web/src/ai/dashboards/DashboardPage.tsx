// The gateway's overview (/ai): the organisation's last 24 hours, each sector with its figures and
// dashboard, the busiest pipelines and the workspaces; kept current from the `sector:<name>` topics.
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { LiveIndicator } from '../../plant/LiveIndicator';
import { Link } from '../../router';
import { aiKeys, sectorTopic } from '../api';
import { Figures } from '../charts/Figures';
import { MetricsCharts } from '../charts/MetricsCharts';
import { formatCount, formatMs, formatPercent, formatTokens, formatUsd, sectorLabel } from '../format';
import { useDashboard } from '../hooks';
import { useLiveReload } from '../live';
import { StatusBadge } from '../PipelinesPage';
import { AI_OVERVIEW_PAGE, AI_PIPELINES_PAGE } from '../pages';
import { pipelinePath, sectorPath } from '../paths';

/** Reloads the overview when a sector's figures change. */
function SectorListener({ sector }: { sector: string }) {
  useLiveReload(sectorTopic(sector), [aiKeys.dashboard]);
  return null;
}

export function DashboardPage() {
  const dashboard = useDashboard();
  const data = dashboard.data;
  const pipelines = [...(data?.pipelines ?? [])].sort(
    (a, b) => b.metrics24h.requests - a.metrics24h.requests,
  );
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
          {data.sectors.map((s) => (
            <SectorListener key={s.sector} sector={s.sector} />
          ))}
          <section className="card" aria-labelledby="totals-heading">
            <h2 id="totals-heading">Last 24 hours</h2>
            <Figures
              metrics={data.totals}
              label="The organisation’s last 24 hours"
              testId="dashboard-figures"
            />
            {data.totals.pipelines !== undefined ? (
              <p className="muted">
                {formatCount(data.totals.activePipelines ?? 0)} of {formatCount(data.totals.pipelines)}{' '}
                pipelines active
                {data.totals.workspaces !== undefined
                  ? ` in ${formatCount(data.totals.workspaces)} workspaces`
                  : ''}
                .
              </p>
            ) : null}
          </section>
          {data.hourly && data.hourly.length > 0 ? (
            <section className="card" aria-labelledby="overview-charts-heading">
              <h2 id="overview-charts-heading">By hour</h2>
              <MetricsCharts points={data.hourly} span="the last 24 hours" idPrefix="overview" />
            </section>
          ) : null}
          <section className="card" aria-labelledby="sectors-heading">
            <h2 id="sectors-heading">Sectors</h2>
            {data.sectors.length === 0 ? (
              <p className="state-message" data-testid="sectors-empty">
                No sector yet: sectors appear with the first workspace.
              </p>
            ) : (
              <DataTable
                columns={[
                  'Sector',
                  'Pipelines',
                  'Requests',
                  'Hit rate',
                  'p50 / p95',
                  'Tokens saved',
                  'Cost saved',
                ]}
                dense
                caption="Sectors in the last 24 hours"
                testId="sectors-table"
              >
                {data.sectors.map((s) => (
                  <tr key={s.sector}>
                    <th scope="row">
                      <Link to={sectorPath(s.sector)} data-testid="sector-link">
                        {sectorLabel(s.sector)}
                      </Link>
                    </th>
                    <td className="numeric">
                      {s.activePipelines !== undefined ? `${formatCount(s.activePipelines)} / ` : ''}
                      {formatCount(s.pipelines)}
                    </td>
                    <td className="numeric">{formatCount(s.requests)}</td>
                    <td className="numeric">{formatPercent(s.hitRate)}</td>
                    <td className="numeric cell-nowrap">
                      {formatMs(s.latencyP50)} / {formatMs(s.latencyP95)}
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
              <h2 id="busiest-heading">Pipelines</h2>
              <Link to={AI_PIPELINES_PAGE.path}>Every pipeline</Link>
            </div>
            {pipelines.length === 0 ? (
              <p className="state-message">No pipeline yet.</p>
            ) : (
              <DataTable
                columns={['Pipeline', 'Status', 'Sector', 'Requests', 'Hit rate', 'p95', 'Cost saved']}
                dense
                caption="Pipelines by requests in the last 24 hours"
              >
                {pipelines.slice(0, 10).map((p) => (
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
        </>
      ) : null}
    </>
  );
}
