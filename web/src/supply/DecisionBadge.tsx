// How a decision's status and scope read.
import type { Decision, DecisionStatus, Warehouse } from './api';

const BADGE: Record<DecisionStatus, string> = {
  pending: 'badge-live',
  proposed: 'badge-warn',
  failed: 'badge-bad',
  approved: 'badge-ok',
  rejected: 'badge-neutral',
  executed: 'badge-ok',
};

const LABEL: Record<DecisionStatus, string> = {
  pending: 'computing',
  proposed: 'proposed',
  failed: 'failed',
  approved: 'approved',
  rejected: 'rejected',
  executed: 'executed',
};

export function DecisionStatusBadge({ status, testId }: { status: DecisionStatus; testId?: string }) {
  return (
    <span className={`badge ${BADGE[status] ?? 'badge-neutral'}`} data-testid={testId} data-status={status}>
      {LABEL[status] ?? status}
    </span>
  );
}

/** "All SKUs", "Warehouse WH-N", "Category Beverages", "3 SKUs at WH-N". */
export function scopeText(scope: Decision['scope'], warehouses: ReadonlyMap<string, Warehouse>): string {
  const parts: string[] = [];
  const codes = (scope.warehouseIds ?? []).map((id) => warehouses.get(id)?.code ?? 'a warehouse');
  if (scope.skus?.length)
    parts.push(scope.skus.length === 1 ? `SKU ${scope.skus[0]}` : `${scope.skus.length} SKUs`);
  if (scope.categories?.length) parts.push(`category ${scope.categories.join(', ')}`);
  if (codes.length) parts.push(`${parts.length ? 'at' : 'warehouse'} ${codes.join(', ')}`);
  if (parts.length === 0) return 'All SKUs';
  const text = parts.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
