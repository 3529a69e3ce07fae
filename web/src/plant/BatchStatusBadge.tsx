import type { BatchStatus } from './api';
import { BATCH_STATUS_BADGE, BATCH_STATUS_LABEL } from './format';

export function BatchStatusBadge({ status, testId }: { status: BatchStatus; testId?: string }) {
  return (
    <span className={`badge ${BATCH_STATUS_BADGE[status]}`} data-testid={testId}>
      {BATCH_STATUS_LABEL[status]}
    </span>
  );
}
