// The web app's screens in one call each (the seed's /frontend endpoints): the planner's dashboard
// (KPIs with trends, counts, recent decisions, open anomalies), the network at a glance, starting a
// decision, a decision's insights as cards, a simulation's results as charts. Everything is read
// through the services and repositories that own it; nothing here decides anything.
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { readInCallerTenant } from '../../../platform/db/scope.ts';
import type { DecisionRequest, DecisionsService } from '../decisions/decisions.service.ts';
import type { MetricsService } from '../metrics/metrics.service.ts';
import { presentAnomaly } from '../metrics/presenters.ts';
import { dayOf } from '../metrics/rollup.ts';
import type { SimulationsService } from '../simulations/simulations.service.ts';
import {
  entityBreakdown,
  openAnomalies,
  overviewCounts,
  recentDecisions,
  warehouseSummaries,
} from './frontend.repo.ts';
import { decisionInsights, decisionPagePath, type ExplanationFacts, simulationCharts } from './insights.ts';

const RECENT = 5;

export function createFrontendService(deps: {
  db: Db;
  metrics: MetricsService;
  decisions: DecisionsService;
  simulations: SimulationsService;
}) {
  const { db } = deps;
  return {
    async dashboard(principal: Principal, query: { days?: number | undefined; to?: string | undefined }) {
      const today = dayOf(Date.now());
      // Independent reads, each a transaction of its own (readInTenant): sent together, so the
      // dashboard waits for the slowest of them rather than for their sum.
      const [kpis, rest] = await Promise.all([
        deps.metrics.dashboard(principal, { days: query.days, to: query.to }),
        readInCallerTenant(db, principal, (tx) =>
          Promise.all([overviewCounts(tx, today), recentDecisions(tx, RECENT), openAnomalies(tx, RECENT)]),
        ),
      ]);
      const [counts, recent, anomalies] = rest;
      return {
        kpis,
        counts,
        recentDecisions: recent.map((d) => ({
          ...d,
          createdAt: d.createdAt.toISOString(),
          page: decisionPagePath(d.id),
        })),
        anomalies: anomalies.map(presentAnomaly),
      };
    },

    entities: (principal: Principal) =>
      readInCallerTenant(db, principal, async (tx) => ({
        warehouses: await warehouseSummaries(tx),
        ...(await entityBreakdown(tx, dayOf(Date.now()))),
      })),

    /** Starts a decision through the decisions service; answers where to follow it. */
    async startDecision(principal: Principal, request: DecisionRequest) {
      const row = await deps.decisions.start(principal, request);
      return {
        decision: {
          id: row.id,
          type: row.type,
          status: row.status,
          jobId: row.jobId,
          createdAt: row.createdAt.toISOString(),
        },
        links: {
          page: decisionPagePath(row.id),
          decision: `/api/v1/supply/decisions/${row.id}`,
          insights: `/api/v1/supply/frontend/decision/${row.id}/insights`,
          job: row.jobId ? `/api/v1/jobs/${row.jobId}` : null,
        },
      };
    },

    async insights(principal: Principal, id: string) {
      const { decision, actionCount } = await deps.decisions.get(principal, id);
      const explanation = (await deps.decisions.explanation(principal, id)) as ExplanationFacts;
      return decisionInsights(decision, actionCount, explanation);
    },

    async simulationResults(principal: Principal, id: string) {
      return simulationCharts(await deps.simulations.get(principal, id));
    },
  };
}

export type FrontendService = ReturnType<typeof createFrontendService>;
