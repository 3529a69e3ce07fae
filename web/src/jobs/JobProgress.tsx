// How a job's state reads: a status badge and a progress bar.
import type { JobStatus } from './api';

const BADGE: Record<JobStatus, string> = {
  queued: 'badge-neutral',
  running: 'badge-live',
  retrying: 'badge-warn',
  completed: 'badge-ok',
  failed: 'badge-bad',
};

export function JobStatusBadge({ status, testId }: { status: JobStatus; testId?: string }) {
  return (
    <span className={`badge ${BADGE[status] ?? 'badge-neutral'}`} data-testid={testId}>
      {status}
    </span>
  );
}

export function ProgressBar({ value, label, testId }: { value: number; label: string; testId?: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid={testId}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-value">{percent} %</span>
    </div>
  );
}

/** "850 ms", "2.6 s", "3 min 5 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}
