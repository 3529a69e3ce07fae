// How import figures read: statuses, suggestion reasons, field groups, sizes and counts.
import type { FieldGroup, ImportStatus, SuggestionReason } from './api';

export const IMPORT_STATUS_LABEL: Record<ImportStatus, string> = {
  queued: 'Queued',
  processing: 'Processing',
  completed: 'Completed',
  failed: 'Failed',
};

const IMPORT_STATUS_BADGE: Record<ImportStatus, string> = {
  queued: 'badge-neutral',
  processing: 'badge-live',
  completed: 'badge-ok',
  failed: 'badge-bad',
};

export function ImportStatusBadge({ status, testId }: { status: ImportStatus; testId?: string }) {
  return (
    <span className={`badge ${IMPORT_STATUS_BADGE[status]}`} data-testid={testId} data-status={status}>
      {IMPORT_STATUS_LABEL[status]}
    </span>
  );
}

/** Why a column was suggested for a field, as a person would say it. */
export const REASON_LABEL: Record<SuggestionReason, string> = {
  profile: 'Earlier profile',
  header: 'Header match',
  synonym: 'ERP synonym',
  pattern: 'Value pattern',
};

export const GROUP_LABEL: Record<FieldGroup, string> = {
  identifiers: 'Identifiers',
  quantities: 'Quantities',
  dates: 'Dates',
  hours: 'Hours and downtime',
  costs: 'Costs',
  quality: 'Quality',
  equipment: 'Equipment and process',
};

export const GRANULARITY_LABEL = {
  header: 'One row per work order',
  operation: 'One row per operation (rolled up to work orders)',
} as const;

/** What one row of the file is, in a list's few words. */
export const GRANULARITY_SHORT = { header: 'Work orders', operation: 'Operations' } as const;

export const formatCount = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString();

/** 0.834 → "83 %". */
export const formatConfidence = (confidence: number) => `${Math.round(confidence * 100)} %`;

/** "812 B", "4.2 KB", "18.6 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })} ${units[unit]}`;
}

/** A mapped value as the preview shows it (dates and numbers as the server gave them). */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString(undefined, { maximumFractionDigits: 4 });
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** "invalid_number" or "invalidNumber" → "invalid number". */
export const reasonText = (reason: string) =>
  reason
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();

export const REJECT_POLICY_LABEL = {
  skip: 'Skip rejected rows and import the rest',
  fail: 'Fail the whole import if any row is rejected',
} as const;
