// One simulation: its progress while it runs, then what it compared (policies, scenario, scope),
// its summary, and each KPI's distribution per policy with the paired difference.
import { ErrorNotice } from '../../components/ErrorNotice';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { JobStatusBadge, ProgressBar } from '../../jobs/JobProgress';
import { formatMoney, formatNumber, formatPercent } from '../../plant/format';
import { Link } from '../../router';
import { SUPPLY_SIMULATIONS_PAGE } from '../paths';
import type { Simulation, SimulationResults } from './api';
import { DistributionChart, POLICY_COLOURS } from './DistributionChart';
import { MAIN_KPIS, scenarioText } from './format';
import { useLiveSimulation } from './hooks';
import { SimulationStatusBadge } from './SimulationStatus';
import './simulations.css';

type Job = ReturnType<typeof useLiveSimulation>['job'];

function scopeText(scope: Record<string, unknown>): string {
  const warehouses = Array.isArray(scope.warehouseIds) ? scope.warehouseIds.length : 0;
  const skus = Array.isArray(scope.skus) ? scope.skus.length : 0;
  const parts = [
    skus ? `${skus} SKUs` : 'every SKU',
    warehouses ? `at ${warehouses} warehouse(s)` : 'at every warehouse',
  ];
  return `${parts.join(' ')}, at most ${String(scope.limit ?? 1000)} items`;
}

function StatusCard({ simulation, job }: { simulation: Simulation; job: Job }) {
  const running = simulation.status === 'queued' || simulation.status === 'running';
  const { config } = simulation;
  return (
    <section className="card" aria-labelledby="simulation-status-heading">
      <h2 id="simulation-status-heading">Status</h2>
      <dl className="facts">
        <Fact label="Status">
          <SimulationStatusBadge status={simulation.status} testId="simulation-status" />
        </Fact>
        <Fact label="Replications">
          {config.replications.toLocaleString()} × {config.horizonDays} days
        </Fact>
        <Fact label="Seed">{config.seed}</Fact>
        <Fact label="Events">{scenarioText(config.scenario)}</Fact>
        <Fact label="Scope">{scopeText(config.scope)}</Fact>
        <Fact label="Started">{formatDateTime(simulation.createdAt)}</Fact>
      </dl>
      {running ? (
        <div className="self-check-run" data-testid="simulation-progress">
          {job ? (
            <>
              <JobStatusBadge status={job.status} />
              <ProgressBar value={job.progress} label="Simulation progress" />
              {job.message ? <p className="muted">{job.message}</p> : null}
            </>
          ) : (
            <p className="muted">Waiting for the job to start…</p>
          )}
        </div>
      ) : null}
      {simulation.status === 'failed' ? (
        <p className="job-error" data-testid="simulation-error">
          {simulation.errorMessage ?? 'The simulation could not be run.'}
        </p>
      ) : null}
    </section>
  );
}

function PoliciesCard({ results, summary }: { results: SimulationResults; summary: string | null }) {
  return (
    <section className="card" aria-labelledby="simulation-policies-heading">
      <h2 id="simulation-policies-heading">Policies compared</h2>
      {summary ? (
        <p className="chart-summary" data-testid="simulation-summary">
          {summary}
        </p>
      ) : null}
      <table className="table" data-testid="simulation-policies">
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col" className="cell-number">
              Mean service level
            </th>
            <th scope="col" className="cell-number">
              Safety stock (units)
            </th>
            <th scope="col" className="cell-number">
              Safety stock value
            </th>
            <th scope="col" className="cell-number">
              (s, Q) / (R, S) items
            </th>
          </tr>
        </thead>
        <tbody>
          {results.policies.map((p, i) => (
            <tr key={p.key}>
              <th scope="row">
                <span
                  className="policy-swatch"
                  style={{ background: POLICY_COLOURS[i % POLICY_COLOURS.length] }}
                />{' '}
                {p.label}
              </th>
              <td className="cell-number">{formatPercent(p.meanServiceLevel)}</td>
              <td className="cell-number">{formatNumber(p.safetyStockUnits, 0)}</td>
              <td className="cell-number">{formatMoney(p.safetyStockValue)}</td>
              <td className="cell-number">
                {p.continuousItems} / {p.periodicItems}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {results.items} SKU × warehouse items at {results.warehouses.join(', ') || 'no warehouse'}. The
        replications took {results.seconds} s. Bars: replications per value; band: 5th–95th percentile; tick:
        median; dot: mean.
      </p>
      {results.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
    </section>
  );
}

export function SimulationPage({ id }: { id: string }) {
  const { simulation: query, job } = useLiveSimulation(id);
  const simulation = query.data;
  const results = simulation?.status === 'completed' ? simulation.results : null;
  const main = results ? results.kpis.filter((k) => MAIN_KPIS.includes(k.kpi)) : [];
  const costs = results ? results.kpis.filter((k) => !MAIN_KPIS.includes(k.kpi)) : [];
  return (
    <>
      <PageHeader
        title={simulation?.name ?? 'Simulation'}
        description={simulation ? `Started ${formatDateTime(simulation.createdAt)}.` : ''}
        actions={<Link to={SUPPLY_SIMULATIONS_PAGE.path}>All simulations</Link>}
      />
      {query.isError ? <ErrorNotice error={query.error} title="Could not load the simulation" /> : null}
      {simulation ? <StatusCard simulation={simulation} job={job} /> : null}
      {results ? (
        <>
          <PoliciesCard results={results} summary={simulation?.summary ?? null} />
          <section aria-labelledby="simulation-kpis-heading" data-testid="simulation-kpis">
            <h2 id="simulation-kpis-heading">KPI distributions</h2>
            {main.map((k) => (
              <DistributionChart key={k.kpi} summary={k} policies={results.policies} />
            ))}
            <details className="card">
              <summary>Cost components</summary>
              {costs.map((k) => (
                <DistributionChart key={k.kpi} summary={k} policies={results.policies} />
              ))}
            </details>
          </section>
        </>
      ) : null}
    </>
  );
}
