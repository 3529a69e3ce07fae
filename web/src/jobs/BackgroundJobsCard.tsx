// The status page's view of background work: the self-check (admins) and the newest jobs, live.
import { ConnectionIndicator, type ConnectionWording } from '../components/ConnectionIndicator';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDateTime } from '../format';
import { isFinished, type Job } from './api';
import { useLiveJob, useRecentJobs } from './hooks';
import { formatDuration, JobStatusBadge, ProgressBar } from './JobProgress';
import { SelfCheck } from './SelfCheck';

const RECENT_JOBS = 5;

const JOB_LABEL: Record<string, string> = {
  'platform.diagnostics': 'Self-check',
};

/** The connection indicator in the card: discreet, as most of the time nothing is running. */
const JOBS_WORDING: ConnectionWording = {
  open: 'Updates are pushed as they happen.',
  reconnecting: 'The live connection was lost; running jobs are reloaded every few seconds meanwhile.',
  closed: ['Idle', 'The live connection opens while something is running.'],
};

function RecentJobRow({ job: listed }: { job: Job }) {
  const job = useLiveJob(listed.id, listed).query.data ?? listed;
  const name = JOB_LABEL[job.name];
  return (
    <tr data-testid={`job-${job.id}`}>
      <td>
        {name ?? <code>{job.name}</code>}
        {name ? <span className="muted"> ({job.name})</span> : null}
      </td>
      <td>
        <JobStatusBadge status={job.status} />
      </td>
      <td className="job-progress-cell">
        {isFinished(job.status) ? (
          <span className={job.status === 'failed' ? 'job-error' : 'muted'}>
            {job.status === 'failed' ? (job.error ?? 'failed') : `done in ${formatDuration(job.durationMs)}`}
          </span>
        ) : (
          <ProgressBar value={job.progress} label={`Progress of ${name ?? job.name}`} />
        )}
      </td>
      <td className="cell-nowrap">
        <time dateTime={job.createdAt}>{formatDateTime(job.createdAt)}</time>
      </td>
    </tr>
  );
}

function RecentJobs() {
  const recent = useRecentJobs(RECENT_JOBS);
  if (recent.isPending) return <p className="state-message">Loading recent jobs…</p>;
  if (recent.isError) return <ErrorNotice error={recent.error} title="Could not load recent jobs" />;
  if (recent.data.items.length === 0) {
    return (
      <p className="state-message" data-testid="no-jobs">
        No background jobs have run yet.
      </p>
    );
  }
  return (
    <DataTable
      columns={['Job', 'Status', 'Progress', 'Created']}
      dense
      caption={`The ${RECENT_JOBS} most recent background jobs`}
      testId="recent-jobs"
    >
      {recent.data.items.map((job) => (
        <RecentJobRow key={job.id} job={job} />
      ))}
    </DataTable>
  );
}

export function BackgroundJobsCard({ canRunSelfCheck }: { canRunSelfCheck: boolean }) {
  return (
    <section className="card" aria-labelledby="jobs-heading" data-testid="background-jobs">
      <div className="card-heading">
        <h2 id="jobs-heading">Background jobs</h2>
        <ConnectionIndicator wording={JOBS_WORDING} />
      </div>
      {canRunSelfCheck ? <SelfCheck /> : null}
      <h3 className="subheading">Recent jobs</h3>
      <RecentJobs />
    </section>
  );
}
