import { presentPlan } from '../routing-decisions/presenters.ts';
import type { ActionRow, DecisionRow } from './decisions.repo.ts';
import { itemOf } from './explain.ts';

// Decisions and their actions as API bodies.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentAction(a: ActionRow) {
  return {
    id: a.id,
    position: a.position,
    kind: a.kind,
    inventoryId: a.inventoryId,
    warehouseId: a.warehouseId,
    sku: a.sku,
    quantity: a.quantity,
    orderDate: a.orderDate,
    arrivalDate: a.arrivalDate,
    amount: a.amount,
    reason: itemOf(a).reason ?? '',
    orderId: a.orderId,
  };
}

export function presentDecision(d: DecisionRow, actionCount: number, actions?: ActionRow[]) {
  return {
    id: d.id,
    type: d.type,
    status: d.status,
    jobId: d.jobId,
    scope: d.scope,
    constraints: d.constraints,
    constraintChecks: d.constraintChecks,
    softScores: d.softScores,
    predictedCost: d.predictedCost,
    costBreakdown: d.costBreakdown,
    confidence: d.confidence,
    confidenceNote: d.confidenceNote,
    summary: d.summary,
    modelVersions: d.modelVersions,
    forecastRunId: d.forecastRunId,
    errorMessage: d.errorMessage,
    actionCount,
    ...(actions ? { actions: actions.map(presentAction) } : {}),
    plan: presentPlan(d.plan),
    createdBy: d.createdBy,
    createdAt: d.createdAt.toISOString(),
    decidedBy: d.decidedBy,
    decidedAt: iso(d.decidedAt),
    decisionNote: d.decisionNote,
    executedBy: d.executedBy,
    executedAt: iso(d.executedAt),
  };
}
