// Scheduled analyses (/api/v1/analytics/schedules): shapes from the generated API schema, calls,
// query keys and the hooks the schedule pages share.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, operations } from '../../api-schema';
import { usePermissions } from '../../auth/hooks';
import { client } from '../../typed-api';

type Schemas = components['schemas'];
export type Schedule = Schemas['AnalysisSchedule'];
export type ScheduleRun = Schemas['ScheduleRun'];
export type ScheduleInput =
  operations['createAnalysisSchedule']['requestBody']['content']['application/json'];
export type ScheduleUpdate =
  operations['updateAnalysisSchedule']['requestBody']['content']['application/json'];
export type SchedulePreview = Schemas['SchedulePreview'];

export const SCHEDULES_HOME = '/automation/schedules';
export const NEW_SCHEDULE = `${SCHEDULES_HOME}/new`;
export const schedulePath = (id: string) => `${SCHEDULES_HOME}/${encodeURIComponent(id)}`;
export const editSchedulePath = (id: string) => `${schedulePath(id)}/edit`;

const keys = {
  all: ['schedules'] as const,
  list: (offset: number) => ['schedules', 'list', offset] as const,
  one: (id: string) => ['schedules', 'one', id] as const,
  runs: (id: string, offset: number) => ['schedules', 'runs', id, offset] as const,
  preview: (cron: string, timezone: string) => ['schedules', 'preview', cron, timezone] as const,
};

/** Lists reload this often while a run of theirs is under way. */
const RUNNING_POLL_MS = 3_000;
const running = (run: ScheduleRun | null | undefined) =>
  run?.status === 'queued' || run?.status === 'running';

export function useScheduleRights() {
  return { write: usePermissions().importWorkOrders };
}

export function useSchedules(offset: number, limit: number) {
  return useQuery({
    queryKey: keys.list(offset),
    queryFn: ({ signal }) => client.get('/api/v1/analytics/schedules', { query: { limit, offset }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((s) => running(s.lastRun)) ? RUNNING_POLL_MS : false),
  });
}

export function useSchedule(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => client.get('/api/v1/analytics/schedules/{id}', { path: { id }, signal }),
    enabled: id !== '',
    refetchInterval: (q) => (running(q.state.data?.lastRun) ? RUNNING_POLL_MS : false),
  });
}

export function useRuns(id: string, offset: number, limit: number) {
  return useQuery({
    queryKey: keys.runs(id, offset),
    queryFn: ({ signal }) =>
      client.get('/api/v1/analytics/schedules/{id}/runs', { path: { id }, query: { limit, offset }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some(running) ? RUNNING_POLL_MS : false),
  });
}

/** The next five runs of an expression, asked of the server (it validates exactly as a save does). */
export function usePreview(cron: string, timezone: string) {
  return useQuery({
    queryKey: keys.preview(cron, timezone),
    queryFn: ({ signal }) =>
      client.get('/api/v1/analytics/schedules/preview', { query: { cron, timezone }, signal }),
    enabled: cron.trim() !== '' && timezone !== '',
    retry: false,
    staleTime: 30_000,
  });
}

export function useScheduleActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.all });
  return {
    create: useMutation({
      mutationFn: (body: ScheduleInput) => client.post('/api/v1/analytics/schedules', { body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: ScheduleUpdate }) =>
        client.patch('/api/v1/analytics/schedules/{id}', { path: { id }, body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => client.delete('/api/v1/analytics/schedules/{id}', { path: { id } }),
      onSuccess: refresh,
    }),
    pause: useMutation({
      mutationFn: (id: string) => client.post('/api/v1/analytics/schedules/{id}/pause', { path: { id } }),
      onSuccess: refresh,
    }),
    resume: useMutation({
      mutationFn: (id: string) => client.post('/api/v1/analytics/schedules/{id}/resume', { path: { id } }),
      onSuccess: refresh,
    }),
    runNow: useMutation({
      mutationFn: (id: string) => client.post('/api/v1/analytics/schedules/{id}/run', { path: { id } }),
      onSuccess: refresh,
    }),
  };
}

export const RUN_STATUS_BADGE: Record<ScheduleRun['status'], string> = {
  queued: 'badge-neutral',
  running: 'badge-neutral',
  completed: 'badge-ok',
  failed: 'badge-bad',
  skipped: 'badge-warn',
};

/** "2 new · 1 worse · 3 resolved", or null before a comparison exists. */
export function comparisonText(run: ScheduleRun | null | undefined): string | null {
  const summary = run?.comparison?.summary;
  if (!summary) return null;
  return `${summary.new} new · ${summary.worse} worse · ${summary.resolved} resolved`;
}
