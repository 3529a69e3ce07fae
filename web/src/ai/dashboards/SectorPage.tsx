// A sector's dashboard (/ai/sectors/:sector): its last 24 hours, its daily analytics (requests,
// cache hits, latency, savings, top query types) and its pipelines; live from `sector:<name>`.
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { LiveIndicator } from '../../plant/LiveIndicator';
import { Link } from '../../router';
import { aiKeys, type SectorMetrics, sectorTopic } from '../api';
import { formatCount, formatMs, formatPercent, formatTokens, formatUsd, sectorLabel } from '../format';
import { useSectorDashboard } from '../hooks';
import { useLiveReload } from '../live';
import { StatusBadge } from '../PipelinesPage';
import { AI_OVERVIEW_PAGE } from '../pages';
import { pipelinePath } from '../paths';
import { DaysChart } from './DaysChart';

function SectorFigures({ m }: { m: SectorMetrics }) {
  const items: [string, string, string][] = [
    ['Requests', formatCount(m.requests24h), 'requests'],
    ['Cache hit rate', formatPercent(m.hitRate24h), 'hit-rate'],
    ['Average latency', formatMs(m.avgLatency24h), 'latency'],
    ['Tokens saved', formatTokens(m.tokensSaved24h), 'tokens-saved'],
    ['Cost saved', formatUsd(m.costSaved24h), 'cost-saved'],
    ['Cost', formatUsd(m.costUsd24h), 'cost'],
    ['Errors', formatCount(m.errors24h), 'errors'],
    ['Active pipelines', `${formatCount(m.activePipelines)} of ${formatCount(m.pipelines)}`, 'pipelines'],
    ['Requests, 7 days', formatCount(m.requests7d), 'requests-7d'],
    ['Cost saved, 7 days', formatUsd(m.costSaved7d), 'cost-saved-7d'],
  ];
  return (
    <dl className="ai-figures" aria-label="The sector’s last 24 hours" data-testid="sector-figures">
      {items.map(([name, value, key]) => (
        <div key={key} data-testid={`sector-figures-${key}`}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SectorPage({ sector }: { sector: string }) {
  const dashboard = useSectorDashboard(sector);
  const live = useLiveReload(sectorTopic(sector), [aiKeys.sector(sector)]);
  const data = dashboard.data;
  const days = [...(data?.days ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      <Link to={AI_OVERVIEW_PAGE.path} className="back-link">
        AI gateway
      </Link>
      <PageHeader
        title={`${sectorLabel(sector)} dashboard`}
        description={`The ${sectorLabel(sector).toLowerCase()} sector’s pipelines: their last 24 hours, live, and their daily analytics.`}
        actions={<LiveIndicator />}
      />
      {live.refused ? <p className="notice notice-warn">No live updates: {live.refused}</p> : null}
      {dashboard.error ? (
        <ErrorNotice error={dashboard.error} title="The sector’s dashboard could not be loaded" />
      ) : null}
      {!data && dashboard.isPending ? <p className="state-message">Loading…</p> : null}
      {data ? (
        <>
          <section className="card" aria-labelledby="sector-totals-heading">
            <h2 id="sector-totals-heading">Last 24 hours</h2>
            {data.metrics ? (
              <SectorFigures m={data.metrics} />
            ) : (
              <p className="state-message">No workspace in this sector.</p>
            )}
          </section>
          {days.length > 0 ? <DaysChart days={days} /> : null}
          <section className="card" aria-labelledby="sector-pipelines-heading">
            <h2 id="sector-pipelines-heading">Pipelines</h2>
            {data.pipelines.length === 0 ? (
              <p className="state-message">No pipeline in this sector.</p>
            ) : (
              <DataTable
                columns={[
                  'Pipeline',
                  'Status',
                  'Requests',
                  'Hit rate',
                  'p50 / p95',
                  'Tokens saved',
                  'Cost saved',
                ]}
                dense
                caption="The sector’s pipelines"
                testId="sector-pipelines"
              >
                {data.pipelines.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={pipelinePath(p.id)}>{p.name}</Link>
                    </th>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                    <td className="numeric">{formatCount(p.metrics24h.requests)}</td>
                    <td className="numeric">{formatPercent(p.metrics24h.hitRate)}</td>
                    <td className="numeric cell-nowrap">
                      {formatMs(p.metrics24h.latencyP50)} / {formatMs(p.metrics24h.latencyP95)}
                    </td>
                    <td className="numeric">{formatTokens(p.metrics24h.tokensSaved)}</td>
                    <td className="numeric">{formatUsd(p.metrics24h.costSaved)}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
          <section className="card" aria-labelledby="sector-days-heading">
            <h2 id="sector-days-heading">By day</h2>
            {days.length === 0 ? (
              <p className="state-message">
                No day rolled up yet: the daily analytics appear after the first rollup.
              </p>
            ) : (
              <DataTable
                columns={[
                  'Day',
                  'Requests',
                  'Hits',
                  'Misses',
                  'Average latency',
                  'Tokens saved',
                  'Cost saved',
                  'Top query types',
                ]}
                dense
                caption="Daily sector analytics"
                testId="sector-days"
              >
                {days.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{formatDate(d.date)}</th>
                    <td className="numeric">{formatCount(d.totalRequests)}</td>
                    <td className="numeric">{formatCount(d.cacheHits)}</td>
                    <td className="numeric">{formatCount(d.cacheMisses)}</td>
                    <td className="numeric">{formatMs(d.avgLatency)}</td>
                    <td className="numeric">{formatTokens(d.tokensSaved)}</td>
                    <td className="numeric">{formatUsd(d.costSaved)}</td>
                    <td className="cell-details">
                      {(d.topQueryTypes ?? [])
                        .slice(0, 3)
                        .map(
                          (t) => `${t.type} (${formatCount(t.count)}, ${formatPercent(t.hitRate, 0)} hits)`,
                        )
                        .join('; ') || '—'}
                    </td>
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
