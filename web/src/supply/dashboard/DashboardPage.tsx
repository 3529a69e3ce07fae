// The planner's dashboard: every KPI with its trend against the period before, its target and a
// sparkline; what waits for a person (late orders, decisions to approve, anomalies); the open
// anomalies, which analysts dismiss; the recent decisions, each linking to its page. One call:
// /supply/frontend/dashboard.
import { usePermissions } from '../../auth/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../format';
import { Link, navigate, useSearchParam } from '../../router';
import type { DecisionStatus } from '../api';
import { DecisionStatusBadge } from '../DecisionBadge';
import { formatMoney, formatQuantity } from '../format';
import { SUPPLY_DASHBOARD_PAGE } from '../paths';
import { ANOMALY_KIND, type Anomaly, type FrontendDashboard, PERIODS, type Period } from './api';
import { useDismissAnomaly, useFrontendDashboard } from './hooks';
import { KpiTile } from './KpiTile';
import './dashboard.css';

const isPeriod = (value: number): value is Period => (PERIODS as readonly number[]).includes(value);

function PeriodChoice({ days }: { days: Period }) {
  return (
    <fieldset className="period-choice">
      <legend className="visually-hidden">Period</legend>
      {PERIODS.map((p) => (
        <label key={p} className={p === days ? 'period-active' : undefined}>
          <input
            type="radio"
            name="dashboard-period"
            value={p}
            checked={p === days}
            onChange={() => navigate(`${SUPPLY_DASHBOARD_PAGE.path}?days=${p}`, { replace: true })}
          />
          {p} days
        </label>
      ))}
    </fieldset>
  );
}

function Counts({ counts }: { counts: FrontendDashboard['counts'] }) {
  const items: [string, number, string][] = [
    ['Open orders', counts.openOrders, 'open-orders'],
    ['Past their day', counts.lateOrders, 'late-orders'],
    ['Decisions to approve', counts.decisionsAwaiting, 'decisions-awaiting'],
    ['Open anomalies', counts.openAnomalies, 'open-anomalies'],
    ['Warehouses', counts.warehouses, 'warehouses'],
    ['Vehicles', counts.vehicles, 'vehicles'],
    ['Clients', counts.clients, 'clients'],
  ];
  return (
    <dl className="dashboard-counts">
      {items.map(([label, value, id]) => (
        <div key={id} data-testid={`count-${id}`}>
          <dt>{label}</dt>
          <dd>{formatQuantity(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function AnomalyItem({ anomaly, canDismiss }: { anomaly: Anomaly; canDismiss: boolean }) {
  const dismiss = useDismissAnomaly();
  return (
    <li className="anomaly" data-testid="anomaly" data-kind={anomaly.kind}>
      <div className="anomaly-head">
        <span className={`badge ${anomaly.kind === 'order_quantity' ? 'badge-warn' : 'badge-bad'}`}>
          {ANOMALY_KIND[anomaly.kind]}
        </span>
        <span className="anomaly-day">{formatDate(anomaly.day)}</span>
        {canDismiss ? (
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={dismiss.isPending}
            onClick={() => dismiss.mutate(anomaly.id)}
          >
            Dismiss
          </button>
        ) : null}
      </div>
      <p>{anomaly.detail}</p>
      {dismiss.error ? <ErrorNotice error={dismiss.error} /> : null}
    </li>
  );
}

export function DashboardPage() {
  const permissions = usePermissions();
  const asked = Number(useSearchParam('days'));
  const days: Period = isPeriod(asked) ? asked : 30;
  const dashboard = useFrontendDashboard(days);
  const data = dashboard.data;
  return (
    <>
      <PageHeader
        title={SUPPLY_DASHBOARD_PAGE.title}
        description={SUPPLY_DASHBOARD_PAGE.description}
        actions={<PeriodChoice days={days} />}
      />
      {dashboard.error ? (
        <ErrorNotice error={dashboard.error} title="The dashboard could not be loaded" />
      ) : null}
      {!data ? (
        dashboard.isLoading ? (
          <p className="state-message">Loading…</p>
        ) : null
      ) : (
        <>
          <p className="kpi-period" data-testid="kpi-period">
            The last {data.kpis.days} days ({formatDate(data.kpis.from)} – {formatDate(data.kpis.to)}) against
            the {data.kpis.days} before.{' '}
            {data.kpis.rolledThrough
              ? `Figures rolled up through ${formatDate(data.kpis.rolledThrough)}.`
              : 'No day has been rolled up yet: the figures appear after the nightly rollup.'}
          </p>
          <section aria-labelledby="kpi-heading">
            <h2 id="kpi-heading" className="visually-hidden">
              Key performance indicators
            </h2>
            <div className="kpi-grid" data-testid="kpi-grid">
              {data.kpis.kpis.map((card) => (
                <KpiTile key={card.kpi} card={card} days={data.kpis.days} />
              ))}
            </div>
          </section>
          <Counts counts={data.counts} />
          <div className="dashboard-columns">
            <section className="card" aria-labelledby="anomalies-heading">
              <h2 id="anomalies-heading">Open anomalies</h2>
              {data.anomalies.length === 0 ? (
                <p className="state-message">Nothing unusual: no open anomaly.</p>
              ) : (
                <ul className="anomaly-list">
                  {data.anomalies.map((a) => (
                    <AnomalyItem key={a.id} anomaly={a} canDismiss={permissions.planSupply} />
                  ))}
                </ul>
              )}
              {data.counts.openAnomalies > data.anomalies.length ? (
                <p className="card-note">
                  The {data.anomalies.length} newest of {data.counts.openAnomalies} open anomalies.
                </p>
              ) : null}
            </section>
            <section className="card" aria-labelledby="decisions-heading">
              <h2 id="decisions-heading">Recent decisions</h2>
              {data.recentDecisions.length === 0 ? (
                <p className="state-message">No decision yet.</p>
              ) : (
                <ul className="recent-decisions">
                  {data.recentDecisions.map((d) => (
                    <li key={d.id} data-testid="recent-decision">
                      <div className="recent-decision-head">
                        <Link to={d.page} data-testid="recent-decision-link">
                          {d.type === 'routing' ? 'Routing' : 'Replenishment'} · {formatDateTime(d.createdAt)}
                        </Link>
                        <DecisionStatusBadge status={d.status as DecisionStatus} />
                      </div>
                      <p>{d.summary ?? ''}</p>
                      {d.predictedCost !== null ? (
                        <p className="card-note">Predicted cost {formatMoney(d.predictedCost)}</p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </>
  );
}
