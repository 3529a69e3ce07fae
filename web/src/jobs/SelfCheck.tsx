// The self-check an admin starts from the status page: a background job whose progress is pushed live.
import { ErrorNotice } from '../components/ErrorNotice';
import { type DiagnosticsResult, isDiagnosticsResult, isFinished, type Job } from './api';
import { useLiveJob, useStartDiagnostics } from './hooks';
import { formatDuration, JobStatusBadge, ProgressBar } from './JobProgress';

/** About 2.5 s of work: long enough to watch the progress move. */
const SELF_CHECK_ROUNDS = 40;

const formatMs = (ms: number) => `${ms < 10 ? ms.toFixed(2) : Math.round(ms)} ms`;

function SelfCheckResult({ result, job }: { result: DiagnosticsResult; job: Job }) {
  return (
    <dl className="facts self-check-result" data-testid="self-check-result">
      <div>
        <dt>Median database round trip</dt>
        <dd data-testid="self-check-median">{formatMs(result.medianMs)}</dd>
      </div>
      <div>
        <dt>Slowest round trip</dt>
        <dd data-testid="self-check-max">{formatMs(result.maxMs)}</dd>
      </div>
      <div>
        <dt>Rounds</dt>
        <dd>{result.rounds}</dd>
      </div>
      <div>
        <dt>Took</dt>
        <dd>{formatDuration(job.durationMs)}</dd>
      </div>
    </dl>
  );
}

function SelfCheckRun({ job }: { job: Job }) {
  const result = job.status === 'completed' && isDiagnosticsResult(job.result) ? job.result : null;
  return (
    <div className="self-check-run" data-testid="self-check-run">
      <p className="self-check-line" aria-live="polite">
        <JobStatusBadge status={job.status} testId="self-check-status" />
        {job.attempts > 1 ? <span className="muted"> attempt {job.attempts}</span> : null}
      </p>
      {isFinished(job.status) ? null : (
        <>
          <ProgressBar value={job.progress} label="Self-check progress" testId="self-check-progress" />
          <p className="muted self-check-message" data-testid="self-check-message">
            {job.message ?? (job.status === 'queued' ? 'Waiting for a worker…' : '\u00a0')}
          </p>
        </>
      )}
      {job.status === 'failed' || job.status === 'retrying' ? (
        <p className="self-check-error" data-testid="self-check-error">
          {job.error ?? 'The self-check failed.'}
        </p>
      ) : null}
      {result ? (
        <SelfCheckResult result={result} job={job} />
      ) : job.status === 'completed' ? (
        <p className="muted">Loading the result…</p>
      ) : null}
    </div>
  );
}

export function SelfCheck() {
  const start = useStartDiagnostics();
  const { query: job, refused } = useLiveJob(start.data?.id ?? null);
  const running = start.isPending || (job.data !== undefined && !isFinished(job.data.status));

  return (
    <div className="self-check">
      <div className="self-check-intro">
        <p className="muted">
          Runs {SELF_CHECK_ROUNDS} database round trips on a background worker: proves that jobs are picked up
          and report their progress live, and measures the database as the workers see it.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => start.mutate(SELF_CHECK_ROUNDS)}
          disabled={running}
        >
          {running ? 'Self-check running…' : 'Run self-check'}
        </button>
      </div>
      {start.isError ? <ErrorNotice error={start.error} title="Could not start the self-check" /> : null}
      {job.isError ? <ErrorNotice error={job.error} title="Could not load the self-check" /> : null}
      {refused ? (
        <p className="muted" data-testid="self-check-refused">
          Live progress is not available: {refused}
        </p>
      ) : null}
      {job.data ? <SelfCheckRun job={job.data} /> : null}
    </div>
  );
}
