// Background jobs: their shape, the calls, and the query keys shared by every view of a job.
import { api, withQuery } from '../api';

export type JobStatus = 'queued' | 'running' | 'retrying' | 'completed' | 'failed';

export interface Job {
  id: string;
  name: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  result: unknown;
  error: string | null;
  attempts: number;
  maxAttempts: number;
  priority: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
}

export interface JobPage {
  items: Job[];
  total: number;
  limit: number;
  offset: number;
}

/** `data` of a JobUpdated event pushed on topic `job:<id>`: the job's latest state. */
export interface JobUpdate {
  jobId: string;
  name: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  attempts: number;
  error: string | null;
}

/** What `platform.diagnostics` returns: database round trips as the workers see them. */
export interface DiagnosticsResult {
  rounds: number;
  medianMs: number;
  maxMs: number;
  attempt: number;
}

export const isFinished = (status: JobStatus | undefined) => status === 'completed' || status === 'failed';

export const jobTopic = (id: string) => `job:${id}`;

export const jobKeys = {
  all: ['jobs'] as const,
  detail: (id: string) => ['jobs', 'detail', id] as const,
  recentAll: ['jobs', 'recent'] as const,
  recent: (limit: number) => ['jobs', 'recent', limit] as const,
};

const jobPath = (id: string) => `/api/v1/jobs/${encodeURIComponent(id)}`;

export const jobsApi = {
  get: (id: string, signal?: AbortSignal) => api.get<Job>(jobPath(id), signal),
  list: (
    filter: { status?: JobStatus; name?: string; limit: number; offset?: number },
    signal?: AbortSignal,
  ) => api.get<JobPage>(withQuery('/api/v1/jobs', { ...filter }), signal),
  startDiagnostics: (rounds: number) => api.post<Job>('/api/v1/jobs/diagnostics', { rounds }),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isDiagnosticsResult(value: unknown): value is DiagnosticsResult {
  return isRecord(value) && typeof value.medianMs === 'number' && typeof value.maxMs === 'number';
}

export function isJobUpdate(value: unknown): value is JobUpdate {
  return (
    isRecord(value) &&
    typeof value.jobId === 'string' &&
    typeof value.status === 'string' &&
    typeof value.progress === 'number'
  );
}
