// A decision's job while it is computed (progress and message), or why it failed: shared by the
// replenishment and routing decision pages.
import type { Job } from '../jobs/api';
import { JobStatusBadge, ProgressBar } from '../jobs/JobProgress';
import type { Decision } from './api';

export function DecisionProgress({ decision, job }: { decision: Decision; job: Job | null | undefined }) {
  return (
    <>
      {decision.status === 'pending' ? (
        <div className="self-check-run" data-testid="decision-progress">
          {job ? (
            <>
              <JobStatusBadge status={job.status} />
              <ProgressBar value={job.progress} label="Decision progress" />
              {job.message ? <p className="muted">{job.message}</p> : null}
            </>
          ) : (
            <p className="muted">Waiting for the job to start…</p>
          )}
        </div>
      ) : null}
      {decision.status === 'failed' ? (
        <p className="job-error" data-testid="decision-error">
          {decision.errorMessage ?? 'The decision could not be computed.'}
        </p>
      ) : null}
    </>
  );
}
