// A decision's explanation, built from what the job stored: per action the factors behind its
// quantity (their weights add up to it), the policy figures and one sentence each; for the decision
// the binding constraints, the confidence and where it comes from, and factor totals.
import type { ConstraintCheck, Factor, ItemDecision } from '../policy/index.ts';
import type { ActionRow, DecisionRow } from './decisions.repo.ts';

export interface ExplainedItem {
  actionId: string | null;
  inventoryId: string;
  sku: string;
  warehouseId: string;
  quantity: number;
  amount: number | null;
  reason: string;
  factors: Factor[];
  policy: {
    kind: string;
    trigger: ItemDecision['trigger'];
    inventoryPosition: number;
    safetyStock: number;
    service: ItemDecision['service'];
    demandOverLeadTime: ItemDecision['demandOverLeadTime'];
    eoq: number | null;
    orderQuantity: number | null;
  };
  risk: { beforeArrival: ItemDecision['riskBeforeArrival']; afterOrder: ItemDecision['riskAfterOrder'] };
  confidence: ItemDecision['confidence'];
  orderDate: string;
  expectedArrival: string;
  notes: string[];
}

export function explainItem(
  item: ItemDecision,
  action?: { id: string | null; amount: number | null },
): ExplainedItem {
  return {
    actionId: action?.id ?? null,
    inventoryId: item.inventoryId,
    sku: item.sku,
    warehouseId: item.warehouseId,
    quantity: item.quantity,
    amount: action?.amount ?? null,
    reason: item.reason,
    factors: item.factors,
    policy: {
      kind: item.policy,
      trigger: item.trigger,
      inventoryPosition: item.inventoryPosition,
      safetyStock: item.safetyStock,
      service: item.service,
      demandOverLeadTime: item.demandOverLeadTime,
      eoq: item.eoq,
      orderQuantity: item.orderQuantity,
    },
    risk: { beforeArrival: item.riskBeforeArrival, afterOrder: item.riskAfterOrder },
    confidence: item.confidence,
    orderDate: item.orderDate,
    expectedArrival: item.expectedArrival,
    notes: item.notes,
  };
}

export const itemOf = (action: ActionRow) => action.explanation as unknown as ItemDecision;

export function explainDecision(decision: DecisionRow, actions: ActionRow[], actionCount: number) {
  const checks = decision.constraintChecks as unknown as ConstraintCheck[];
  return {
    decisionId: decision.id,
    type: decision.type,
    status: decision.status,
    summary: decision.summary ?? decision.errorMessage ?? 'The decision has not been computed yet',
    confidence: {
      value: decision.confidence,
      sentence: decision.confidenceNote,
    },
    bindingConstraints: checks.filter((c) => c.status !== 'satisfied'),
    constraints: checks,
    predictedCost: decision.costBreakdown,
    modelVersions: decision.modelVersions,
    actionCount,
    items: actions.map((a) => explainItem(itemOf(a), a)),
  };
}

/** Factor totals over the given actions: how much of the proposal each reason accounts for. */
export function factorTotals(actions: ActionRow[]) {
  const totals = new Map<string, number>();
  let quantity = 0;
  for (const a of actions) {
    quantity += a.quantity;
    for (const f of itemOf(a).factors ?? []) totals.set(f.kind, (totals.get(f.kind) ?? 0) + f.weight);
  }
  return {
    quantity,
    totals: [...totals].map(([kind, weight]) => ({
      kind,
      weight: Math.round(weight * 100) / 100,
      share: quantity > 0 ? Math.round((weight / quantity) * 10_000) / 10_000 : 0,
    })),
  };
}

/**
 * The engine names warehouses by id; people know them by code. Every sentence of a proposal (item
 * reasons, factor sentences, notes, constraint details, the summary) gets the code instead.
 */
export function withWarehouseCodes<
  P extends { items: ItemDecision[]; constraints: ConstraintCheck[]; summary: string },
>(proposal: P, codes: Map<string, string>): P {
  if (codes.size === 0) return proposal;
  const pattern = new RegExp([...codes.keys()].join('|'), 'g');
  const named = (text: string) => text.replace(pattern, (id) => codes.get(id) ?? id);
  return {
    ...proposal,
    summary: named(proposal.summary),
    items: proposal.items.map((item) => ({
      ...item,
      reason: named(item.reason),
      notes: item.notes.map(named),
      factors: item.factors.map((f) => ({ ...f, sentence: named(f.sentence) })),
    })),
    constraints: proposal.constraints.map((c) => ({ ...c, detail: named(c.detail) })),
  };
}
