// Replenishment decisions, newest first, filtered by status (kept in the address); analysts ask for
// a new one here. Decisions being computed show their job's progress live.
import { useState } from 'react';
import { withQuery } from '../api';
import { usePermissions } from '../auth/hooks';
import { ExportMenu } from '../components/ExportMenu';
import { SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { formatDateTime } from '../format';
import { useLiveJob } from '../jobs/hooks';
import { ProgressBar } from '../jobs/JobProgress';
import { Link, navigate, useSearchParam } from '../router';
import { DECISION_STATUSES, type Decision, type DecisionStatus, type Warehouse } from './api';
import { DecisionStatusBadge, scopeText } from './DecisionBadge';
import { type EntityColumn, EntityTable } from './EntityTable';
import { formatLevel, formatMoney, withCodes } from './format';
import { useDecisions, useWarehouses } from './hooks';
import { NewDecisionForm } from './NewDecisionForm';
import { decisionPath, SUPPLY_DECISIONS_PAGE } from './paths';
import { routingScopeText } from './routing/names';
import { RoutingForm } from './routing/RoutingForm';

const PAGE_SIZE = 20;

const isStatus = (value: string | null): value is DecisionStatus =>
  DECISION_STATUSES.includes(value as DecisionStatus);

function StatusCell({ decision }: { decision: Decision }) {
  const pending = decision.status === 'pending';
  const { query: job } = useLiveJob(pending ? decision.jobId : null);
  return (
    <div className="job-progress-cell">
      <DecisionStatusBadge status={decision.status} />
      {pending && job.data ? <ProgressBar value={job.data.progress} label="Decision progress" /> : null}
    </div>
  );
}

function columns(warehouses: ReadonlyMap<string, Warehouse>): EntityColumn<Decision>[] {
  const readable = (text: string) => withCodes(text, warehouses);
  return [
    {
      label: 'Asked',
      rowHeader: true,
      cell: (d) => (
        <Link to={decisionPath(d.id)} data-testid="decision-link">
          {formatDateTime(d.createdAt)}
        </Link>
      ),
    },
    {
      label: 'Scope',
      cell: (d) => (d.type === 'routing' ? routingScopeText(d, warehouses) : scopeText(d.scope, warehouses)),
    },
    { label: 'Status', cell: (d) => <StatusCell decision={d} /> },
    {
      label: 'Lines',
      numeric: true,
      cell: (d) =>
        d.status === 'pending' ? '—' : d.type === 'routing' ? `${d.actionCount} routes` : d.actionCount,
    },
    { label: 'Predicted cost', numeric: true, cell: (d) => formatMoney(d.predictedCost) },
    { label: 'Confidence', numeric: true, cell: (d) => formatLevel(d.confidence) },
    {
      label: 'Summary',
      cell: (d) => <span className="cell-details">{readable(d.summary ?? d.errorMessage ?? '')}</span>,
    },
  ];
}

export function DecisionsPage() {
  const permissions = usePermissions();
  const warehouses = useWarehouses();
  const statusParam = useSearchParam('status');
  const status: DecisionStatus | '' = isStatus(statusParam) ? statusParam : '';
  const offset = Math.max(0, Number(useSearchParam('offset')) || 0);
  const [creating, setCreating] = useState<'replenishment' | 'routing' | null>(null);
  const decisions = useDecisions({ ...(status ? { status } : {}), limit: PAGE_SIZE, offset });
  const byId = new Map((warehouses.data?.items ?? []).map((w) => [w.id, w]));

  const show = (next: { status?: string; offset?: number }) => {
    const params = { status, offset: 0, ...next };
    navigate(
      withQuery(SUPPLY_DECISIONS_PAGE.path, {
        status: params.status || undefined,
        offset: params.offset || undefined,
      }),
      { replace: true },
    );
  };

  return (
    <>
      <PageHeader
        title={SUPPLY_DECISIONS_PAGE.title}
        description={SUPPLY_DECISIONS_PAGE.description}
        actions={
          permissions.planSupply && !creating ? (
            <>
              <button type="button" className="button" onClick={() => setCreating('replenishment')}>
                New replenishment decision
              </button>
              <button type="button" className="button" onClick={() => setCreating('routing')}>
                New routing decision
              </button>
            </>
          ) : null
        }
      />
      {creating === 'replenishment' ? (
        <NewDecisionForm
          warehouses={warehouses.data?.items ?? []}
          onStarted={(decision) => navigate(decisionPath(decision.id))}
          onCancel={() => setCreating(null)}
        />
      ) : null}
      {creating === 'routing' ? (
        <RoutingForm
          warehouses={warehouses.data?.items ?? []}
          onStarted={(decision) => navigate(decisionPath(decision.id))}
          onCancel={() => setCreating(null)}
        />
      ) : null}
      <section className="card" aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">Decisions</h2>
        <div className="toolbar">
          <SelectField
            id="decisions-status"
            label="Status"
            value={status}
            onChange={(value) => show({ status: value })}
          >
            <option value="">Any status</option>
            {DECISION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'pending' ? 'computing' : s}
              </option>
            ))}
          </SelectField>
          <ExportMenu
            path="/api/v1/supply/decisions/export"
            params={{ status: status || undefined }}
            formats={['csv', 'xlsx']}
            what="decisions"
          />
        </div>
        <EntityTable
          query={decisions}
          columns={columns(byId)}
          noun="decisions"
          empty={status ? 'No decisions with this status.' : 'No decisions yet.'}
          testId="decisions-table"
        />
        <Pagination page={decisions.data} onChange={(next) => show({ offset: next })} label="Decisions" />
      </section>
    </>
  );
}
