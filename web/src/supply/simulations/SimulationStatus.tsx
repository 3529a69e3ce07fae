// How a simulation's status reads, with its job's progress while it runs.
import { useLiveJob } from '../../jobs/hooks';
import { ProgressBar } from '../../jobs/JobProgress';
import type { Simulation, SimulationStatus } from './api';
import { STATUS_BADGE } from './format';

export function SimulationStatusBadge({ status, testId }: { status: SimulationStatus; testId?: string }) {
  return (
    <span
      className={`badge ${STATUS_BADGE[status] ?? 'badge-neutral'}`}
      data-testid={testId}
      data-status={status}
    >
      {status}
    </span>
  );
}

/** The badge, and the progress bar of its job while it runs (for list rows). */
export function SimulationStatusCell({ simulation }: { simulation: Simulation }) {
  const running = simulation.status === 'queued' || simulation.status === 'running';
  const { query: job } = useLiveJob(running ? simulation.jobId : null);
  return (
    <div className="job-progress-cell">
      <SimulationStatusBadge status={simulation.status} />
      {running && job.data ? <ProgressBar value={job.data.progress} label="Simulation progress" /> : null}
    </div>
  );
}
