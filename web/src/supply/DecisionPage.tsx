// One decision: its progress while computed, then its summary, predicted cost, confidence,
// constraint checks and lines (each opening to its reasons), and approve / reject / execute by its
// status for analysts and admins.
import { usePermissions } from '../auth/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Fact } from '../components/Fact';
import { PageHeader } from '../components/PageHeader';
import { formatDate, formatDateTime } from '../format';
import { Link } from '../router';
import { ActionsTable } from './ActionsTable';
import type { Decision } from './api';
import { DecisionStatusBadge, scopeText } from './DecisionBadge';
import { DecisionControls } from './DecisionControls';
import { ConstraintChecks, DecisionSummary } from './DecisionFigures';
import { DecisionProgress } from './DecisionProgress';
import { formatMoney } from './format';
import { useExplanation, useLiveDecision, useWarehouses } from './hooks';
import { SUPPLY_DECISIONS_PAGE } from './paths';
import { RoutingDecision } from './routing/RoutingDecision';

type Job = ReturnType<typeof useLiveDecision>['job'];

function constraintText(constraints: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof constraints.budget === 'number') parts.push(`budget ${formatMoney(constraints.budget)}`);
  if (typeof constraints.requiredBy === 'string')
    parts.push(`needed by ${formatDate(constraints.requiredBy)}`);
  if (constraints.respectCapacity === false) parts.push('warehouse room not enforced');
  return parts.length > 0 ? parts.join(' · ') : 'none';
}

function StatusCard({ decision, job, scope }: { decision: Decision; job: Job; scope: string }) {
  return (
    <section className="card" aria-labelledby="decision-status-heading">
      <h2 id="decision-status-heading">Status</h2>
      <dl className="facts">
        <Fact label="Status">
          <DecisionStatusBadge status={decision.status} testId="decision-status" />
        </Fact>
        <Fact label="Scope">{scope}</Fact>
        <Fact label="Constraints">{constraintText(decision.constraints)}</Fact>
        <Fact label="Asked">{formatDateTime(decision.createdAt)}</Fact>
      </dl>
      <DecisionProgress decision={decision} job={job} />
    </section>
  );
}

export function DecisionPage({ id }: { id: string }) {
  const permissions = usePermissions();
  const { decision: query, job } = useLiveDecision(id);
  const decision = query.data;
  const computed = decision !== undefined && decision.status !== 'pending' && decision.status !== 'failed';
  const explanation = useExplanation(id, computed);
  const warehouses = useWarehouses();
  const byId = new Map((warehouses.data?.items ?? []).map((w) => [w.id, w]));

  if (decision?.type === 'routing')
    return (
      <RoutingDecision decision={decision} job={job} canDecide={permissions.planSupply} warehouses={byId} />
    );
  return (
    <>
      <PageHeader
        title="Replenishment decision"
        description={
          decision
            ? `${scopeText(decision.scope, byId)}, asked ${formatDateTime(decision.createdAt)}.`
            : 'A replenishment proposal with its reasons.'
        }
      />
      <p className="back-link">
        <Link to={SUPPLY_DECISIONS_PAGE.path}>← All decisions</Link>
      </p>
      {query.isPending ? <p className="state-message">Loading the decision…</p> : null}
      {query.isError ? <ErrorNotice error={query.error} title="Could not load the decision" /> : null}
      {decision ? (
        <>
          <StatusCard decision={decision} job={job} scope={scopeText(decision.scope, byId)} />
          {computed ? (
            <>
              <DecisionControls decision={decision} canDecide={permissions.planSupply} />
              <DecisionSummary decision={decision} />
              <ConstraintChecks decision={decision} />
              {explanation.isError ? (
                <ErrorNotice error={explanation.error} title="Could not load the reasons" />
              ) : null}
              {explanation.data ? <ActionsTable explanation={explanation.data} warehouses={byId} /> : null}
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
