// Simulations, newest first, filtered by status (kept in the address); analysts start a new one
// here, comparing two reorder policies. Running simulations show their job's progress live.
import { useState } from 'react';
import { withQuery } from '../../api';
import { usePermissions } from '../../auth/hooks';
import { SelectField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { Pagination } from '../../components/Pagination';
import { formatDateTime } from '../../format';
import { Link, navigate, useSearchParam } from '../../router';
import { type EntityColumn, EntityTable } from '../EntityTable';
import { useWarehouses } from '../hooks';
import { SUPPLY_SIMULATIONS_PAGE, simulationPath } from '../paths';
import { SIMULATION_STATUSES, type Simulation, type SimulationStatus } from './api';
import { scenarioText } from './format';
import { useSimulations } from './hooks';
import { NewSimulationForm } from './NewSimulationForm';
import { SimulationStatusCell } from './SimulationStatus';

const PAGE_SIZE = 20;

const isStatus = (value: string | null): value is SimulationStatus =>
  SIMULATION_STATUSES.includes(value as SimulationStatus);

const COLUMNS: EntityColumn<Simulation>[] = [
  {
    label: 'Name',
    rowHeader: true,
    cell: (s) => (
      <Link to={simulationPath(s.id)} data-testid="simulation-link">
        {s.name}
      </Link>
    ),
  },
  { label: 'Status', cell: (s) => <SimulationStatusCell simulation={s} /> },
  { label: 'Replications', numeric: true, cell: (s) => s.config.replications.toLocaleString() },
  { label: 'Days', numeric: true, cell: (s) => s.config.horizonDays },
  { label: 'Events', cell: (s) => <span className="cell-details">{scenarioText(s.config.scenario)}</span> },
  { label: 'Started', cell: (s) => formatDateTime(s.createdAt) },
  {
    label: 'Summary',
    cell: (s) => <span className="cell-details">{s.summary ?? s.errorMessage ?? ''}</span>,
  },
];

export function SimulationsPage() {
  const permissions = usePermissions();
  const warehouses = useWarehouses();
  const statusParam = useSearchParam('status');
  const status: SimulationStatus | '' = isStatus(statusParam) ? statusParam : '';
  const offset = Math.max(0, Number(useSearchParam('offset')) || 0);
  const [creating, setCreating] = useState(false);
  const simulations = useSimulations({ ...(status ? { status } : {}), limit: PAGE_SIZE, offset });

  const show = (next: { status?: string; offset?: number }) => {
    const params = { status, offset: 0, ...next };
    navigate(
      withQuery(SUPPLY_SIMULATIONS_PAGE.path, {
        status: params.status || undefined,
        offset: params.offset || undefined,
      }),
      { replace: true },
    );
  };

  return (
    <>
      <PageHeader
        title={SUPPLY_SIMULATIONS_PAGE.title}
        description={SUPPLY_SIMULATIONS_PAGE.description}
        actions={
          permissions.planSupply && !creating ? (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New simulation
            </button>
          ) : null
        }
      />
      {creating ? (
        <NewSimulationForm
          warehouses={warehouses.data?.items ?? []}
          onStarted={(simulation) => navigate(simulationPath(simulation.id))}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      <section className="card" aria-labelledby="simulations-heading">
        <h2 id="simulations-heading">Simulations</h2>
        <div className="toolbar">
          <SelectField
            id="simulations-status"
            label="Status"
            value={status}
            onChange={(value) => show({ status: value })}
          >
            <option value="">Any status</option>
            {SIMULATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
        </div>
        <EntityTable
          query={simulations}
          columns={COLUMNS}
          noun="simulations"
          empty={status ? 'No simulations with this status.' : 'No simulations yet.'}
          testId="simulations-table"
        />
        <Pagination page={simulations.data} onChange={(next) => show({ offset: next })} label="Simulations" />
      </section>
    </>
  );
}
