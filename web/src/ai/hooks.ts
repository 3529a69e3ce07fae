// Queries and mutations of the AI gateway's pages, over the shared query keys of ./api.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../auth/hooks';
import {
  aiApi,
  aiKeys,
  type PipelineGraph,
  type PipelineInput,
  type PipelineQuery,
  type WizardSpec,
  type WorkspaceInput,
} from './api';

/** What the signed-in user may do here: analysts change pipelines, admins manage workspaces and keys. */
export function useAiPermissions() {
  const me = useMe().data;
  const scopes = new Set(me?.scopes ?? []);
  return { analyze: scopes.has('analyze'), admin: scopes.has('admin') };
}

export function usePipelines(query: PipelineQuery) {
  return useQuery({
    queryKey: aiKeys.pipelineList(query),
    queryFn: ({ signal }) => aiApi.pipelines(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePipeline(id: string | null) {
  return useQuery({
    queryKey: aiKeys.pipeline(id ?? ''),
    queryFn: ({ signal }) => aiApi.pipeline(id ?? '', signal),
    enabled: id !== null,
  });
}

export function useVersions(id: string) {
  return useQuery({ queryKey: aiKeys.versions(id), queryFn: ({ signal }) => aiApi.versions(id, signal) });
}

/** Hourly buckets of the last `hours`, or (bucket `minute`) the last 60 minutes for the live chart. */
export function usePipelineMetrics(id: string, bucket: 'hour' | 'minute', hours: number) {
  return useQuery({
    queryKey: aiKeys.metrics(id, bucket, hours),
    queryFn: ({ signal }) => aiApi.metrics(id, bucket, hours, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePipelineRequests(id: string, offset: number) {
  return useQuery({
    queryKey: aiKeys.requests(id, offset),
    queryFn: ({ signal }) => aiApi.requests(id, offset, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePipelineCache(id: string) {
  return useQuery({ queryKey: aiKeys.cache(id), queryFn: ({ signal }) => aiApi.cache(id, signal) });
}

export function useWorkspaces() {
  return useQuery({
    queryKey: aiKeys.workspaces,
    queryFn: ({ signal }) => aiApi.workspaces(signal),
    staleTime: 30_000,
  });
}

export function useWorkspaceKeys(id: string) {
  return useQuery({
    queryKey: aiKeys.workspaceKeys(id),
    queryFn: ({ signal }) => aiApi.workspaceKeys(id, signal),
  });
}

export function useWorkspaceSummary() {
  return useQuery({
    queryKey: aiKeys.workspaceSummary,
    queryFn: ({ signal }) => aiApi.workspaceSummary(signal),
  });
}

export function useDashboard() {
  return useQuery({ queryKey: aiKeys.dashboard, queryFn: ({ signal }) => aiApi.dashboard(signal) });
}

export function useSectorDashboard(sector: string) {
  return useQuery({ queryKey: aiKeys.sector(sector), queryFn: ({ signal }) => aiApi.sector(sector, signal) });
}

export function useQueryMap() {
  return useQuery({ queryKey: aiKeys.queryMap, queryFn: ({ signal }) => aiApi.queryMap(signal) });
}

/** The server's check of a graph (errors per node, complexity and cost), re-asked as the graph changes. */
export function useValidation(graph: PipelineGraph, enabled: boolean) {
  return useQuery({
    queryKey: ['ai', 'validate', graph] as const,
    queryFn: ({ signal }) => aiApi.validate(graph, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Every mutation here changes what lists and dashboards show: everything of the gateway reloads. */
function useAiMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: aiKeys.all }),
  });
}

export type PipelineAction = 'deploy' | 'pause' | 'archive';

export const usePipelineAction = () =>
  useAiMutation(({ id, action }: { id: string; action: PipelineAction }) =>
    action === 'deploy' ? aiApi.deploy(id) : action === 'pause' ? aiApi.pause(id) : aiApi.archive(id),
  );

export const useSavePipeline = () =>
  useAiMutation(({ id, input }: { id: string | null; input: PipelineInput }) =>
    id ? aiApi.updatePipeline(id, input) : aiApi.createPipeline(input),
  );

export const useGenerate = () =>
  useAiMutation((spec: WizardSpec & { save?: boolean; workspaceId?: string }) => aiApi.generate(spec));

export const useInvalidateCache = () => useAiMutation((id: string) => aiApi.invalidateCache(id));

export const useSaveWorkspace = () =>
  useAiMutation(({ id, input }: { id: string | null; input: WorkspaceInput }) =>
    id ? aiApi.updateWorkspace(id, input) : aiApi.createWorkspace(input),
  );

export const useDeleteWorkspace = () => useAiMutation((id: string) => aiApi.deleteWorkspace(id));

export const useCreateKey = () =>
  useAiMutation(({ workspaceId, name }: { workspaceId: string; name: string }) =>
    aiApi.createKey(workspaceId, name),
  );

export const useRevokeKey = () =>
  useAiMutation(({ workspaceId, keyId }: { workspaceId: string; keyId: string }) =>
    aiApi.revokeKey(workspaceId, keyId),
  );

export const useRefreshQueryMap = () => useAiMutation(() => aiApi.refreshQueryMap());
