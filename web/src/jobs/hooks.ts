// Jobs kept current by live push, with the REST API as the source of truth to fall back on.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type PushedEvent, useConnectionState, useTopic } from '../realtime';
import { isFinished, isJobUpdate, type Job, type JobUpdate, jobKeys, jobsApi, jobTopic } from './api';

/** How often a running job is reloaded while the live connection is down. */
const FALLBACK_POLL_MS = 5_000;
const RECENT_POLL_MS = 30_000;

/** Events are applied one at a time, in arrival order (see `applyUpdate`). */
let applying: Promise<void> = Promise.resolve();
/** Last event applied per job: several views of one job each hear every event. */
const lastApplied = new Map<string, PushedEvent['id']>();

async function applyUpdate(queryClient: QueryClient, update: JobUpdate) {
  const key = jobKeys.detail(update.jobId);
  // Not loaded yet: the load under way (or this one) brings the latest state.
  if (!queryClient.getQueryData(key)) return void queryClient.invalidateQueries({ queryKey: key });
  // A reload that began before this event would land after it with older state: the event wins.
  if (queryClient.isFetching({ queryKey: key }) > 0) await queryClient.cancelQueries({ queryKey: key });
  const { status, progress, message, attempts, error } = update;
  queryClient.setQueryData<Job>(key, (job) => job && { ...job, status, progress, message, attempts, error });
  if (isFinished(status)) {
    lastApplied.delete(update.jobId);
    // The event carries no result or timings; the recent list shows the change too.
    void queryClient.invalidateQueries({ queryKey: jobKeys.all });
  }
}

function receive(queryClient: QueryClient, event: PushedEvent) {
  if (event.type !== 'JobUpdated' || !isJobUpdate(event.data)) return;
  const update = event.data;
  if (lastApplied.get(update.jobId) === event.id) return;
  lastApplied.set(update.jobId, event.id);
  applying = applying.then(() => applyUpdate(queryClient, update)).catch(() => undefined);
}

/**
 * A job (null: none), live while it runs: subscribed to `job:<id>`, events merged into the cached
 * `GET /jobs/{id}`, reloaded after every (re)subscription so nothing missed stays missed, and
 * polled instead while the live connection is down. `initial` (e.g. from a list) spares a request.
 */
export function useLiveJob(jobId: string | null, initial?: Job) {
  const queryClient = useQueryClient();
  const connected = useConnectionState().status === 'open';
  const query = useQuery({
    queryKey: jobKeys.detail(jobId ?? ''),
    queryFn: ({ signal }) => jobsApi.get(jobId ?? '', signal),
    enabled: jobId !== null,
    initialData: initial,
    // Fresh by push and by the reload after subscribing; a finished job does not change.
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (q) => (!connected && !isFinished(q.state.data?.status) ? FALLBACK_POLL_MS : false),
  });
  const running = jobId !== null && query.data !== undefined && !isFinished(query.data.status);
  const { refused } = useTopic(running ? jobTopic(jobId) : null, {
    onEvent: (event) => receive(queryClient, event),
    onSubscribed: () => void queryClient.invalidateQueries({ queryKey: jobKeys.detail(jobId ?? '') }),
  });
  return { query, refused };
}

/** The organisation's newest jobs; each row goes live through `useLiveJob`. */
export function useRecentJobs(limit: number) {
  return useQuery({
    queryKey: jobKeys.recent(limit),
    queryFn: ({ signal }) => jobsApi.list({ limit }, signal),
    // Jobs started elsewhere (another admin, a schedule) appear without a reload.
    refetchInterval: RECENT_POLL_MS,
  });
}

export function useStartDiagnostics() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rounds: number) => jobsApi.startDiagnostics(rounds),
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      void queryClient.invalidateQueries({ queryKey: jobKeys.recentAll });
    },
  });
}
